// The mean-field theory at one (σ_w², σ_b²): the fixed point, χ₁, the depth scales, and which
// phase that is. The readout panel shows it; the phase diagram colours its grid by the same χ₁.
import type { ActivationSpec } from './activations';
import { orbitSettles } from './fixedPointTable';
import { depthScales, fixedPoint, gaussianMoments, type DepthScales } from './theory';
import type { ParamValues } from './types';

/**
 * χ₁ within e^±0.02 of 1 (0.980 … 1.020) counts as critical. ξ_c = −1/ln χ₁ is then above 50
 * layers, deeper than most networks shown here, so for them the network is as good as critical;
 * an exact χ₁ = 1 would be a line of zero width that no slider or click could land on.
 */
export const CRITICAL_LN_TOLERANCE = 0.02;

export type Phase = 'ordered' | 'critical' | 'chaotic';

/** Ordered when χ₁ < 1 (inputs collapse together), chaotic when χ₁ > 1 (nearby inputs diverge). */
export function phaseOfChi1(chi1: number): Phase | null {
  if (!(chi1 >= 0) || chi1 === Infinity) return null;
  const ln = Math.log(chi1);
  if (Math.abs(ln) < CRITICAL_LN_TOLERANCE) return 'critical';
  return ln < 0 ? 'ordered' : 'chaotic';
}

export interface TheoryPoint {
  sigmaW2: number;
  sigmaB2: number;
  /** Fixed point, χ₁ and depth scales; null unless q settles. */
  scales: DepthScales | null;
  /** A network whose first layer has q = 1 settles at scales.qStar; false when q runs away. */
  settles: boolean;
  /**
   * For homogeneous φ (linear, ReLU, leaky ReLU), σ_w²·E[φ′²] does not depend on q, so χ₁ — the
   * per-layer gradient factor — is known even when q has no fixed point. null otherwise.
   */
  qIndependentChi1: number | null;
}

export function theoryPoint(act: ActivationSpec, p: ParamValues, sigmaW2: number, sigmaB2: number): TheoryPoint {
  const m = gaussianMoments(act, p);
  const qIndependentChi1 = act.homogeneous ? sigmaW2 * m.derivSecondMoment(1) : null;
  const fp = fixedPoint(act, p, sigmaW2, sigmaB2);
  const settles = fp !== null && orbitSettles(fp, sigmaW2 * m.secondMoment(1) + sigmaB2);
  // The correlation map's 2-D quadratures take seconds at a repelling fixed point and mean nothing there.
  const scales = settles ? depthScales(act, p, sigmaW2, sigmaB2) : null;
  return { sigmaW2, sigmaB2, scales, settles, qIndependentChi1 };
}
