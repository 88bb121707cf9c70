// The mean-field picture of LSUV (Mishkin & Matas 2016). LSUV rescales each layer until the
// variance of its output h^l on a batch is 1; at infinite width (and batch) that variance is the
// mean-field q^l = σ_w²(l)·E[φ(h^{l−1})²] + σ_b² (Poole et al. 2016), so the scale it finds is the
// one that makes q^l = 1 exactly:
//
//   σ_w²(1) = (1 − σ_b²) / E[x²]            (the input has E[x²] = 1)
//   σ_w²(l) = (1 − σ_b²) / E[φ(z)²],  z ~ N(0, 1)   for l ≥ 2, since q^{l−1} = 1.
//
// A bias with σ_b² ≥ 1 already gives the output a variance of at least 1 whatever the weights are,
// so no scale reaches the target: there the theory gives no σ_w² (null) rather than a made-up one.
// Derivation and numbers: docs/theory.md §5.6.

import type { ActivationSpec } from '../activations';
import type { ParamValues } from '../types';
import { gaussianMoments } from './gaussianMoments';

/** σ_w² per layer that LSUV's infinite-width limit reaches (null when σ_b² ≥ 1 or E[φ²] = 0 at q = 1). */
export function lsuvSigmaW2(
  act: ActivationSpec,
  p: ParamValues,
  depth: number,
  sigmaB2: number,
  inputSecondMoment = 1,
): (number | null)[] {
  const room = 1 - sigmaB2;
  if (!(room > 0)) return new Array<number | null>(depth).fill(null);
  const second = gaussianMoments(act, p).secondMoment(1);
  const deeper = second > 0 && Number.isFinite(second) ? room / second : null;
  return Array.from({ length: depth }, (_, i) => (i === 0 ? room / inputSecondMoment : deeper));
}
