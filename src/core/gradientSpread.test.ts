import { describe, expect, it } from 'vitest';
import { getActivation } from './activations';
import { normalizeConfig, type ConfigInput } from './config';
import { gradientLogSpread } from './gradientSpread';
import { theoryFor } from './network';

function spreadFor(input: ConfigInput) {
  const { config } = normalizeConfig(input);
  return gradientLogSpread({
    act: getActivation(config.activation)!,
    params: config.activationParams,
    theory: theoryFor(config),
    widths: config.widths,
    inputDim: config.inputDim,
    batch: config.batch,
  });
}

describe('gradientLogSpread', () => {
  it('reproduces the exact single-input ReLU/He walk: each layer adds Var R = 5/N, δ^L = g adds 2/N', () => {
    // ‖δ^l‖²/‖δ^{l+1}‖² = (2/N)·χ²_K, K ~ Bin(N, ½), as in the forward pass (docs/theory.md §4.1).
    const s = spreadFor({ init: 'he_normal', activation: 'relu', depth: 30, width: 512, batch: 1 });
    expect(s[0]!.sd).toBeCloseTo(Math.sqrt((2 + 5 * 29) / 512), 6);
    expect(s[29]!.sd).toBeCloseTo(Math.sqrt(2 / 512), 12);
    expect(s[0]!.mean).toBeCloseTo(-(s[0]!.sd ** 2) / 2, 12);
  });

  it('a batch narrows the spread, but ReLU masks shared by correlating inputs keep a floor', () => {
    const one = spreadFor({ init: 'he_normal', activation: 'relu', depth: 30, width: 512, batch: 1 });
    const many = spreadFor({ init: 'he_normal', activation: 'relu', depth: 30, width: 512, batch: 512 });
    expect(many[0]!.sd).toBeLessThan(one[0]!.sd / 2);
    // Deep ReLU inputs correlate (c → 1): their masks agree on about (1 − 1/B)·Cov/N per layer.
    expect(many[0]!.sd).toBeGreaterThan(0.15);
  });

  it('is null where the forward theory stops', () => {
    expect(spreadFor({ init: 'ones', activation: 'relu', depth: 3, width: 8, batch: 2 })).toEqual([null, null, null]);
  });
});
