// The fixed point of the length map for many (σ_w², σ_b²) at once, for the phase diagram.
//
// fixedPoint() costs 100–200 quadratures per call near slope 1 or when q runs away, which over a
// grid of a thousand cells is tens of seconds for softplus or SiLU. Here E[φ(√q z)²] is tabulated
// once on quarter octaves of q (nearly the range fixedPoint scans), so finding the bracket
// of the root costs no quadrature at all, and only the refinement and χ₁ are evaluated exactly.
// The root chosen is fixedPoint's: the first one the orbit from q = 1 meets (the map is
// increasing), or, when the orbit runs off to infinity, the nearest one below 1 (then unstable).
// The unit tests compare both solvers cell by cell.
import type { ActivationSpec } from './activations';
import { fixedPoint, gaussianMoments, type FixedPoint } from './theory';
import { Q_ZERO_LIMIT } from './theory/gaussianMoments';
import { bracketedRoot } from './theory/roots';
import type { ParamValues } from './types';

const STEPS_PER_OCTAVE = 4;
/** Below q = 1; fixedPoint scans the same range. */
const OCTAVES_DOWN = 64;
/**
 * Above q = 1 only to 2^40 ≈ 10¹²: beyond it the quadrature of E[φ²] loses the last digits that
 * tell L(q) − q from 0 (GELU at σ_w² = 2, where L(q) − q tends to σ_b² > 0, evaluates negative at
 * q = 10¹⁶). A fixed point that far up means activations a million times their input's size: for
 * the diagram, q has run away.
 */
const OCTAVES_UP = 40;
/**
 * |F(q)| below this fraction of q is no sign. fixedPoint uses 1e-13, but this table looks at four
 * times as many points, and at large q the quadrature's relative error reaches 1e-12 (GELU at
 * σ_w² = 2, where F(q) tends to σ_b² > 0, evaluates to −0.1 at q = 10¹²).
 */
const NOISE = 1e-9;
const STABILITY_SLACK = 1e-12;
/** q* to this relative precision is far more than a colour or a printed χ₁ needs. */
const ROOT_TOLERANCE = { relTol: 1e-13 };

export interface SolvedFixedPoint extends FixedPoint {
  /** The orbit from q = 1 ends at this stable fixed point (false: q runs away from it). */
  settles: boolean;
}

export type FixedPointSolver = (sigmaW2: number, sigmaB2: number) => SolvedFixedPoint | null;

/**
 * Whether a network whose first layer has q = 1 settles at `fp`. Stability is not enough: when the
 * orbit from q = 1 rises (L(1) > 1) but the fixed point lies below 1, q runs away from it, as for
 * GELU at σ_w² = 4, σ_b² = 0, whose q* = 0 is marginally stable.
 */
export function orbitSettles(fp: FixedPoint, lengthMapAtOne: number): boolean {
  return fp.stable && Number.isFinite(fp.qStar) && !(lengthMapAtOne - 1 > 1e-13 && fp.qStar < 1);
}

interface Bracket {
  inner: number;
  outer: number;
}

export function createFixedPointSolver(act: ActivationSpec, p: ParamValues): FixedPointSolver {
  const m = gaussianMoments(act, p);
  const qs: number[] = [];
  const secondMoments: number[] = [];
  for (let k = -OCTAVES_DOWN * STEPS_PER_OCTAVE; k <= OCTAVES_UP * STEPS_PER_OCTAVE; k++) {
    const q = 2 ** (k / STEPS_PER_OCTAVE);
    qs.push(q);
    secondMoments.push(m.secondMoment(q));
  }
  const one = OCTAVES_DOWN * STEPS_PER_OCTAVE; // qs[one] === 1 exactly

  const solve = (sigmaW2: number, sigmaB2: number): FixedPoint | null => {
    if (!(sigmaW2 >= 0 && sigmaW2 < Infinity && sigmaB2 >= 0 && sigmaB2 < Infinity)) return null;
    // q ↦ gain·q has a closed answer; fixedPoint gives it without any search.
    if (act.homogeneous && sigmaB2 === 0) return fixedPoint(act, p, sigmaW2, sigmaB2);

    const F = (q: number): number => sigmaW2 * m.secondMoment(q) + sigmaB2 - q;
    const tabulatedF = (k: number): number => sigmaW2 * secondMoments[k]! + sigmaB2 - qs[k]!;
    const describe = (qStar: number): FixedPoint => {
      const slope = sigmaW2 * m.secondMomentSlope(qStar);
      const chi1 = sigmaW2 * m.derivSecondMoment(qStar === 0 ? Q_ZERO_LIMIT : qStar);
      return { qStar, slope, chi1, stable: slope <= 1 + STABILITY_SLACK, everyQFixed: false };
    };
    /** From q = 1 in `direction`: the first table q where F is clearly of sign `want`, and the last q before it clearly of the other sign. */
    const scan = (direction: 1 | -1, want: 1 | -1): Bracket | null => {
      let inner = one;
      for (let k = one + direction; k >= 0 && k < qs.length; k += direction) {
        const fk = tabulatedF(k);
        const q = qs[k]!;
        if (Number.isNaN(fk) || !Number.isFinite(q + fk)) return null;
        if (want * fk > NOISE * q) return { inner: qs[inner]!, outer: q };
        if (-want * fk > NOISE * q) inner = k;
      }
      return null;
    };
    const refine = (b: Bracket): FixedPoint =>
      describe(bracketedRoot(F, b.inner, b.outer, F(b.inner), F(b.outer), ROOT_TOLERANCE));

    const f1 = tabulatedF(one);
    if (Number.isNaN(f1)) return null;
    if (Math.abs(f1) <= NOISE) return describe(1);
    if (f1 > 0) {
      const above = scan(1, -1);
      if (above) return refine(above);
    }
    // The orbit decreases, or it diverges and the nearest fixed point below 1 is wanted.
    const below = scan(-1, f1 > 0 ? -1 : 1);
    if (below) return refine(below);
    const atZero = sigmaW2 * m.secondMoment(0) + sigmaB2;
    if (atZero === 0) return describe(0);
    const smallest = qs[0]!;
    const fSmallest = F(smallest);
    if (fSmallest < 0) return describe(bracketedRoot(F, 0, smallest, atZero, fSmallest));
    return null;
  };

  return (sigmaW2, sigmaB2) => {
    const fp = solve(sigmaW2, sigmaB2);
    return fp && { ...fp, settles: orbitSettles(fp, sigmaW2 * secondMoments[one]! + sigmaB2) };
  };
}
