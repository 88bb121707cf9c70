// The backward pass: how the second moment of the back-propagated signal δ^l = ∂L/∂h^l changes
// from the output towards the input, under the gradient-independence assumption.
import type { ActivationSpec } from '../activations';
import type { LayerTheory, ParamValues } from '../types';
import { gaussianMoments } from './gaussianMoments';

/**
 * q̃^l = E[(δ^l_i)²] relative to the last layer (q̃^L = 1), from
 * q̃^l = q̃^{l+1}·(N_{l+1}/N_l)·σ_w²(l+1)·E[φ′(√q^l z)²]
 * (Var W^{l+1} = σ_w²(l+1)/N_l). With equal widths the factor per layer is χ₁; with fan-out
 * scaling the width ratio cancels, which is He et al.'s backward condition.
 *
 * `forward` is meanFieldForward's output, `widths[l]` the output width N of layer l and
 * `sigmaW2s[l]` its σ_w², all indexed from 0 = the first layer. A layer whose q or whose
 * successor's σ_w² is unknown gets NaN, and so does every layer below it.
 */
export function meanFieldBackward(
  act: ActivationSpec,
  p: ParamValues,
  forward: readonly LayerTheory[],
  widths: readonly number[],
  sigmaW2s: readonly (number | null)[],
): number[] {
  const depth = forward.length;
  if (widths.length !== depth || sigmaW2s.length !== depth) {
    throw new Error(
      `meanFieldBackward: ${depth} layers but ${widths.length} widths and ${sigmaW2s.length} σ_w² values`,
    );
  }
  if (depth === 0) return [];
  const m = gaussianMoments(act, p);
  const out = new Array<number>(depth).fill(NaN);
  out[depth - 1] = 1;
  for (let l = depth - 2; l >= 0; l--) {
    const q = forward[l]!.preactivationSecondMoment;
    const sigmaW2Next = sigmaW2s[l + 1];
    const above = out[l + 1]!;
    if (q === null || sigmaW2Next === null || sigmaW2Next === undefined || Number.isNaN(above)) break;
    out[l] = above * (widths[l + 1]! / widths[l]!) * sigmaW2Next * m.derivSecondMoment(q);
  }
  return out;
}
