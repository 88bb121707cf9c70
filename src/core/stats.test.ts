import { describe, expect, it } from 'vitest';
import { HISTOGRAM_BINS, tensorStats } from './stats';

describe('tensorStats', () => {
  it('pools mean, variance and second moment in float64', () => {
    const x = Float32Array.from([1, 2, 3, 4, 0, 0]);
    const s = tensorStats(x, x.length);
    expect(s.mean).toBeCloseTo(10 / 6, 12);
    expect(s.secondMoment).toBeCloseTo(30 / 6, 12);
    expect(s.variance).toBeCloseTo(30 / 6 - (10 / 6) ** 2, 12);
    expect(s.min).toBe(0);
    expect(s.max).toBe(4);
    expect(s.fractionZero).toBeCloseTo(2 / 6, 12);
  });

  it('keeps the variance of a tensor whose mean dwarfs its spread (two-pass)', () => {
    const n = 10000;
    const x = new Float32Array(n);
    for (let i = 0; i < n; i++) x[i] = 1e4 + (i % 2 === 0 ? 1 : -1);
    const s = tensorStats(x, n);
    expect(s.variance).toBeCloseTo(1, 9);
  });

  it('histogram counts add up to the finite entries, range adapts', () => {
    const x = Float32Array.from([-1, 0, 0.5, 1, 1, Infinity, NaN]);
    const s = tensorStats(x, x.length);
    expect(s.histogram.counts).toHaveLength(HISTOGRAM_BINS);
    expect(s.histogram.lo).toBe(-1);
    expect(s.histogram.hi).toBe(1);
    const total = s.histogram.counts.reduce((a, b) => a + b, 0);
    expect(total + s.nonFinite.posInf + s.nonFinite.negInf + s.nonFinite.nan).toBe(x.length);
    expect(s.histogram.counts[HISTOGRAM_BINS - 1]).toBe(2); // the maximum lands in the last bin
  });

  it('reports overflow as Infinity and counts, never NaN moments from one-signed overflow', () => {
    const s = tensorStats(Float32Array.from([1, Infinity, 2]), 3);
    expect(s.secondMoment).toBe(Infinity);
    expect(s.variance).toBe(Infinity);
    expect(s.mean).toBe(Infinity);
    expect(s.max).toBe(Infinity);
    expect(s.nonFinite).toEqual({ posInf: 1, negInf: 0, nan: 0 });
  });

  it('a tensor with no finite value reports the infinities it has, or no extremes at all', () => {
    const nan = tensorStats(Float32Array.from([NaN, NaN]), 2);
    expect([nan.min, nan.max]).toEqual([NaN, NaN]);
    const inf = tensorStats(Float32Array.from([NaN, Infinity]), 2);
    expect([inf.min, inf.max]).toEqual([Infinity, Infinity]);
    const mixed = tensorStats(Float32Array.from([-Infinity, NaN, Infinity]), 3);
    expect([mixed.min, mixed.max]).toEqual([-Infinity, Infinity]);
  });

  it('an all-zero tensor (underflow) has zero moments and a spike at 0', () => {
    const s = tensorStats(new Float32Array(8), 8);
    expect(s.secondMoment).toBe(0);
    expect(s.fractionZero).toBe(1);
    expect(s.histogram.counts.reduce((a, b) => a + b, 0)).toBe(8);
  });
});
