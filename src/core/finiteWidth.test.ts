import { describe, expect, it } from 'vitest';
import { normalizeConfig } from './config';
import { getActivation } from './activations';
import { logSpread } from './finiteWidth';
import { theoryFor } from './network';

function spreadFor(input: Parameters<typeof normalizeConfig>[0]) {
  const { config } = normalizeConfig(input);
  return logSpread({
    act: getActivation(config.activation)!,
    params: config.activationParams,
    theory: theoryFor(config),
    widths: config.widths,
    inputDim: config.inputDim,
  });
}

describe('logSpread', () => {
  it('reproduces the exact ReLU/He random walk of docs/theory.md §4.1: σ² = 5(L−1)/N + 2/d + 2/N, mean −σ²/2', () => {
    const s = spreadFor({ init: 'he_normal', activation: 'relu', depth: 50, width: 512 });
    expect(s[49]!.sd).toBeCloseTo(0.697, 3);
    expect(s[49]!.mean).toBeCloseTo(-0.243, 3);
    expect(s[0]!.sd).toBeCloseTo(Math.sqrt(4 / 512), 10);
  });

  it('saturates where the length map contracts (tanh, σ_w² = 25/9)', () => {
    const s = spreadFor({
      init: 'torch_kaiming_normal',
      initParams: { nonlinearity: 'tanh' },
      activation: 'tanh',
      depth: 50,
      width: 512,
    });
    expect(s[49]!.sd).toBeLessThan(0.1);
    expect(Math.abs(s[49]!.sd - s[29]!.sd)).toBeLessThan(1e-3);
  });

  it('stops at layers without a finite theory', () => {
    const s = spreadFor({ init: 'ones', activation: 'relu', depth: 3, width: 8 });
    expect(s).toEqual([null, null, null]);
  });
});
