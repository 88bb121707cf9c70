// Simulation against mean-field theory. Every band is derived, not tuned: ln(v_l/q_l) must lie
// within mean ± 4·sd of the single-network spread of docs/theory.md §4.2 (finiteWidth.ts), which a batch only
// narrows; 4 sd gives a false-failure rate of about 6e-5 per assertion.

import { describe, expect, it } from 'vitest';
import { getActivation } from './activations';
import { normalizeConfig, type ConfigInput } from './config';
import { logSpread } from './finiteWidth';
import { simulate, theoryFor } from './network';
import type { LayerStats } from './types';

function run(input: ConfigInput) {
  const { config, issues } = normalizeConfig(input);
  expect(issues).toEqual([]);
  return { config, layers: simulate(config) };
}

function checkAgainstTheory(input: ConfigInput, layersToCheck?: number[]): LayerStats[] {
  const { config, layers } = run(input);
  const act = getActivation(config.activation)!;
  const theory = theoryFor(config);
  const spread = logSpread({
    act,
    params: config.activationParams,
    theory,
    widths: config.widths,
    inputDim: config.inputDim,
  });
  const picks = layersToCheck ?? layers.map((l) => l.layer);
  for (const l of picks) {
    const s = layers[l - 1]!;
    const q = s.theory.preactivationSecondMoment!;
    const band = spread[l - 1]!;
    const z = (Math.log(s.preactivation.secondMoment / q) - band.mean) / band.sd;
    expect(
      Math.abs(z),
      `${config.init}/${config.activation} layer ${l}: v=${s.preactivation.secondMoment} q=${q} sd=${band.sd}`,
    ).toBeLessThan(4);
  }
  return layers;
}

const BASE = { width: 256, batch: 64, seed: 11 } as const;

describe('simulation agrees with mean-field theory within the derived finite-width band', () => {
  const pairs: ConfigInput[] = [
    { init: 'he_normal', activation: 'relu', depth: 50 },
    { init: 'glorot_uniform', activation: 'relu', depth: 30 },
    { init: 'glorot_normal', activation: 'tanh', depth: 50 },
    { init: 'torch_kaiming_normal', initParams: { nonlinearity: 'tanh' }, activation: 'tanh', depth: 30 },
    { init: 'lecun_normal', activation: 'selu', depth: 50 },
    { init: 'torch_linear_default', activation: 'relu', depth: 20 },
    { init: 'torch_linear_default', activation: 'tanh', depth: 20 },
    { init: 'he_normal', activation: 'gelu', depth: 15 },
    { init: 'he_uniform', activation: 'silu', depth: 10 },
    { init: 'he_normal', activation: 'elu', depth: 30 },
    { init: 'tfjs_he_normal', activation: 'relu', depth: 30 },
    { init: 'he_uniform', activation: 'leaky_relu', activationParams: { negative_slope: 0.2 }, depth: 30 },
    { init: 'lecun_uniform', activation: 'sigmoid', depth: 20 },
    {
      init: 'variance_scaling',
      initParams: { scale: 2.3, mode: 'fan_avg', distribution: 'untruncated_normal' },
      activation: 'sin',
      depth: 20,
    },
    { init: 'glorot_uniform', activation: 'hard_tanh', biasStd: 0.3, depth: 20 },
  ];
  for (const p of pairs) {
    it(`${String(p.init)} + ${String(p.activation)}`, () => {
      checkAgainstTheory({ ...BASE, ...p });
    });
  }

  it('non-square layers: Glorot on a funnel uses σ_w² = 2·fan_in/(fan_in + fan_out)', () => {
    const layers = checkAgainstTheory({
      init: 'glorot_normal',
      activation: 'tanh',
      width: '512,384,256,192,128,96,64',
      batch: 64,
      seed: 3,
    });
    expect(layers[1]!.theory.sigmaW2).toBeCloseTo((2 * 512) / (512 + 384), 12);
  });
});

describe('reference vectors (docs/theory.md §4.6)', () => {
  it('vector 5: ReLU with σ_w² = 1 halves the signal per layer (0.5 ± 5 %)', () => {
    const { layers } = run({ init: 'lecun_normal', activation: 'relu', depth: 20, width: 512, batch: 128, seed: 2 });
    const ratio = (layers[19]!.preactivation.secondMoment / layers[0]!.preactivation.secondMoment) ** (1 / 19);
    expect(ratio).toBeGreaterThan(0.5 * 0.95);
    expect(ratio).toBeLessThan(0.5 * 1.05);
  });

  it('vector 9: linear + orthogonal gain 1.1 gives v_l = 1.1^(2(l−1))·v₁ up to float32 rounding', () => {
    const { layers } = run({
      init: 'orthogonal',
      initParams: { gain: 1.1 },
      activation: 'linear',
      depth: 10,
      width: 64,
      batch: 16,
      seed: 4,
    });
    const v1 = layers[0]!.preactivation.secondMoment;
    expect(Math.abs(layers[9]!.preactivation.secondMoment / v1 / 5.5599173135 - 1)).toBeLessThan(1e-4);
  });

  it('vector 4 layer 1: He + ReLU measures q¹ = 2 within 5 derived SEs', () => {
    const B = 128;
    const N = 512;
    const d = 512;
    const { layers } = run({ init: 'he_normal', activation: 'relu', depth: 1, width: N, batch: B, seed: 8 });
    // Relative sd of the pooled first-layer second moment (docs/theory.md §4.2, the input's own spread), with the truncated
    // normal's weight kurtosis 2.3655 in place of the Gaussian's 3.
    const sd = Math.sqrt(2 / (B * N) + (2.3655 - 1) / (d * N) + 2 / (B * d));
    expect(Math.abs(layers[0]!.preactivation.secondMoment / 2 - 1)).toBeLessThan(5 * sd);
    // E[relu(h)²] = q/2 = 1; each unit adds Var(relu(z)²)/E² = 5 of relative noise (docs/theory.md §4.1).
    const sdPost = Math.sqrt(sd * sd + 5 / (B * N));
    expect(Math.abs(layers[0]!.activation.secondMoment - 1)).toBeLessThan(5 * sdPost);
  });

  it('vector 13: the PyTorch-default ReLU MLP settles on 2/(5n) = 7.8125e-4 at n = 512', () => {
    const layers = checkAgainstTheory({
      init: 'torch_linear_default',
      activation: 'relu',
      depth: 20,
      width: 512,
      batch: 64,
      seed: 5,
    });
    expect(layers[19]!.theory.preactivationSecondMoment).toBeCloseTo(7.8125e-4, 8);
  });
});

describe('numerical extremes are reported, not hidden', () => {
  it('N(0,1) weights overflow to Inf and the layer says so', () => {
    const { layers } = run({ init: 'random_normal', activation: 'linear', depth: 60, width: 128, batch: 8, seed: 1 });
    const first = layers.find((l) => l.status === 'overflow');
    expect(first).toBeDefined();
    expect(first!.preactivation.secondMoment).toBe(Infinity);
    expect(first!.preactivation.nonFinite.posInf + first!.preactivation.nonFinite.negInf).toBeGreaterThan(0);
    for (const l of layers) expect(Number.isNaN(l.preactivation.secondMoment)).toBe(false);
  });

  it('ReLU with σ_w² = 1 underflows to exactly 0 deep down', () => {
    // q halves per layer from 1, so |h| ~ 2^(−l/2) passes float32's smallest subnormal 2^−149
    // near l ≈ 300.
    const { layers } = run({ init: 'lecun_normal', activation: 'relu', depth: 400, width: 64, batch: 8, seed: 1 });
    const first = layers.find((l) => l.status === 'underflow');
    expect(first).toBeDefined();
    expect(first!.layer).toBeGreaterThan(250);
    expect(first!.layer).toBeLessThan(350);
    expect(first!.preactivation.secondMoment).toBe(0);
  });

  it('zeros init is a dead network', () => {
    const { layers } = run({ init: 'zeros', activation: 'tanh', depth: 3, width: 16, batch: 4 });
    expect(layers.map((l) => l.status)).toEqual(['dead', 'dead', 'dead']);
    expect(layers[2]!.theory.preactivationSecondMoment).toBe(0);
  });
});

describe('determinism', () => {
  const cfg = { init: 'glorot_uniform', activation: 'tanh', depth: 6, width: 48, batch: 12 };
  it('same config and seed → identical statistics; different seed → different', () => {
    const a = run({ ...cfg, seed: 9 }).layers;
    expect(run({ ...cfg, seed: 9 }).layers).toEqual(a);
    expect(run({ ...cfg, seed: 10 }).layers[0]!.preactivation.secondMoment).not.toBe(a[0]!.preactivation.secondMoment);
  });

  it('histogram counts plus non-finite counts add up to batch × width', () => {
    for (const l of run({ ...cfg, seed: 9 }).layers) {
      const h = l.activation.histogram.counts.reduce((x, y) => x + y, 0);
      const nf = l.activation.nonFinite;
      expect(h + nf.posInf + nf.negInf + nf.nan).toBe(12 * 48);
    }
  });
});
