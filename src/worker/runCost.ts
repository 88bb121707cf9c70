// How much matmul work a run is, from its shape alone: for the client's watchdog and cancel policy
// and the team's size threshold. Kept apart from runSimulation.ts so the page can use it without
// loading the engine (which the page needs only when workers are unavailable).

import type { SimConfig } from '../core/types';

/** Floating-point operations of the matrix products of a run: 2·B·Σ fan_in·fan_out. */
export function estimateFlops(config: SimConfig): number {
  let macs = 0;
  for (let i = 0; i < config.widths.length; i++) {
    const fanIn = i === 0 ? config.inputDim : config.widths[i - 1]!;
    macs += fanIn * config.widths[i]!;
  }
  return 2 * config.batch * macs;
}

/** The most expensive single layer: how long a cancel may wait for the current layer to end. */
export function largestLayerFlops(config: SimConfig): number {
  let largest = 0;
  for (let i = 0; i < config.widths.length; i++) {
    const fanIn = i === 0 ? config.inputDim : config.widths[i - 1]!;
    largest = Math.max(largest, 2 * config.batch * fanIn * config.widths[i]!);
  }
  return largest;
}

/**
 * Bytes of forward activations the backward pass keeps (core/checkpoints.ts): B·N floats at every
 * k-th layer (k = ⌈√L⌉) plus the k layers of one segment, N the widest layer. After the run they
 * are garbage in the worker, which seldom collects it (see the client's retirement rule).
 */
export function backwardTapeBytes(config: SimConfig): number {
  const depth = config.widths.length;
  const k = Math.max(1, Math.ceil(Math.sqrt(depth)));
  const widest = Math.max(config.inputDim, ...config.widths);
  return 4 * config.batch * widest * (Math.ceil(depth / k) + k);
}
