import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { run, runCli } from './main';

const SMALL = ['--depth', '4', '--width', '32', '--batch', '8'];

function json(argv: string[]) {
  const r = run([...argv, '--format', 'json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as {
    config: Record<string, unknown>;
    layers: Array<Record<string, Record<string, unknown> | number | string>>;
  };
}

describe('CLI output contract', () => {
  it('prints config and one entry per layer with the fixed field names', () => {
    const out = json(['--init', 'he_normal', '--activation', 'relu', ...SMALL, '--seed', '1']);
    expect(out.config).toMatchObject({ init: 'he_normal', activation: 'relu', depth: 4, batch: 8, seed: 1 });
    expect(out.layers).toHaveLength(4);
    const l = out.layers[0]!;
    expect(l).toMatchObject({ layer: 1, fanIn: 32, fanOut: 32 });
    for (const k of ['mean', 'variance', 'min', 'max'])
      expect(typeof (l.weights as Record<string, unknown>)[k]).toBe('number');
    for (const k of ['mean', 'variance', 'secondMoment', 'min', 'max'])
      expect(typeof (l.preactivation as Record<string, unknown>)[k]).toBe('number');
    for (const k of ['mean', 'variance', 'secondMoment', 'fractionZero', 'fractionSaturated'])
      expect(typeof (l.activation as Record<string, unknown>)[k]).toBe('number');
    for (const k of ['preactivationSecondMoment', 'chi1'])
      expect(typeof (l.theory as Record<string, unknown>)[k]).toBe('number');
  });

  it('--widths sets each layer width and the depth', () => {
    const out = json(['--widths', '64,32,16', '--batch', '4']);
    expect(out.layers.map((l) => [l.fanIn, l.fanOut])).toEqual([
      [64, 64],
      [64, 32],
      [32, 16],
    ]);
    expect(out.config.depth).toBe(3);
  });

  it('csv has one row per layer with flattened columns equal to the JSON numbers', () => {
    const argv = ['--init', 'glorot_uniform', '--activation', 'tanh', ...SMALL, '--seed', '7'];
    const csv = run([...argv, '--format', 'csv'])
      .stdout.trim()
      .split('\n');
    const header = csv[0]!.split(',');
    expect(header).toContain('preactivation.secondMoment');
    expect(header).toContain('theory.preactivationSecondMoment');
    expect(csv).toHaveLength(5);
    const col = header.indexOf('preactivation.secondMoment');
    const fromJson = json(argv).layers.map((l) => (l.preactivation as Record<string, number>).secondMoment);
    expect(csv.slice(1).map((row) => Number(row.split(',')[col]))).toEqual(fromJson);
  });

  it('table output names the run and lists every layer', () => {
    const r = run([...SMALL]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toContain('he_normal · relu · depth 4');
    // Title, header and 4 layers, a blank line, then the verdict: headline, size and inputs.
    expect(lines.indexOf('')).toBe(2 + 4);
    expect(lines.slice(7, 10)).toEqual([
      expect.stringMatching(/^verdict: [a-z-]+ — /),
      expect.stringMatching(/^ {2}size: /),
      expect.stringMatching(/^ {2}inputs: /),
    ]);
  });

  it('mode values are case-insensitive and booleans take --flag or --flag=false', () => {
    const a = json(['--init', 'tf1_variance_scaling', '--mode', 'FAN_AVG', '--uniform', ...SMALL]);
    expect(a.config.initParams).toMatchObject({ mode: 'fan_avg', uniform: true });
    const b = json(['--init', 'tf1_variance_scaling', '--uniform=false', ...SMALL]);
    expect(b.config.initParams).toMatchObject({ uniform: false });
  });

  it('the same seed gives identical output and a different seed does not', () => {
    const a = run([...SMALL, '--seed', '5', '--format', 'json']).stdout;
    expect(run([...SMALL, '--seed', '5', '--format', 'json']).stdout).toBe(a);
    expect(run([...SMALL, '--seed', '6', '--format', 'json']).stdout).not.toBe(a);
  });
});

describe('CLI --backward and --correlations contract', () => {
  const GRADIENT_FIELDS = ['secondMoment', 'mean', 'variance', 'min', 'max', 'weightGradientSecondMoment'];
  const field = (l: Record<string, unknown>, group: string) => l[group] as Record<string, unknown> | undefined;

  it('--backward adds gradient.* and theory.gradientSecondMoment to every layer; without it they are absent', () => {
    const out = json(['--init', 'he_normal', '--activation', 'relu', ...SMALL, '--seed', '3', '--backward']);
    for (const l of out.layers) {
      const gradient = field(l, 'gradient')!;
      for (const k of GRADIENT_FIELDS) expect(typeof gradient[k], `gradient.${k}`).toBe('number');
      expect(gradient.status).toBe('ok');
      expect(typeof field(l, 'theory')!.gradientSecondMoment).toBe('number');
    }
    // δ^L ~ N(0, 1): the theory starts at exactly 1 at the top layer (ReLU/He keeps it there).
    expect(field(out.layers[3]!, 'theory')!.gradientSecondMoment).toBe(1);
    const plain = json(['--init', 'he_normal', '--activation', 'relu', ...SMALL, '--seed', '3']);
    expect(plain.layers[0]).not.toHaveProperty('gradient');
    expect(plain.layers[0]!.theory).not.toHaveProperty('gradientSecondMoment');
    expect(json([...SMALL, '--backward=false']).layers[0]).not.toHaveProperty('gradient');
    // The forward numbers do not change when the backward pass also runs.
    expect(out.layers.map((l) => l.preactivation)).toEqual(plain.layers.map((l) => l.preactivation));
  });

  it('--backward csv columns equal the JSON numbers, and the table shows E[δ²]', () => {
    const argv = ['--activation', 'tanh', ...SMALL, '--seed', '4', '--backward'];
    const csv = run([...argv, '--format', 'csv'])
      .stdout.trim()
      .split('\n');
    const header = csv[0]!.split(',');
    const fromJson = json(argv).layers;
    for (const [column, pick] of [
      ['gradient.secondMoment', (l: Record<string, unknown>) => field(l, 'gradient')!.secondMoment],
      [
        'gradient.weightGradientSecondMoment',
        (l: Record<string, unknown>) => field(l, 'gradient')!.weightGradientSecondMoment,
      ],
      ['theory.gradientSecondMoment', (l: Record<string, unknown>) => field(l, 'theory')!.gradientSecondMoment],
    ] as const) {
      const col = header.indexOf(column);
      expect(col, column).toBeGreaterThan(-1);
      expect(csv.slice(1).map((row) => Number(row.split(',')[col]))).toEqual(fromJson.map(pick));
    }
    const table = run(argv).stdout.split('\n');
    expect(table[1]).toContain('E[δ²]');
    expect(table[1]).toContain('theory q̃');
    // Title, header, 4 layers, a blank line, the verdict with its gradient line, the final newline.
    expect(table.indexOf('')).toBe(2 + 4);
    expect(table.filter((l) => l.startsWith('  gradients: '))).toHaveLength(1);
  });

  it('--backward output is deterministic for a seed', () => {
    const argv = [...SMALL, '--seed', '8', '--backward', '--format', 'json'];
    expect(run(argv).stdout).toBe(run(argv).stdout);
  });

  it('--correlations adds correlation.measured and correlation.theory, absent for a batch of 1', () => {
    const out = json(['--activation', 'relu', ...SMALL, '--correlations']);
    for (const l of out.layers) {
      const c = field(l, 'correlation')!;
      expect(typeof c.measured).toBe('number');
      expect(typeof c.theory).toBe('number');
      expect(Math.abs(c.measured as number)).toBeLessThanOrEqual(1);
    }
    const single = json(['--depth', '2', '--width', '8', '--batch', '1', '--correlations']);
    expect(single.layers[0]).not.toHaveProperty('correlation');
    expect(run([...SMALL, '--correlations']).stdout.split('\n')[1]).toContain('theory c');
  });

  it('--backward counts the backward pass in the run budget: refused up front, exit 2', () => {
    // 1 TFLOP forward fits the 2 TFLOP budget; with the backward pass (×4 products) it does not.
    const r = run(['--depth', '2000', '--width', '1024', '--batch', '256', '--backward']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/needs .* TFLOP .*the limit is 2 TFLOP/);
  });
});

describe('CLI bad input: one line naming flag, value and what is allowed; exit 2', () => {
  const cases: Array<[string[], RegExp]> = [
    [['--init', 'kaiming_magic'], /--init: "kaiming_magic" is not a known initializer \(choices: .*he_normal/],
    [['--activation', 'swishy'], /--activation: "swishy" is not a known activation \(choices: .*relu/],
    [['--depth', '0'], /--depth: 0 is below 1 \(allowed 1…2000\)/],
    [['--depth', '1000000000'], /--depth: 1000000000 is above 2000 \(allowed 1…2000\)/],
    [['--width', 'abc'], /--width: "abc" is not a number \(allowed 1…4096\)/],
    [['--widths', '64,,32'], /--widths: entry 2 of the width list is empty/],
    [['--init', 'random_normal', '--std', '-1'], /--std: -1 is outside 0…/],
    [['--batch', '1000000000'], /--batch: 1000000000 is above 4096/],
    [['--seed', '1.5'], /--seed: 1.5 is not a whole number \(allowed 0…4294967295\)/],
    [['--seed', '-3'], /--seed: -3 is below 0/],
    [['--format', 'xml'], /--format "xml" is not one of table, csv, json/],
    [['--bogus', '1'], /unknown flag --bogus/],
    [['--depth'], /--depth needs a value/],
    [['--gain', '2'], /--gain does not apply to he_normal with relu/],
    [
      ['--init', 'variance_scaling', '--mode', 'fan_sideways'],
      /--mode: "fan_sideways" is not one of fan_in, fan_out, fan_avg/,
    ],
    [['--widths', '8,8', '--depth', '3'], /--depth cannot be used with --widths/],
    [['--threads', '0'], /--threads "0" is not a whole number 1…64/],
    [['--threads', 'two'], /--threads "two" is not a whole number 1…64/],
    [['--threads', '65'], /--threads "65" is not a whole number 1…64/],
    [
      ['--init', 'tf1_xavier', '--uniform', 'false'],
      /--uniform takes no separate value \(got "false"\): write --uniform or --uniform=false/,
    ],
    [
      ['--depth', '2000', '--width', '4096', '--batch', '4096'],
      /--depth 2000 --width 4096 --batch 4096 needs 285 TFLOP \(about 2 h here\); the limit is 2 TFLOP — try --width 256 or --depth 8$/m,
    ],
  ];
  for (const [argv, pattern] of cases) {
    it(argv.join(' '), () => {
      const r = run(argv);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(pattern);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).not.toMatch(/\bat .*\(.*:\d+:\d+\)/); // no stack trace
    });
  }
});

describe('CLI --threads', () => {
  it('prints the same bytes on 1, 2 and 3 threads, correlations included', async () => {
    const argv = [
      '--activation',
      'tanh',
      '--depth',
      '5',
      '--width',
      '40',
      '--batch',
      '200',
      '--bias-std',
      '0.1',
      '--correlations',
      '--format',
      'json',
    ];
    const one = run(argv);
    expect(one.code).toBe(0);
    for (const threads of ['2', '3']) {
      const many = await runCli([...argv, '--threads', threads]);
      expect(many.stderr).toBe('');
      expect(many.stdout).toBe(one.stdout);
    }
  });

  it('runs --backward on one thread, and small batches on many, with the same output', async () => {
    for (const extra of [['--backward'], ['--correlations']]) {
      const argv = [...SMALL, ...extra, '--format', 'csv'];
      const many = await runCli([...argv, '--threads', '2']);
      expect(many.code).toBe(0);
      expect(many.stdout).toBe(run(argv).stdout);
    }
  });
});

describe('CLI as a process', () => {
  it('npm run simulate prints JSON and bad input exits 2 without a stack trace', () => {
    const ok = spawnSync('npm', ['run', '--silent', 'simulate', '--', ...SMALL, '--format', 'json'], {
      encoding: 'utf8',
    });
    expect(ok.status).toBe(0);
    expect((JSON.parse(ok.stdout) as { layers: unknown[] }).layers).toHaveLength(4);
    const bad = spawnSync('npm', ['run', '--silent', 'simulate', '--', '--depth', '0'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toContain('--depth');
  });
});
