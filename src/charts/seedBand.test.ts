import { describe, expect, it } from 'vitest';
import { quantile, seedBand, theoryBand, Z90 } from './seedBand';

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
    const band = theoryBand([2, null, 1], [{ mean: 0, sd: 0.5 }, { mean: 0, sd: 1 }, { mean: -0.1, sd: 0.2 }]);
    expect(band.map((b) => b.layer)).toEqual([1, 3]);
    expect(band[0]!.lo).toBeCloseTo(2 * Math.exp(-Z90 * 0.5), 12);
    expect(band[0]!.hi).toBeCloseTo(2 * Math.exp(Z90 * 0.5), 12);
    expect(band[1]!.hi).toBeCloseTo(Math.exp(-0.1 + Z90 * 0.2), 12);
    expect(band[1]!.lo).toBeLessThan(1);
  });
});
