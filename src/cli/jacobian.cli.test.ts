import { describe, expect, it } from 'vitest';
import { run } from './main';

interface JacobianOut {
  layer: number;
  singularValues: { mean: number; meanSquare: number; min: number; max: number; quantiles: number[] };
  theory: { meanSquare: number | null };
}

function json(args: string[]): { layers: unknown[]; jacobian?: JacobianOut[] } {
  const r = run([...args, '--format', 'json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as { layers: unknown[]; jacobian?: JacobianOut[] };
}

describe('CLI --jacobian contract', () => {
  it('adds `jacobian` at layers 1, L/4, L/2 and L with the fixed field names; absent without the flag', () => {
    const out = json([
      '--init',
      'orthogonal',
      '--activation',
      'linear',
      '--depth',
      '20',
      '--width',
      '16',
      '--batch',
      '2',
      '--jacobian',
    ]);
    expect(out.jacobian!.map((j) => j.layer)).toEqual([1, 5, 10, 20]);
    for (const j of out.jacobian!) {
      expect(Object.keys(j.singularValues).slice(0, 5)).toEqual(['mean', 'meanSquare', 'min', 'max', 'quantiles']);
      expect(j.singularValues.quantiles).toHaveLength(5);
      expect(Object.keys(j.theory)).toContain('meanSquare');
      // Linear orthogonal: σ = 1 to float32 rounding of the weights (see jacobian.test.ts).
      for (const v of [j.singularValues.min, j.singularValues.max, ...j.singularValues.quantiles])
        expect(Math.abs(v - 1)).toBeLessThan(1e-5);
      expect(j.theory.meanSquare).toBeCloseTo(1, 12);
      const q = j.singularValues.quantiles;
      for (let i = 1; i < 5; i++) expect(q[i]!).toBeGreaterThanOrEqual(q[i - 1]!);
    }
    expect(json(['--depth', '3', '--width', '8', '--batch', '2']).jacobian).toBeUndefined();
    expect(json(['--depth', '3', '--width', '8', '--batch', '2', '--jacobian=false']).jacobian).toBeUndefined();
  });

  it('csv puts the spectrum on its layer row, and the table shows E[σ²] against the theory', () => {
    const args = [
      '--activation',
      'tanh',
      '--depth',
      '8',
      '--width',
      '12',
      '--batch',
      '4',
      '--jacobian',
      '--jacobian-inputs',
      '3',
    ];
    const full = json(args);
    const csv = run([...args, '--format', 'csv'])
      .stdout.trimEnd()
      .split('\n');
    const header = csv[0]!.split(',');
    const col = (name: string) => header.indexOf(name);
    expect(col('jacobian.singularValues.p95')).toBeGreaterThan(0);
    const row2 = csv[2]!.split(',');
    expect(Number(row2[col('jacobian.singularValues.meanSquare')])).toBe(full.jacobian![1]!.singularValues.meanSquare);
    expect(Number(row2[col('jacobian.inputs')])).toBe(3);
    expect(csv[3]!.split(',')[col('jacobian.singularValues.meanSquare')]).toBe('');
    const table = run([...args, '--format', 'table']).stdout.split('\n');
    expect(table[1]).toContain('J: E[σ²]');
    // Title, header and 8 layers, then a blank line before the verdict.
    expect(table.indexOf('')).toBe(8 + 2);
  });

  it('refuses bad or oversized requests up front with one line naming the flag', () => {
    const refused = (args: string[], pattern: RegExp) => {
      const r = run(args);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(pattern);
    };
    refused(['--jacobian-inputs', '2'], /^initscope: --jacobian-inputs needs --jacobian\n$/);
    refused(['--jacobian', '--jacobian-inputs', '9'], /^initscope: --jacobian-inputs "9" is not a whole number 1…8\n$/);
    refused(
      ['--jacobian', '--jacobian-inputs', '4', '--batch', '2', '--depth', '2', '--width', '4'],
      /--jacobian-inputs 4 is more than --batch 2/,
    );
    refused(
      ['--jacobian', '--depth', '100', '--width', '2048', '--batch', '1'],
      /^initscope: --jacobian on 100 layers up to 2048 wide needs [\d.]+ TFLOP of float64 products \(about .* here\); the limit is about 50 s and 1 GB — try --width \d+/,
    );
  });
});

describe('CLI --lsuv', () => {
  it('adds `lsuv` with a scale per layer whose output variance is within 0.1 of 1, in at most 10 passes', () => {
    const r = run([
      '--activation',
      'selu',
      '--depth',
      '6',
      '--width',
      '16',
      '--batch',
      '32',
      '--bias-std',
      '0.2',
      '--lsuv',
      '--format',
      'json',
    ]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      lsuv: { layer: number; scale: number; passes: number; variance: number; converged: boolean }[];
    };
    expect(out.lsuv.map((l) => l.layer)).toEqual([1, 2, 3, 4, 5, 6]);
    for (const l of out.lsuv) {
      expect(l.converged).toBe(true);
      expect(Math.abs(l.variance - 1)).toBeLessThanOrEqual(0.1);
      expect(l.passes).toBeLessThanOrEqual(10);
    }
    const csv = run(['--depth', '2', '--width', '4', '--batch', '4', '--lsuv', '--format', 'csv']).stdout.split(
      '\n',
    )[0]!;
    expect(csv).toContain('lsuv.scale,lsuv.passes,lsuv.variance,lsuv.converged');
  });

  it('is implied by --init lsuv: the record names the scales the run used, and its own E[h²] agree', () => {
    const args = [
      '--init',
      'lsuv',
      '--activation',
      'gelu',
      '--depth',
      '5',
      '--width',
      '24',
      '--batch',
      '30',
      '--bias-std',
      '0.3',
    ];
    const r = run([...args, '--format', 'json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      config: { init: string };
      layers: { layer: number; preactivation: { variance: number } }[];
      lsuv: { layer: number; scale: number; passes: number; variance: number; converged: boolean }[];
    };
    expect(out.config.init).toBe('lsuv');
    expect(out.lsuv.map((l) => l.layer)).toEqual([1, 2, 3, 4, 5]);
    for (const [i, l] of out.lsuv.entries()) {
      expect(l.converged).toBe(true);
      // float32 forward pass against LSUV's float64 one (see core/lsuvInitializer.test.ts for the bound).
      expect(out.layers[i]!.preactivation.variance).toBeCloseTo(l.variance, 3);
    }
    // --lsuv on top changes nothing: the same numbers.
    expect((JSON.parse(run([...args, '--lsuv', '--format', 'json']).stdout) as typeof out).lsuv).toEqual(out.lsuv);
  });

  it('--init lsuv is refused with a residual stream, and past the budget, with one line', () => {
    const residual = run(['--init', 'lsuv', '--residual']);
    expect(residual.code).toBe(2);
    expect(residual.stderr.trim().split('\n')).toHaveLength(1);
    expect(residual.stderr).toContain('lsuv rescales plain networks layer by layer');
    const big = run(['--init', 'lsuv', '--depth', '200', '--width', '1024', '--batch', '512']);
    expect(big.code).toBe(2);
    expect(big.stderr).toMatch(/^initscope: --init lsuv on 200 layers with --batch 512 needs /);
  });

  it('is refused up front past the budget, with one line', () => {
    const big = run(['--lsuv', '--depth', '200', '--width', '1024', '--batch', '512']);
    expect(big.code).toBe(2);
    expect(big.stderr).toMatch(
      /^initscope: --lsuv on 200 layers with --batch 512 needs .* of float64 products \(about .* here\); the limit is about 50 s — try a smaller --batch\n$/,
    );
  });
});
