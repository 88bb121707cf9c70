// Measured against the theory, in ln-space, within finite-width bands derived here rather than
// tuned. One network's statistic differs from the mean-field value by noise that each linear
// layer adds to ln E[h²] (or ln E[δ²]): given its input, h = W·a with Gaussian W has |h|²/N ~ χ²_N/N
// (variance 2/N), and the input's own average over K = N units of φ² (or φ′²) has relative
// variance κ/N with κ = Var(φ²)/E[φ²]² at the layer's q (κ = 2 for a layer without φ). So a
// layer adds v = (2 + κ)/N — the single-input value; a batch only averages it down (finiteWidth.ts).
// A residual block adds its branch's noise weighted by the branch's share s of the new stream
// (ln(q + s·ε) ≈ ln q + s·ε), a norm that divides by a measured variance adds that variance's
// noise to the gradient. The band is 4.5 sd (a two-sided Gaussian tail of 7e-6 per check) plus
// the O(1/N)-per-layer Jensen offset of a log of a noisy mean, bounded by 2/N per layer.

import { describe, expect, it } from 'vitest';
import { normalizeConfig, type ConfigInput } from '../config';
import { gaussExpect } from '../quadrature';
import type { SimConfig } from '../types';
import { describeNet } from './layers';
import { simulateArchitecture, type ArchitectureRun } from './run';
import { BATCHNORM_RELU_RATE } from './theory';

function configOf(input: ConfigInput): SimConfig {
  const { config, issues } = normalizeConfig(input);
  expect(issues).toEqual([]);
  return config;
}

/** Per linear layer: the ln-variance it adds, (2 + κ)/N, forward and backward. */
function layerNoise(config: SimConfig, run: ArchitectureRun): { fwd: number[]; bwd: number[] } {
  const net = describeNet(config);
  const { f, df } = net.fns;
  const kinks = net.act.kinks(net.params);
  const kappa = (g: (x: number) => number, q: number) => {
    const m2 = gaussExpect((x) => g(x) ** 2, q, kinks);
    const m4 = gaussExpect((x) => g(x) ** 4, q, kinks);
    return m2 > 0 ? m4 / (m2 * m2) - 1 : 2;
  };
  const fwd: number[] = [];
  const bwd: number[] = [];
  net.layers.forEach((spec, i) => {
    const t = run.layers[i]!.theory;
    const q = t.preactivationSecondMoment ?? 1;
    // With a norm in a plain stack φ reads N(h) ~ N(0, 1).
    const at = net.shape ? q : 1;
    const withPhi = spec.activated || !net.shape;
    fwd.push((2 + (withPhi ? kappa(f, at) : 2)) / spec.fanOut);
    bwd.push((2 + (withPhi ? kappa(df, at) : 0)) / spec.fanOut);
  });
  return { fwd, bwd };
}

const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);

function expectWithin(
  label: string,
  measured: number,
  theory: number,
  variance: number,
  layers: number,
  width: number,
): void {
  const band = 4.5 * Math.sqrt(variance) + (2 * layers) / width;
  const gap = Math.abs(Math.log(measured / theory));
  if (process.env.BAND_LOG) console.log(`${label}\t${gap.toFixed(3)}\t${band.toFixed(3)}`);
  if (!(gap <= band))
    throw new Error(
      `${label}: ln(measured/theory) = ${gap.toFixed(3)} > band ${band.toFixed(3)} (measured ${measured}, theory ${theory})`,
    );
}

/** Residual: each block's stream and stream gradient against the recursions. */
function checkResidual(input: ConfigInput, backward = true): void {
  const config = configOf(input);
  const run = simulateArchitecture(config, { backward });
  const net = describeNet(config);
  const shape = net.shape!;
  const { fwd, bwd } = layerNoise(config, run);
  const a2 = net.arch.branchScale ** 2;
  const N = shape.width;
  const post = net.arch.norm !== 'none' && net.arch.normPosition === 'post';
  let V = shape.stem ? fwd[0]! : 2 / (N * config.batch);
  const fwdVar: number[] = [V];
  for (const b of run.blocks) {
    const k = b.block;
    const t = b.theory;
    const branchNoise = sum(fwd.slice(shape.stem + (k - 1) * shape.branchDepth, shape.stem + k * shape.branchDepth));
    const prev = k === 1 ? fwdVar[0]! : fwdVar[k - 1]!;
    const q = t.streamSecondMoment!;
    const share = Math.min(1, (a2 * t.branchSecondMoment!) / Math.max(q, 1e-300));
    // After a post-norm the stream is v/(v + ε) exactly: only ε/v's noise is left.
    V = post ? 1 / N : prev + share * share * branchNoise;
    fwdVar.push(V);
    expectWithin(`block ${k} stream`, b.stream.secondMoment, q, V, k * shape.branchDepth + shape.stem, N);
  }
  if (!backward) return;
  let P = 0;
  for (let k = shape.blocks; k >= 1; k--) {
    const g = run.blockGradients[k - 1]!;
    if (g.theory === null) continue;
    expectWithin(
      `block ${k} gradient`,
      g.streamSecondMoment,
      g.theory,
      P + 2 / (N * config.batch),
      (shape.blocks - k + 1) * shape.branchDepth,
      N,
    );
    const below = run.blockGradients[k - 2]?.theory ?? g.theory;
    const share = Math.min(1, Math.abs(below - g.theory) / Math.max(below, 1e-300));
    const branch = sum(bwd.slice(shape.stem + (k - 1) * shape.branchDepth, shape.stem + k * shape.branchDepth));
    P += share * share * (branch + fwdVar[k - 1]!) + (post ? fwdVar[k]! + 1 / N : 0);
  }
}

function checkPlain(input: ConfigInput): ArchitectureRun {
  const config = configOf(input);
  const run = simulateArchitecture(config, { backward: true });
  const { fwd, bwd } = layerNoise(config, run);
  const N = config.widths[0]!;
  run.layers.forEach((s, i) => {
    // Each normalized layer starts afresh: only its own and its input's noise.
    const q = s.theory.preactivationSecondMoment!;
    expectWithin(`layer ${s.layer}`, s.preactivation.secondMoment, q, fwd[i]! + (fwd[i - 1] ?? 0), 2, N);
  });
  let P = 0;
  for (let l = run.gradients.length; l >= 1; l--) {
    const g = run.gradients[l - 1]!;
    if (g.theorySecondMoment === null) continue;
    expectWithin(
      `gradient ${l}`,
      g.secondMoment,
      g.theorySecondMoment,
      P + 2 / (N * config.batch),
      run.gradients.length - l + 1,
      N,
    );
    P += bwd[l - 1]! + fwd[l - 1]!;
  }
  return run;
}

const base = { width: 256, batch: 64, seed: 11 };

describe('residual networks: measured against the theory within derived bands', () => {
  it('He + ReLU, α = 1: the stream triples per block (1 + α²·2)', () =>
    checkResidual({ ...base, residual: true, blocks: 8 }));
  it('He + ReLU, α = 1/√K', () => checkResidual({ ...base, residual: true, blocks: 32, branchScale: '1/sqrt(K)' }));
  it('He + ReLU, α = 1/K, with a stem', () =>
    checkResidual({ ...base, residual: true, blocks: 32, branchScale: '1/K', inputDim: 100 }));
  it('Glorot + tanh, α = 1/√K, branch depth 3', () =>
    checkResidual({
      ...base,
      residual: true,
      blocks: 16,
      branchDepth: 3,
      branchScale: '1/sqrt(K)',
      init: 'glorot_normal',
      activation: 'tanh',
    }));
  it('Fixup, He + ReLU', () => checkResidual({ ...base, residual: true, blocks: 16, fixup: true }));
  it('ReZero / SkipInit (α = 0), GELU', () =>
    checkResidual({ ...base, residual: true, blocks: 8, branchScale: 0, activation: 'gelu' }));
  it('pre-LayerNorm, He + ReLU: linear growth', () =>
    checkResidual({ ...base, residual: true, blocks: 16, norm: 'layer' }));
  it('pre-RMSNorm, LeCun + SELU', () =>
    checkResidual({ ...base, residual: true, blocks: 16, norm: 'rms', init: 'lecun_normal', activation: 'selu' }));
  it('post-LayerNorm, He + ReLU: reset every block', () =>
    checkResidual({ ...base, residual: true, blocks: 16, norm: 'layer', normPosition: 'post' }));
  it('pre-BatchNorm, He + ReLU (forward; the backward has no closed form)', () =>
    checkResidual({ ...base, residual: true, blocks: 16, norm: 'batch' }));
});

describe('plain networks with a norm: measured against the theory within derived bands', () => {
  it('LayerNorm + tanh (Glorot)', () =>
    void checkPlain({ ...base, depth: 20, norm: 'layer', activation: 'tanh', init: 'glorot_normal' }));
  it('RMSNorm + ReLU (He)', () => void checkPlain({ ...base, depth: 20, norm: 'rms' }));
  it('BatchNorm + ReLU: the gradient grows by π/(π − 1) per layer toward the input (Yang et al. 2019)', () => {
    const run = checkPlain({ width: 512, batch: 256, seed: 5, depth: 16, norm: 'batch' });
    // The rate is asymptotic: measured over layers 3…L−1, away from the raw input and the loss.
    const g = run.gradients;
    const layers = g.length - 3;
    const rate = Math.exp(Math.log(g[2]!.secondMoment / g[g.length - 1]!.secondMoment) / layers);
    // Each layer's ln-ratio carries (2 + κ(φ′²) = 3)/N of noise from the layer and as much from
    // its input: over `layers` layers the mean log-rate has sd √(6/(N·layers)).
    expect(Math.abs(Math.log(rate / BATCHNORM_RELU_RATE))).toBeLessThan(4.5 * Math.sqrt(6 / (512 * layers)) + 2 / 512);
  });
});
