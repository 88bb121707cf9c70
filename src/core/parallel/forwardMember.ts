// One member's part of the forward pass, the same code for a team of one (network.ts) and for
// each thread of a team. Per layer:
//
//   1. take weight blocks: draw them into the shared W, scan their moments;              barrier
//   2. copy W into my kernel; take pieces of the batch: multiply them, apply φ, write the
//      pre-activations and activations to shared memory, scan each row's moments;         barrier
//   3. combine all rows' moments (every member gets the same range); take pieces to bin,
//      then do the next layer's step 1 (two barriers per layer instead of three);         barrier
//   4. the leader combines everything into the layer's LayerStats and yields it.
//
// Each chunk's partials (a weight block, a batch row) are computed from that chunk alone and
// combined in chunk order, and every integer count is exact, so the LayerStats are the same bits
// whatever the number of members and whoever took which piece. Weight blocks come from their own
// random streams and a batch row's product does not depend on the other rows (kernels/types.ts),
// so neither do the values.

import type { ActivationFns } from '../activations';
import { combineChunks, MOMENT_FIELDS, scanChunk, scanChunks, type CombinedMoments } from '../chunkMoments';
import { BLOCK_ROWS, blockCount, fillWeightBlocks, fillWeightRows, fillWeights, isBlockwise } from '../distributions';
import type { MatmulKernel } from '../kernels/types';
import { CorrelationTracker } from '../layerCorrelation';
import {
  biasLawOf,
  fanInOf,
  inputLaw,
  maxDimOf,
  resolveNetwork,
  theoryFor,
  type ForwardOptions,
  type LayerResult,
} from '../networkSpec';
import { Stream } from '../rng';
import { binInto, HISTOGRAM_BINS, histogramRange } from '../stats';
import type { SimConfig, WeightLaw } from '../types';
import { STOP_REASON, type Barrier } from './barrier';
import { layerWeightLaw, lsuvLayersOf } from '../layerLaw';
import { rowChunkOf, takePieces } from './claims';
import { assembleLayer } from './layerAssembly';
import { COUNTER, type ForwardShared } from './sharedLayout';

export interface TeamSeat {
  /** 0 for the leader, which assembles and yields the statistics. */
  rank: number;
  members: number;
  shared: ForwardShared;
  barrier: Barrier;
}

/** Draws weight blocks and their moments, each block scanned while it is still in cache. */
function drawWeights(seat: TeamSeat, config: SimConfig, law: WeightLaw, layer: number, K: number, N: number): void {
  const { shared } = seat;
  const chunk = BLOCK_ROWS * N;
  const scan = (block: number) =>
    scanChunk(
      shared.weights,
      block * chunk,
      Math.min(K * N, (block + 1) * chunk),
      shared.weightRecords,
      block * MOMENT_FIELDS,
    );
  if (isBlockwise(law)) {
    const matrix = { law, seed: config.seed, kind: Stream.weights, layer, rows: K, cols: N };
    takePieces(shared.counters, COUNTER.weightBlock, blockCount(K), (block) => {
      fillWeightBlocks(matrix, block, block + 1, shared.weights);
      scan(block);
    });
  } else if (seat.rank === 0) {
    // Orthogonal and identity matrices are drawn whole.
    fillWeights(law, config.seed, Stream.weights, layer, K, N, shared.weights);
    for (let block = 0; block < blockCount(K); block++) scan(block);
  }
}

/** Copies source[from, to) to the start of target, unless that is where it already is (one thread). */
function load(target: Float32Array, source: Float32Array, from: number, to: number): void {
  if (from !== 0 || source.buffer !== target.buffer || source.byteOffset !== target.byteOffset)
    target.set(source.subarray(from, to));
}

interface LayerShape {
  K: number;
  N: number;
  useBias: boolean;
  /** Count saturated pre-activations (bounded activations only: for ReLU the count is unused). */
  countSaturated: boolean;
}

/**
 * Step 2 for rows [r0, r1): pre = x·W (+ b) and post = φ(pre) into shared memory, with each
 * row's moments. On a single thread the "shared" activations are the kernel's own buffers.
 */
function multiplyRows(
  kernel: MatmulKernel,
  shared: ForwardShared,
  pre: Float32Array,
  input: Float32Array,
  post: Float32Array,
  fns: ActivationFns,
  shape: LayerShape,
  r0: number,
  r1: number,
): number {
  const { K, N, useBias } = shape;
  const rows = r1 - r0;
  load(kernel.x(), input, r0 * K, r1 * K);
  kernel.run(rows, K, N, useBias);
  const out = kernel.out().subarray(0, rows * N);
  load(pre.subarray(r0 * N), out, 0, rows * N);
  const postRows = post.subarray(r0 * N, r1 * N);
  fns.apply(out, postRows, rows * N);
  scanChunks(out, 0, rows * N, N, shared.preRecords, r0);
  scanChunks(postRows, 0, rows * N, N, shared.postRecords, r0);
  return shape.countSaturated ? fns.countSaturated(out, rows * N) : 0;
}

/**
 * Runs this member's part of the forward pass. On the leader it yields each layer's result; on
 * the other members it yields null once per layer. Stops early, without an error, when the run is
 * stopped; the leader throws instead when another member failed.
 */
function* memberLayers(
  config: SimConfig,
  seat: TeamSeat,
  kernel: MatmulKernel,
  options: ForwardOptions,
): Generator<LayerResult | null, void, void> {
  const { rank, members, barrier } = seat;
  const leader = rank === 0;
  const { init, act, fns } = resolveNetwork(config);
  const theory = leader ? theoryFor(config) : [];
  const B = config.batch;
  const rowChunk = rowChunkOf(B, members);
  const rowPieces = Math.ceil(B / rowChunk);
  const maxDim = maxDimOf(config);
  kernel.ensure(rowChunk, maxDim, maxDim);
  const shared =
    members === 1
      ? {
          ...seat.shared,
          weights: kernel.w(),
          bias: kernel.bias(),
          activationsA: kernel.x(),
          activationsB: kernel.x(),
          pre: kernel.out(),
          preB: kernel.out(),
        }
      : seat.shared;
  let [input, post] = [shared.activationsA, shared.activationsB];
  const inputMatrix = {
    law: inputLaw(config),
    seed: config.seed,
    kind: Stream.input,
    layer: 0,
    rows: B,
    cols: config.inputDim,
  };
  const correlations =
    leader && options.correlations && B >= 2
      ? new CorrelationTracker(act, config.activationParams, theory, kernel, options.correlations !== 'measured')
      : null;

  /** After a barrier: false to end quietly; throws on the leader when a member failed. */
  const proceed = (): boolean => {
    if (barrier.arriveAndWait()) return true;
    if (leader && barrier.stopReason() === STOP_REASON.failed)
      throw new Error('forward pass: a worker of the team failed');
    return false;
  };

  /** Step 1 of layer i: its weights and bias (and, for the first layer, the network's input). */
  const drawLayer = (i: number) => {
    const K = fanInOf(config, i);
    const N = config.widths[i]!;
    const biasLaw = biasLawOf(init, config, K, N);
    if (i === 0) {
      takePieces(shared.counters, COUNTER.inputBlock, blockCount(B), (block) => {
        const r0 = block * BLOCK_ROWS;
        fillWeightRows(inputMatrix, r0, Math.min(B, r0 + BLOCK_ROWS), input.subarray(r0 * K));
      });
    }
    drawWeights({ ...seat, shared }, config, layerWeightLaw(init, config, i + 1, K, N), i + 1, K, N);
    if (leader && biasLaw) fillWeights(biasLaw, config.seed, Stream.bias, i + 1, 1, N, shared.bias);
    return { biasLaw, shape: { K, N, useBias: biasLaw !== null, countSaturated: act.bounded } };
  };

  let inputZero = false;
  let next = drawLayer(0);
  if (!proceed()) return;
  for (let i = 0; i < config.widths.length; i++) {
    const { shape, biasLaw } = next;
    const { K, N } = shape;
    const layer = i + 1;
    // Two pre-activation buffers, so that the leader's view of this layer's outlives the next
    // layer's step 2 (a single thread has just its kernel's).
    const pre = i % 2 === 0 ? shared.pre : shared.preB;

    // The leader resets each work counter just after the barrier that ends its step: the next
    // use is at least one barrier away. The weight records are next written in step 3.
    const weights: CombinedMoments | null = leader ? combineChunks(shared.weightRecords, 0, blockCount(K)) : null;
    if (leader) Atomics.store(shared.counters, COUNTER.weightBlock, 0);
    if (i === 0) correlations?.input(input, B, config.inputDim);
    load(kernel.w(), shared.weights, 0, K * N);
    if (shape.useBias) load(kernel.bias(), shared.bias, 0, N);
    let saturated = 0;
    takePieces(shared.counters, COUNTER.rowChunk, rowPieces, (piece) => {
      saturated += multiplyRows(
        kernel,
        shared,
        pre,
        input,
        post,
        fns,
        shape,
        piece * rowChunk,
        Math.min(B, (piece + 1) * rowChunk),
      );
    });
    shared.saturated[rank] = saturated;
    if (!proceed()) return;

    if (leader) Atomics.store(shared.counters, COUNTER.rowChunk, 0);
    const preMoments = combineChunks(shared.preRecords, 0, B);
    const postMoments = combineChunks(shared.postRecords, 0, B);
    // Read now: the next layer's step 2 rewrites it before the leader assembles this layer.
    const saturatedTotal = sumOf(shared.saturated, members);
    const histogramAt = rank * 2 * HISTOGRAM_BINS;
    shared.histograms.fill(0, histogramAt, histogramAt + 2 * HISTOGRAM_BINS);
    const preRange = histogramRange(preMoments);
    const postRange = histogramRange(postMoments);
    takePieces(shared.counters, COUNTER.binChunk, rowPieces, (piece) => {
      const from = piece * rowChunk * N;
      const to = Math.min(B, (piece + 1) * rowChunk) * N;
      binInto(pre, from, to, preRange.lo, preRange.hi, shared.histograms, histogramAt);
      binInto(post, from, to, postRange.lo, postRange.hi, shared.histograms, histogramAt + HISTOGRAM_BINS);
    });
    // Step 1 of the next layer shares this barrier: W and the bias were loaded in step 2.
    if (i + 1 < config.widths.length) next = drawLayer(i + 1);
    if (!proceed()) return;

    if (leader) Atomics.store(shared.counters, COUNTER.binChunk, 0);
    const n = B * N;
    if (leader && weights) {
      const parts = {
        config,
        layer,
        K,
        N,
        biasLaw,
        theory: theory[i]!,
        members,
        shared,
        weights,
        preMoments,
        postMoments,
        saturated: saturatedTotal,
        inputZero,
      };
      const stats = assembleLayer(parts);
      if (correlations) stats.correlation = correlations.layer(pre, B, N);
      if (init.dataDependent) stats.lsuv = lsuvLayersOf(config)[i]!;
      inputZero = stats.activation.fractionZero === 1;
      yield { stats, pre: pre.subarray(0, n), post: post.subarray(0, n) };
    } else {
      yield null;
    }
    [input, post] = [post, input];
  }
}

function sumOf(values: Float64Array, count: number): number {
  let total = 0;
  for (let m = 0; m < count; m++) total += values[m]!;
  return total;
}

/**
 * Runs this member's part of the forward pass (see memberLayers). A leader whose consumer stops
 * iterating, or any member that throws (even before its first barrier), stops the run for all.
 */
export function* forwardMember(
  config: SimConfig,
  seat: TeamSeat,
  kernel: MatmulKernel,
  options: ForwardOptions = {},
): Generator<LayerResult | null, void, void> {
  let finished = false;
  try {
    yield* memberLayers(config, seat, kernel, options);
    finished = true;
  } finally {
    if (!finished && seat.members > 1) seat.barrier.stop(seat.rank === 0 ? STOP_REASON.cancelled : STOP_REASON.failed);
  }
}
