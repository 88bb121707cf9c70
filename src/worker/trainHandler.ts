// What a training worker does with a request, apart from the Worker entry so the main-thread
// fallback and the tests run the same code. The loop gives the event loop a turn every ~25 ms of
// work and posts what it has, so progress streams and a fallback on the page never blocks it long.

import { createKernel } from '../core/kernels';
import { trainSteps } from '../core/training/train';
import { normalizeTrainConfig, overBudget } from '../core/training/trainConfig';
import { trainNetworkInput } from '../core/training/networkInput';
import type { HistoryEntry } from '../core/training/types';
import type { FromTrainWorker, ToTrainWorker } from './trainProtocol';

export interface TrainHost {
  post(message: FromTrainWorker): void;
  yieldToEventLoop(): Promise<void>;
  now(): number;
}

/** Work between two turns of the event loop. */
export const SLICE_MS = 25;

export function createTrainHandler(host: TrainHost): (msg: ToTrainWorker) => Promise<void> {
  let kernel: ReturnType<typeof createKernel> | null = null;
  /** The newest request: an older one still running stops at its next turn. */
  let active = 0;

  return async (msg) => {
    active = msg.id;
    try {
      const network = trainNetworkInput(msg.network, msg.training.dataset);
      const { config, issues } = normalizeTrainConfig(network, msg.training);
      if (issues[0]) throw new Error(`${issues[0].field}: ${issues[0].problem}`);
      const refusal = overBudget(config, 'words');
      if (refusal) throw new Error(refusal);
      kernel ??= createKernel();
      const started = host.now();
      let sliceStart = started;
      let entries: HistoryEntry[] = [];
      let step = 0;
      const run = trainSteps(config, { kernel, histograms: msg.histograms });
      for (;;) {
        const next = run.next();
        if (next.done) {
          host.post({ type: 'progress', id: msg.id, step, entries });
          host.post({
            type: 'done',
            id: msg.id,
            final: next.value.final,
            elapsedMs: host.now() - started,
            kernel: kernel.name,
          });
          return;
        }
        if (next.value.kind === 'history') entries.push(next.value.entry);
        else step = next.value.step;
        if (host.now() - sliceStart >= SLICE_MS) {
          host.post({ type: 'progress', id: msg.id, step, entries });
          entries = [];
          await host.yieldToEventLoop();
          if (active !== msg.id) return;
          sliceStart = host.now();
        }
      }
    } catch (e) {
      host.post({ type: 'error', id: msg.id, message: e instanceof Error ? e.message : String(e) });
    }
  };
}
