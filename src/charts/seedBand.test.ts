import { describe, expect, it } from 'vitest';
import { getActivation } from '../core/activations';
import { normalizeConfig } from '../core/config';
import { logSpread } from '../core/finiteWidth';
import { theoryFor } from '../core/network';
import { quantile, seedBand, theoryBand, Z90 } from './seedBand';

/** The predicted band of He + ReLU at one width, 50 layers: ratio hi/lo at the last layer. */
function predictedRatio(width: number): number {
  const { config } = normalizeConfig({ depth: 50, width });
  const theory = theoryFor(config);
  const spread = logSpread({
    act: getActivation(config.activation)!,
    params: config.activationParams,
    theory,
    widths: config.widths,
    inputDim: config.inputDim,
  });
  const last = theoryBand(
    theory.map((t) => t.preactivationSecondMoment),
    spread,
  ).at(-1)!;
  expect(last.layer).toBe(50);
  expect(last.lo).toBeLessThan(last.mid);
  expect(last.hi).toBeGreaterThan(last.lo);
  return last.hi / last.lo;
}

describe('seed band', () => {
  it('quantiles interpolate between order statistics', () => {
    const eight = [1, 2, 3, 4, 5, 6, 7, 8];
    expect(quantile(eight, 0.5)).toBeCloseTo(4.5, 12);
    expect(quantile(eight, 0.1)).toBeCloseTo(1.7, 12);
    expect(quantile(eight, 0.9)).toBeCloseTo(7.3, 12);
    expect(quantile([3], 0.9)).toBe(3);
  });

  it('per layer across seeds, whatever order the seeds came in; Inf and 0 are left out', () => {
    const runs = [
      [4, 1],
      [2, Infinity],
      [8, 0],
      [6, 3],
    ];
    const band = seedBand(runs);
    expect(band[0]).toEqual({ layer: 1, lo: quantile([2, 4, 6, 8], 0.1), mid: 5, hi: quantile([2, 4, 6, 8], 0.9) });
    expect(band[1]!.mid).toBe(2);
    // A layer with one usable seed has no band.
    expect(seedBand([[1], [Infinity]])).toEqual([]);
  });

  it('the theory band is exp(ln q + mean ± 1.2816·sd) and holds q when the mean offset is 0', () => {
    const band = theoryBand(
      [2, null, 1],
      [
        { mean: 0, sd: 0.5 },
        { mean: 0, sd: 1 },
        { mean: -0.1, sd: 0.2 },
      ],
    );
    expect(band.map((b) => b.layer)).toEqual([1, 3]);
    expect(band[0]!.lo).toBeCloseTo(2 * Math.exp(-Z90 * 0.5), 12);
    expect(band[0]!.hi).toBeCloseTo(2 * Math.exp(Z90 * 0.5), 12);
    expect(band[1]!.hi).toBeCloseTo(Math.exp(-0.1 + Z90 * 0.2), 12);
    expect(band[1]!.lo).toBeLessThan(1);
  });

  it('from logSpread: at width 16 the predicted band spans far more than at width 256', () => {
    const narrow = predictedRatio(16);
    const wide = predictedRatio(256);
    expect(narrow).toBeGreaterThan(10);
    // sd of ln v scales as 1/√width: 16× the width, about 4× narrower in log terms.
    expect(Math.log(wide)).toBeLessThan(Math.log(narrow) / 3);
  });
});
