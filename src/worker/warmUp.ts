// The simulation worker's warm-up. A fresh worker runs its code cold: V8 first interprets the
// engine's JavaScript and runs the WebAssembly kernels from its baseline compiler, and optimizes
// them only once they have run a while. On a cold link the worker is ready about 80 ms before the
// app asks for its first run, and that first run then took twice as long as the same run on a
// warm worker. The warm-up spends the idle time on a small seeded network through the same code
// (forward pass with correlations, then the backward pass), so the first real run finds the hot
// paths compiled and the kernel's buffers grown. It gives way at once: it stops between layers as
// soon as a request arrives, and nothing it computes is posted or kept.

import { backwardSteps } from '../core/backward';
import { ForwardTape } from '../core/checkpoints';
import { normalizeConfig } from '../core/config';
import type { MatmulKernel } from '../core/kernels';
import { DEFAULTS } from '../core/limits';
import { simulateLayers } from '../core/network';

/** Layers of the warm-up network: enough for the optimizing compilers to take over, ~10 ms warm. */
export const WARM_UP_DEPTH = 6;

export interface WarmUpHost {
  yieldToEventLoop(): Promise<void>;
  /** True once real work has arrived: the warm-up then stops. */
  isCancelled(): boolean;
}

/** Runs the warm-up network; returns the number of steps (layers forward, then backward) done. */
export async function warmUp(kernel: MatmulKernel, host: WarmUpHost): Promise<number> {
  // The default view's shape, so the first run's buffers are already the right size.
  const { config } = normalizeConfig({ depth: WARM_UP_DEPTH, width: DEFAULTS.width, batch: DEFAULTS.batch });
  let steps = 0;
  const tape = new ForwardTape(config);
  for (const result of simulateLayers(config, kernel, { correlations: true })) {
    tape.record(result);
    steps++;
    await host.yieldToEventLoop();
    if (host.isCancelled()) return steps;
  }
  for (const step of backwardSteps(tape, kernel)) {
    void step;
    steps++;
    await host.yieldToEventLoop();
    if (host.isCancelled()) return steps;
  }
  return steps;
}
