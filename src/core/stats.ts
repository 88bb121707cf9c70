// Per-layer statistics of float32 tensors, accumulated in float64. Two passes: the first finds the
// range (the histogram adapts to it) and the mean, the second the centred variance — a one-pass
// sum of squares would lose the variance of tensors whose mean dwarfs their spread.

import type { Histogram, NonFinite, TensorStats, WeightStats } from './types';

export const HISTOGRAM_BINS = 40;

interface RangeScan {
  min: number;
  max: number;
  sum: number;
  sumSq: number;
  finite: number;
  zeros: number;
  nonFinite: NonFinite;
}

function scan(x: Float32Array, n: number): RangeScan {
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  let sumSq = 0;
  let finite = 0;
  let zeros = 0;
  let posInf = 0;
  let negInf = 0;
  let nan = 0;
  for (let i = 0; i < n; i++) {
    const v = x[i]!;
    if (v - v === 0) {
      // finite (Inf − Inf and NaN − NaN are NaN)
      if (v < min) min = v;
      if (v > max) max = v;
      sum += v;
      sumSq += v * v;
      finite++;
      if (v === 0) zeros++;
    } else if (v === Infinity) posInf++;
    else if (v === -Infinity) negInf++;
    else nan++;
  }
  return { min, max, sum, sumSq, finite, zeros, nonFinite: { posInf, negInf, nan } };
}

function histogram(x: Float32Array, n: number, lo: number, hi: number): Histogram {
  const counts = new Array<number>(HISTOGRAM_BINS).fill(0);
  if (!(hi >= lo)) return { lo: 0, hi: 0, counts };
  const width = hi - lo;
  const scale = width > 0 ? HISTOGRAM_BINS / width : 0;
  for (let i = 0; i < n; i++) {
    const v = x[i]!;
    if (v - v !== 0) continue;
    let bin = Math.floor((v - lo) * scale);
    if (bin >= HISTOGRAM_BINS) bin = HISTOGRAM_BINS - 1; // v === hi lands in the last bin
    counts[bin]!++;
  }
  return { lo, hi, counts };
}

export function hasNonFinite(nf: NonFinite): boolean {
  return nf.posInf + nf.negInf + nf.nan > 0;
}

/**
 * Statistics of the first n entries. When a tensor overflowed, its second moment and variance
 * are +Infinity (that is what happened), the mean is ±Infinity when all overflow has one sign and
 * NaN only when signs mix; callers flag such layers as 'overflow' rather than plot them.
 */
export function tensorStats(x: Float32Array, n: number, withHistogram = true): TensorStats {
  const r = scan(x, n);
  const overflow = hasNonFinite(r.nonFinite);
  const mean = r.finite > 0 ? r.sum / r.finite : 0;
  let m2 = 0;
  for (let i = 0; i < n; i++) {
    const v = x[i]!;
    if (v - v === 0) m2 += (v - mean) * (v - mean);
  }
  const finiteStats = {
    mean,
    variance: r.finite > 0 ? m2 / r.finite : 0,
    secondMoment: r.finite > 0 ? r.sumSq / r.finite : 0,
  };
  const { posInf, negInf, nan } = r.nonFinite;
  const overflowMean = nan === 0 && negInf === 0 ? Infinity : nan === 0 && posInf === 0 ? -Infinity : NaN;
  return {
    ...(overflow ? { mean: overflowMean, variance: Infinity, secondMoment: Infinity } : finiteStats),
    // With no finite value the extremes are the infinities present; after an overflow a tensor
    // can be all NaN (∞ − ∞), and then it has no smallest or largest value at all, not 0.
    min: negInf > 0 ? -Infinity : r.finite > 0 ? r.min : posInf > 0 ? Infinity : nan > 0 ? NaN : 0,
    max: posInf > 0 ? Infinity : r.finite > 0 ? r.max : negInf > 0 ? -Infinity : nan > 0 ? NaN : 0,
    fractionZero: n > 0 ? r.zeros / n : 0,
    nonFinite: r.nonFinite,
    histogram: withHistogram
      ? histogram(x, n, r.finite > 0 ? r.min : 0, r.finite > 0 ? r.max : 0)
      : { lo: 0, hi: 0, counts: [] },
  };
}

export function weightStats(w: Float32Array, n: number): WeightStats {
  const s = tensorStats(w, n, false);
  return { mean: s.mean, variance: s.variance, min: s.min, max: s.max };
}
