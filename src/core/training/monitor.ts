// What the trainer watches per hidden layer at an evaluation step (on that step's minibatch):
// the gradient norm, the update-to-weight ratio log₁₀(std(ΔW)/std(W)) (Karpathy's makemore
// lectures: about −3 is healthy), the fraction of dead or saturated units, and a histogram of
// log₁₀|a| for the activation-over-steps heatmap (the "colorful dimension" of fastai's course).
// Every sum is float64 in a fixed order.

import { SATURATION_THRESHOLD } from '../activations';
import type { ActivationSpec } from '../activations';
import type { MagnitudeHistogram } from './types';

/** log₁₀|a| bins: 32 quarter-decades from 10⁻⁶ to 10²; the outermost bins take what lies beyond. */
export const MAGNITUDE_BINS = { lo: -6, hi: 2, count: 32 } as const;

export function frobeniusNorm(g: Float32Array): number {
  let s = 0;
  for (let i = 0; i < g.length; i++) s += g[i]! * g[i]!;
  return Math.sqrt(s);
}

function std(x: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += x[i]!;
  const mean = sum / x.length;
  let ss = 0;
  for (let i = 0; i < x.length; i++) ss += (x[i]! - mean) ** 2;
  return Math.sqrt(ss / x.length);
}

/** log₁₀(std(Δ)/std(W)), or null when either is 0 or not finite. */
export function updateRatio(delta: Float32Array, w: Float32Array): number | null {
  const r = Math.log10(std(delta) / std(w));
  return Number.isFinite(r) ? r : null;
}

/** Fraction of the N units whose φ′ is 0 on every one of the B rows of h. */
export function deadFraction(df: (x: number) => number, h: Float32Array, B: number, N: number): number {
  let dead = 0;
  for (let j = 0; j < N; j++) {
    let alive = false;
    for (let b = 0; b < B && !alive; b++) alive = df(h[b * N + j]!) !== 0;
    if (!alive) dead++;
  }
  return dead / N;
}

/** Fraction of entries with |φ′(h)| < 0.05, for bounded activations (0 for the others). */
export function saturatedFraction(act: ActivationSpec, df: (x: number) => number, h: Float32Array, n: number): number {
  if (!act.bounded) return 0;
  let count = 0;
  for (let i = 0; i < n; i++) if (Math.abs(df(h[i]!)) < SATURATION_THRESHOLD) count++;
  return count / n;
}

export function magnitudeHistogram(a: Float32Array, n: number): MagnitudeHistogram {
  const { lo, hi, count } = MAGNITUDE_BINS;
  const counts = new Array<number>(count).fill(0);
  let zero = 0;
  for (let i = 0; i < n; i++) {
    const v = Math.abs(a[i]!);
    if (v === 0) {
      zero++;
      continue;
    }
    // NaN lands in the top bin with the overflows (it only appears as a run diverges).
    const bin = v === v ? Math.floor(((Math.log10(v) - lo) / (hi - lo)) * count) : count - 1;
    counts[Math.min(count - 1, Math.max(0, bin))]!++;
  }
  return { zero: zero / n, counts: counts.map((c) => c / n) };
}
