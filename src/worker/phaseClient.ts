// The page's side of the phase worker: numbers the requests, caches every answer (a phase
// diagram depends only on the activation and its parameters, a readout only on those and the
// point), and keeps working without Worker support by running the same handler on the main thread.

import type { PhaseGrid, PhaseProgress } from '../core/phaseGrid';
import type { TheoryPoint } from '../core/theoryPoint';
import type { ParamValues } from '../core/types';
import { createPhaseHandler } from './phaseHandler';
import type { FromPhaseWorker, ToPhaseWorker } from './phaseProtocol';

/** What the client needs of a Worker; tests pass the main-thread stand-in. */
export interface PhaseWorkerLike {
  onmessage: ((event: MessageEvent<FromPhaseWorker>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  postMessage(message: ToPhaseWorker): void;
  terminate(): void;
}

/** The rejection of a grid request that a request for another activation replaced. */
export class SupersededError extends Error {
  constructor() {
    super('A newer phase diagram was requested.');
    this.name = 'SupersededError';
  }
}

const later = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** The phase handler on the main thread, behind the Worker interface: replies arrive as later tasks. */
export function createLocalPhaseWorker(): PhaseWorkerLike {
  const local: PhaseWorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage: (message) => void later().then(() => handle(message)),
    terminate: () => {
      local.onmessage = null;
    },
  };
  const handle = createPhaseHandler({
    post: (data) => void later().then(() => local.onmessage?.({ data } as MessageEvent<FromPhaseWorker>)),
    yieldToEventLoop: later,
  });
  return local;
}

function createModuleWorker(): PhaseWorkerLike | null {
  if (typeof Worker === 'undefined') return null;
  return new Worker(new URL('./phase.worker.ts', import.meta.url), { type: 'module' });
}

interface Pending {
  resolve(value: unknown): void;
  reject(reason: Error): void;
  key: string;
  onProgress?: (p: PhaseProgress) => void;
}

/** Cache key of an activation with its parameters (in a fixed order, so equal settings match). */
export function activationKey(activation: string, params: ParamValues): string {
  return `${activation}|${JSON.stringify(Object.entries(params).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))}`;
}

/** Readouts kept; a dragged setting makes many, and each is cheap to recompute. */
const MAX_POINTS = 200;

export class PhaseClient {
  private readonly createWorker: () => PhaseWorkerLike | null;
  private worker: PhaseWorkerLike | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly grids = new Map<string, PhaseGrid>();
  private readonly gridRequests = new Map<
    string,
    { id: number; promise: Promise<PhaseGrid>; progress: Set<(p: PhaseProgress) => void> }
  >();
  private readonly points = new Map<string, Promise<TheoryPoint>>();

  constructor(createWorker: () => PhaseWorkerLike | null = createModuleWorker) {
    this.createWorker = createWorker;
  }

  cachedGrid(activation: string, params: ParamValues): PhaseGrid | undefined {
    return this.grids.get(activationKey(activation, params));
  }

  /** The phase diagram; rejects with SupersededError if a grid for other settings is asked for first. */
  grid(activation: string, params: ParamValues, onProgress?: (p: PhaseProgress) => void): Promise<PhaseGrid> {
    const key = activationKey(activation, params);
    const done = this.grids.get(key);
    if (done) return Promise.resolve(done);
    const inFlight = this.gridRequests.get(key);
    if (inFlight) {
      if (onProgress) inFlight.progress.add(onProgress);
      return inFlight.promise;
    }
    // The worker computes one grid at a time: the one asked for last.
    for (const [otherKey, other] of this.gridRequests) {
      this.gridRequests.delete(otherKey);
      this.pending.get(other.id)?.reject(new SupersededError());
      this.pending.delete(other.id);
    }
    const id = this.nextId++;
    const progress = new Set<(p: PhaseProgress) => void>(onProgress ? [onProgress] : []);
    const promise = this.send<PhaseGrid>({ type: 'grid', id, activation, activationParams: params }, key, (p) =>
      progress.forEach((f) => f(p)),
    );
    this.gridRequests.set(key, { id, promise, progress });
    return promise;
  }

  /** The theory at one point: fixed point, χ₁, depth scales. */
  point(activation: string, params: ParamValues, sigmaW2: number, sigmaB2: number): Promise<TheoryPoint> {
    const key = `${activationKey(activation, params)}|${sigmaW2}|${sigmaB2}`;
    const cached = this.points.get(key);
    if (cached) return cached;
    const promise = this.send<TheoryPoint>(
      { type: 'point', id: this.nextId++, activation, activationParams: params, sigmaW2, sigmaB2 },
      key,
    );
    if (this.points.size >= MAX_POINTS) this.points.delete(this.points.keys().next().value!);
    this.points.set(key, promise);
    promise.catch(() => this.points.delete(key));
    return promise;
  }

  dispose(): void {
    this.failAll('The phase worker was stopped.');
    this.discardWorker();
  }

  private send<T>(message: ToPhaseWorker, key: string, onProgress?: (p: PhaseProgress) => void): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pending.set(message.id, { resolve, reject, key, onProgress });
      this.ensureWorker().postMessage(message);
    });
  }

  private ensureWorker(): PhaseWorkerLike {
    if (this.worker) return this.worker;
    let worker: PhaseWorkerLike | null;
    try {
      worker = this.createWorker();
    } catch {
      worker = null; // e.g. a content security policy forbidding workers
    }
    const own = worker ?? createLocalPhaseWorker();
    own.onmessage = (event) => {
      if (this.worker === own) this.receive(event.data);
    };
    own.onerror = (event) => {
      if (this.worker !== own) return;
      const message: unknown = event.message;
      this.failAll(`The phase worker crashed${typeof message === 'string' && message !== '' ? `: ${message}` : ''}.`);
      this.discardWorker(); // the next request starts a fresh one
    };
    this.worker = own;
    return own;
  }

  private receive(msg: FromPhaseWorker): void {
    const pending = this.pending.get(msg.id);
    if (!pending) return; // superseded
    switch (msg.type) {
      case 'progress':
        pending.onProgress?.({ done: msg.done, total: msg.total });
        return;
      case 'grid':
        this.grids.set(pending.key, msg.grid);
        this.gridRequests.delete(pending.key);
        pending.resolve(msg.grid);
        break;
      case 'point':
        pending.resolve(msg.point);
        break;
      case 'error':
        this.gridRequests.delete(pending.key);
        pending.reject(new Error(msg.message));
        break;
    }
    this.pending.delete(msg.id);
  }

  private failAll(message: string): void {
    for (const p of this.pending.values()) p.reject(new Error(message));
    this.pending.clear();
    this.gridRequests.clear();
  }

  private discardWorker(): void {
    if (!this.worker) return;
    this.worker.onmessage = null;
    this.worker.onerror = null;
    this.worker.terminate();
    this.worker = null;
  }
}

/** The page's one phase client; its worker starts with the first request. */
export const phaseClient = new PhaseClient();
