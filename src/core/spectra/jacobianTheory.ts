// What the theory says about the Jacobian's singular values at a layer.
//
// Mean: with M^l = M^{l−1}·W^l·D^l (jacobian.ts), E‖M^l‖²_F = N_l·χ₁^l·‖M^{l−1}‖²_F / N_{l−1} in the
// mean-field approximation (D^l independent of W^l, E[w²] = σ_w²/fan_in, χ₁^l = σ_w²·E[φ′(h^l)²]),
// and ‖M^0‖²_F = N_0, so ‖M^l‖²_F = N_l·∏_{k≤l} χ₁^k. Its min(N_0, N_l) singular values therefore
// have mean square (N_l / min(N_0, N_l))·∏ χ₁^k — the product of χ₁ the mean-field picture shows.
//
// Spread (Pennington, Schoenholz & Ganguli 2017, 2018): at large constant width the layers' factors
// are asymptotically free, and under free multiplicative convolution the normalized variance
// Var(λ)/E[λ]² of λ = σ² adds over the factors. Per layer it is μ₂/μ₁² − 1 for D² (μ_k = E[φ′(h)^{2k}],
// h ~ N(0, q^l)) plus 1 for W·Wᵀ with iid entries (Marchenko–Pastur at aspect ratio 1; their s₁ = −1)
// or 0 for orthogonal W (s₁ = 0). So a linear orthogonal network keeps every σ = gain^l, a linear
// Gaussian one has Var(λ)/E[λ]² = l (the Fuss–Catalan law of products of Gaussian matrices), and
// ReLU has μ₂/μ₁² = 2 whatever the weights — the spread grows with depth even with orthogonal ones.

import { getActivation } from '../activations';
import { lawMean } from '../distributions';
import { getInitializer } from '../initializers';
import { fanInOf, theoryFor } from '../networkSpec';
import { gaussExpect } from '../quadrature';
import type { LayerTheory, SimConfig } from '../types';

export interface JacobianTheory {
  layer: number;
  /** Mean of σ² over the min(N_0, N_l) singular values; null where the mean-field theory does not apply. */
  meanSquare: number | null;
  /** Free-probability Var(σ²)/E[σ²]² at constant width; null where it does not apply (see weightSpread). */
  relativeVariance: number | null;
  /**
   * Linear networks with normal weights of mean 0 at constant width N: the standard deviation of one
   * network's measured mean square divided by the theory's, √(Σ_{k≤l} 2k)/N = √(l(l+1))/N. Null otherwise.
   */
  meanSquareRelativeSd: number | null;
}

/**
 * Normalized variance of a layer's W·Wᵀ spectrum: 1 for iid zero-mean entries (square), 0 for an
 * orthogonal matrix, null for the identity (it commutes with D, so the factors are not free) and
 * for weights with a common non-zero mean.
 */
function weightSpread(config: SimConfig, layer: number): number | null {
  const init = getInitializer(config.init);
  if (!init) return null;
  const K = fanInOf(config, layer - 1);
  const N = config.widths[layer - 1]!;
  const law = init.weightLaw(K, N, config.initParams);
  if (law.kind === 'orthogonal') return 0;
  if (law.kind === 'identity' || law.kind === 'constant' || lawMean(law, K, N) !== 0) return null;
  return 1;
}

/** Whether every layer, and the input, have one width: the free-probability results are for that case. */
function isConstantWidth(config: SimConfig): boolean {
  return config.widths.every((w) => w === config.inputDim);
}

/** μ₂/μ₁² − 1 of D² at pre-activation variance q: the normalized variance of φ′(h)² (NaN where undefined). */
function derivativeSpread(config: SimConfig, q: number | null): number {
  const act = getActivation(config.activation);
  if (!act || q === null || !(q >= 0) || q === Infinity) return NaN;
  const { df } = act.make(config.activationParams);
  const kinks = act.kinks(config.activationParams);
  const mu1 = q === 0 ? df(0) ** 2 : gaussExpect((x) => df(x) ** 2, q, kinks);
  const mu2 = q === 0 ? df(0) ** 4 : gaussExpect((x) => df(x) ** 4, q, kinks);
  return mu1 > 0 ? mu2 / (mu1 * mu1) - 1 : NaN;
}

function finiteOrNull(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

/** The theory at each of `layers` (1-based). */
export function jacobianTheory(
  config: SimConfig,
  layers: readonly number[],
  forward: readonly LayerTheory[] = theoryFor(config),
): JacobianTheory[] {
  const constant = isConstantWidth(config);
  const linearNormal =
    constant && config.activation === 'linear' && weightLawKinds(config).every((k) => k === 'normal');
  const last = Math.max(0, ...layers);
  let product = 1;
  let spread = 0;
  const byLayer = new Map<number, JacobianTheory>();
  for (let l = 1; l <= last; l++) {
    const chi1 = forward[l - 1]?.chi1 ?? null;
    product = chi1 === null || Number.isNaN(product) ? NaN : product * chi1;
    const w = constant ? weightSpread(config, l) : null;
    spread =
      w === null ? NaN : spread + w + derivativeSpread(config, forward[l - 1]?.preactivationSecondMoment ?? null);
    const N = config.widths[l - 1]!;
    const meanSquare = (N / Math.min(N, config.inputDim)) * product;
    byLayer.set(l, {
      layer: l,
      meanSquare: Number.isNaN(meanSquare) ? null : meanSquare,
      relativeVariance: finiteOrNull(spread),
      meanSquareRelativeSd: linearNormal ? Math.sqrt(l * (l + 1)) / N : null,
    });
  }
  return layers.map((l) => byLayer.get(l)!);
}

function weightLawKinds(config: SimConfig): string[] {
  const init = getInitializer(config.init);
  if (!init) return [];
  return config.widths.map((N, i) => {
    const K = fanInOf(config, i);
    const law = init.weightLaw(K, N, config.initParams);
    return law.kind === 'normal' && law.mean === 0 ? 'normal' : law.kind;
  });
}
