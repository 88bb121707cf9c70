// Per-layer statistics of the back-propagated signal δ^l, from the same two-pass scan as the
// forward tensors (stats.ts), with one difference: no moment is ever NaN. An exploding gradient
// turns into ±Inf and then NaN (Inf·0 at a ReLU's flat side, Inf − Inf in a sum), and a chart or
// an export must still see "it blew up" rather than "undefined".

import { hasNonFinite, tensorStats } from './stats';
import type { GradientStats, LayerStatus, TensorStats } from './types';

export interface GradientContext {
  /** δ^{l+1} was all 0, the weights W^{l+1} are all 0, or the forward layer l was dead. */
  deadAbove: boolean;
  weightGradientSecondMoment: number;
  theorySecondMoment: number | null;
}

function finiteMean(x: Float32Array, n: number): number {
  let sum = 0;
  let count = 0;
  for (let i = 0; i < n; i++) {
    const v = x[i]!;
    if (v - v === 0) {
      sum += v;
      count++;
    }
  }
  return count > 0 ? sum / count : 0;
}

function statusOf(s: TensorStats, deadAbove: boolean): LayerStatus {
  if (hasNonFinite(s.nonFinite)) return 'overflow';
  if (s.fractionZero === 1) return deadAbove ? 'dead' : 'underflow';
  return 'ok';
}

/**
 * Statistics of the first n entries of δ^l. When some overflowed, secondMoment and variance are
 * +Infinity and the mean is ±Infinity if all overflow has one sign; when signs mix or NaN is
 * present the mean is that of the finite entries (0 when none is finite), and `status` and
 * `nonFinite` say what happened.
 */
export function gradientStats(delta: Float32Array, n: number, context: GradientContext): GradientStats {
  const s = tensorStats(delta, n);
  const mean = Number.isNaN(s.mean) ? finiteMean(delta, n) : s.mean;
  const wg = context.weightGradientSecondMoment;
  return {
    status: statusOf(s, context.deadAbove),
    mean,
    variance: s.variance,
    secondMoment: s.secondMoment,
    min: s.min,
    max: s.max,
    nonFinite: s.nonFinite,
    histogram: s.histogram,
    // tensorStats gives +Infinity for any non-finite entry, so this is never NaN either.
    weightGradientSecondMoment: wg,
    theorySecondMoment: context.theorySecondMoment,
  };
}
