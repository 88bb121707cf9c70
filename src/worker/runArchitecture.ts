// The simulation loop for residual and normalized networks (core/architecture/), on the worker's
// one thread: the same replies as a plain run — `started`, a `layer` per linear layer, a
// `gradient` per layer from the top down, `done` — plus a `block` as each residual block finishes
// and a `blockGradient` per block on the way back. Plain networks never come here (runSimulation.ts).

import { backwardArchitecture } from '../core/architecture/backward';
import { ArchitectureTape, forwardArchitecture } from '../core/architecture/forward';
import { architectureTheory } from '../core/architecture/theory';
import type { MatmulKernel } from '../core/kernels';
import type { SimConfig } from '../core/types';
import type { FromWorker } from './protocol';

/** The host's side of a run, as runSimulation.ts passes it. */
export interface ArchitectureRunHost {
  id: number;
  post: (msg: FromWorker, transfer?: Transferable[]) => void;
  yieldToEventLoop(): Promise<void>;
  isCancelled(): boolean;
  elapsed(): number;
  sample(values: Float32Array): Float32Array;
}

export async function runArchitecture(
  config: SimConfig,
  backward: boolean,
  correlations: boolean,
  kernel: MatmulKernel,
  host: ArchitectureRunHost,
): Promise<void> {
  const { id } = host;
  host.post({ type: 'started', id, theory: architectureTheory(config).layers, kernel: kernel.name });
  await host.yieldToEventLoop();
  if (host.isCancelled()) return;
  const tape = backward ? new ArchitectureTape() : undefined;
  for (const step of forwardArchitecture(config, kernel, tape, { correlations })) {
    if (step.kind === 'layer') {
      const sample = host.sample(step.result.post);
      const preSample = host.sample(step.result.pre);
      host.post({ type: 'layer', id, stats: step.result.stats, sample, preSample, elapsedMs: host.elapsed() }, [
        sample.buffer,
        preSample.buffer,
      ]);
    } else {
      host.post({ type: 'block', id, stats: step.stats });
    }
    await host.yieldToEventLoop();
    if (host.isCancelled()) return;
  }
  if (tape) {
    for (const step of backwardArchitecture(config, tape, kernel)) {
      if (step.kind === 'layer') {
        const sample = host.sample(step.delta);
        host.post({ type: 'gradient', id, layer: step.layer, stats: step.stats, sample, elapsedMs: host.elapsed() }, [
          sample.buffer,
        ]);
      } else {
        host.post({ type: 'blockGradient', id, gradient: step.gradient });
      }
      await host.yieldToEventLoop();
      if (host.isCancelled()) return;
    }
  }
  host.post({ type: 'done', id, elapsedMs: host.elapsed() });
}
