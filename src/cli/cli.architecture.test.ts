import { describe, expect, it } from 'vitest';
import { run } from './main';

const json = (args: string[]) => {
  const r = run([...args, '--format', 'json']);
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as Record<string, unknown> & {
    config: { depth: number; architecture: Record<string, unknown> };
    layers: Record<string, unknown>[];
    blocks?: Record<string, unknown>[];
  };
};

describe('CLI: the architecture contract', () => {
  it('config.architecture, a block per layer and the blocks array with their fixed names', () => {
    const out = json([
      '--residual',
      '--blocks',
      '3',
      '--branch-depth',
      '2',
      '--width',
      '16',
      '--input-dim',
      '8',
      '--batch',
      '8',
      '--branch-scale',
      '1/sqrt(K)',
      '--norm',
      'layer',
      '--backward',
    ]);
    expect(out.config.architecture).toMatchObject({
      kind: 'residual',
      norm: 'layer',
      normPosition: 'pre',
      blocks: 3,
      branchDepth: 2,
      branchScale: 1 / Math.sqrt(3),
    });
    expect(out.config.depth).toBe(7);
    expect(out.layers.map((l) => l.block)).toEqual([0, 1, 1, 2, 2, 3, 3]);
    expect(out.blocks).toHaveLength(3);
    const b = out.blocks![0]!;
    expect(Object.keys(b)).toEqual(['block', 'stream', 'branch', 'theory', 'gradient']);
    expect(Object.keys(b.stream as object)).toEqual(['secondMoment', 'channelMeanSquared', 'channelVariance']);
    expect(b.branch).toHaveProperty('secondMoment');
    expect(b.theory).toHaveProperty('streamSecondMoment');
    expect(b.gradient).toHaveProperty('streamSecondMoment');
  });

  it('a plain network says so; --norm none is today’s output exactly', () => {
    const plain = run(['--depth', '3', '--width', '8', '--batch', '4', '--format', 'json']);
    const none = run(['--depth', '3', '--width', '8', '--batch', '4', '--format', 'json', '--norm', 'none']);
    expect(none.stdout).toBe(plain.stdout);
    const parsed = JSON.parse(plain.stdout) as { config: { architecture: object }; blocks?: unknown };
    expect(parsed.config.architecture).toMatchObject({ kind: 'plain', norm: 'none' });
    expect(parsed.blocks).toBeUndefined();
  });

  it('the theory of the stream: He + ReLU, α = 1, m = 2 triples the second moment per block', () => {
    const out = json(['--residual', '--blocks', '4', '--width', '8', '--batch', '2']);
    expect(out.blocks!.map((b) => (b.theory as { streamSecondMoment: number }).streamSecondMoment)).toEqual(
      [3, 9, 27, 81].map((q): unknown => expect.closeTo(q, 9)),
    );
  });

  const refused: [string, string[], RegExp][] = [
    [
      'a width list that is not constant',
      ['--residual', '--widths', '8,9'],
      /^initscope: --widths: a residual network has one width/,
    ],
    [
      '--fixup with m = 1',
      ['--residual', '--fixup', '--branch-depth', '1'],
      /^initscope: --fixup: needs a branch depth of 2/,
    ],
    [
      'α negative',
      ['--residual', '--branch-scale', '-0.1'],
      /^initscope: --branch-scale: "-0.1" is not a number 0…100, 1\/sqrt\(K\) or 1\/K/,
    ],
    ['α NaN', ['--residual', '--branch-scale', 'NaN'], /^initscope: --branch-scale: "NaN"/],
    ['an unknown norm', ['--norm', 'group'], /^initscope: --norm: "group" is not one of none, batch, layer, rms/],
    ['ε ≤ 0', ['--norm', 'layer', '--norm-eps', '0'], /^initscope: --norm-eps: "0" .*ε must be above 0/],
    [
      'batch 1 with BatchNorm',
      ['--norm', 'batch', '--batch', '1'],
      /^initscope: --batch: is 1 with BatchNorm: the batch variance of every unit is 0/,
    ],
    ['--depth with --residual', ['--residual', '--depth', '5'], /^initscope: --depth cannot be used with --residual/],
    ['--blocks without --residual', ['--blocks', '4'], /^initscope: --blocks: applies only to a residual network/],
  ];
  for (const [what, args, message] of refused) {
    it(`refuses ${what}: one line naming the flag, exit 2`, () => {
      const r = run(args);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    });
  }
});
