// What the backward pass keeps of the forward pass. Storing every layer's pre-activations would
// cost B·N·L floats (5 GB at depth 2000, width 4096, batch 128), so the forward pass leaves
// checkpoints instead: the activations entering every k-th layer. The backward pass then
// recomputes one segment of k layers at a time from its checkpoint — the same seeded weights,
// the same kernel, so bit for bit the same pre-activations — and walks back through it.
//
// Memory is B·N·(L/k + k): L/k checkpoints plus one segment. It is smallest at k = √L, which
// is why k = ⌈√L⌉; the price is one extra forward pass (each segment but the top one is
// recomputed once, and the top one is kept while the forward pass goes through it).

import { getActivation, type ActivationFns } from './activations';
import { fillWeights } from './distributions';
import { getInitializer, type InitializerSpec } from './initializers';
import type { MatmulKernel } from './kernels/types';
import { biasLawOf, fanInOf, inputLaw, type LayerResult } from './network';
import { layerWeightLaw } from './layerLaw';
import { Stream } from './rng';
import type { LayerStatus, SimConfig } from './types';

export function defaultCheckpointInterval(depth: number): number {
  return Math.max(1, Math.ceil(Math.sqrt(depth)));
}

/** Layers first … last (1-based, inclusive) that are recomputed together. */
export interface Segment {
  first: number;
  last: number;
}

export class ForwardTape {
  readonly interval: number;
  readonly depth: number;
  /** Per layer (index layer − 1): the forward status and whether its weights and bias are all 0. */
  readonly status: LayerStatus[] = [];
  readonly weightsZero: boolean[] = [];
  readonly fns: ActivationFns;
  private readonly init: InitializerSpec;
  /** checkpoints[j] = the activations entering layer j·k + 1 (j = 0: the network's input). */
  private readonly checkpoints: Float32Array[] = [];
  /** Pre-activations of the segment held now, by position in the segment. */
  private readonly held: Float32Array[] = [];
  private heldSegment = -1;
  private recorded = 0;
  /** The widest layer: a recompute slot of B·widest floats fits any layer. */
  private readonly widest: number;

  constructor(
    readonly config: SimConfig,
    interval = defaultCheckpointInterval(config.widths.length),
  ) {
    const init = getInitializer(config.init);
    const act = getActivation(config.activation);
    if (!init || !act) throw new Error(`unknown initializer or activation: ${config.init}, ${config.activation}`);
    if (!Number.isInteger(interval) || interval < 1)
      throw new RangeError(`checkpoint interval must be a whole number ≥ 1, got ${interval}`);
    this.init = init;
    this.fns = act.make(config.activationParams);
    this.depth = config.widths.length;
    this.interval = Math.min(interval, this.depth);
    this.widest = Math.max(...config.widths);
    const input = new Float32Array(config.batch * config.inputDim);
    fillWeights(inputLaw(config), config.seed, Stream.input, 0, config.batch, config.inputDim, input);
    this.checkpoints.push(input);
    this.heldSegment = this.segmentIndexOf(this.depth);
  }

  /** Called with every forward layer, in order, before the generator resumes. */
  record(result: LayerResult): void {
    const { layer } = result.stats;
    if (layer !== this.recorded + 1) throw new Error(`ForwardTape: expected layer ${this.recorded + 1}, got ${layer}`);
    this.recorded = layer;
    const n = this.config.batch * result.stats.fanOut;
    this.status.push(result.stats.status);
    // The bias does not matter here: δ^{l−1} = φ′ ⊙ (δ^l·W^lᵀ) is 0 whenever W^l is.
    const w = result.stats.weights;
    this.weightsZero.push(w.min === 0 && w.max === 0);
    if (layer % this.interval === 0 && layer < this.depth) this.checkpoints.push(result.post.slice(0, n));
    if (this.segmentIndexOf(layer) === this.heldSegment)
      this.held[layer - this.segment(this.heldSegment).first] = result.pre.slice(0, n);
  }

  get complete(): boolean {
    return this.recorded === this.depth;
  }

  segmentIndexOf(layer: number): number {
    return Math.floor((layer - 1) / this.interval);
  }

  segment(index: number): Segment {
    const first = index * this.interval + 1;
    return { first, last: Math.min(this.depth, first + this.interval - 1) };
  }

  /** Whether the pre-activations of this layer's segment are held (no recompute needed). */
  holds(layer: number): boolean {
    return this.segmentIndexOf(layer) === this.heldSegment;
  }

  /** Pre-activations h^l (batch × N_l) of a layer of the held segment. */
  preactivation(layer: number): Float32Array {
    if (!this.holds(layer)) throw new Error(`ForwardTape: layer ${layer} is not in the held segment`);
    const n = this.config.batch * this.config.widths[layer - 1]!;
    return this.held[layer - this.segment(this.heldSegment).first]!.subarray(0, n);
  }

  /** The activations entering a segment's first layer (the input for segment 0). */
  checkpoint(index: number): Float32Array {
    return this.checkpoints[index]!;
  }

  /**
   * Recomputes the forward pass through a segment from its checkpoint, exactly as network.ts
   * does it (same weight streams, same kernel), keeping its pre-activations. Yields after each
   * layer so that a caller can stay responsive; the kernel's buffers are overwritten.
   */
  *recompute(index: number, kernel: MatmulKernel): Generator<number, void, void> {
    if (!this.complete) throw new Error('ForwardTape: the forward pass has not been recorded');
    const { config } = this;
    const B = config.batch;
    const { first, last } = this.segment(index);
    this.heldSegment = -1;
    kernel.x().set(this.checkpoints[index]!);
    for (let layer = first; layer <= last; layer++) {
      const K = fanInOf(config, layer - 1);
      const N = config.widths[layer - 1]!;
      fillWeights(layerWeightLaw(this.init, config, layer, K, N), config.seed, Stream.weights, layer, K, N, kernel.w());
      const biasLaw = biasLawOf(this.init, config, K, N);
      if (biasLaw) fillWeights(biasLaw, config.seed, Stream.bias, layer, 1, N, kernel.bias());
      kernel.run(B, K, N, biasLaw !== null);
      const n = B * N;
      const pre = kernel.out().subarray(0, n);
      const slot = layer - first;
      if (!this.held[slot] || this.held[slot].length < n) this.held[slot] = new Float32Array(B * this.widest);
      this.held[slot].set(pre);
      if (layer < last) this.fns.apply(pre, kernel.x(), n);
      yield layer;
    }
    this.heldSegment = index;
  }
}
