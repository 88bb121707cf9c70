// The Gaussian expectations the mean-field theory is made of, for one activation with its
// parameters bound: closed forms where the activation has them, quadrature otherwise, and one
// place that decides what q = 0 and q = ∞ mean.
import type { ActivationSpec } from '../activations';
import { gaussExpect, gaussExpectProduct } from '../quadrature';
import type { ParamValues } from '../types';

/**
 * The q → 0⁺ limits (slope of the length map and χ₁ at a fixed point q* = 0) are evaluated at
 * this q. A kink at 0 makes the corrections O(√q), 1e-10 here; the values φ(√q z) ~ 1e-10 are
 * still far from underflow. (q* = 0 needs φ(0) = 0, so the slope has no cancellation there.)
 */
export const Q_ZERO_LIMIT = 1e-20;

export interface GaussianMoments {
  /** E[φ(√q z)] */
  mean(q: number): number;
  /** E[φ(√q z)²] */
  secondMoment(q: number): number;
  /** E[φ′(√q z)²] */
  derivSecondMoment(q: number): number;
  /** d/dq E[φ(√q z)²]; at q = 0 the one-sided limit. */
  secondMomentSlope(q: number): number;
  /** E[φ(u)φ(v)], Var u = qa, Var v = qb, corr(u, v) = c. */
  kernel(qa: number, qb: number, c: number): number;
  /** E[φ′(u)φ′(v)], same arguments. */
  derivKernel(qa: number, qb: number, c: number): number;
}

/**
 * E[g(√q z)] with the conventions the theory needs:
 * q = 0 is an exactly-zero pre-activation, so g(0) (relu′(0) = 0 included);
 * q = ∞ is an overflowed one, √q·z = ±∞ with probability ½ each, so the mean of g(±∞), which is
 * NaN (undefined) where g has no limit (sin) or the limits cancel (∞ − ∞);
 * NaN or a negative q is NaN.
 */
function expectation(
  g: (x: number) => number,
  q: number,
  closed: ((q: number) => number) | undefined,
  kinks: number[],
): number {
  if (!(q >= 0)) return NaN;
  if (q === 0) return g(0);
  if (q === Infinity) return 0.5 * (g(Infinity) + g(-Infinity));
  return closed ? closed(q) : gaussExpect(g, q, kinks);
}

function usableForClosedForm(qa: number, qb: number): boolean {
  return qa > 0 && qa < Infinity && qb > 0 && qb < Infinity;
}

export function gaussianMoments(act: ActivationSpec, p: ParamValues): GaussianMoments {
  const { f, df, closed = {} } = act.make(p);
  const kinks = act.kinks(p);
  const square = (x: number): number => {
    const y = f(x);
    return y * y;
  };
  const derivSquare = (x: number): number => {
    const y = df(x);
    return y * y;
  };
  const atZero = square(0);

  const secondMoment = (q: number): number => expectation(square, q, closed.secondMoment, kinks);

  /**
   * d/dq E[g(√q z)] = E[g(√q z)·(z² − 1)]/(2q), from differentiating the N(0, q) density. It needs
   * no derivative of φ, so it is exact across kinks and softplus's jump. Subtracting g(0), whose
   * weight E[z² − 1] is 0, removes the cancellation at small q when φ(0) ≠ 0.
   */
  const secondMomentSlopeAt = (q: number): number =>
    gaussExpect((x) => (square(x) - atZero) * ((x * x) / q - 1), q, kinks) / (2 * q);

  return {
    mean: (q) => expectation(f, q, closed.mean, kinks),
    secondMoment,
    derivSecondMoment: (q) => expectation(derivSquare, q, closed.derivSecondMoment, kinks),
    secondMomentSlope: (q) => {
      if (!(q >= 0) || q === Infinity) return NaN;
      return secondMomentSlopeAt(q === 0 ? Q_ZERO_LIMIT : q);
    },
    kernel: (qa, qb, c) =>
      closed.kernel && usableForClosedForm(qa, qb)
        ? closed.kernel(qa, qb, c)
        : gaussExpectProduct(f, f, qa, qb, c, kinks),
    derivKernel: (qa, qb, c) =>
      closed.derivKernel && usableForClosedForm(qa, qb)
        ? closed.derivKernel(qa, qb, c)
        : gaussExpectProduct(df, df, qa, qb, c, kinks),
  };
}
