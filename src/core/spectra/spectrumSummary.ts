// The numbers a spectrum is reported by: mean, mean square, extremes and quantiles of the
// singular values, and the normalized spread of their squares, which the free-probability theory
// predicts (jacobianTheory.ts).

/** The quantiles reported, as fractions: 5 %, 25 %, 50 %, 75 %, 95 %. */
export const SPECTRUM_QUANTILES = [0.05, 0.25, 0.5, 0.75, 0.95] as const;

export interface SpectrumSummary {
  mean: number;
  meanSquare: number;
  min: number;
  max: number;
  /** At SPECTRUM_QUANTILES. */
  quantiles: number[];
  /** Var(σ²)/E[σ²]² over the values (0 when they are all equal, NaN when E[σ²] = 0). */
  relativeVariance: number;
}

/**
 * The p-quantile of ascending values by linear interpolation between order statistics at
 * position p·(n − 1) (numpy's default 'linear' method), NaN for no values.
 */
export function quantileOfSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const pos = p * (n - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(n - 1, lo + 1);
  const t = pos - lo;
  return sorted[lo]! + t * (sorted[hi]! - sorted[lo]!);
}

/** Summary of ascending values (every field NaN when there are none, e.g. after an overflow). */
export function summarizeSpectrum(sorted: ArrayLike<number>): SpectrumSummary {
  const n = sorted.length;
  let sum = 0;
  let sumSquares = 0;
  let sumFourth = 0;
  for (let i = 0; i < n; i++) {
    const v = sorted[i]!;
    const s = v * v;
    sum += v;
    sumSquares += s;
    sumFourth += s * s;
  }
  const meanSquare = n > 0 ? sumSquares / n : NaN;
  const fourth = n > 0 ? sumFourth / n : NaN;
  const relativeVariance = meanSquare > 0 ? Math.max(0, fourth / (meanSquare * meanSquare) - 1) : NaN;
  return {
    mean: n > 0 ? sum / n : NaN,
    meanSquare,
    min: n > 0 ? sorted[0]! : NaN,
    max: n > 0 ? sorted[n - 1]! : NaN,
    quantiles: SPECTRUM_QUANTILES.map((p) => quantileOfSorted(sorted, p)),
    relativeVariance,
  };
}
