// Fuzzing of the architecture flags (--residual --blocks --branch-depth --norm --norm-position
// --norm-eps --branch-scale --fixup), in the style of cli.fuzz.test.ts: every argument list runs
// (exit 0 with the JSON contract: config.architecture, a `block` per layer and the `blocks` array)
// or is refused with one line naming a flag (exit 2). Never a stack trace, never exit 1.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { run } from './main';

type Token = string[];

const odd = fc.constantFrom(
  '',
  'NaN',
  '-1',
  '-0',
  '1e309',
  'Infinity',
  '0x1',
  '1/sqrt(k)x',
  '\u202E',
  '<b>',
  '2.5',
  '0',
);
const mostly = (good: fc.Arbitrary<string>) => fc.oneof({ weight: 40, arbitrary: good }, { weight: 1, arbitrary: odd });
const flag = (name: string, values: fc.Arbitrary<string>) => mostly(values).map((v): Token => [`--${name}`, v]);

const tokens = fc
  .tuple(
    fc.constantFrom<Token[]>(
      [['--residual']],
      [['--residual']],
      [['--residual']],
      [['--residual=false']],
      [],
      [['--residual=maybe']],
    ),
    fc.option(flag('blocks', fc.integer({ min: 1, max: 6 }).map(String))),
    fc.option(flag('branch-depth', fc.integer({ min: 1, max: 5 }).map(String))),
    fc.option(flag('norm', fc.constantFrom('none', 'batch', 'layer', 'rms', 'LAYER', 'group'))),
    fc.option(flag('norm-position', fc.constantFrom('pre', 'post', 'middle'))),
    fc.option(flag('norm-eps', fc.constantFrom('1e-5', '1e-3', '0.5', '1e-13'))),
    fc.option(flag('branch-scale', fc.constantFrom('0', '1', '0.3', '1/sqrt(K)', '1/K', '1 / sqrt(k)', '-0.5', '101'))),
    fc.constantFrom<Token[]>([], [['--fixup']], [['--fixup=false']]),
    fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 6 })),
    fc.constantFrom<Token[]>(
      [],
      [],
      [],
      [['--backward']],
      [['--backward']],
      [['--depth', '3']],
      [['--widths', '4,4']],
      [['--widths', '4,5']],
    ),
    fc.constantFrom('json', 'csv', 'table'),
  )
  .map(([res, blocks, depth, norm, pos, eps, scale, fixup, [w, i, b], extra, format]) => [
    ...res,
    ...[blocks, depth, norm, pos, eps, scale].filter((t): t is Token => t !== null),
    ...fixup,
    ...(extra.some((t) => t[0] === '--widths') ? [] : [['--width', String(w)]]),
    ['--input-dim', String(i)],
    ['--batch', String(b)],
    ...extra,
    ['--format', format],
  ])
  .chain((ts) => fc.shuffledSubarray(ts, { minLength: ts.length }))
  .map((ts) => ts.flat());

interface Out {
  config: {
    depth: number;
    architecture: {
      kind: string;
      blocks: number;
      branchDepth: number;
      branchScale: number;
      norm: string;
      normPosition: string;
    };
  };
  layers: { layer: number; block?: number }[];
  blocks?: {
    block: number;
    stream: Record<string, number | null>;
    branch: { secondMoment: number | null };
    theory: { streamSecondMoment: number | null };
  }[];
}

describe('CLI architecture flags under fuzzing', () => {
  it('400 argument lists: exit 0 with the JSON contract, or exit 2 with one line naming a flag', () => {
    let residualRuns = 0;
    fc.assert(
      fc.property(tokens, (args) => {
        const r = run(args);
        expect([0, 2], `exit ${r.code}: ${r.stderr}`).toContain(r.code);
        if (r.code === 2) {
          expect(r.stdout).toBe('');
          expect(r.stderr).toMatch(/^initscope: [^\n]*--[a-z][^\n]*\n$/);
          return;
        }
        expect(r.stderr).toBe('');
        expect(r.stdout).not.toMatch(/NaN|undefined/);
        if (args.includes('--residual')) residualRuns++;
        if (!args.includes('json')) return;
        const out = JSON.parse(r.stdout) as Out;
        const a = out.config.architecture;
        expect(['plain', 'residual']).toContain(a.kind);
        if (a.kind === 'plain') {
          expect(out.blocks).toBeUndefined();
          return;
        }
        expect(Number.isFinite(a.branchScale) && a.branchScale >= 0).toBe(true);
        const stem = out.layers.length - a.blocks * a.branchDepth;
        expect([0, 1]).toContain(stem);
        expect(out.config.depth).toBe(out.layers.length);
        expect(out.layers.map((l) => l.block)).toEqual(
          out.layers.map((_, i) => (i < stem ? 0 : Math.floor((i - stem) / a.branchDepth) + 1)),
        );
        expect(out.blocks!.map((b) => b.block)).toEqual(Array.from({ length: a.blocks }, (_, i) => i + 1));
        for (const b of out.blocks!) {
          expect(Object.keys(b.stream).sort()).toEqual(['channelMeanSquared', 'channelVariance', 'secondMoment']);
          expect(b.branch).toHaveProperty('secondMoment');
          expect(b.theory).toHaveProperty('streamSecondMoment');
        }
      }),
      { seed: 13_013, numRuns: 400 },
    );
    // The generator must reach the residual engine often, not only its refusals.
    expect(residualRuns).toBeGreaterThan(20);
  }, 300_000);
});
