// Per-layer statistics of float32 tensors, accumulated in float64. The moments come from
// chunkMoments.ts (partials per fixed chunk, combined in chunk order, so any split of the chunks
// across threads gives the same bits); the histogram needs the range first, so it is a second
// pass, and its integer counts may be added up in any order.

import { combineChunks, MOMENT_FIELDS, scanChunks, type CombinedMoments } from './chunkMoments';
import type { Histogram, NonFinite, TensorStats, WeightStats } from './types';

export const HISTOGRAM_BINS = 40;

export function hasNonFinite(nf: NonFinite): boolean {
  return nf.posInf + nf.negInf + nf.nan > 0;
}

/** The histogram's range: that of the finite values, [0, 0] when there is none. */
export function histogramRange(c: CombinedMoments): { lo: number; hi: number } {
  return c.finite > 0 ? { lo: c.min, hi: c.max } : { lo: 0, hi: 0 };
}

/** Bins plus one slot for the value hi itself, which lands just past the last bin. */
const SLOTS = HISTOGRAM_BINS + 1;
/**
 * Four interleaved sub-histograms: consecutive values often fall in the same bin (half of a ReLU
 * output is 0), and four counters let those increments proceed without waiting on each other.
 */
const lanes = new Int32Array(4 * SLOTS);

/**
 * Adds the finite values of x[start, end) to counts[at, at + HISTOGRAM_BINS): 40 equal bins on
 * [lo, hi], the value hi in the last one. Every finite value must lie in [lo, hi] (lo and hi are
 * the extremes of a tensor that contains x[start, end)), so (v − lo)·scale is in [0, 40] and
 * truncation is the floor.
 */
export function binInto(
  x: Float32Array,
  start: number,
  end: number,
  lo: number,
  hi: number,
  counts: Int32Array,
  at: number,
): void {
  if (!(hi >= lo) || end <= start) return;
  const width = hi - lo;
  const scale = width > 0 ? HISTOGRAM_BINS / width : 0;
  lanes.fill(0);
  let i = start;
  for (; i + 3 < end; i += 4) {
    const a = x[i]!;
    const b = x[i + 1]!;
    const c = x[i + 2]!;
    const d = x[i + 3]!;
    if (a - a + (b - b) + (c - c) + (d - d) !== 0) break; // a non-finite value: finish carefully
    lanes[((a - lo) * scale) | 0]!++;
    lanes[SLOTS + (((b - lo) * scale) | 0)]!++;
    lanes[2 * SLOTS + (((c - lo) * scale) | 0)]!++;
    lanes[3 * SLOTS + (((d - lo) * scale) | 0)]!++;
  }
  for (; i < end; i++) {
    const v = x[i]!;
    if (v - v === 0) lanes[((v - lo) * scale) | 0]!++;
  }
  for (let bin = 0; bin < SLOTS; bin++) {
    const total = lanes[bin]! + lanes[SLOTS + bin]! + lanes[2 * SLOTS + bin]! + lanes[3 * SLOTS + bin]!;
    const slot = at + Math.min(bin, HISTOGRAM_BINS - 1);
    counts[slot] = counts[slot]! + total;
  }
}

/**
 * Statistics of n entries from their combined moments and histogram counts. When a tensor
 * overflowed, its second moment and variance are +Infinity (that is what happened), the mean is
 * ±Infinity when all overflow has one sign and NaN only when signs mix; callers flag such layers as
 * 'overflow' rather than plot them.
 */
export function tensorStatsOf(c: CombinedMoments, n: number, counts: ArrayLike<number> | null): TensorStats {
  const { posInf, negInf, nan } = c.nonFinite;
  const overflowMean = nan === 0 && negInf === 0 ? Infinity : nan === 0 && posInf === 0 ? -Infinity : NaN;
  const finiteStats = {
    mean: c.finite > 0 ? c.sum / c.finite : 0,
    variance: c.finite > 0 ? c.m2 / c.finite : 0,
    secondMoment: c.finite > 0 ? c.sumSq / c.finite : 0,
  };
  const histogram: Histogram = counts
    ? { ...histogramRange(c), counts: Array.from(counts) }
    : { lo: 0, hi: 0, counts: [] };
  return {
    ...(hasNonFinite(c.nonFinite) ? { mean: overflowMean, variance: Infinity, secondMoment: Infinity } : finiteStats),
    // With no finite value the extremes are the infinities present; after an overflow a tensor
    // can be all NaN (∞ − ∞), and then it has no smallest or largest value at all, not 0.
    min: negInf > 0 ? -Infinity : c.finite > 0 ? c.min : posInf > 0 ? Infinity : nan > 0 ? NaN : 0,
    max: posInf > 0 ? Infinity : c.finite > 0 ? c.max : negInf > 0 ? -Infinity : nan > 0 ? NaN : 0,
    fractionZero: n > 0 ? c.zeros / n : 0,
    nonFinite: c.nonFinite,
    histogram,
  };
}

export function weightStatsOf(c: CombinedMoments, n: number): WeightStats {
  const s = tensorStatsOf(c, n, null);
  return { mean: s.mean, variance: s.variance, min: s.min, max: s.max };
}

/**
 * Statistics of the first n entries, as chunks of `chunkLength` (default: one chunk). The forward
 * pass uses a batch row as the chunk, so that its threads agree bit for bit.
 */
export function tensorStats(x: Float32Array, n: number, withHistogram = true, chunkLength = n): TensorStats {
  const chunks = n > 0 ? Math.ceil(n / chunkLength) : 0;
  const rec = new Float64Array(Math.max(chunks, 1) * MOMENT_FIELDS);
  scanChunks(x, 0, n, Math.max(chunkLength, 1), rec, 0);
  const c = combineChunks(rec, 0, chunks);
  if (!withHistogram) return tensorStatsOf(c, n, null);
  const counts = new Int32Array(HISTOGRAM_BINS);
  const { lo, hi } = histogramRange(c);
  binInto(x, 0, n, lo, hi, counts, 0);
  return tensorStatsOf(c, n, counts);
}

export function weightStats(w: Float32Array, n: number, chunkLength = n): WeightStats {
  const s = tensorStats(w, n, false, chunkLength);
  return { mean: s.mean, variance: s.variance, min: s.min, max: s.max };
}
