import { describe, expect, it } from 'vitest';
import { ACTIVATIONS } from '../core/activations';
import {
  binLayers,
  binSample,
  boundedRange,
  pooledQuantileRange,
  saturationBounds,
  scanSample,
  subsampleLayers,
  widenDegenerate,
} from './binning';
import { seededNormal } from './testData';

const f32 = (values: number[]): Float32Array => Float32Array.from(values);

describe('binSample(x, lo, hi, bins)', () => {
  it('puts each finite value in its bin, the top edge in the last bin', () => {
    const h = binSample(f32([0, 0.1, 0.5, 0.99, 1]), 0, 1, 4);
    expect(h.counts).toEqual([2, 0, 1, 2]);
    expect(h.finite).toBe(5);
  });

  it('counts ±Inf and NaN instead of binning them', () => {
    const h = binSample(f32([1, Infinity, -Infinity, NaN, 2]), 0, 2, 2);
    expect(h.counts).toEqual([0, 2]);
    expect(h).toMatchObject({ finite: 2, infinite: 2, nan: 1 });
  });

  it('counts values outside a fixed range', () => {
    const h = binSample(f32([-5, 0.5, 5]), 0, 1, 2);
    expect(h.counts).toEqual([0, 1]);
    expect(h.outside).toBe(2);
  });
});

describe('widenDegenerate(range)', () => {
  it('turns a single value into an interval around it', () => {
    expect(widenDegenerate([0, 0])).toEqual([-0.5, 0.5]);
    expect(widenDegenerate([0.5, 0.5])).toEqual([0, 1]);
    expect(widenDegenerate([-1, 2])).toEqual([-1, 2]);
  });
});

describe('scanSample(x)', () => {
  it('finds the finite range and counts the rest', () => {
    expect(scanSample(f32([3, -1, Infinity, NaN]))).toEqual({ range: [-1, 3], infinite: 1, nan: 1 });
    expect(scanSample(f32([Infinity])).range).toBeNull();
    expect(scanSample(f32([])).range).toBeNull();
  });
});

describe('pooledQuantileRange(samples)', () => {
  it('cuts the extreme half percent on each side', () => {
    const normal = seededNormal(3);
    const samples = [0, 1, 2].map(() => Float32Array.from({ length: 20000 }, () => normal()));
    const range = pooledQuantileRange(samples);
    expect(range).not.toBeNull();
    // Φ⁻¹(0.995) = 2.5758
    expect(range![0]).toBeCloseTo(-2.5758, 1);
    expect(range![1]).toBeCloseTo(2.5758, 1);
  });

  it('ignores non-finite values and copes with none at all', () => {
    expect(pooledQuantileRange([f32([Infinity, 1, 1])])).toEqual([1, 1]);
    expect(pooledQuantileRange([f32([NaN])])).toBeNull();
    expect(pooledQuantileRange([])).toBeNull();
  });
});

describe('subsampleLayers(count, max)', () => {
  it('keeps every layer of a shallow net', () => {
    expect(subsampleLayers(5, 40)).toEqual([0, 1, 2, 3, 4]);
  });

  it('spreads 40 ridges evenly over a deep net, first and last included', () => {
    const picked = subsampleLayers(200, 40);
    expect(picked).toHaveLength(40);
    expect(picked[0]).toBe(0);
    expect(picked.at(-1)).toBe(199);
    expect(new Set(picked).size).toBe(40);
  });
});

describe('binLayers(samples, indices, mode, activation)', () => {
  const spread = f32([-2, -1, 0, 1, 2]);
  const narrow = f32([0.1, 0.2, 0.3]);

  it('adapts the range to each layer', () => {
    const { histograms, fixedRange } = binLayers([spread, narrow], [0, 1], 'adaptive', 'relu', 4);
    expect(fixedRange).toBeNull();
    expect(histograms.map((h) => [h.lo, h.hi])).toEqual([
      [-2, 2],
      [expect.closeTo(0.1, 6) as number, expect.closeTo(0.3, 6) as number],
    ]);
  });

  it('shares one range in fixed mode, so a vanishing layer becomes a spike', () => {
    const { histograms, fixedRange } = binLayers([spread, narrow], [0, 1], 'fixed', 'relu', 4);
    expect(fixedRange![0]).toBeLessThan(-1.9);
    expect(histograms[1]!.counts.filter((c) => c > 0)).toHaveLength(1);
  });

  it('uses the output range of a bounded activation in fixed mode', () => {
    expect(boundedRange('tanh')).toEqual([-1, 1]);
    expect(boundedRange('sigmoid')).toEqual([0, 1]);
    expect(boundedRange('relu')).toBeNull();
    const saturated = f32([-1, -1, -1, 1, 1, 0]);
    const { histograms, fixedRange } = binLayers([saturated], [0], 'fixed', 'tanh', 4);
    expect(fixedRange).toEqual([-1, 1]);
    expect(histograms[0]!.counts).toEqual([3, 0, 1, 2]);
  });

  it('reads the output range from the activation registry, for every bounded activation', () => {
    for (const a of ACTIVATIONS) {
      const range = a.outputRange;
      expect(boundedRange(a.id)).toEqual(range ? [range.lo, range.hi] : null);
    }
  });

  it('counts the values within 1 % of the output range of a saturating bound, per bound and per bin', () => {
    // tanh: within 0.02 of ±1; 0.97 is not (φ′ = 0.06 there), 0.985 is.
    const sample = f32([-1, -0.99, -0.5, 0, 0.97, 0.985, 1, NaN]);
    const { histograms } = binLayers([sample], [0], 'fixed', 'tanh', 4);
    expect(histograms[0]!.saturated).toEqual({ low: 2, high: 2, lowBound: -1, highBound: 1, counts: [2, 0, 0, 2] });
    // sigmoid: within 0.01 of 0 or 1.
    expect(saturationBounds('sigmoid')).toEqual({ lo: 0, hi: 1, margin: 0.01 });
    const logistic = binLayers([f32([0.005, 0.02, 0.5, 0.995])], [0], 'fixed', 'sigmoid', 4).histograms[0]!;
    expect(logistic.saturated).toMatchObject({ low: 1, high: 1 });
    // Only saturating activations: sin reaches ±1 periodically, ReLU has no upper bound.
    expect(saturationBounds('sin')).toBeNull();
    expect(binLayers([sample], [0], 'fixed', 'sin', 4).histograms[0]!.saturated).toBeUndefined();
    expect(binLayers([sample], [0], 'adaptive', 'relu', 4).histograms[0]!.saturated).toBeUndefined();
  });

  it('counts saturated values in adaptive mode too, in the bins of the layer’s own range', () => {
    const { histograms } = binLayers([f32([0.5, 0.6, 0.99, 0.995])], [0], 'adaptive', 'tanh', 5);
    expect(histograms[0]!.saturated).toMatchObject({ low: 0, high: 2, counts: [0, 0, 0, 0, 2] });
  });

  it('draws an all-zero layer as a spike at 0', () => {
    const { histograms } = binLayers([f32([0, 0, 0])], [0], 'adaptive', 'relu', 4);
    expect(histograms[0]).toMatchObject({ lo: -0.5, hi: 0.5, counts: [0, 0, 3, 0] });
  });

  it('totals the non-finite values over every layer and names the layers', () => {
    const overflowed = f32([Infinity, -Infinity, NaN, 1]);
    const binned = binLayers([spread, overflowed, overflowed], [0], 'adaptive', 'relu', 4);
    expect(binned).toMatchObject({ infinite: 4, nan: 2, nonFiniteLayers: [2, 3] });
  });

  it('copes with empty samples', () => {
    const binned = binLayers([f32([])], [0], 'fixed', 'relu', 4);
    expect(binned.fixedRange).toBeNull();
    expect(binned.histograms[0]!.finite).toBe(0);
  });
});
