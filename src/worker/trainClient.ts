// The page's side of training: one worker per run (the live configuration and each pin), so they
// train side by side on separate cores. Starting new runs ends the workers of the old ones at
// once — the stale work stops mid-step, not at its next check. Without Worker support the same
// handler runs on the page, in slices of ~25 ms.

import type { SimConfig } from '../core/types';
import type { HistoryEntry, TrainFinal, TrainSettings } from '../core/training/types';
import type { FromTrainWorker, ToTrainWorker } from './trainProtocol';

export interface TrainWorkerLike {
  onmessage: ((event: MessageEvent<FromTrainWorker>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  postMessage(message: ToTrainWorker): void;
  terminate(): void;
}

export interface TrainCallbacks {
  progress(run: number, step: number, entries: HistoryEntry[]): void;
  done(run: number, final: TrainFinal, elapsedMs: number, kernel: string): void;
  error(run: number, message: string): void;
}

const later = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** The handler on the page behind the Worker interface; terminate() stops it at its next slice. */
export function createLocalTrainWorker(): TrainWorkerLike {
  let stopped = false;
  const local: TrainWorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage: (message) => void later().then(() => handle(message)),
    terminate: () => {
      stopped = true;
      local.onmessage = null;
    },
  };
  // The engine is loaded only when this fallback is used: with workers, the page never needs it.
  const handler = import('./trainHandler').then(({ createTrainHandler }) =>
    createTrainHandler({
      post: (data) => {
        if (!stopped) local.onmessage?.({ data } as MessageEvent<FromTrainWorker>);
      },
      now: () => performance.now(),
      // A stopped run never resumes: its promise is left pending and collected.
      yieldToEventLoop: () => (stopped ? new Promise<void>(() => {}) : later()),
    }),
  );
  const handle = (message: ToTrainWorker) => void handler.then((h) => h(message));
  return local;
}

function createModuleWorker(): TrainWorkerLike | null {
  if (typeof Worker === 'undefined') return null;
  return new Worker(new URL('./train.worker.ts', import.meta.url), { type: 'module' });
}

export class TrainClient {
  private workers: TrainWorkerLike[] = [];
  private nextId = 1;

  constructor(private readonly createWorker: () => TrainWorkerLike | null = createModuleWorker) {}

  /** Trains each network with the same settings (so the same data and minibatches), replacing any runs in progress. */
  start(networks: readonly SimConfig[], training: TrainSettings, callbacks: TrainCallbacks, histograms = true): void {
    this.cancel();
    this.workers = networks.map((network, run) => {
      let worker: TrainWorkerLike | null;
      try {
        worker = this.createWorker();
      } catch {
        worker = null; // e.g. a content security policy forbidding workers
      }
      const own = worker ?? createLocalTrainWorker();
      const id = this.nextId++;
      own.onmessage = (event) => {
        const msg = event.data;
        if (msg.id !== id || !this.workers.includes(own)) return;
        if (msg.type === 'progress') callbacks.progress(run, msg.step, msg.entries);
        else if (msg.type === 'done') callbacks.done(run, msg.final, msg.elapsedMs, msg.kernel);
        else callbacks.error(run, msg.message);
      };
      own.onerror = (event) => {
        if (!this.workers.includes(own)) return;
        const text: unknown = event.message;
        callbacks.error(
          run,
          `The training worker crashed${typeof text === 'string' && text !== '' ? `: ${text}` : ''}.`,
        );
      };
      own.postMessage({ type: 'train', id, network, training, histograms: histograms && run === 0 });
      return own;
    });
  }

  /** Stops every run in progress; their callbacks are not called again. */
  cancel(): void {
    for (const w of this.workers) {
      w.onmessage = null;
      w.onerror = null;
      w.terminate();
    }
    this.workers = [];
  }
}

export const trainClient = new TrainClient();
