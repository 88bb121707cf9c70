// Step 4 of a layer on the leader: the combined moments, the members' histogram counts, the
// saturation count and the weights' moments become the layer's LayerStats.

import { type CombinedMoments } from '../chunkMoments';
import { lawSecondMoment } from '../distributions';
import { layerStatusOf } from '../networkSpec';
import { HISTOGRAM_BINS, tensorStatsOf, weightStatsOf } from '../stats';
import type { LayerStats, LayerTheory, SimConfig, WeightLaw } from '../types';
import type { ForwardShared } from './sharedLayout';

export interface LayerParts {
  config: SimConfig;
  layer: number;
  K: number;
  N: number;
  biasLaw: WeightLaw | null;
  theory: LayerTheory;
  members: number;
  shared: ForwardShared;
  weights: CombinedMoments;
  preMoments: CombinedMoments;
  postMoments: CombinedMoments;
  /** Saturated pre-activations over all members. */
  saturated: number;
  /** The previous layer's activations were all 0. */
  inputZero: boolean;
}

/** Integer counts: their sum does not depend on the order. */
function histogramOf(shared: ForwardShared, members: number, offset: number): number[] {
  const counts = new Array<number>(HISTOGRAM_BINS).fill(0);
  for (let m = 0; m < members; m++) {
    const at = m * 2 * HISTOGRAM_BINS + offset;
    for (let bin = 0; bin < HISTOGRAM_BINS; bin++) counts[bin]! += shared.histograms[at + bin]!;
  }
  return counts;
}

export function assembleLayer(p: LayerParts): LayerStats {
  const total = p.config.batch * p.N;
  const preStats = tensorStatsOf(p.preMoments, total, histogramOf(p.shared, p.members, 0));
  const postStats = tensorStatsOf(p.postMoments, total, histogramOf(p.shared, p.members, HISTOGRAM_BINS));
  const weights = weightStatsOf(p.weights, p.K * p.N);
  const weightsZero =
    weights.min === 0 && weights.max === 0 && (!p.biasLaw || lawSecondMoment(p.biasLaw, 1, p.N) === 0);
  return {
    layer: p.layer,
    fanIn: p.K,
    fanOut: p.N,
    status: layerStatusOf(preStats, weightsZero, p.inputZero),
    weights,
    preactivation: preStats,
    activation: { ...postStats, fractionSaturated: total > 0 ? p.saturated / total : 0 },
    theory: p.theory,
  };
}
