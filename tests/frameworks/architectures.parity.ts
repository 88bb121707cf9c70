// Residual and normalized networks exported as code (src/codegen), run by the real frameworks:
//
// 1. Each framework's normalization (torch.nn.BatchNorm1d / LayerNorm / RMSNorm, Keras's
//    BatchNormalization / LayerNormalization / RMSNormalization in training mode, the scripts'
//    jax.numpy and numpy ones) gives the app's N(h) (src/core/architecture/norms.ts) on an input
//    whose variance (~1e-6) is comparable to ε: a default ε (Keras 1e-3 and 1e-6, torch's RMSNorm
//    1.2e-7) or the unbiased variance would move the output by percents, float32 rounding by < 1e-5.
//
// 2. Per layer (forward, and dL/dh where the framework has autograd) and per block (the stream's
//    three Brock curves, the branch, and dL/dx^k) the second moments agree with `simulateArchitecture`.
//    The finite-width spread of these networks has no closed form here (claimBand.ts), so it is
//    estimated: per quantity, ln v over S_fw = 4 framework seeds and S_app = 32 app seeds (both
//    independent networks of the same law under the hypothesis) have a common sd σ, estimated by
//    pooling (df = 34). The two-sample t = (mean ln v_fw − mean ln v_app)/(s·√(1/4 + 1/32)) has
//    |t| > 6 with probability 8.6e-7 (Student t, 34 df), so the suite's ~2,000 checks fail by chance
//    with probability < 0.2%. A quantity that is exactly 0 in the app (Fixup's zeroed layer, a
//    ReZero branch's gradient) must be exactly 0 in the framework too. Values that are the same in
//    every network up to rounding (a post-norm stream's second moment, 1 − ε/var) get the float32
//    floor of 1e-5 in ln: a pooled float32 mean of ≤ 10⁴ values is off by < log2(10⁴)·2⁻²⁴ ≈ 1e-6.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeFramework } from '../../src/codegen';
import { newNormStats, normForward, type ActiveNorm } from '../../src/core/architecture/norms';
import { blockRecords } from '../../src/core/architecture/records';
import { simulateArchitecture, type ArchitectureRun } from '../../src/core/architecture/run';
import { normalizeConfig, type ConfigInput } from '../../src/core/config';
import { configRecord } from '../../src/core/records';
import type { SimConfig } from '../../src/core/types';
import { parseResultFile } from '../../src/results/resultFile';
import { frameworkVersions, OUT, runJobs, writeScript } from './frameworks';

const FW_SEEDS = [31, 32, 33, 34];
const APP_SEEDS = Array.from({ length: 32 }, (_, i) => 1000 + i);
const T = 6;
const FLOOR = 1e-5;
const SMALL = { width: 128, batch: 64, init: 'he_normal', activation: 'relu' };

const CASES: [string, ConfigInput][] = [
  ['plain + BatchNorm', { ...SMALL, depth: 10, norm: 'batch' }],
  ['plain + LayerNorm, tanh', { ...SMALL, depth: 10, norm: 'layer', init: 'glorot_normal', activation: 'tanh' }],
  ['residual α = 1/√K with a stem', { ...SMALL, residual: true, blocks: 6, inputDim: 64, branchScale: '1/sqrt(K)' }],
  ['residual pre-LayerNorm α = 1', { ...SMALL, residual: true, blocks: 6, norm: 'layer' }],
  [
    'residual post-RMSNorm α = 1/K, tanh, ε = 1e-3',
    {
      ...SMALL,
      residual: true,
      blocks: 6,
      norm: 'rms',
      normPosition: 'post',
      normEps: 1e-3,
      activation: 'tanh',
      branchScale: '1/K',
    },
  ],
  ['residual Fixup, m = 3', { ...SMALL, residual: true, blocks: 5, branchDepth: 3, fixup: true }],
  ['ReZero (α = 0), pre-BatchNorm', { ...SMALL, residual: true, blocks: 6, norm: 'batch', branchScale: 0 }],
];

const FRAMEWORKS: CodeFramework[] = ['pytorch', 'jax', 'keras', 'numpy'];
const WITH_GRADIENTS: CodeFramework[] = ['pytorch', 'jax'];

interface FwLayer {
  layer: number;
  block?: number;
  preactivation: { secondMoment: number | null };
  gradient?: { secondMoment: number | null };
}
interface FwBlock {
  block: number;
  stream: { secondMoment: number; channelMeanSquared: number; channelVariance: number };
  branch: { secondMoment: number };
  theory?: {
    streamSecondMoment: number | null;
    branchSecondMoment: number | null;
    gradientStreamSecondMoment?: number | null;
  };
  gradient?: { streamSecondMoment: number };
}
interface FwRun {
  config: Record<string, unknown>;
  layers: FwLayer[];
  blocks?: FwBlock[];
  source: Record<string, string>;
}

/** Every compared quantity of one run, by name. */
type Quantities = Map<string, number>;

function fwQuantities(r: FwRun, gradients: boolean): Quantities {
  const q: Quantities = new Map();
  for (const l of r.layers) {
    q.set(`layer ${l.layer} forward`, l.preactivation.secondMoment ?? Infinity);
    if (gradients) q.set(`layer ${l.layer} gradient`, l.gradient?.secondMoment ?? NaN);
  }
  for (const b of r.blocks ?? []) {
    q.set(`block ${b.block} stream`, b.stream.secondMoment);
    q.set(`block ${b.block} channel mean²`, b.stream.channelMeanSquared);
    q.set(`block ${b.block} channel variance`, b.stream.channelVariance);
    q.set(`block ${b.block} branch`, b.branch.secondMoment);
    if (gradients) q.set(`block ${b.block} stream gradient`, b.gradient?.streamSecondMoment ?? NaN);
  }
  return q;
}

function appQuantities(r: ArchitectureRun): Quantities {
  const q: Quantities = new Map();
  r.layers.forEach((l, i) => {
    q.set(`layer ${l.layer} forward`, l.preactivation.secondMoment);
    q.set(`layer ${l.layer} gradient`, r.gradients[i]!.secondMoment);
  });
  r.blocks.forEach((b, i) => {
    q.set(`block ${b.block} stream`, b.stream.secondMoment);
    q.set(`block ${b.block} channel mean²`, b.stream.channelMeanSquared);
    q.set(`block ${b.block} channel variance`, b.stream.channelVariance);
    q.set(`block ${b.block} branch`, b.branch.secondMoment);
    q.set(`block ${b.block} stream gradient`, r.blockGradients[i]!.streamSecondMoment);
  });
  return q;
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const squares = (xs: readonly number[], m: number) => xs.reduce((a, x) => a + (x - m) ** 2, 0);

/** |t| of the two samples' ln, as a fraction of the allowed T (≤ 1 passes); throws with the reason. */
function agreement(label: string, fw: readonly number[], app: readonly number[]): number {
  if (app.every((v) => v === 0)) {
    expect(fw, `${label}: exactly 0 in the app`).toEqual(fw.map(() => 0));
    return 0;
  }
  expect(
    [...fw, ...app].every((v) => v > 0 && Number.isFinite(v)),
    `${label}: positive and finite (fw ${fw.join(', ')}, app min ${Math.min(...app)})`,
  ).toBe(true);
  const a = fw.map(Math.log);
  const b = app.map(Math.log);
  const d = mean(a) - mean(b);
  const s = Math.sqrt((squares(a, mean(a)) + squares(b, mean(b))) / (a.length + b.length - 2));
  const tolerance = T * s * Math.sqrt(1 / a.length + 1 / b.length) + FLOOR;
  expect(Math.abs(d), `${label}: mean ln(fw) − mean ln(app) = ${d} (pooled sd ${s})`).toBeLessThanOrEqual(tolerance);
  return Math.abs(d) / tolerance;
}

const configs: SimConfig[] = CASES.map(([label, input]) => {
  const { config, issues } = normalizeConfig(input);
  if (issues.length > 0) throw new Error(`${label}: ${issues[0]!.problem}`);
  return config;
});
const app: Quantities[][] = configs.map((config) =>
  APP_SEEDS.map((seed) => appQuantities(simulateArchitecture({ ...config, seed }, { backward: true }))),
);
const report: Record<string, unknown>[] = [];

afterAll(() =>
  writeFileSync(
    join(OUT, 'parity-architectures.json'),
    JSON.stringify({ versions: frameworkVersions(), report }, null, 2),
  ),
);

/** A B × N input of small variance (≈1e-6, near ε) around a non-zero mean, row-major. */
function smallInput(B: number, N: number): Float32Array {
  const x = new Float32Array(B * N);
  for (let i = 0; i < x.length; i++) x[i] = Math.fround(2e-4 + 1e-3 * Math.sin(1.7 * i + 0.3 * (i % 7)));
  return x;
}

const NORMS: ActiveNorm[] = ['batch', 'layer', 'rms'];
const NORM_B = 8;
const NORM_N = 6;
const normConfigs = NORMS.map(
  (norm) => normalizeConfig({ ...SMALL, depth: 2, width: NORM_N, batch: NORM_B, norm }).config,
);
const normInput = smallInput(NORM_B, NORM_N);

describe.each(FRAMEWORKS)('%s', (framework) => {
  let runs: FwRun[][] = [];
  let normed: number[][][] = [];
  beforeAll(() => {
    // One Python process per framework (its import is most of the time).
    const out = runJobs<FwRun[] | number[][]>([
      ...configs.map((config) => ({
        kind: 'run' as const,
        script: writeScript(framework, config),
        framework,
        seeds: FW_SEEDS,
      })),
      ...normConfigs.map((config) => ({
        kind: 'norm' as const,
        script: writeScript(framework, config),
        framework,
        input: Array.from({ length: NORM_B }, (_, b) => Array.from(normInput.subarray(b * NORM_N, (b + 1) * NORM_N))),
      })),
    ]);
    runs = out.slice(0, configs.length) as FwRun[][];
    normed = out.slice(configs.length) as number[][][];
  }, 600_000);

  it.each(NORMS.map((norm, i) => [norm, i] as const))(
    'its %s norm is the app’s, ε and biased variance included',
    (norm, i) => {
      const expected = new Float32Array(NORM_B * NORM_N);
      normForward(
        norm,
        normInput,
        NORM_B,
        NORM_N,
        normConfigs[i]!.architecture!.normEps,
        expected,
        newNormStats(norm, NORM_B, NORM_N),
      );
      const got = normed[i]!.flat();
      expect(got.length).toBe(expected.length);
      for (let e = 0; e < got.length; e++)
        expect(Math.abs(got[e]! - expected[e]!), `${norm} entry ${e}`).toBeLessThan(1e-4);
    },
  );
  it.each(CASES.map(([label], i) => [label, i] as const))('%s agrees with simulate', (label, i) => {
    const config = configs[i]!;
    const gradients = WITH_GRADIENTS.includes(framework);
    const fw = runs[i]!.map((r) => fwQuantities(r, gradients));
    let worst = 0;
    for (const key of fw[0]!.keys()) {
      const v = agreement(
        `${framework} ${label} ${key}`,
        fw.map((q) => q.get(key)!),
        app[i]!.map((q) => q.get(key)!),
      );
      worst = Math.max(worst, v);
    }
    // Every layer and, for a residual net, every block is there, with the CLI's names.
    const expectedKeys = [...app[i]![0]!.keys()].filter((k) => gradients || !k.endsWith('gradient'));
    expect([...fw[0]!.keys()].sort()).toEqual(expectedKeys.sort());
    const first = runs[i]![0]!;
    expect(first.config.architecture).toEqual(configRecord({ ...config, seed: FW_SEEDS[0]! }).architecture);
    if (config.architecture!.kind === 'residual') {
      const sim = simulateArchitecture({ ...config, seed: FW_SEEDS[0]! }, { backward: gradients });
      expect(first.layers.map((l) => l.block)).toEqual(sim.layers.map((l) => l.block));
      // The file's block theory is simulate's (and the CLI's) for the same settings, field for field.
      expect(first.blocks!.map((b) => b.theory)).toEqual(
        blockRecords(sim.blocks, gradients ? sim.blockGradients : []).map((b) => b.theory),
      );
    }
    const opened = parseResultFile(JSON.stringify(first), `${framework}.json`);
    expect(opened.ok && opened.result.measured.length).toBe(config.widths.length);
    report.push({ framework, case: label, worstFractionOfTolerance: worst });
  });
});
