// GELU, x·Φ(x), in its exact (erf) form and in the tanh approximation. The exact form has closed
// Gaussian moments (Stein's lemma); the approximation is integrated numerically.
import { erfc, normalCdf, normalPdf } from '../gaussian';
import type { ActivationSpec } from './spec';
import { countSaturatedBy } from './spec';

const SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);
const GELU_TANH_CUBIC = 0.044715;

/** x·Φ(x) through erfc, which keeps full relative accuracy in the left tail (Φ(−8) ≈ 6e-16). */
function geluErf(x: number): number {
  return 0.5 * x * erfc(-x * Math.SQRT1_2);
}

/**
 * ½x(1 + tanh(u)) = x·σ(2u) with u = √(2/π)(x + 0.044715x³). The σ form avoids the cancellation
 * in 1 + tanh(u) for x ≪ 0; at −Infinity both give −∞·0 = NaN, as torch and jax do.
 */
function geluTanh(x: number): number {
  const u = SQRT_2_OVER_PI * (x + GELU_TANH_CUBIC * x * x * x);
  return x / (1 + Math.exp(-2 * u));
}

/** arcsin(q/(1 + q)) and the two algebraic factors shared by the closed forms. */
function geluMomentParts(q: number): { arc: number; root1: number; root2: number } {
  return { arc: Math.asin(q / (1 + q)), root1: 1 + q, root2: Math.sqrt(1 + 2 * q) };
}

export const gelu: ActivationSpec = {
  id: 'gelu',
  label: 'GELU (erf)',
  params: [],
  bounded: false,
  homogeneous: false,
  kinks: () => [],
  note: "Exact x·Φ(x): the default of torch (approximate='none') and Keras (approximate=False). jax.nn.gelu, and so Flax, default to the tanh approximation (approximate=True).",
  make: () => {
    const df = (x: number): number => {
      if (!Number.isFinite(x)) return x > 0 ? 1 : x < 0 ? 0 : NaN;
      return normalCdf(x) + x * normalPdf(x);
    };
    return {
      f: geluErf,
      df,
      apply(src, dst, n) {
        for (let i = 0; i < n; i++) dst[i] = geluErf(src[i]!);
      },
      countSaturated: (src, n) => countSaturatedBy(df, src, n),
      closed: {
        // E[gelu²] = q/4 + (q/2π)·arcsin(q/(1+q)) + q²/(π(1+q)√(1+2q)).
        secondMoment: (q) => {
          const { arc, root1, root2 } = geluMomentParts(q);
          return q / 4 + (q * arc) / (2 * Math.PI) + (q * q) / (Math.PI * root1 * root2);
        },
        // E[x·Φ(x)] = q·E[φ(x)] = q/√(2π(1+q)) by Stein's lemma.
        mean: (q) => q / Math.sqrt(2 * Math.PI * (1 + q)),
        // gelu′ = Φ + xφ: E[Φ²] = 1/4 + arcsin(q/(1+q))/2π, E[xφΦ] = q/(2π(1+q)√(1+2q)),
        // E[x²φ²] = q/(2π(1+2q)^{3/2}).
        derivSecondMoment: (q) => {
          const { arc, root1, root2 } = geluMomentParts(q);
          return 0.25 + arc / (2 * Math.PI) + q / (Math.PI * root1 * root2) + q / (2 * Math.PI * root2 * root2 * root2);
        },
      },
    };
  },
};

export const geluTanhApprox: ActivationSpec = {
  id: 'gelu_tanh',
  label: 'GELU (tanh approximation)',
  params: [],
  bounded: false,
  homogeneous: false,
  kinks: () => [],
  note: "½x(1 + tanh(√(2/π)(x + 0.044715x³))): the default of jax.nn.gelu and Flax; torch with approximate='tanh'. Within 4.8e-4 of the exact form (largest near x = ±2.7).",
  make: () => {
    const df = (x: number): number => {
      // Beyond |x| = 100, σ(2u) is exactly 0 or 1 and its derivative underflows; the formula
      // would meet ∞·0 once x³ overflows.
      if (!(Math.abs(x) < 100)) return x >= 100 ? 1 : x <= -100 ? 0 : NaN;
      const u = SQRT_2_OVER_PI * (x + GELU_TANH_CUBIC * x * x * x);
      const du = SQRT_2_OVER_PI * (1 + 3 * GELU_TANH_CUBIC * x * x);
      const e = Math.exp(-Math.abs(2 * u));
      const s = 1 / (1 + Math.exp(-2 * u));
      return s + (2 * x * du * e) / ((1 + e) * (1 + e));
    };
    return {
      f: geluTanh,
      df,
      apply(src, dst, n) {
        for (let i = 0; i < n; i++) dst[i] = geluTanh(src[i]!);
      },
      countSaturated: (src, n) => countSaturatedBy(df, src, n),
    };
  },
};
