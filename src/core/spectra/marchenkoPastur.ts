// A layer's weight matrix against the Marchenko–Pastur law (Marchenko & Pastur 1967). For W of
// fan_in K × fan_out N with iid entries of variance v, let m = min(K, N), M = max(K, N) and G the
// m × m Gram matrix (W·Wᵀ or Wᵀ·W, the side without zero eigenvalues). The eigenvalues of G/(M·v)
// follow, as m, M → ∞ with y = m/M fixed, the density
//
//   p(λ) = √((λ₊ − λ)(λ − λ₋)) / (2π·y·λ)   on [λ₋, λ₊] = [(1 − √y)², (1 + √y)²],
//
// of mean 1. An orthogonal matrix (gain g, v = g²/M) is the contrast: G = g²·I, every eigenvalue 1.

import { fillWeights, realizedVariance } from '../distributions';
import { getInitializer } from '../initializers';
import { fanInOf } from '../networkSpec';
import { Stream } from '../rng';
import type { SimConfig } from '../types';
import { symmetricEigenvalues, gramOfRows, transposed } from './symmetricEigen';

export function marchenkoPasturEdges(y: number): { lo: number; hi: number } {
  const r = Math.sqrt(y);
  return { lo: (1 - r) ** 2, hi: (1 + r) ** 2 };
}

/** The density p(λ) for ratio 0 < y ≤ 1 (0 outside the support). */
export function marchenkoPasturDensity(lambda: number, y: number): number {
  const { lo, hi } = marchenkoPasturEdges(y);
  if (!(lambda > lo && lambda < hi)) return 0;
  return Math.sqrt((hi - lambda) * (lambda - lo)) / (2 * Math.PI * y * lambda);
}

/**
 * P(λ ≤ x). With λ = λ₋ + (λ₊ − λ₋)(1 − cos θ)/2 the square root becomes (λ₊ − λ₋)/2·sin θ and the
 * integrand is smooth in θ, so a 400-point trapezoid rule is exact to ~1e-10.
 */
export function marchenkoPasturCdf(x: number, y: number): number {
  const { lo, hi } = marchenkoPasturEdges(y);
  if (x <= lo) return 0;
  if (x >= hi) return 1;
  const half = (hi - lo) / 2;
  const end = Math.acos(1 - (x - lo) / half);
  const steps = 400;
  const h = end / steps;
  let sum = 0;
  for (let i = 0; i <= steps; i++) {
    const t = i * h;
    const lambda = lo + half * (1 - Math.cos(t));
    const s = Math.sin(t);
    // At y = 1, λ₋ = 0 and sin²θ/λ → 2/half as θ → 0: the limit, not 0/0.
    const f = lambda > 0 ? (half * half * s * s) / (2 * Math.PI * y * lambda) : half / (Math.PI * y);
    sum += i === 0 || i === steps ? f / 2 : f;
  }
  return Math.min(1, sum * h);
}

export interface WeightSpectrum {
  layer: number;
  fanIn: number;
  fanOut: number;
  /** m/M ≤ 1. */
  ratio: number;
  /** Eigenvalues of G/(M·v), ascending (v = the law's variance, so their mean is 1 for any iid law). */
  eigenvalues: Float64Array;
}

/** The eigenvalues of the normalized Gram matrix of layer `layer`'s weights, as the engine draws them. */
export function weightSpectrum(config: SimConfig, layer: number): WeightSpectrum {
  const init = getInitializer(config.init);
  if (!init) throw new Error(`unknown initializer ${config.init}`);
  if (!Number.isInteger(layer) || layer < 1 || layer > config.widths.length)
    throw new RangeError(`layer ${layer} is not in 1…${config.widths.length}`);
  const K = fanInOf(config, layer - 1);
  const N = config.widths[layer - 1]!;
  const law = init.weightLaw(K, N, config.initParams);
  const w32 = new Float32Array(K * N);
  fillWeights(law, config.seed, Stream.weights, layer, K, N, w32);
  const w = Float64Array.from(w32);
  const m = Math.min(K, N);
  const M = Math.max(K, N);
  const gram = K <= N ? gramOfRows(w, K, N) : gramOfRows(transposed(w, K, N), N, K);
  const eigenvalues = symmetricEigenvalues(gram, m);
  const v = realizedVariance(law, K, N);
  const scale = M * v;
  for (let i = 0; i < m; i++) eigenvalues[i] = scale > 0 ? eigenvalues[i]! / scale : 0;
  return { layer, fanIn: K, fanOut: N, ratio: m / M, eigenvalues };
}
