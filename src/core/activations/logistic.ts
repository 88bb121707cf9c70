// Activations built on the logistic function σ(x) = 1/(1 + e^−x): sigmoid, tanh (= 2σ(2x) − 1),
// softplus (whose derivative is σ) and SiLU (x·σ(x)). Each is written so that neither tail loses
// relative accuracy and ±Infinity gives what torch gives.
import type { ActivationSpec } from './spec';
import { SATURATION_THRESHOLD, countBeyond, countSaturatedBy } from './spec';

/** σ′(x) = e^−|x|/(1 + e^−|x|)², symmetric, so no 1 − σ cancellation for large x. */
function logisticDerivative(x: number): number {
  const e = Math.exp(-Math.abs(x));
  const d = 1 + e;
  return e / (d * d);
}

/**
 * σ′ is even and decreasing in |x|, so σ′(x) < 0.05 exactly when |x| > ln(s/(1 − s)) with
 * s(1 − s) = 0.05, i.e. s = (1 + √(1 − 4·0.05))/2.
 */
const SIGMOID_SATURATION = (() => {
  const s = (1 + Math.sqrt(1 - 4 * SATURATION_THRESHOLD)) / 2;
  return Math.log(s / (1 - s));
})();

/** tanh′ = 1/cosh² < 0.05 exactly when |x| > acosh(1/√0.05). */
const TANH_SATURATION = Math.acosh(1 / Math.sqrt(SATURATION_THRESHOLD));

/** torch's Softplus(beta=1, threshold=20) returns x itself above the threshold. */
const SOFTPLUS_THRESHOLD = 20;

export const sigmoid: ActivationSpec = {
  id: 'sigmoid',
  label: 'Sigmoid',
  params: [],
  bounded: true,
  outputRange: { lo: 0, hi: 1, saturates: true },
  homogeneous: false,
  kinks: () => [],
  note: 'E[φ] = 1/2 for any input variance, so inputs collapse together (c → 1). Glorot init puts it deep in the ordered phase (χ₁ ≈ 0.056).',
  make: () => ({
    f: (x) => 1 / (1 + Math.exp(-x)),
    df: logisticDerivative,
    apply(src, dst, n) {
      for (let i = 0; i < n; i++) dst[i] = 1 / (1 + Math.exp(-src[i]!));
    },
    countSaturated: (src, n) => countBeyond(SIGMOID_SATURATION, src, n),
    // σ(x) − 1/2 is odd.
    closed: { mean: () => 0.5 },
  }),
};

export const tanh: ActivationSpec = {
  id: 'tanh',
  label: 'Tanh',
  params: [],
  bounded: true,
  outputRange: { lo: -1, hi: 1, saturates: true },
  homogeneous: false,
  kinks: () => [],
  note: "torch's calculate_gain('tanh') = 5/3 gives σ_w² = 25/9, which is chaotic (χ₁ ≈ 1.21); σ_w² = 1 with σ_b = 0 is exactly critical.",
  make: () => ({
    f: Math.tanh,
    // 1/cosh² rather than 1 − tanh², which is 0 for |x| > 19 although tanh′ is not.
    df: (x) => {
      const c = Math.cosh(x);
      return 1 / (c * c);
    },
    apply(src, dst, n) {
      for (let i = 0; i < n; i++) dst[i] = Math.tanh(src[i]!);
    },
    countSaturated: (src, n) => countBeyond(TANH_SATURATION, src, n),
    closed: { mean: () => 0 },
  }),
};

export const softplus: ActivationSpec = {
  id: 'softplus',
  label: 'Softplus',
  params: [],
  bounded: false,
  homogeneous: false,
  // torch switches to the identity above the threshold, a jump of 2e-9 in φ.
  kinks: () => [SOFTPLUS_THRESHOLD],
  note: 'ln(1 + eˣ). torch Softplus(beta=1, threshold=20) is exactly x for x > 20 (as here); jax.nn.softplus and Keras have no threshold.',
  make: () => {
    const df = (x: number): number => (x > SOFTPLUS_THRESHOLD ? 1 : 1 / (1 + Math.exp(-x)));
    return {
      f: (x) => (x > SOFTPLUS_THRESHOLD ? x : Math.log1p(Math.exp(x))),
      df,
      apply(src, dst, n) {
        for (let i = 0; i < n; i++) {
          const x = src[i]!;
          dst[i] = x > SOFTPLUS_THRESHOLD ? x : Math.log1p(Math.exp(x));
        }
      },
      countSaturated: (src, n) => countSaturatedBy(df, src, n),
    };
  },
};

export const silu: ActivationSpec = {
  id: 'silu',
  label: 'SiLU / Swish',
  params: [],
  bounded: false,
  homogeneous: false,
  kinks: () => [],
  note: 'x·σ(x); torch SiLU, jax.nn.silu (= swish), Keras swish/silu. Near 0 it acts like x/2, so He init shrinks q with depth.',
  make: () => {
    const df = (x: number): number => {
      // The limits; the formula below would give ∞·0 at ±Infinity.
      if (!Number.isFinite(x)) return x > 0 ? 1 : x < 0 ? 0 : NaN;
      const s = 1 / (1 + Math.exp(-x));
      return s + x * logisticDerivative(x);
    };
    return {
      // silu(−∞) = −∞/∞ = NaN, as in torch.
      f: (x) => x / (1 + Math.exp(-x)),
      df,
      apply(src, dst, n) {
        for (let i = 0; i < n; i++) {
          const x = src[i]!;
          dst[i] = x / (1 + Math.exp(-x));
        }
      },
      countSaturated: (src, n) => countSaturatedBy(df, src, n),
    };
  },
};
