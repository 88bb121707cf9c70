// The correlation map between two inputs and the depth scales of Schoenholz et al. (2017).
import type { ActivationSpec } from '../activations';
import type { ParamValues } from '../types';
import type { FixedPoint } from './fixedPoint';
import { fixedPoint } from './fixedPoint';
import type { GaussianMoments } from './gaussianMoments';
import { gaussianMoments } from './gaussianMoments';
import { bracketedRoot } from './roots';

function correlationStep(m: GaussianMoments, sigmaW2: number, sigmaB2: number, q: number, c: number): number {
  const next = sigmaW2 * m.secondMoment(q) + sigmaB2;
  if (!(next > 0 && next < Infinity) || !(Math.abs(c) <= 1)) return NaN;
  if (c === 1) return 1;
  const r = (sigmaW2 * m.kernel(q, q, c) + sigmaB2) / next;
  // Rounding can push |r| a hair past 1 near c = ±1.
  return Math.max(-1, Math.min(1, r));
}

/**
 * One layer of the correlation map: two inputs whose pre-activations both have second moment q
 * and correlation c give pre-activations with correlation
 * c′ = (σ_w²·E[φ(u)φ(v)] + σ_b²)/(σ_w²·E[φ(u)²] + σ_b²). Closed forms for linear, ReLU, leaky
 * ReLU and sin; 2-D quadrature otherwise. NaN when c′ is undefined (both outputs identically 0).
 */
export function correlationMap(
  act: ActivationSpec,
  p: ParamValues,
  sigmaW2: number,
  sigmaB2: number,
  q: number,
  c: number,
): number {
  return correlationStep(gaussianMoments(act, p), sigmaW2, sigmaB2, q, c);
}

export interface DepthScales extends FixedPoint {
  /** Stable fixed point of the correlation map: 1 in the ordered phase (χ₁ ≤ 1), below 1 in the chaotic phase. */
  cStar: number | null;
  /** −1/ln(slope): Infinity at slope 1 (ReLU/He), null when q* is unstable. */
  xiQ: number | null;
  /** −1/ln χ₁ when ordered; −1/ln(σ_w²·E[φ′(u)φ′(v)] at c*) when chaotic; Infinity at χ₁ = 1. */
  xiC: number | null;
}

function depthScale(rate: number): number {
  // rate = 1 gives −1/0 = −Infinity; the scale is then infinite.
  return rate >= 1 ? Infinity : -1 / Math.log(rate);
}

/**
 * c* < 1 in the chaotic phase. The kernel has non-negative Hermite coefficients, so the map is
 * convex and increasing on [0, 1]; with slope χ₁ > 1 at its fixed point c = 1 it crosses the
 * diagonal once more in [0, 1), and C(0) = (σ_w²·E[φ]² + σ_b²)/q* ≥ 0 brackets it from below.
 */
function chaoticCorrelation(m: GaussianMoments, sigmaW2: number, sigmaB2: number, q: number): number {
  const G = (c: number): number => correlationStep(m, sigmaW2, sigmaB2, q, c) - c;
  const g0 = G(0);
  if (g0 <= 0) return 0;
  // Just below 1, G ≈ (χ₁ − 1)(1 − c)·(−1) < 0; step closer to 1 when χ₁ is barely above 1.
  for (let gap = 1e-2; gap >= 1e-8; gap /= 10) {
    const gHi = G(1 - gap);
    if (gHi < 0) return bracketedRoot(G, 0, 1 - gap, g0, gHi, { relTol: 1e-10, absTol: 1e-12 });
  }
  return 1;
}

/**
 * q*, χ₁ and the depth scales over which the length (ξ_q) and correlation (ξ_c) of the signal
 * approach their fixed points. null when there is no fixed point q*.
 */
export function depthScales(act: ActivationSpec, p: ParamValues, sigmaW2: number, sigmaB2: number): DepthScales | null {
  const fp = fixedPoint(act, p, sigmaW2, sigmaB2);
  if (!fp) return null;
  const xiQ = fp.stable ? depthScale(fp.slope) : null;
  if (fp.chi1 <= 1) return { ...fp, cStar: 1, xiQ, xiC: depthScale(fp.chi1) };
  // Chaotic, but a correlation between two signals that have died out (q* = 0) means nothing.
  if (fp.qStar === 0) return { ...fp, cStar: null, xiQ, xiC: null };
  const m = gaussianMoments(act, p);
  const cStar = chaoticCorrelation(m, sigmaW2, sigmaB2, fp.qStar);
  if (cStar === 1) return { ...fp, cStar, xiQ, xiC: Infinity };
  const rate = sigmaW2 * m.derivKernel(fp.qStar, fp.qStar, cStar);
  return { ...fp, cStar, xiQ, xiC: depthScale(rate) };
}
