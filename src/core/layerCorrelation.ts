// How alike the inputs of a batch have become at each layer: the mean pairwise correlation of the
// pre-activations, measured from a Gram matrix, next to the mean-field correlation map.
//
// Cost: the Gram matrix of C inputs at width N takes 2·C²·N operations against the layer's
// 2·B·K·N, so it stays cheap only while C ≪ K. C is therefore capped at 64 inputs (2016 pairs —
// far more than the pair average needs: pairs share the network, so its noise is set by the width,
// not by the number of pairs). The theory costs one correlationMap step per layer: nothing for
// activations with a closed-form kernel or once the map has settled (at c = 0, near c = 1, or on
// an exact fixed point), a 2-D quadrature (about 10–80 ms) otherwise — which is why
// correlations are opt-in: a tanh network with a bias at depth 2000 spends tens of seconds here.

import type { ActivationSpec } from './activations';
import { createKernel, type MatmulKernel } from './kernels';
import { gaussExpectProduct } from './quadrature';
import { correlationMap, gaussianMoments, type GaussianMoments } from './theory';
import type { CorrelationStats, LayerTheory, ParamValues } from './types';

/** Correlations are measured over the first min(batch, this) inputs. */
export const CORRELATION_MAX_INPUTS = 64;

/**
 * A second kernel of the same kind for the Gram products: the engine's own kernel holds the next
 * layer's input while the correlation is measured. One per engine kernel, reused across runs.
 */
const companions = new WeakMap<MatmulKernel, MatmulKernel>();

export function companionOf(kernel: MatmulKernel): MatmulKernel {
  let companion = companions.get(kernel);
  if (!companion) {
    companion = createKernel(kernel.name === 'js-reference' ? 'js' : 'auto');
    companions.set(kernel, companion);
  }
  return companion;
}

/**
 * Mean over the pairs a < b of the first min(rows, 64) rows of h (row-major, `cols` per row) of
 * g_ab/√(g_aa·g_bb), where g = h·hᵀ is computed by the kernel in float32 (x = h, w = hᵀ). Pairs
 * with a zero or non-finite row are skipped; null when no pair is left. Each pair's value is
 * clamped to [−1, 1], which float32 rounding can overstep by an ulp.
 */
export function meanPairCorrelation(h: Float32Array, rows: number, cols: number, kernel: MatmulKernel): number | null {
  const C = Math.min(rows, CORRELATION_MAX_INPUTS);
  if (C < 2) return null;
  kernel.ensure(C, cols, C);
  const x = kernel.x();
  const w = kernel.w();
  x.set(h.subarray(0, C * cols));
  for (let b = 0; b < C; b++) {
    for (let k = 0; k < cols; k++) w[k * C + b] = h[b * cols + k]!;
  }
  kernel.run(C, cols, C, false);
  const g = kernel.out();
  let sum = 0;
  let pairs = 0;
  for (let a = 0; a < C; a++) {
    const gaa = g[a * C + a]!;
    if (!(gaa > 0 && gaa < Infinity)) continue;
    for (let b = a + 1; b < C; b++) {
      const gbb = g[b * C + b]!;
      const gab = g[a * C + b]!;
      if (!(gbb > 0 && gbb < Infinity) || !Number.isFinite(gab)) continue;
      sum += Math.max(-1, Math.min(1, gab / Math.sqrt(gaa * gbb)));
      pairs++;
    }
  }
  return pairs > 0 ? sum / pairs : null;
}

/** Below |c| this, two inputs count as independent: E[φ(u)φ(v)] = E[φ]², off by O(|c|). */
const INDEPENDENT_BELOW = 1e-9;
/** Within this of c = 1 the map is linear in 1 − c, off by O((1 − c)^{3/2}) even for kinked φ. */
const LINEAR_WITHIN = 1e-6;

/**
 * One step of the correlation map, as correlationMap computes it but without its 2-D quadrature
 * where a 1-D form is as good: at c ≈ 0 (odd φ without bias stays there) the pair factorizes,
 * c′ = (σ_w²·E[φ]² + σ_b²)/q′; near c = 1 (where the ordered phase goes) the map is linear,
 * 1 − c′ = σ_w²·q·E[φ′²]/q′·(1 − c), since ∂E[φ(u)φ(v)]/∂c = q·E[φ′(u)φ′(v)].
 */
export function correlationTheoryStep(
  act: ActivationSpec,
  params: ParamValues,
  m: GaussianMoments,
  sigmaW2: number,
  sigmaB2: number,
  q: number,
  c: number,
): number {
  const next = sigmaW2 * m.secondMoment(q) + sigmaB2;
  if (q > 0 && q < Infinity && next > 0 && next < Infinity) {
    if (Math.abs(c) < INDEPENDENT_BELOW) return (sigmaW2 * m.mean(q) ** 2 + sigmaB2) / next;
    if (c < 1 && 1 - c < LINEAR_WITHIN) return 1 - ((sigmaW2 * q * m.derivSecondMoment(q)) / next) * (1 - c);
  }
  const closed = act.make(params).closed?.kernel;
  if (closed || !(q > 0 && q < Infinity && next > 0 && next < Infinity))
    return correlationMap(act, params, sigmaW2, sigmaB2, q, c);
  // Without a closed form, the drawn curve uses the coarse 2-D rule (see quadrature.ts): the fine
  // one costs milliseconds per layer, seconds for a deep tanh network that never settles.
  const { f } = act.make(params);
  const kernel = gaussExpectProduct(f, f, q, q, c, act.kinks(params), 'coarse');
  return Math.max(-1, Math.min(1, (sigmaW2 * kernel + sigmaB2) / next));
}

/**
 * Follows one run layer by layer: `input()` once with the network's input, then `layer()` for
 * each layer in order with its pre-activations.
 *
 * The theory starts from the measured input correlation ĉ_x of the same inputs:
 * c¹ = (σ_w²(1)·ĉ_x + σ_b²(1))/q¹ (unit-variance inputs). For iid inputs its expectation is
 * σ_b²/q¹, but this way layer 1's theory is the exact expectation over the weights given the
 * inputs actually drawn, so theory and measurement start together and any later gap is the
 * network's doing. Then c^{l+1} = correlationMap(φ, σ_w²(l+1), σ_b²(l+1), q^l, c^l).
 */
export class CorrelationTracker {
  private readonly kernel: MatmulKernel;
  private readonly moments: GaussianMoments;
  /** correlationMap results by their arguments: a converged map (q and c at a fixed point) repeats them exactly. */
  private readonly memo = new Map<string, number>();
  private theory: number | null = null;
  private next = 0;

  constructor(
    private readonly act: ActivationSpec,
    private readonly params: ParamValues,
    private readonly layers: readonly LayerTheory[],
    engineKernel: MatmulKernel,
    /** false: measure only, the theory stays null (it costs the quadratures). */
    private readonly withTheory = true,
  ) {
    this.kernel = companionOf(engineKernel);
    this.moments = gaussianMoments(act, params);
  }

  /** The network's input, `batch` rows of `dim` values. */
  input(x: Float32Array, batch: number, dim: number): void {
    const measured = meanPairCorrelation(x, batch, dim, this.kernel);
    const first = this.layers[0];
    const q = first?.preactivationSecondMoment ?? null;
    const sw2 = first?.sigmaW2 ?? null;
    const sb2 = first?.sigmaB2 ?? 0;
    const known = this.withTheory && measured !== null && q !== null && sw2 !== null && q > 0 && q < Infinity;
    this.theory = known ? (sw2 * measured + sb2) / q : null;
    this.next = 0;
  }

  /** The next layer's correlation stats, from its pre-activations (`batch` rows of `width`). */
  layer(pre: Float32Array, batch: number, width: number): CorrelationStats {
    const index = this.next++;
    if (index > 0) this.theory = this.step(index);
    return { measured: meanPairCorrelation(pre, batch, width, this.kernel), theory: this.theory };
  }

  /** c at layer index+1 (0-based `index`) from c at the layer below. */
  private step(index: number): number | null {
    const below = this.layers[index - 1];
    const here = this.layers[index];
    const c = this.theory;
    const q = below?.preactivationSecondMoment ?? null;
    const sw2 = here?.sigmaW2 ?? null;
    if (c === null || q === null || sw2 === null || !here) return null;
    const sb2 = here.sigmaB2 ?? 0;
    const key = `${sw2}|${sb2}|${q}|${c}`;
    let next = this.memo.get(key);
    if (next === undefined) {
      next = correlationTheoryStep(this.act, this.params, this.moments, sw2, sb2, q, c);
      this.memo.set(key, next);
    }
    return Number.isNaN(next) ? null : next;
  }
}
