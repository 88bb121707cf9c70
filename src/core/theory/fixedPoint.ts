// Fixed points of the length map q ↦ σ_w²·E[φ(√q z)²] + σ_b² and the order-to-chaos line.
import type { ActivationSpec } from '../activations';
import type { ParamValues } from '../types';
import type { GaussianMoments } from './gaussianMoments';
import { Q_ZERO_LIMIT, gaussianMoments } from './gaussianMoments';
import { bracketedRoot } from './roots';

export interface FixedPoint {
  /** q* (0 when the signal dies out). When every q is a fixed point, the start q = 1. */
  qStar: number;
  /** dq^{l+1}/dq^l at q*, = χ₁ + σ_w²·E[φ″φ] for smooth φ. ξ_q = −1/ln(slope). */
  slope: number;
  /** σ_w²·E[φ′(√q* z)²]; at q* = 0 the limit q → 0⁺. */
  chi1: number;
  /** slope ≤ 1: perturbations of q do not grow (the marginal slope = 1 counts as stable). */
  stable: boolean;
  /** Homogeneous φ (linear, ReLU, leaky) with σ_b = 0 and σ_w²·E[φ(z)²] = 1: the map is q ↦ q. */
  everyQFixed: boolean;
}

/** Plain iteration gets this many steps: enough to settle when the slope is below about 0.7. */
const ITERATIONS = 100;
/** The orbit has settled when a step moves q by less than this, relative. */
const SETTLED = 1e-14;
/** Bracketing scans q = 2^k for |k| up to this: 5e-20 … 2e19. */
const SCAN_OCTAVES = 64;
/** |F(q)| below this fraction of q is rounding noise of the quadrature, not a sign. */
const NOISE = 1e-13;
/** A slope this close above 1 is rounding of a marginal fixed point (tanh at σ_w² = 1, q* = 0). */
const STABILITY_SLACK = 1e-12;

/**
 * Walking from q = 1 through q = 2^k (direction 1) or 2^−k (direction −1): the first q where F is
 * clearly of sign `want`, with the last q before it where F was clearly of the other sign (or 1).
 */
function scanForSignChange(
  F: (q: number) => number,
  direction: 1 | -1,
  want: 1 | -1,
): { inner: number; fInner: number; outer: number; fOuter: number } | null {
  let inner = 1;
  let fInner = F(1);
  for (let k = 1; k <= SCAN_OCTAVES; k++) {
    const q = direction > 0 ? 2 ** k : 2 ** -k;
    const fq = F(q);
    if (Number.isNaN(fq) || !Number.isFinite(q + fq)) return null;
    if (want * fq > NOISE * q) return { inner, fInner, outer: q, fOuter: fq };
    if (-want * fq > NOISE * q) {
      inner = q;
      fInner = fq;
    }
  }
  return null;
}

function describe(m: GaussianMoments, sigmaW2: number, qStar: number): FixedPoint {
  const qForLimits = qStar === 0 ? Q_ZERO_LIMIT : qStar;
  const slope = sigmaW2 * m.secondMomentSlope(qStar);
  return {
    qStar,
    slope,
    chi1: sigmaW2 * m.derivSecondMoment(qForLimits),
    stable: slope <= 1 + STABILITY_SLACK,
    everyQFixed: false,
  };
}

/** Homogeneous φ with σ_b = 0: q ↦ gain·q. Either every q is fixed, or only 0 is. */
function homogeneousFixedPoint(m: GaussianMoments, sigmaW2: number): FixedPoint {
  const gain = sigmaW2 * m.secondMoment(1);
  const chi1 = sigmaW2 * m.derivSecondMoment(1);
  if (Math.abs(gain - 1) <= 1e-12) return { qStar: 1, slope: 1, chi1, stable: true, everyQFixed: true };
  return { qStar: 0, slope: gain, chi1, stable: gain <= 1, everyQFixed: false };
}

/**
 * The fixed point q* of the length map that matters for a network whose first layer has q = 1:
 *
 * 1. the fixed point the orbit from q = 1 settles on (tried by plain iteration first, which is
 *    fast when the fixed point is strongly attracting);
 * 2. otherwise the same point found by bracketing: the map is increasing, so the orbit moves
 *    monotonically to the nearest root of F(q) = L(q) − q in the direction of F(1), and that
 *    root is located by scanning octaves of q and refining (0 when the orbit dies out);
 * 3. if the orbit runs off to infinity, the nearest fixed point below q = 1, reported as
 *    unstable: e.g. GELU at σ_w² = 2.351718, whose q = 1 is an unstable fixed point.
 *
 * Returns null when there is no fixed point at all (q diverges from every start) or the inputs
 * are not finite and non-negative.
 */
export function fixedPoint(act: ActivationSpec, p: ParamValues, sigmaW2: number, sigmaB2: number): FixedPoint | null {
  if (!(sigmaW2 >= 0 && sigmaW2 < Infinity && sigmaB2 >= 0 && sigmaB2 < Infinity)) return null;
  const m = gaussianMoments(act, p);
  if (act.homogeneous && sigmaB2 === 0) return homogeneousFixedPoint(m, sigmaW2);
  const L = (q: number): number => sigmaW2 * m.secondMoment(q) + sigmaB2;
  const F = (q: number): number => L(q) - q;

  let q = 1;
  for (let i = 0; i < ITERATIONS; i++) {
    const next = L(q);
    if (!Number.isFinite(next)) break;
    if (Math.abs(next - q) <= SETTLED * Math.max(next, q)) return describe(m, sigmaW2, next);
    q = next;
  }

  const f1 = F(1);
  if (Number.isNaN(f1)) return null;
  if (Math.abs(f1) <= NOISE) return describe(m, sigmaW2, 1);
  const refine = (s: { inner: number; fInner: number; outer: number; fOuter: number }): FixedPoint =>
    describe(m, sigmaW2, bracketedRoot(F, s.inner, s.outer, s.fInner, s.fOuter));

  if (f1 > 0) {
    const above = scanForSignChange(F, 1, -1);
    if (above) return refine(above);
  }
  // The orbit decreases (f1 < 0), or it diverges and the nearest fixed point below 1 is wanted:
  // either way the root sought is the largest one below 1.
  const below = scanForSignChange(F, -1, f1 > 0 ? -1 : 1);
  if (below) return refine(below);
  const smallest = 2 ** -SCAN_OCTAVES;
  const fSmallest = F(smallest);
  const atZero = L(0);
  if (atZero === 0) return describe(m, sigmaW2, 0);
  // L(0) > 0 while F < 0 at the bottom of the scan: a root below 2⁻⁶⁴.
  if (fSmallest < 0) return describe(m, sigmaW2, bracketedRoot(F, 0, smallest, atZero, fSmallest));
  return null;
}

/**
 * The σ_w² at which χ₁(q*) = 1 for this σ_b²: the order-to-chaos boundary.
 *
 * For homogeneous φ, χ₁ = σ_w²·E[φ′(z)²] whatever q is, so the answer is 1/E[φ′²] (2 for ReLU),
 * although with σ_b > 0 q* runs off to infinity as σ_w² approaches it. Otherwise σ_w² is
 * scanned from 0.01 to 1000 for a change of sign of χ₁ − 1 at a stable fixed point, then refined.
 * Returns null when there is no such crossing (GELU with σ_b = 0, whose attracting fixed point is
 * q* = 0 until it loses stability altogether).
 */
export function criticalSigmaW2(act: ActivationSpec, p: ParamValues, sigmaB2: number): number | null {
  if (!(sigmaB2 >= 0 && sigmaB2 < Infinity)) return null;
  if (act.homogeneous) return 1 / gaussianMoments(act, p).derivSecondMoment(1);
  const excess = (sigmaW2: number): number => {
    const fp = fixedPoint(act, p, sigmaW2, sigmaB2);
    return fp && fp.stable ? fp.chi1 - 1 : NaN;
  };
  let prev = 0.01;
  let gPrev = excess(prev);
  for (let w = prev * 1.25; w <= 1000; w *= 1.25) {
    const g = excess(w);
    if (gPrev < 0 && g >= 0) {
      const root = bracketedRoot(excess, prev, w, gPrev, g, { relTol: 1e-13 });
      // A jump of q* between two fixed points also changes the sign; only a real crossing counts.
      return Math.abs(excess(root)) < 1e-6 ? root : null;
    }
    prev = w;
    gPrev = g;
  }
  return null;
}
