// The spread of one configuration over several seeds, and the spread finite-width theory predicts
// for it. Measured: per layer, the median and the 10–90 % quantiles of the pre-activation second
// moment across seeds. Predicted: ln v_l ≈ ln q_l + N(mean, sd²) (finiteWidth.ts), so its 10 and
// 90 % points are exp(ln q + mean ∓ 1.2816·sd).

import type { LogSpread } from '../core/finiteWidth';

/** The standard normal's 90 % quantile: ±Z90 around the mean holds 80 % of a Gaussian. */
export const Z90 = 1.2816;

/** What "Run 8 seeds" adds to the signal chart: the measured band and the one theory predicts. */
export interface SeedBands {
  measured: BandPoint[];
  theory: BandPoint[];
  seeds: number;
}

export interface BandPoint {
  layer: number;
  lo: number;
  hi: number;
  /** Median across seeds; for the theory band, the mean-field q itself. */
  mid: number;
}

/** Linear interpolation between order statistics (the "type 7" rule of R and numpy). */
export function quantile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const at = (sorted.length - 1) * p;
  const i = Math.floor(at);
  const next = sorted[Math.min(i + 1, sorted.length - 1)]!;
  return sorted[i]! + (at - i) * (next - sorted[i]!);
}

/**
 * `runs[s][l]` is seed s's value at layer l + 1. A layer enters the band when at least two seeds
 * have a finite positive value there (an overflowed seed has none to put on a log scale).
 */
export function seedBand(runs: readonly (readonly number[])[]): BandPoint[] {
  const depth = Math.max(0, ...runs.map((r) => r.length));
  const out: BandPoint[] = [];
  for (let l = 0; l < depth; l++) {
    const values = runs.map((r) => r[l]).filter((v): v is number => v !== undefined && Number.isFinite(v) && v > 0);
    if (values.length < 2) continue;
    values.sort((a, b) => a - b);
    out.push({ layer: l + 1, lo: quantile(values, 0.1), mid: quantile(values, 0.5), hi: quantile(values, 0.9) });
  }
  return out;
}

/** The 10–90 % band of v_l that finite width predicts around the mean-field q_l. */
export function theoryBand(q: readonly (number | null)[], spread: readonly (LogSpread | null)[]): BandPoint[] {
  const out: BandPoint[] = [];
  q.forEach((ql, i) => {
    const s = spread[i];
    if (ql === null || !(ql > 0) || !Number.isFinite(ql) || !s) return;
    const centre = Math.log(ql) + s.mean;
    out.push({ layer: i + 1, lo: Math.exp(centre - Z90 * s.sd), mid: ql, hi: Math.exp(centre + Z90 * s.sd) });
  });
  return out;
}
