// ELU and SELU: linear for x > 0, a saturating exponential for x ≤ 0. SELU is λ·ELU_α with the
// constants Klambauer et al. chose so that E[φ] = 0 and E[φ²] = 1 when the input is N(0, 1).
import type { ParamSpec } from '../types';
import type { ActivationSpec } from './spec';
import { countSaturatedBy, numberParam } from './spec';

/**
 * SELU's constants, α = 1.6732632423543772848170429916717 and λ = 1.0507009873554804934193349852946
 * (jax functions.py, ATen), written as the nearest doubles. Keras docs round them to 1.67326324 and
 * 1.05070098.
 */
export const SELU_ALPHA = 1.6732632423543772;
export const SELU_LAMBDA = 1.0507009873554805;

const eluParams: readonly ParamSpec[] = [
  {
    kind: 'number',
    name: 'alpha',
    label: 'α',
    default: 1,
    min: 0,
    max: 10,
    help: 'Value approached for x → −∞ is −α. 1.0 in torch, jax and Keras.',
  },
];

export const elu: ActivationSpec = {
  id: 'elu',
  label: 'ELU',
  params: eluParams,
  bounded: false,
  homogeneous: false,
  kinks: () => [0],
  note: 'α = 1.0 by default in torch, jax and Keras. Not variance-preserving under He init: q grows with depth.',
  make(p) {
    const alpha = numberParam(eluParams, p, 'alpha');
    const df = (x: number): number => (x > 0 ? 1 : x <= 0 ? alpha * Math.exp(x) : NaN);
    return {
      // expm1 keeps α(eˣ − 1) accurate near 0; elu(−∞) = −α.
      f: (x) => (x > 0 ? x : alpha * Math.expm1(x)),
      df,
      apply(src, dst, n) {
        for (let i = 0; i < n; i++) {
          const x = src[i]!;
          dst[i] = x > 0 ? x : alpha * Math.expm1(x);
        }
      },
      countSaturated: (src, n) => countSaturatedBy(df, src, n),
    };
  },
};

export const selu: ActivationSpec = {
  id: 'selu',
  label: 'SELU',
  params: [],
  bounded: false,
  homogeneous: false,
  kinks: () => [0],
  note: "Self-normalizing with LeCun-normal weights (σ_w² = 1): q* = 1, E[φ] = 0. torch's calculate_gain('selu') = 3/4 breaks this (q* ≈ 0.023). Keras docs quote the constants rounded to 8 digits.",
  make: () => {
    const negativeScale = SELU_LAMBDA * SELU_ALPHA;
    const df = (x: number): number => (x > 0 ? SELU_LAMBDA : x <= 0 ? negativeScale * Math.exp(x) : NaN);
    return {
      f: (x) => (x > 0 ? SELU_LAMBDA * x : negativeScale * Math.expm1(x)),
      df,
      apply(src, dst, n) {
        for (let i = 0; i < n; i++) {
          const x = src[i]!;
          dst[i] = x > 0 ? SELU_LAMBDA * x : negativeScale * Math.expm1(x);
        }
      },
      countSaturated: (src, n) => countSaturatedBy(df, src, n),
    };
  },
};
