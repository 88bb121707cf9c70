// The law one layer's weights are drawn from. For every initializer but a data-dependent one it is
// the initializer's law at the layer's fans; LSUV's is its orthonormal start times the scale LSUV
// found for that layer on the run's seeded batch (lsuv.ts). Every place that draws a network's
// weights (forward, backward recompute, Jacobian, training) asks here, so they draw the same ones.

import type { InitializerSpec } from './initializers';
import { lsuvScales, type LsuvLayer } from './lsuv';
import type { SimConfig, WeightLaw } from './types';

// The scales cost a forward pass in float64; the forward pass, the backward pass's recomputes and
// the spectra of one run all ask for the same config, so the last few answers are kept.
const CACHE_SIZE = 4;
const cache = new Map<string, LsuvLayer[]>();

/** Everything LSUV's scales depend on: the batch (seed, input law, size) and the network. */
function keyOf(config: SimConfig): string {
  const { activation, activationParams, widths, inputDim, batch, seed, biasStd, input } = config;
  return JSON.stringify([activation, activationParams, widths, inputDim, batch, seed, biasStd, input]);
}

/** LSUV's scale, passes and output variance per layer for this config (computed once, then remembered). */
export function lsuvLayersOf(config: SimConfig): LsuvLayer[] {
  const key = keyOf(config);
  const hit = cache.get(key);
  if (hit) return hit;
  const layers = lsuvScales(config);
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(key, layers);
  return layers;
}

/** The law of layer `layer`'s (1-based) fanIn × fanOut weights; a layer above the network's (a read-out) keeps the start. */
export function layerWeightLaw(
  init: InitializerSpec,
  config: SimConfig,
  layer: number,
  fanIn: number,
  fanOut: number,
): WeightLaw {
  const start = init.weightLaw(fanIn, fanOut, config.initParams);
  if (!init.dataDependent || layer > config.widths.length || start.kind !== 'orthogonal') return start;
  return { kind: 'orthogonal', gain: start.gain * lsuvLayersOf(config)[layer - 1]!.scale };
}
