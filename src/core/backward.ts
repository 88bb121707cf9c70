// The backward pass: a gradient pushed back through the same seeded network after the forward
// pass, δ^l = ∂L/∂h^l = φ′(h^l) ⊙ (δ^{l+1}·(W^{l+1})ᵀ), one layer at a time from the output down.
//
// The loss is L = Σ_{b,i} h^L_bi·g_bi with a fixed g whose entries are iid N(0, 1), drawn from
// the (seed, gradient, L, block) streams. Then δ^L = g exactly, so E[(δ^L)²] = 1 and the
// mean-field prediction q̃ starts at 1 (meanFieldBackward's normalization); a random g rather
// than a real task keeps the backward signal free of any structure but the network's own.
//
// Weights are drawn again from their seeds rather than stored, and pre-activations come from the
// checkpointed forward tape (checkpoints.ts): memory O(N² + B·N·√L), work about three forward
// passes more (recompute, δ·Wᵀ, and the weight gradient's φᵀ·δ). Every product runs on the same
// float32 kernel as the forward pass, so the result is bit for bit the same on every machine.

import { getActivation } from './activations';
import { ForwardTape } from './checkpoints';
import { fillWeights } from './distributions';
import { gradientStats } from './gradientStats';
import { getInitializer } from './initializers';
import { createKernel } from './kernels';
import type { MatmulKernel } from './kernels/types';
import { fanInOf, simulateLayers, theoryFor, type ForwardOptions } from './network';
import { layerWeightLaw } from './layerLaw';
import { Stream } from './rng';
import { meanFieldBackward } from './theory';
import type { GradientStats, LayerStats, LayerTheory, SimConfig, WeightLaw } from './types';

export interface GradientLayerResult {
  layer: number;
  stats: GradientStats;
  /** δ^l, batch × N_l row-major: a view into the engine's buffers, valid until the generator resumes. */
  delta: Float32Array;
}

/** A gradient layer, or one layer of a segment's forward recompute (a chance to yield). */
export type BackwardStep = ({ kind: 'gradient' } & GradientLayerResult) | { kind: 'recompute'; layer: number };

const OUTPUT_GRADIENT_LAW: WeightLaw = { kind: 'normal', mean: 0, std: 1 };

/** Mean-field q̃^l per layer (index layer − 1) with q̃^L = 1; null where the theory does not apply. */
export function gradientTheoryFor(
  config: SimConfig,
  forward: readonly LayerTheory[] = theoryFor(config),
): (number | null)[] {
  const act = getActivation(config.activation);
  if (!act) throw new Error(`unknown activation ${config.activation}`);
  const sigmaW2s = forward.map((t) => t.sigmaW2);
  return meanFieldBackward(act, config.activationParams, forward, config.widths, sigmaW2s).map((q) =>
    Number.isNaN(q) ? null : q,
  );
}

/**
 * Mean of x² over the first n entries in float64, +Infinity if any is ±Inf or NaN (an overflow
 * is reported as such, never as NaN). One pass: only the second moment is wanted here.
 */
export function meanSquare(x: Float32Array, n: number): number {
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const v = x[i]!;
    if (v - v !== 0) return Infinity;
    sum += v * v;
  }
  return n > 0 ? sum / n : 0;
}

/** dst (cols × rows) = srcᵀ for src (rows × cols), both row-major. */
export function transpose(src: Float32Array, rows: number, cols: number, dst: Float32Array): void {
  for (let r = 0; r < rows; r++) {
    const o = r * cols;
    for (let c = 0; c < cols; c++) dst[c * rows + r] = src[o + c]!;
  }
}

/**
 * Walks the gradient from layer L down to 1 through a recorded forward tape, yielding each
 * layer's statistics (and, before a segment's first gradient, each recomputed forward layer).
 * The kernel's buffers are overwritten; it must be the kind of kernel the forward pass used only
 * in the sense that every kernel computes the same bits.
 */
export function* backwardSteps(tape: ForwardTape, kernel: MatmulKernel): Generator<BackwardStep, void, void> {
  if (!tape.complete) throw new Error('backwardSteps: the forward pass has not been recorded');
  const { config, fns } = tape;
  const init = getInitializer(config.init);
  if (!init) throw new Error(`unknown initializer ${config.init}`);
  const { widths, batch: B } = config;
  const L = widths.length;
  const maxDim = Math.max(config.inputDim, ...widths);
  // The weight gradient is a product with B as the inner dimension and N_{l−1} rows.
  const M = Math.max(B, maxDim);
  kernel.ensure(M, M, maxDim);
  const theory = gradientTheoryFor(config);

  const delta = new Float32Array(B * maxDim);
  /** δ^{l+1}·(W^{l+1})ᵀ, before φ′(h^l): what arrives at layer l from above. */
  const incoming = new Float32Array(B * maxDim);
  const below = new Float32Array(B * maxDim);
  fillWeights(OUTPUT_GRADIENT_LAW, config.seed, Stream.gradient, L, B, widths[L - 1]!, incoming);
  let aboveAllZero = false;

  for (let layer = L; layer >= 1; layer--) {
    const N = widths[layer - 1]!;
    const K = fanInOf(config, layer - 1);
    const n = B * N;
    const segment = tape.segmentIndexOf(layer);
    if (!tape.holds(layer)) {
      for (const recomputed of tape.recompute(segment, kernel)) yield { kind: 'recompute', layer: recomputed };
    }

    if (layer === L) {
      delta.set(incoming.subarray(0, n));
    } else {
      // φ′ rounded to float32, then one float32 multiply (the float64 product of two float32
      // values is exact, and the store rounds it once).
      const h = tape.preactivation(layer);
      const df = fns.df;
      for (let i = 0; i < n; i++) delta[i] = Math.fround(df(h[i]!)) * incoming[i]!;
    }

    // ∂L/∂W^l = (a^{l−1})ᵀ·δ^l: x = a^{l−1}ᵀ (K × B), w = δ^l (B × N).
    let entering: Float32Array;
    if (layer === tape.segment(segment).first) {
      entering = tape.checkpoint(segment);
    } else {
      fns.apply(tape.preactivation(layer - 1), below, B * K);
      entering = below;
    }
    transpose(entering, B, K, kernel.x());
    kernel.w().set(delta.subarray(0, n));
    kernel.run(K, B, N, false);
    const weightGradientSecondMoment = meanSquare(kernel.out(), K * N);

    const deadAbove = layer < L && (aboveAllZero || tape.weightsZero[layer]! || tape.status[layer - 1] === 'dead');
    const stats = gradientStats(delta, n, {
      deadAbove,
      weightGradientSecondMoment,
      theorySecondMoment: theory[layer - 1] ?? null,
    });
    aboveAllZero = stats.status === 'dead' || stats.status === 'underflow';

    if (layer > 1) {
      // δ^l·(W^l)ᵀ: draw W^l (K × N) again into the output buffer, which is free until the
      // product, and transpose it into w so the kernel computes x = δ^l (B × N) times N × K.
      const scratch = kernel.out();
      fillWeights(layerWeightLaw(init, config, layer, K, N), config.seed, Stream.weights, layer, K, N, scratch);
      transpose(scratch, K, N, kernel.w());
      kernel.x().set(delta.subarray(0, n));
      kernel.run(B, N, K, false);
      incoming.set(kernel.out().subarray(0, B * K));
    }
    yield { kind: 'gradient', layer, stats, delta: delta.subarray(0, n) };
  }
}

/** backwardSteps without the recompute steps: one result per layer, from L down to 1. */
export function* backwardLayers(tape: ForwardTape, kernel: MatmulKernel): Generator<GradientLayerResult, void, void> {
  for (const step of backwardSteps(tape, kernel)) {
    if (step.kind === 'gradient') yield { layer: step.layer, stats: step.stats, delta: step.delta };
  }
}

export interface GradientRunOptions extends ForwardOptions {
  kernel?: MatmulKernel;
  /** Layers per recomputed segment; ⌈√depth⌉ by default. Any value gives the same numbers. */
  checkpointInterval?: number;
}

export interface GradientRun {
  layers: LayerStats[];
  /** Indexed by layer − 1. */
  gradients: GradientStats[];
}

/** The forward pass and then the backward pass, every layer's statistics of both. */
export function simulateWithGradients(config: SimConfig, options: GradientRunOptions = {}): GradientRun {
  const kernel = options.kernel ?? createKernel();
  const tape = new ForwardTape(config, options.checkpointInterval);
  const layers: LayerStats[] = [];
  for (const result of simulateLayers(config, kernel, options)) {
    tape.record(result);
    layers.push(result.stats);
  }
  const gradients: GradientStats[] = new Array<GradientStats>(layers.length);
  for (const g of backwardLayers(tape, kernel)) gradients[g.layer - 1] = g.stats;
  return { layers, gradients };
}
