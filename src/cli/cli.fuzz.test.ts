// Property-based fuzzing of the command line: any argument list either runs (exit 0, output that
// parses, one row per layer) or is refused with one line naming a flag (exit 2). Never a stack
// trace, never exit 1 (our own bug). Sizes stay small most of the time so a case runs in
// milliseconds; huge values appear too, and must be refused before any work starts.

import { spawn } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTIVATIONS } from '../core/activations';
import { INITIALIZERS } from '../core/initializers';
import type { ParamSpec } from '../core/types';
import { jacobianLayers } from '../core/spectra/jacobian';
import { run } from './main';

type Token = string[];

const oddValue = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    'NaN',
    'Infinity',
    '-Infinity',
    '-0',
    '1e309',
    '0x10',
    '1_0',
    '١٢',
    '2.5',
    '-3',
    '--',
    '-',
    '<script>',
    '\u202E',
    '\u0000',
  ),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.double().map(String),
);
const smallInt = (max: number) => fc.integer({ min: 1, max }).map(String);
/** Out of range, or in range but together past the run budget. */
const hugeSize = fc.oneof(
  fc.constantFrom<Token[]>(
    [['--depth', '2001']],
    [['--width', '4097']],
    [['--batch', '1e9']],
    [['--input-dim', '99999999999']],
    [['--widths', '4097,1']],
  ),
  fc.constant<Token[]>([
    ['--depth', '2000'],
    ['--width', '4096'],
    ['--batch', '4096'],
  ]),
  fc.constant<Token[]>([
    ['--depth', '500'],
    ['--width', '4096'],
    ['--batch', '64'],
  ]),
  fc.constant<Token[]>([
    ['--widths', '4096,4096,4096,4096,4096,4096,4096,4096,4096,4096,4096,4096,4096,4096,4096,4096'],
    ['--batch', '4096'],
  ]),
);
const sizes = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.tuple(smallInt(6), smallInt(24), smallInt(8)).map(([d, w, b]): Token[] => [
      ['--depth', d],
      ['--width', w],
      ['--batch', b],
    ]),
  },
  {
    weight: 3,
    arbitrary: fc.tuple(fc.array(smallInt(24), { minLength: 1, maxLength: 5 }), smallInt(8)).map(([ws, b]): Token[] => [
      ['--widths', ws.join(',')],
      ['--batch', b],
    ]),
  },
  {
    weight: 1,
    arbitrary: fc.tuple(smallInt(24), smallInt(6), smallInt(24), smallInt(8)).map(([i, d, w, b]): Token[] => [
      ['--input-dim', i],
      ['--depth', d],
      ['--width', w],
      ['--batch', b],
    ]),
  },
  { weight: 2, arbitrary: hugeSize },
);
const valueFlag = (name: string, values: fc.Arbitrary<string>) =>
  fc.oneof({ weight: 20, arbitrary: values }, { weight: 1, arbitrary: oddValue }).map((v): Token => [`--${name}`, v]);
/** Mostly allowed values, now and then one that must be refused. */
const mostly = <T>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 15, arbitrary: good }, { weight: 1, arbitrary: bad });

/** A parameter of the chosen initializer or activation: mostly allowed values, some just outside. */
function paramToken(spec: ParamSpec): fc.Arbitrary<Token> {
  const flag = `--${spec.name.replace(/_/g, '-')}`;
  if (spec.kind === 'boolean')
    return mostly(
      fc.constantFrom<Token>([flag], [`${flag}=false`], [`${flag}=TRUE`]),
      fc.constant<Token>([`${flag}=maybe`]),
    );
  const values =
    spec.kind === 'enum'
      ? mostly(
          fc.constantFrom(...spec.choices, spec.choices[0]!.toUpperCase()),
          fc.constantFrom('gelu', 'fan_sideways'),
        )
      : mostly(
          fc.oneof(
            fc.double({ min: spec.min, max: spec.max, noNaN: true }).map(String),
            fc.constantFrom(String(spec.min), String(spec.max)),
          ),
          fc.constantFrom(String(spec.max * 2 + 1), String(spec.min - 1)),
        );
  return valueFlag(flag.slice(2), values);
}

/** Initializer and activation, each given or left at its default, with some of their parameters. */
const network = fc
  .tuple(fc.constantFrom(...INITIALIZERS), fc.constantFrom(...ACTIVATIONS), fc.boolean(), fc.boolean())
  .chain(([init, act, giveInit, giveAct]) => {
    const specs = [...(giveInit ? init.params : []), ...(giveAct ? act.params : [])];
    const named: Token[] = [...(giveInit ? [['--init', init.id]] : []), ...(giveAct ? [['--activation', act.id]] : [])];
    return fc
      .subarray(specs)
      .chain((chosen) => fc.tuple(...chosen.map(paramToken)).map((params): Token[] => [...named, ...params]));
  });
const format = mostly(
  fc.constantFrom<Token[]>(
    [['--format', 'json']],
    [['--format', 'csv']],
    [['--format', 'table']],
    [['--format=JSON']],
    [],
  ),
  valueFlag('format', fc.constant('xml')).map((t) => [t]),
);
const settings = fc
  .tuple(
    fc.option(
      valueFlag(
        'seed',
        mostly(fc.integer({ min: 0, max: 2 ** 32 - 1 }).map(String), fc.constantFrom('4294967296', '-1', '1.5')),
      ),
    ),
    fc.option(valueFlag('bias-std', mostly(fc.constantFrom('0', '0.5', '10', '100'), fc.constantFrom('101', '-0.1')))),
    fc.option(valueFlag('input', mostly(fc.constantFrom('normal', 'uniform', 'UNIFORM'), fc.constant('cauchy')))),
    fc.option(
      mostly(fc.constantFrom<Token>(['--jacobian'], ['--jacobian=false']), fc.constant<Token>(['--jacobian', 'yes'])),
    ),
    fc.option(mostly(fc.constant<Token>(['--lsuv']), fc.constant<Token>(['--lsuv', 'no'])), { freq: 4 }),
    fc.option(valueFlag('jacobian-inputs', mostly(fc.constantFrom('1', '2', '8'), fc.constantFrom('0', '9', '1.5'))), {
      freq: 3,
    }),
  )
  .map((ts) => ts.filter((t): t is Token => t !== null));
const noise = fc.constantFrom<Token>(
  ['--help'],
  ['--help=false'],
  ['--bogus', '1'],
  ['-d', '3'],
  ['depth'],
  ['--'],
  ['---depth', '3'],
  ['--Depth', '3'],
  ['--init', 'kaiming'],
  ['--activation', 'swish'],
  ['--gain', '2'],
  ['--uniform', 'false'],
);

/** Mutations people make: `--flag=value`, a value left out, a flag given twice. */
type Mutation = 'none' | 'eq' | 'drop-value' | 'duplicate';
const mutation = mostly(
  fc.constantFrom<Mutation>('none', 'none', 'none', 'eq'),
  fc.constantFrom<Mutation>('drop-value', 'duplicate'),
);

function applyMutation(tokens: Token[], m: Mutation, at: number): Token[] {
  if (tokens.length === 0 || m === 'none') return tokens;
  const i = at % tokens.length;
  const t = tokens[i]!;
  const out = [...tokens];
  if (m === 'eq' && t.length === 2) out[i] = [`${t[0]}=${t[1]}`];
  if (m === 'drop-value' && t.length === 2) out[i] = [t[0]!];
  if (m === 'duplicate') out.push(t);
  return out;
}

const argv = fc
  .tuple(
    sizes,
    network,
    settings,
    format,
    mostly(fc.constant<Token[]>([]), fc.array(noise, { minLength: 1, maxLength: 2 })),
    mutation,
    fc.nat(),
  )
  .chain(([size, net, more, fmt, junk, m, at]) => {
    const tokens = applyMutation([...size, ...net, ...more, ...fmt, ...junk], m, at);
    return fc.shuffledSubarray(tokens, { minLength: tokens.length });
  })
  .map((tokens) => tokens.flat());

/** Depth the arguments ask for, read independently of the CLI's own parser. */
function expectedDepth(args: readonly string[]): number {
  const value = (flag: string) => {
    for (let i = args.length - 1; i >= 0; i--) {
      const a = args[i]!;
      if (a === flag) return args[i + 1];
      if (a.startsWith(`${flag}=`)) return a.slice(flag.length + 1);
    }
    return undefined;
  };
  const widths = value('--widths');
  if (widths !== undefined) return widths.split(',').length;
  const depth = value('--depth');
  return depth === undefined ? 30 : Number(depth);
}

function formatOf(args: readonly string[]): string {
  const i = args.findIndex((a) => a === '--format' || a.startsWith('--format='));
  if (i < 0) return 'table';
  return (args[i]!.includes('=') ? args[i]!.split('=')[1]! : args[i + 1]!).trim().toLowerCase();
}

const SIZE_VERDICTS = ['vanishing', 'stable', 'exploding', 'overflow', 'underflow', 'dead', 'too-shallow'];
const INPUTS_VERDICTS = ['preserved', 'ordered', 'chaotic', 'too-shallow'];

function expectValidOutput(args: readonly string[], r: { code: number; stdout: string; stderr: string }): void {
  expect(r.stderr).toBe('');
  if (args.some((a) => a === '--help') && !args.includes('--help=false')) return;
  const depth = expectedDepth(args);
  expect(r.stdout).not.toMatch(/NaN|undefined/);
  const lines = r.stdout.trimEnd().split('\n');
  switch (formatOf(args)) {
    case 'json': {
      const out = JSON.parse(r.stdout) as {
        config: { depth: number };
        verdict: Record<string, string>;
        layers: { layer: number; status: string }[];
        jacobian?: { layer: number }[];
      };
      expect(out.config.depth).toBe(depth);
      const jacobian = args.some(
        (a) => a === '--jacobian' || (a.startsWith('--jacobian=') && a !== '--jacobian=false'),
      );
      expect(out.jacobian?.map((j) => j.layer)).toEqual(jacobian ? jacobianLayers(depth) : undefined);
      expect(SIZE_VERDICTS).toContain(out.verdict.size);
      expect(INPUTS_VERDICTS).toContain(out.verdict.inputs);
      expect([...SIZE_VERDICTS, ...INPUTS_VERDICTS]).toContain(out.verdict.headline);
      expect(out.layers.map((l) => l.layer)).toEqual(Array.from({ length: depth }, (_, i) => i + 1));
      for (const l of out.layers) expect(['ok', 'overflow', 'underflow', 'dead']).toContain(l.status);
      break;
    }
    case 'csv':
      expect(lines[0]!.startsWith('layer,fanIn,fanOut,status,')).toBe(true);
      expect(lines.slice(1).map((row) => Number(row.split(',')[0]))).toEqual(
        Array.from({ length: depth }, (_, i) => i + 1),
      );
      break;
    default: {
      // The layers, a blank line, then the verdict block.
      const blank = lines.indexOf('');
      expect(lines[0]).toContain(`depth ${depth}`);
      expect(blank).toBe(depth + 2);
      expect(lines[blank + 1]).toMatch(/^verdict: [a-z-]+ — /);
    }
  }
}

function expectUsageError(r: { code: number; stdout: string; stderr: string }): void {
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(/^initscope: [^\n]+\n$/);
  expect(r.stderr).toMatch(/--[a-z]/); // names a flag
  expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
}

/** Only a hang guard: a small case takes milliseconds, a refused one less. */
const HANG_GUARD_MS = 20_000;

/** A time box for a shared, loaded machine; the cases themselves take seconds. */
const TIME_BOX_MS = 300_000;

describe('CLI under fuzzing', () => {
  it(
    '1,000 argument lists in-process: exit 0 with valid output or exit 2 with one line naming a flag',
    () => {
      fc.assert(
        fc.property(argv, (args) => {
          const t0 = performance.now();
          const r = run(args);
          expect(performance.now() - t0).toBeLessThan(HANG_GUARD_MS);
          expect([0, 2], `exit ${r.code}: ${r.stderr}`).toContain(r.code);
          if (r.code === 0) expectValidOutput(args, r);
          else expectUsageError(r);
        }),
        { seed: 7_031_985, numRuns: 1_000 },
      );
    },
    TIME_BOX_MS,
  );

  it(
    '20 of them through a real process (npm run simulate) give the same answers',
    async () => {
      const cases = fc.sample(argv, { seed: 424_242, numRuns: 20 });
      const runProcess = (args: string[]) =>
        new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
          const child = spawn('npm', ['run', '--silent', 'simulate', '--', ...args], { timeout: 45_000 });
          let stdout = '';
          let stderr = '';
          child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
          child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
          child.on('close', (code) => resolve({ code, stdout, stderr }));
        });
      // Two at a time: the machine has two cores and every process starts its own Node.
      for (let i = 0; i < cases.length; i += 2) {
        const batch = cases.slice(i, i + 2);
        const results = await Promise.all(batch.map(runProcess));
        results.forEach((r, j) => {
          const args = batch[j]!;
          const inProcess = run(args);
          expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(inProcess.code);
          expect(r.stdout).toBe(inProcess.stdout);
          expect(r.stderr).toBe(inProcess.stderr);
        });
      }
    },
    TIME_BOX_MS,
  );
});
