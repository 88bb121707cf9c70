// The page's side of the simulation worker. It owns the Worker, numbers the runs, delivers only
// replies of the current run, and keeps the app working when the worker dies: a crash or a hang
// replaces the worker and repeats the run once. Without Worker support the same loop runs on the
// main thread, one layer per task.

import type { MatmulKernel } from '../core/kernels';
import type { BlockGradient } from '../core/architecture/backward';
import type { BlockStats } from '../core/architecture/blockStats';
import type { GradientStats, LayerStats, LayerTheory, SimConfig } from '../core/types';
import { DEFAULT_SAMPLE_SIZE, type FromWorker, type ToWorker } from './protocol';
import { backwardTapeBytes, estimateFlops, largestLayerFlops } from './runCost';
import { createSimWorker } from './simWorker';

export interface RunHandlers {
  onStarted(theory: LayerTheory[], kernel: string): void;
  /** `preSample`: the same units' pre-activations h. */
  onLayer(stats: LayerStats, sample: Float32Array, elapsedMs: number, preSample: Float32Array): void;
  /** The backward pass's layers, from the top down, after every onLayer of the run. */
  onGradient?(layer: number, stats: GradientStats, sample: Float32Array, elapsedMs: number): void;
  onDone(elapsedMs: number): void;
  /** Residual networks: a block's stream statistics, as it finishes. */
  onBlock?(stats: BlockStats): void;
  /** Residual networks: the stream's gradient at a block, from the top block down. */
  onBlockGradient?(gradient: BlockGradient): void;
  /** `retrying`: the worker was replaced and the run starts over; more calls will follow. */
  onError(message: string, retrying: boolean): void;
}

/** What the client needs of a Worker; tests pass a fake. */
export interface WorkerLike {
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  onmessageerror: ((event: MessageEvent) => void) | null;
  postMessage(message: ToWorker, transfer?: Transferable[]): void;
  terminate(): void;
}

export interface ClientOptions {
  /** Returns null (or throws) when workers are unavailable; the client then uses the main thread. */
  createWorker?: () => WorkerLike | null;
  sampleSize?: number;
  /** Run the backward pass after the forward one (default true). */
  backward?: boolean;
  /** Measure the pre-activation correlation between inputs at each layer (default false: see layerCorrelation.ts). */
  correlations?: boolean;
  /** The watchdog never fires sooner than this after the last reply. */
  watchdogMinMs?: number;
  /** The slowest engine speed still considered alive, in floating-point operations per second. */
  minFlopsPerSecond?: number;
  /** Whether crash() reaches the worker; by default only on pages opened with ?testhook=1. */
  testHooks?: boolean;
}

/** What one run may ask differently from the client's defaults (a drag's preview: forward only). */
export interface RunOptions {
  backward?: boolean;
  correlations?: boolean;
}

/**
 * Cancelling by message waits for the layer being computed. Above this much work per layer
 * (roughly 0.1–0.5 s) starting a fresh worker is quicker, so a dragged width slider stays live.
 */
const TERMINATE_TO_CANCEL_FLOPS = 1e9;

/**
 * A run whose backward pass kept more than this of the forward pass retires its worker once done
 * (see retireWorker). Below it (the default view keeps 1.4 MB) the worker stays.
 */
const RETIRE_AFTER_TAPE_BYTES = 8 * 2 ** 20;

interface ActiveRun {
  id: number;
  config: SimConfig;
  handlers: RunHandlers;
  options: RunOptions;
  retried: boolean;
  watchdogMs: number;
}

export function testHooksEnabled(): boolean {
  return typeof location !== 'undefined' && new URLSearchParams(location.search).get('testhook') === '1';
}

const yieldWithTimeout = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Workers created and not yet terminated, page-wide: tests check replacing never leaks one. */
let liveWorkers = 0;

export function liveWorkerCount(): number {
  return liveWorkers;
}

export class SimulationClient {
  private readonly createWorker: () => WorkerLike | null;
  private readonly sampleSize: number;
  private readonly backward: boolean;
  private readonly correlations: boolean;
  private readonly watchdogMinMs: number;
  private readonly minFlopsPerSecond: number;
  private readonly testHooks: boolean;

  private worker: WorkerLike | null = null;
  private workersUnavailable = false;
  /** Main-thread fallback: one kernel, reused like the worker's. */
  private localKernel: MatmulKernel | null = null;
  private cancelLocalRun: (() => void) | null = null;
  private current: ActiveRun | null = null;
  private nextId = 1;
  private watchdog: ReturnType<typeof setTimeout> | null = null;
  private disposed = false;

  constructor(options: ClientOptions = {}) {
    this.createWorker = options.createWorker ?? createSimWorker;
    this.sampleSize = options.sampleSize ?? DEFAULT_SAMPLE_SIZE;
    this.backward = options.backward ?? true;
    this.correlations = options.correlations ?? false;
    this.watchdogMinMs = options.watchdogMinMs ?? 10_000;
    this.minFlopsPerSecond = options.minFlopsPerSecond ?? 0.2e9;
    this.testHooks = options.testHooks ?? testHooksEnabled();
  }

  /** Where runs execute; 'main-thread' once creating a worker has failed. */
  get mode(): 'worker' | 'main-thread' {
    return this.workersUnavailable ? 'main-thread' : 'worker';
  }

  /** Starts a run, replacing any run in flight (whose handlers get no further calls). */
  run(config: SimConfig, handlers: RunHandlers, options: RunOptions = {}): number {
    if (this.disposed) throw new Error('SimulationClient.run() called after dispose()');
    this.cancel();
    const run: ActiveRun = {
      id: this.nextId++,
      config,
      handlers,
      options,
      retried: false,
      // Generous on purpose: a false alarm costs a whole repeated run.
      watchdogMs: Math.max(this.watchdogMinMs, (estimateFlops(config) / this.minFlopsPerSecond) * 1000),
    };
    this.current = run;
    this.start(run);
    return run.id;
  }

  /**
   * Creates the worker now, before the first run: it loads its script while the page renders for
   * the first time, instead of after.
   */
  prepare(): void {
    if (!this.disposed) this.ensureWorker();
  }

  /** Stops the run in flight; its handlers get no further calls. */
  cancel(): void {
    const run = this.current;
    if (!run) return;
    this.current = null;
    this.clearWatchdog();
    if (this.worker) {
      if (largestLayerFlops(run.config) >= TERMINATE_TO_CANCEL_FLOPS) this.discardWorker();
      else this.worker.postMessage({ type: 'cancel', id: run.id });
    }
    this.cancelLocalRun?.();
    this.cancelLocalRun = null;
  }

  /**
   * Hands the buffers of samples the page no longer shows to the worker, which puts the next
   * samples in them (protocol.ts, 'recycle'). Transferred: they leave the page, empty.
   */
  recycle(buffers: ArrayBuffer[]): void {
    if (buffers.length > 0 && this.worker) this.worker.postMessage({ type: 'recycle', buffers }, buffers);
  }

  /** Test hook (see protocol.ts): makes the worker throw or hang. Returns whether it was sent. */
  crash(mode: 'throw' | 'hang'): boolean {
    if (!this.testHooks || !this.worker) return false;
    this.worker.postMessage({ type: 'crash', mode });
    return true;
  }

  dispose(): void {
    this.cancel();
    this.discardWorker();
    this.localKernel = null;
    this.disposed = true;
  }

  private start(run: ActiveRun): void {
    const worker = this.ensureWorker();
    if (!worker) {
      this.startLocal(run);
      return;
    }
    worker.postMessage({ type: 'run', id: run.id, ...this.request(run) });
    this.armWatchdog(run);
  }

  private request(run: ActiveRun) {
    return {
      config: run.config,
      sampleSize: this.sampleSize,
      backward: run.options.backward ?? this.backward,
      correlations: run.options.correlations ?? this.correlations,
    };
  }

  private ensureWorker(): WorkerLike | null {
    if (this.worker || this.workersUnavailable) return this.worker;
    let worker: WorkerLike | null;
    try {
      worker = this.createWorker();
    } catch {
      worker = null; // e.g. a content security policy forbidding workers
    }
    if (!worker) {
      this.workersUnavailable = true;
      return null;
    }
    // Each handler checks it still belongs to the current worker: events already queued by a
    // terminated worker must not touch its replacement's run.
    const own = worker;
    own.onmessage = (event) => {
      if (this.worker === own) this.receive(event.data);
    };
    own.onerror = (event) => {
      // An uncaught error carries its message; a script that failed to load carries none.
      const message: unknown = event.message;
      const detail = typeof message === 'string' && message !== '' ? `: ${message}` : '';
      if (this.worker === own) this.recover(`The simulation worker crashed${detail}.`);
    };
    own.onmessageerror = () => {
      if (this.worker === own) this.recover('A reply from the simulation worker could not be read.');
    };
    this.worker = own;
    liveWorkers++;
    return own;
  }

  private discardWorker(): void {
    if (!this.worker) return;
    this.worker.onmessage = null;
    this.worker.onerror = null;
    this.worker.onmessageerror = null;
    this.worker.terminate();
    this.worker = null;
    liveWorkers--;
  }

  /**
   * Replaces an idle worker with a fresh one whose team starts at once. A big run leaves its
   * backward pass's activations (16 MB at depth 1000, width 1024, batch 64) as garbage in the
   * worker, and a worker that allocates little runs a full collection only every few runs, so the
   * next runs' memory stacked on top of it; its WebAssembly memory, too, never shrinks. Ending the
   * worker gives all of it back now. The fresh worker is ready, helpers included, well before a
   * person's next change of setting.
   */
  private retireWorker(): void {
    this.discardWorker();
    this.ensureWorker()?.postMessage({ type: 'prepare' });
  }

  private startLocal(run: ActiveRun): void {
    let cancelled = false;
    this.cancelLocalRun = () => {
      cancelled = true;
    };
    const host = {
      post: (msg: FromWorker) => this.receive(msg),
      yieldToEventLoop: yieldWithTimeout,
      isCancelled: () => cancelled,
    };
    // The engine is loaded only here, on pages that cannot start a worker, so that every other
    // page's first script stays small. Loading also keeps handlers from being called inside run().
    void Promise.all([import('./runSimulation'), import('../core/kernels')]).then(
      ([{ runSimulation }, { createKernel }]) => {
        if (cancelled || this.disposed) return;
        const kernel = (this.localKernel ??= createKernel());
        return runSimulation({ id: run.id, ...this.request(run) }, host, kernel);
      },
    );
  }

  private receive(msg: FromWorker): void {
    const run = this.current;
    if (!run || msg.id !== run.id) return; // a reply of a replaced run: never delivered
    this.armWatchdog(run);
    switch (msg.type) {
      case 'started':
        run.handlers.onStarted(msg.theory, msg.kernel);
        break;
      case 'layer':
        run.handlers.onLayer(msg.stats, msg.sample, msg.elapsedMs, msg.preSample);
        break;
      case 'gradient':
        run.handlers.onGradient?.(msg.layer, msg.stats, msg.sample, msg.elapsedMs);
        break;
      case 'block':
        run.handlers.onBlock?.(msg.stats);
        break;
      case 'blockGradient':
        run.handlers.onBlockGradient?.(msg.gradient);
        break;
      case 'done':
        this.finish();
        if ((run.options.backward ?? this.backward) && backwardTapeBytes(run.config) >= RETIRE_AFTER_TAPE_BYTES)
          this.retireWorker();
        run.handlers.onDone(msg.elapsedMs);
        break;
      case 'error':
        // A refused config fails the same way every time; an engine failure may be a worker in
        // a bad state (memory exhausted), which a fresh one can get past.
        if (msg.cause === 'exception') {
          this.recover(msg.message);
        } else {
          this.finish();
          run.handlers.onError(msg.message, false);
        }
        break;
      default: {
        const unexpected: never = msg;
        void unexpected;
      }
    }
  }

  private finish(): void {
    this.current = null;
    this.cancelLocalRun = null;
    this.clearWatchdog();
  }

  /** Replaces the worker (or the local kernel) and repeats the current run, once per run. */
  private recover(reason: string): void {
    this.clearWatchdog();
    this.discardWorker();
    this.cancelLocalRun?.();
    this.cancelLocalRun = null;
    this.localKernel = null;
    const run = this.current;
    if (!run) return;
    if (run.retried) {
      this.current = null;
      run.handlers.onError(reason, false);
      return;
    }
    run.retried = true;
    run.handlers.onError(`${reason} It was restarted and the run is being repeated.`, true);
    // The handler may have started or cancelled a run itself.
    if (this.current === run) this.start(run);
  }

  private armWatchdog(run: ActiveRun): void {
    this.clearWatchdog();
    // A run on the main thread cannot be interrupted, so there is nothing a watchdog could do.
    if (!this.worker) return;
    this.watchdog = setTimeout(() => {
      this.watchdog = null;
      if (this.current !== run) return;
      this.recover(`The simulation worker stopped responding for ${Math.round(run.watchdogMs / 1000)} s.`);
    }, run.watchdogMs);
  }

  private clearWatchdog(): void {
    if (this.watchdog !== null) clearTimeout(this.watchdog);
    this.watchdog = null;
  }
}
