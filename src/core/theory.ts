// The forward mean-field theory (Poole et al. 2016) that the engine overlays on its measurements,
// and the entry point to the rest of the theory in ./theory/.
import type { ActivationSpec } from './activations';
import type { LayerTheory, ParamValues } from './types';
import { gaussianMoments } from './theory/gaussianMoments';

export { gaussianMoments } from './theory/gaussianMoments';
export type { GaussianMoments } from './theory/gaussianMoments';
export { criticalSigmaW2, fixedPoint } from './theory/fixedPoint';
export type { FixedPoint } from './theory/fixedPoint';
export { correlationMap, depthScales } from './theory/correlation';
export type { DepthScales } from './theory/correlation';
export { meanFieldBackward } from './theory/backward';

export interface TheoryLayer {
  /** σ_w² = fan_in·Var(w) from the initializer's exact law; null when the weights have non-zero mean. */
  sigmaW2: number | null;
  sigmaB2: number;
}

/** NaN (undefined) becomes null; ±Infinity stays, an honest overflow. */
function definedOrNull(x: number): number | null {
  return Number.isNaN(x) ? null : x;
}

function notApplicable(layer: TheoryLayer): LayerTheory {
  return {
    preactivationSecondMoment: null,
    chi1: null,
    activationMean: null,
    activationVariance: null,
    activationSecondMoment: null,
    sigmaW2: layer.sigmaW2,
    sigmaB2: layer.sigmaB2,
  };
}

/**
 * Layer by layer: q¹ = σ_w²(1)·E[x²] + σ_b²(1) and q^l = σ_w²(l)·E[φ(√q^{l−1} z)²] + σ_b²(l),
 * with the post-activation mean E[φ], second moment E[φ²] and variance E[φ²] − E[φ]² at q^l.
 *
 * χ₁ of layer l is σ_w²(l)·E[φ′(√q^l z)²]: the layer's own σ_w² with its own q. For equal
 * σ_w² it is exactly the factor by which the correlation map (near c = 1) and the squared
 * gradient change across layer l; meanFieldBackward uses σ_w²(l+1) and the widths.
 *
 * Once a layer has no theory (weights with non-zero mean), no deeper layer has one. A q that
 * overflows (or comes out NaN) is reported as Infinity; the moments at q = ∞ are the limits
 * where they exist (tanh², a bounded φ, tends to 1, so the next layer's q is finite again) and
 * null where they do not.
 */
export function meanFieldForward(
  act: ActivationSpec,
  p: ParamValues,
  layers: readonly TheoryLayer[],
  inputSecondMoment = 1,
): LayerTheory[] {
  const m = gaussianMoments(act, p);
  const out: LayerTheory[] = [];
  let incomingSecondMoment = inputSecondMoment;
  let applicable = true;
  for (const layer of layers) {
    if (!applicable || layer.sigmaW2 === null) {
      applicable = false;
      out.push(notApplicable(layer));
      continue;
    }
    const raw = layer.sigmaW2 * incomingSecondMoment + layer.sigmaB2;
    const q = Number.isNaN(raw) ? Infinity : raw;
    const second = m.secondMoment(q);
    const mean = m.mean(q);
    const variance = second - mean * mean;
    out.push({
      preactivationSecondMoment: q,
      chi1: definedOrNull(layer.sigmaW2 * m.derivSecondMoment(q)),
      activationMean: definedOrNull(mean),
      // E[φ²] − E[φ]² can round to a hair below 0 when φ is nearly constant.
      activationVariance: definedOrNull(variance < 0 ? 0 : variance),
      activationSecondMoment: definedOrNull(second),
      sigmaW2: layer.sigmaW2,
      sigmaB2: layer.sigmaB2,
    });
    incomingSecondMoment = second;
  }
  return out;
}
