// One member's part of the forward pass, the same code for a team of one (network.ts) and for
// each thread of a team. Per layer:
//
//   1. claim blocks of weight rows, draw them into the shared W, scan their moments;    barrier
//   2. copy W into my kernel, multiply MY batch rows, apply φ, scan each row's moments;  barrier
//   3. combine all rows' moments (every member gets the same range), bin my rows;         barrier
//   4. the leader combines everything into the layer's LayerStats and yields it.
//
// Each chunk's partials (a weight block, a batch row) are computed from that chunk alone and
// combined in chunk order, and every integer count is exact, so the LayerStats are the same bits
// whatever the number of members. Weight blocks come from their own random streams and a batch
// row's product does not depend on the other rows (kernels/types.ts), so neither do the values.

import { combineChunks, MOMENT_FIELDS, scanChunk, scanChunks, type CombinedMoments } from '../chunkMoments';
import { BLOCK_ROWS, blockCount, fillWeightBlocks, fillWeightRows, fillWeights, isBlockwise, lawSecondMoment } from '../distributions';
import type { MatmulKernel } from '../kernels/types';
import { CORRELATION_MAX_INPUTS, CorrelationTracker } from '../layerCorrelation';
import { biasLawOf, fanInOf, inputLaw, layerStatusOf, maxDimOf, resolveNetwork, theoryFor, type ForwardOptions, type LayerResult } from '../networkSpec';
import { Stream } from '../rng';
import { binInto, HISTOGRAM_BINS, histogramRange, tensorStatsOf, weightStatsOf } from '../stats';
import type { ActivationSpec } from '../activations';
import type { LayerStats, LayerTheory, SimConfig, WeightLaw } from '../types';
import { STOP_REASON, type Barrier } from './barrier';
import { shareOf } from './partition';
import type { ForwardShared } from './sharedLayout';

export interface TeamSeat {
  /** 0 for the leader, which assembles and yields the statistics. */
  rank: number;
  members: number;
  shared: ForwardShared;
  barrier: Barrier;
}

/**
 * Draws weight blocks and their moments, each block scanned right after it is drawn, while it is
 * still in cache. Blocks of an entrywise law are claimed one at a time from a shared counter (the
 * leader resets it once everyone is past this step); a law drawn whole is drawn by the leader.
 */
function drawWeights(seat: TeamSeat, config: SimConfig, law: WeightLaw, layer: number, K: number, N: number): void {
  const { shared, rank } = seat;
  const blocks = blockCount(K);
  const chunk = BLOCK_ROWS * N;
  const scan = (block: number) => scanChunk(shared.weights, block * chunk, Math.min(K * N, (block + 1) * chunk), shared.weightRecords, block * MOMENT_FIELDS);
  if (isBlockwise(law)) {
    const matrix = { law, seed: config.seed, kind: Stream.weights, layer, rows: K, cols: N };
    const claim = () => Atomics.add(shared.nextBlock, 0, 1);
    for (let block = claim(); block < blocks; block = claim()) {
      fillWeightBlocks(matrix, block, block + 1, shared.weights);
      scan(block);
    }
  } else if (rank === 0) {
    fillWeights(law, config.seed, Stream.weights, layer, K, N, shared.weights);
    for (let block = 0; block < blocks; block++) scan(block);
  }
}

/** The kernel reads its own memory: copy the shared W and bias in, unless they are its buffers. */
function loadKernel(kernel: MatmulKernel, shared: ForwardShared, K: number, N: number, useBias: boolean): void {
  if (shared.weights.buffer !== kernel.w().buffer) kernel.w().set(shared.weights.subarray(0, K * N));
  if (useBias && shared.bias.buffer !== kernel.bias().buffer) kernel.bias().set(shared.bias.subarray(0, N));
}

function sumOverMembers(values: ArrayLike<number>, members: number, stride: number, offset: number, length: number): number[] {
  const out = new Array<number>(length).fill(0);
  for (let m = 0; m < members; m++) for (let i = 0; i < length; i++) out[i]! += values[m * stride + offset + i]!;
  return out;
}

/** The leader measures correlations on its own rows, which must include the first ones used. */
function startCorrelations(config: SimConfig, act: ActivationSpec, theory: LayerTheory[], kernel: MatmulKernel, myRows: number): CorrelationTracker {
  const needed = Math.min(config.batch, CORRELATION_MAX_INPUTS);
  if (myRows < needed) throw new Error(`correlations need the first ${needed} inputs on the leader, which holds ${myRows}`);
  const tracker = new CorrelationTracker(act, config.activationParams, theory, kernel);
  tracker.input(kernel.x(), myRows, config.inputDim);
  return tracker;
}

function* memberLayers(
  config: SimConfig,
  seat: TeamSeat,
  kernel: MatmulKernel,
  options: ForwardOptions = {},
): Generator<LayerResult | null, void, void> {
  const { rank, members, shared, barrier } = seat;
  const leader = rank === 0;
  const { init, act, fns } = resolveNetwork(config);
  const theory = leader ? theoryFor(config) : [];
  const B = config.batch;
  const rows = shareOf(B, members, rank);
  const myRows = rows.end - rows.start;
  const maxDim = maxDimOf(config);
  kernel.ensure(Math.max(myRows, 1), maxDim, maxDim);
  const input = { law: inputLaw(config), seed: config.seed, kind: Stream.input, layer: 0, rows: B, cols: config.inputDim };
  fillWeightRows(input, rows.start, rows.end, kernel.x());

  /** After a barrier: false to end quietly; throws on the leader when a member failed. */
  const proceed = (): boolean => {
    if (barrier.arriveAndWait()) return true;
    if (leader && barrier.stopReason() === STOP_REASON.failed) throw new Error('forward pass: a worker of the team failed');
    return false;
  };

  let inputZero = false;
  const correlations = leader && options.correlations && B >= 2 ? startCorrelations(config, act, theory, kernel, myRows) : null;
  for (let i = 0; i < config.widths.length; i++) {
    const K = fanInOf(config, i);
    const N = config.widths[i]!;
    const layer = i + 1;
    const law = init.weightLaw(K, N, config.initParams);
    const biasLaw = biasLawOf(init, config, K, N);
    drawWeights(seat, config, law, layer, K, N);
    if (leader && biasLaw) fillWeights(biasLaw, config.seed, Stream.bias, layer, 1, N, shared.bias);
    if (!proceed()) return;

    // The weight records and the block counter are next used in the next layer's step 1, which
    // nobody starts before everyone has passed step 3.
    const weights: CombinedMoments | null = leader ? combineChunks(shared.weightRecords, 0, blockCount(K)) : null;
    if (leader) Atomics.store(shared.nextBlock, 0, 0);
    loadKernel(kernel, shared, K, N, biasLaw !== null);
    if (myRows > 0) kernel.run(myRows, K, N, biasLaw !== null);
    const n = myRows * N;
    const pre = kernel.out().subarray(0, n);
    const post = kernel.x().subarray(0, n);
    fns.apply(pre, post, n);
    scanChunks(pre, 0, n, N, shared.preRecords, rows.start);
    scanChunks(post, 0, n, N, shared.postRecords, rows.start);
    shared.saturated[rank] = act.bounded ? fns.countSaturated(pre, n) : 0;
    if (!proceed()) return;

    const preMoments = combineChunks(shared.preRecords, 0, B);
    const postMoments = combineChunks(shared.postRecords, 0, B);
    const histogramAt = rank * 2 * HISTOGRAM_BINS;
    shared.histograms.fill(0, histogramAt, histogramAt + 2 * HISTOGRAM_BINS);
    const preRange = histogramRange(preMoments);
    const postRange = histogramRange(postMoments);
    binInto(pre, 0, n, preRange.lo, preRange.hi, shared.histograms, histogramAt);
    binInto(post, 0, n, postRange.lo, postRange.hi, shared.histograms, histogramAt + HISTOGRAM_BINS);
    if (!proceed()) return;

    if (!leader || !weights) {
      yield null;
      continue;
    }
    const total = B * N;
    const stride = 2 * HISTOGRAM_BINS;
    const preStats = tensorStatsOf(preMoments, total, sumOverMembers(shared.histograms, members, stride, 0, HISTOGRAM_BINS));
    const postStats = tensorStatsOf(postMoments, total, sumOverMembers(shared.histograms, members, stride, HISTOGRAM_BINS, HISTOGRAM_BINS));
    const saturated = sumOverMembers(shared.saturated, members, 1, 0, 1)[0]!;
    const weightStats = weightStatsOf(weights, K * N);
    const weightsZero = weightStats.min === 0 && weightStats.max === 0 && (!biasLaw || lawSecondMoment(biasLaw, 1, N) === 0);
    const stats: LayerStats = {
      layer,
      fanIn: K,
      fanOut: N,
      status: layerStatusOf(preStats, weightsZero, inputZero),
      weights: weightStats,
      preactivation: preStats,
      activation: { ...postStats, fractionSaturated: total > 0 ? saturated / total : 0 },
      theory: theory[i]!,
    };
    if (correlations) stats.correlation = correlations.layer(pre, myRows, N);
    inputZero = postStats.fractionZero === 1;
    yield { stats, pre, post };
  }
}

/**
 * Runs this member's part of the forward pass. On the leader it yields each layer's result; on
 * the other members it yields null once per layer. Stops early, without an error, when the run is
 * stopped; the leader throws instead when another member failed. A leader whose consumer stops
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
