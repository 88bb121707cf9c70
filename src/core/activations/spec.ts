import type { ParamSpec, ParamValues } from '../types';

/**
 * Closed forms of the Gaussian moments of φ, as functions of the pre-activation variance q
 * (u, v centred Gaussians). Only valid for 0 < q < ∞: the theory handles q = 0 and q = ∞ itself.
 */
export interface ClosedForms {
  /** E[φ(√q z)²] */
  secondMoment?: (q: number) => number;
  /** E[φ(√q z)] */
  mean?: (q: number) => number;
  /** E[φ′(√q z)²] */
  derivSecondMoment?: (q: number) => number;
  /** E[φ(u)φ(v)] with Var u = qa, Var v = qb, corr(u, v) = c. */
  kernel?: (qa: number, qb: number, c: number) => number;
  /** E[φ′(u)φ′(v)], same arguments. */
  derivKernel?: (qa: number, qb: number, c: number) => number;
}

/**
 * An activation with its parameters bound: scalar and array forms. Members are plain functions
 * (no `this`), so they can be destructured and passed around.
 */
export interface ActivationFns {
  f: (x: number) => number;
  /**
   * φ′(x). At a kink it takes the value PyTorch's autograd uses (also jax's for ReLU):
   * relu′(0) = 0, leaky′(0) = slope, elu′(0) = α, selu′(0) = λα, hardtanh′(±1) = 0.
   * df(NaN) = NaN; at ±Infinity it is the limit where there is one (not for sin).
   */
  df: (x: number) => number;
  /** dst[i] = f(src[i]) for i < n, written as float32; a tight loop per activation, no per-element closure call. */
  apply: (src: Float32Array, dst: Float32Array, n: number) => void;
  /**
   * How many of the first n entries have |φ′(h)| < 0.05: a count, which the caller divides by n
   * (used only for bounded activations).
   */
  countSaturated: (src: Float32Array, n: number) => number;
  closed?: ClosedForms;
}

export interface OutputRange {
  lo: number;
  hi: number;
  saturates: boolean;
}

export interface ActivationSpec {
  id: string;
  label: string;
  params: readonly ParamSpec[];
  /** Saturating (tanh, sigmoid, hard_tanh; sin counts as bounded). */
  bounded: boolean;
  /**
   * The interval φ maps every input into, for bounded activations: the distribution charts frame
   * their values with it. `saturates`: φ flattens out towards the bounds (tanh, sigmoid, hard tanh),
   * so values pile up there as the pre-activations grow; sin reaches its bounds periodically instead.
   */
  outputRange?: OutputRange;
  /**
   * Positively homogeneous of degree 1, φ(a·x) = a·φ(x) for a > 0 (linear, ReLU, leaky ReLU):
   * with σ_b = 0 the length map is linear in q, so either every q is a fixed point or only q = 0 is.
   */
  homogeneous: boolean;
  /** x where φ or φ′ is not smooth. */
  kinks: (p: ParamValues) => number[];
  make: (p: ParamValues) => ActivationFns;
  /** Framework notes: defaults that differ between libraries. */
  note: string;
}

/** The threshold on |φ′| below which a unit counts as saturated. */
export const SATURATION_THRESHOLD = 0.05;

/** A numeric parameter's value, or its default when absent or not a finite number. */
export function numberParam(params: readonly ParamSpec[], p: ParamValues, name: string): number {
  const spec = params.find((s) => s.name === name);
  if (!spec || spec.kind !== 'number') throw new Error(`unknown numeric parameter: ${name}`);
  const value = p[name];
  return typeof value === 'number' && Number.isFinite(value) ? value : spec.default;
}

/** Entries with |df| below the saturation threshold, for activations without a shortcut. */
export function countSaturatedBy(df: (x: number) => number, src: Float32Array, n: number): number {
  let count = 0;
  for (let i = 0; i < n; i++) if (Math.abs(df(src[i]!)) < SATURATION_THRESHOLD) count++;
  return count;
}

/**
 * Entries with |x| > threshold (strictly; NaN never counts). For an even |φ′| that decreases in
 * |x| (tanh, sigmoid), |φ′(x)| < 0.05 is exactly |x| > x₀, which is far cheaper than φ′.
 */
export function countBeyond(threshold: number, src: Float32Array, n: number): number {
  let count = 0;
  for (let i = 0; i < n; i++) if (Math.abs(src[i]!) > threshold) count++;
  return count;
}
