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
