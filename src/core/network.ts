// The forward pass of a seeded random deep MLP, one layer at a time. Each layer's weights are
// generated from (seed, layer, block), used once and overwritten, so memory is O(N² + B·N)
// whatever the depth. A generator lets callers stream results and stop between layers (the
// worker yields to its event loop there, which is how a stale run gets cancelled).
//
// On one thread this is parallel/forwardMember.ts run by a team of one, which keeps the weights
// and activations in the kernel's own buffers: a team of threads computes the same bits.

import { createKernel } from './kernels';
import type { MatmulKernel } from './kernels/types';
import { type ForwardOptions, type LayerResult } from './networkSpec';
import { Barrier, BARRIER_WORDS } from './parallel/barrier';
import { forwardMember } from './parallel/forwardMember';
import { forwardShared, sharedBytes } from './parallel/sharedLayout';
import type { LayerStats, SimConfig } from './types';

export { biasLawOf, fanInOf, inputLaw, theoryFor, type ForwardOptions, type LayerResult } from './networkSpec';

export function* simulateLayers(
  config: SimConfig,
  kernel: MatmulKernel = createKernel(),
  options: ForwardOptions = {},
): Generator<LayerResult, void, void> {
  const shared = forwardShared(new ArrayBuffer(sharedBytes(config, 1)), config, 1);
  const seat = { rank: 0, members: 1, shared, barrier: new Barrier(new Int32Array(BARRIER_WORDS), 1) };
  for (const result of forwardMember(config, seat, kernel, options)) {
    if (result) yield result;
  }
}

/** Runs the whole network and returns every layer's statistics. */
export function simulate(config: SimConfig, kernel?: MatmulKernel, options?: ForwardOptions): LayerStats[] {
  const out: LayerStats[] = [];
  for (const r of simulateLayers(config, kernel, options)) out.push(r.stats);
  return out;
}
