// Per-block statistics of a residual stream x^k (B × N, row-major), the three curves of Brock
// et al.'s (2021) signal propagation plots: the average second moment, the average over channels
// of the squared channel mean, and the average over channels of the channel variance (over the
// batch, biased). The first is the sum of the other two. Accumulated in float64; a stream with a
// non-finite entry reports +Infinity, never NaN.

import { meanSquare } from '../backward';

export interface StreamStats {
  secondMoment: number;
  channelMeanSquared: number;
  channelVariance: number;
}

export interface BlockStats {
  block: number;
  stream: StreamStats;
  /** F_k's output, before α. */
  branch: { secondMoment: number };
  theory: { streamSecondMoment: number | null; branchSecondMoment: number | null };
}

const OVERFLOW: StreamStats = { secondMoment: Infinity, channelMeanSquared: Infinity, channelVariance: Infinity };

export function streamStats(x: Float32Array, B: number, N: number): StreamStats {
  const sums = new Float64Array(N);
  let squares = 0;
  for (let b = 0; b < B; b++) {
    const o = b * N;
    for (let i = 0; i < N; i++) {
      const v = x[o + i]!;
      if (v - v !== 0) return OVERFLOW;
      sums[i] = sums[i]! + v;
      squares += v * v;
    }
  }
  let meanSquared = 0;
  for (let i = 0; i < N; i++) {
    const mean = sums[i]! / B;
    meanSquared += mean * mean;
  }
  const secondMoment = squares / (B * N);
  const channelMeanSquared = meanSquared / N;
  // Var = E[x²] − mean² per channel, averaged: no catastrophic cancellation at the scales here,
  // and the identity secondMoment = channelMeanSquared + channelVariance holds by construction.
  return { secondMoment, channelMeanSquared, channelVariance: Math.max(0, secondMoment - channelMeanSquared) };
}

export function blockStatsOf(
  block: number,
  stream: Float32Array,
  branch: Float32Array,
  B: number,
  N: number,
  theory: BlockStats['theory'],
): BlockStats {
  return { block, stream: streamStats(stream, B, N), branch: { secondMoment: meanSquare(branch, B * N) }, theory };
}
