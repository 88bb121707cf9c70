// The simulation worker's warm-up. A fresh worker runs its code cold: V8 first interprets the
// engine's JavaScript and runs the WebAssembly kernels from its baseline compiler, and optimizes
// them only once they have run a while. On a cold link, the first run's forward pass took 110 ms
// in the worker against about 50 ms warm. The page's first worker starts loading before the app
// does and is usually ready some tens of milliseconds before the app asks for its first run; it
// spends them (as any worker does the idle time after 'prepare') on small seeded networks through
// the same code — forward pass with correlations, then the backward pass — so that the first real
// run finds the hot paths compiled and the kernel's buffers grown. It gives way at once: a request
// already waiting goes first, one arriving later stops it at the next layer, and nothing it
// computes is posted or kept.

import { backwardSteps } from '../core/backward';
import { ForwardTape } from '../core/checkpoints';
import { normalizeConfig } from '../core/config';
import type { MatmulKernel } from '../core/kernels';
import { DEFAULTS } from '../core/limits';
import { simulateLayers } from '../core/network';

/**
 * The warm-up networks, in order. A first, tiny one, so that the slow first pass through cold code
 * is a short one: a request arriving meanwhile waits for one of its steps, where the first step of
 * a full-size network took 35 ms cold. Then the default view's shape, with enough layers for the
 * optimizing compilers to take over (~10 ms warm); it also grows the kernel's buffers to the size
 * the first run will need.
 */
export const WARM_UP_NETWORKS = [
  { depth: 2, width: 16, batch: 8 },
  { depth: 6, width: DEFAULTS.width, batch: DEFAULTS.batch },
] as const;

export interface WarmUpHost {
  yieldToEventLoop(): Promise<void>;
  /** True once real work has arrived: the warm-up then stops. */
  isCancelled(): boolean;
}

/** Runs the warm-up networks; returns the number of steps (layers forward, then backward) done. */
export async function warmUp(kernel: MatmulKernel, host: WarmUpHost): Promise<number> {
  // A request already waiting goes first.
  await host.yieldToEventLoop();
  if (host.isCancelled()) return 0;
  let steps = 0;
  const step = async (): Promise<boolean> => {
    steps++;
    await host.yieldToEventLoop();
    return !host.isCancelled();
  };
  for (const shape of WARM_UP_NETWORKS) {
    const { config } = normalizeConfig(shape);
    const tape = new ForwardTape(config);
    for (const result of simulateLayers(config, kernel, { correlations: true })) {
      tape.record(result);
      if (!(await step())) return steps;
    }
    // A for-of, so that leaving early closes the generator.
    for (const done of backwardSteps(tape, kernel)) {
      void done;
      if (!(await step())) return steps;
    }
  }
  return steps;
}
