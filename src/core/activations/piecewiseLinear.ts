// Piecewise-linear activations: their Gaussian moments and kernels are all in closed form
// (ReLU's kernel is Cho & Saul's degree-1 arc-cosine kernel).
import { erf, erfc, normalPdf } from '../gaussian';
import type { ParamSpec } from '../types';
import type { ActivationSpec } from './spec';
import { SATURATION_THRESHOLD, numberParam } from './spec';

/**
 * x < 0 ? 0 : x on the float32 bit patterns, without a branch: half of a layer's inputs are
 * negative, at random, and a branch per value mispredicts half the time (3× slower). A value is
 * cleared when its sign bit is set, except −0 and NaN, which pass through as `x < 0 ? 0 : x`
 * passes them (−∞ becomes +0).
 */
export function reluBits(src: Float32Array, dst: Float32Array, n: number): void {
  const from = new Int32Array(src.buffer, src.byteOffset, n);
  const to = new Int32Array(dst.buffer, dst.byteOffset, n);
  for (let i = 0; i < n; i++) {
    const bits = from[i]!;
    const magnitude = bits & 0x7fffffff;
    const isNaN = (0x7f800000 - magnitude) >> 31; // −1 when the magnitude is above +∞'s
    const isZero = (magnitude - 1) >> 31; // −1 for ±0
    to[i] = bits & ~((bits >> 31) & ~isNaN & ~isZero);
  }
}

/** sin θ + (π − θ)·cos θ with θ = arccos c: 2π·E[relu(u)relu(v)] for unit variances. */
function arcCosine1(c: number): number {
  return Math.sqrt(Math.max(0, 1 - c * c)) + (Math.PI - Math.acos(c)) * c;
}

/** (π − θ)/(2π) = P(u > 0, v > 0) = E[relu′(u)relu′(v)]. */
function arcCosine0(c: number): number {
  return (Math.PI - Math.acos(c)) / (2 * Math.PI);
}

export const linear: ActivationSpec = {
  id: 'linear',
  label: 'Linear (identity)',
  params: [],
  bounded: false,
  homogeneous: true,
  kinks: () => [],
  note: "Keras 'linear' and no activation at all are the same thing.",
  make: () => ({
    f: (x) => x,
    df: (x) => (Number.isNaN(x) ? NaN : 1),
    apply(src, dst, n) {
      for (let i = 0; i < n; i++) dst[i] = src[i]!;
    },
    countSaturated: () => 0,
    closed: {
      secondMoment: (q) => q,
      mean: () => 0,
      derivSecondMoment: () => 1,
      kernel: (qa, qb, c) => c * Math.sqrt(qa * qb),
      derivKernel: () => 1,
    },
  }),
};

export const relu: ActivationSpec = {
  id: 'relu',
  label: 'ReLU',
  params: [],
  bounded: false,
  homogeneous: true,
  kinks: () => [0],
  note: "relu'(0) = 0 in torch and jax, and here.",
  make: () => ({
    // `x < 0 ? 0 : x` lets NaN through, as torch.relu and jax.nn.relu do.
    f: (x) => (x < 0 ? 0 : x),
    df: (x) => (x > 0 ? 1 : x <= 0 ? 0 : NaN),
    apply: reluBits,
    // φ′ = 0 for x ≤ 0: the "dead" half, which is not saturation but is what |φ′| < 0.05 measures.
    countSaturated: (src, n) => {
      let count = 0;
      for (let i = 0; i < n; i++) if (src[i]! <= 0) count++;
      return count;
    },
    closed: {
      secondMoment: (q) => q / 2,
      mean: (q) => Math.sqrt(q / (2 * Math.PI)),
      derivSecondMoment: () => 0.5,
      kernel: (qa, qb, c) => (Math.sqrt(qa * qb) * arcCosine1(c)) / (2 * Math.PI),
      derivKernel: (_qa, _qb, c) => arcCosine0(c),
    },
  }),
};

const leakyParams: readonly ParamSpec[] = [
  {
    kind: 'number',
    name: 'negative_slope',
    label: 'Negative slope',
    default: 0.01,
    min: 0,
    max: 1,
    help: 'Slope for x < 0. torch and jax default to 0.01, keras.activations.leaky_relu and tf.nn.leaky_relu to 0.2, keras.layers.LeakyReLU to 0.3.',
  },
];

export const leakyRelu: ActivationSpec = {
  id: 'leaky_relu',
  label: 'Leaky ReLU',
  params: leakyParams,
  bounded: false,
  homogeneous: true,
  kinks: () => [0],
  note: 'Default slope: torch 0.01, jax 0.01, keras.activations.leaky_relu 0.2, tf.nn.leaky_relu 0.2, keras.layers.LeakyReLU 0.3. He gain for slope a is sqrt(2/(1 + a²)).',
  make(p) {
    const a = numberParam(leakyParams, p, 'negative_slope');
    // With slope 0, a·x is 0·(−∞) = NaN at −Infinity; slope 0 is ReLU, whose value there is 0
    // (−0, the same bits a·x gives every finite negative x).
    const leak = (x: number) => (x >= 0 ? x : a === 0 ? -0 : a * x);
    return {
      f: leak,
      df: (x) => (x > 0 ? 1 : x <= 0 ? a : NaN),
      apply(src, dst, n) {
        for (let i = 0; i < n; i++) dst[i] = leak(src[i]!);
      },
      countSaturated: (src, n) => {
        if (a >= SATURATION_THRESHOLD) return 0;
        let count = 0;
        for (let i = 0; i < n; i++) if (src[i]! <= 0) count++;
        return count;
      },
      closed: {
        secondMoment: (q) => (q * (1 + a * a)) / 2,
        mean: (q) => (1 - a) * Math.sqrt(q / (2 * Math.PI)),
        derivSecondMoment: () => (1 + a * a) / 2,
        // leaky(x) = a·x + (1 − a)·relu(x); the cross terms E[u·relu(v)] are c·√(qa·qb)/2.
        kernel: (qa, qb, c) => Math.sqrt(qa * qb) * (a * c + ((1 - a) * (1 - a) * arcCosine1(c)) / (2 * Math.PI)),
        derivKernel: (_qa, _qb, c) => a + (1 - a) * (1 - a) * arcCosine0(c),
      },
    };
  },
};

export const hardTanh: ActivationSpec = {
  id: 'hard_tanh',
  label: 'Hard tanh',
  params: [],
  bounded: true,
  outputRange: { lo: -1, hi: 1, saturates: true },
  homogeneous: false,
  kinks: () => [-1, 1],
  note: "clip(x, −1, 1): torch Hardtanh(−1, 1), jax.nn.hard_tanh. The derivative at ±1 is 0, as in torch's backward.",
  make: () => ({
    f: (x) => (x < -1 ? -1 : x > 1 ? 1 : x),
    df: (x) => (x > -1 && x < 1 ? 1 : Number.isNaN(x) ? NaN : 0),
    apply(src, dst, n) {
      for (let i = 0; i < n; i++) {
        const x = src[i]!;
        dst[i] = x < -1 ? -1 : x > 1 ? 1 : x;
      }
    },
    // φ′ is 0 exactly where |x| ≥ 1, and 1 elsewhere.
    countSaturated: (src, n) => {
      let count = 0;
      for (let i = 0; i < n; i++) if (Math.abs(src[i]!) >= 1) count++;
      return count;
    },
    closed: {
      // With a = 1/√q: E[x²; |x| < 1] = q·(erf(a/√2) − 2a·φ(a)), plus P(|x| > 1) = erfc(a/√2).
      secondMoment: (q) => {
        const a = 1 / Math.sqrt(q);
        return q * (erf(a * Math.SQRT1_2) - 2 * a * normalPdf(a)) + erfc(a * Math.SQRT1_2);
      },
      mean: () => 0,
      derivSecondMoment: (q) => erf(Math.SQRT1_2 / Math.sqrt(q)),
    },
  }),
};
