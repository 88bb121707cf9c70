// The page's side of the spectra worker: one request at a time (the newest), its spectra streamed
// to a callback as they come, a crashed worker replaced on the next request, and the same handler
// on the main thread (in later tasks) where workers are not allowed.

import type { Parameterization, SweepPoint } from '../core/spectra/widthSweepSpec';
import type { SimConfig } from '../core/types';
import { createSpectraHandler } from './spectraHandler';
import type { FromSpectraWorker, SpectrumMessage, ToSpectraWorker, WeightSpectrumMessage } from './spectraProtocol';

export interface SpectraWorkerLike {
  onmessage: ((event: MessageEvent<FromSpectraWorker>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  postMessage(message: ToSpectraWorker): void;
  terminate(): void;
}

export interface SpectraListener {
  progress(layer: number, depth: number): void;
  spectrum(s: SpectrumMessage): void;
  weights(w: WeightSpectrumMessage): void;
  sweepPoint?(parameterization: Parameterization, point: SweepPoint): void;
  done(): void;
  error(message: string): void;
}

const later = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export function createLocalSpectraWorker(): SpectraWorkerLike {
  const local: SpectraWorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage: (message) => void later().then(() => handle(message)),
    terminate: () => {
      local.onmessage = null;
    },
  };
  const handle = createSpectraHandler({
    post: (data) => void later().then(() => local.onmessage?.({ data } as MessageEvent<FromSpectraWorker>)),
    yieldToEventLoop: later,
  });
  return local;
}

function createModuleWorker(): SpectraWorkerLike | null {
  if (typeof Worker === 'undefined') return null;
  return new Worker(new URL('./spectra.worker.ts', import.meta.url), { type: 'module' });
}

export class SpectraClient {
  private worker: SpectraWorkerLike | null = null;
  private nextId = 1;
  private current: { id: number; listener: SpectraListener } | null = null;

  constructor(private readonly createWorker: () => SpectraWorkerLike | null = createModuleWorker) {}

  /** Starts the Jacobian's spectra for `config`, stopping any earlier request; returns a cancel function. */
  request(config: SimConfig, listener: SpectraListener): () => void {
    return this.send((id) => ({ type: 'jacobian', id, config }), listener);
  }

  /** Starts the width sweep for an activation (all three parameterizations), stopping any earlier request. */
  sweep(activation: string, listener: SpectraListener): () => void {
    return this.send((id) => ({ type: 'sweep', id, activation }), listener);
  }

  private send(message: (id: number) => ToSpectraWorker, listener: SpectraListener): () => void {
    const id = this.nextId++;
    this.current = { id, listener };
    this.ensureWorker().postMessage(message(id));
    return () => {
      if (this.current?.id === id) this.current = null;
    };
  }

  dispose(): void {
    this.current = null;
    this.worker?.terminate();
    this.worker = null;
  }

  private ensureWorker(): SpectraWorkerLike {
    if (this.worker) return this.worker;
    let worker: SpectraWorkerLike | null;
    try {
      worker = this.createWorker();
    } catch {
      worker = null; // e.g. a content security policy forbidding workers
    }
    const own = worker ?? createLocalSpectraWorker();
    own.onmessage = (event) => {
      if (this.worker === own) this.receive(event.data);
    };
    own.onerror = (event) => {
      if (this.worker !== own) return;
      const message: unknown = event.message;
      this.current?.listener.error(
        `The spectra worker crashed${typeof message === 'string' && message !== '' ? `: ${message}` : ''}.`,
      );
      this.current = null;
      own.terminate();
      this.worker = null;
    };
    this.worker = own;
    return own;
  }

  private receive(msg: FromSpectraWorker): void {
    const current = this.current;
    if (!current || current.id !== msg.id) return; // superseded or cancelled
    const { listener } = current;
    switch (msg.type) {
      case 'progress':
        listener.progress(msg.layer, msg.depth);
        return;
      case 'spectrum':
        listener.spectrum({
          layer: msg.layer,
          fanIn: msg.fanIn,
          fanOut: msg.fanOut,
          values: msg.values,
          finite: msg.finite,
          summary: msg.summary,
          theory: msg.theory,
        });
        return;
      case 'weights':
        listener.weights({
          layer: msg.layer,
          fanIn: msg.fanIn,
          fanOut: msg.fanOut,
          ratio: msg.ratio,
          eigenvalues: msg.eigenvalues,
        });
        return;
      case 'sweepPoint':
        listener.sweepPoint?.(msg.parameterization, msg.point);
        return;
      case 'done':
        this.current = null;
        listener.done();
        return;
      case 'error':
        this.current = null;
        listener.error(msg.message);
    }
  }
}

/** The page's spectra client for the Jacobian; its worker starts with the first request. */
export const spectraClient = new SpectraClient();

/** A second worker for the width sweep, so the two panels never stop each other's work. */
export const sweepClient = new SpectraClient();
