// Thin worker entry: decodes requests and hands them to runSimulation. All the logic lives in
// runSimulation.ts so the main-thread fallback and the unit tests run exactly the same code.

import { createKernel, type MatmulKernel } from '../core/kernels';
import { EARLY_WORKER_NAME, type FromWorker, type ToWorker } from './protocol';
import { runSimulation } from './runSimulation';
import { warmUp } from './warmUp';
import { WorkerTeam, teamSizeFor, type HelperLike } from './workerTeam';

/** The part of DedicatedWorkerGlobalScope used here (the project compiles against the DOM lib). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
  postMessage(message: FromWorker, transfer: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;

function post(message: FromWorker, transfer: Transferable[] = []): void {
  scope.postMessage(message, transfer);
}

// One kernel for the worker's lifetime: its buffers (and WebAssembly memory) only grow, so
// later runs reuse them instead of allocating per run.
let kernel: MatmulKernel | null = null;

/**
 * Helpers for big runs, started after the first run has finished so that they do not compete with
 * it for the cores while the page starts; null until then, and on a single core.
 */
let team: WorkerTeam | null = null;
let teamRequested = false;

function createHelper(): HelperLike {
  return new Worker(new URL('./team.worker.ts', import.meta.url), {
    type: 'module',
    name: 'initscope-team',
  }) as unknown as HelperLike;
}

function startTeamLater(): void {
  if (teamRequested) return;
  teamRequested = true;
  const members = teamSizeFor(
    navigator.hardwareConcurrency,
    (self as { crossOriginIsolated?: boolean }).crossOriginIsolated === true,
  );
  if (members <= 1) return;
  setTimeout(() => {
    try {
      team = new WorkerTeam(members, createHelper);
    } catch {
      // No helpers here (e.g. nested workers refused): every run stays on this thread.
      team = null;
    }
  }, 0);
}

/** Sample buffers the page handed back ('recycle'): the next samples go in them. */
const spareSamples: ArrayBuffer[] = [];

function spareSampleBuffer(bytes: number): ArrayBuffer | undefined {
  // One too small (handed back from a smaller run) is dropped rather than kept for good.
  for (let buffer = spareSamples.pop(); buffer !== undefined; buffer = spareSamples.pop()) {
    if (buffer.byteLength >= bytes) return buffer;
  }
  return undefined;
}

/** A run has been asked for: the warm-up (warmUp.ts), if still going, gives way. */
let runRequested = false;
let warmingUp = false;

/** Creates the kernel and, unless a run came first, warms it up while the worker is idle. */
function startWarmUp(): void {
  kernel ??= createKernel();
  if (runRequested || warmingUp) return;
  warmingUp = true;
  void warmUp(kernel, { yieldToEventLoop, isCancelled: () => runRequested });
}

/** Id of the run allowed to continue; 0 when none. A newer run or a cancel changes it. */
let activeRun = 0;

// setTimeout(0) is clamped to ≥ 4 ms once nested, which over a 2000-layer run adds seconds.
// A MessageChannel round trip is a plain task: queued requests still get their turn first.
const channel = new MessageChannel();
const waiting: (() => void)[] = [];
channel.port1.onmessage = () => waiting.shift()?.();

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(null);
  });
}

function hang(): never {
  // Deliberately blocks the worker forever; only the client's watchdog can end it.
  for (;;) {
    /* spin */
  }
}

scope.onmessage = (event) => {
  const msg = event.data;
  if (typeof msg !== 'object' || msg === null) {
    post({ type: 'error', id: 0, message: 'The simulation worker received an empty request.', cause: 'invalid' });
    return;
  }
  switch (msg.type) {
    case 'run': {
      // A new run implicitly cancels the previous one: its loop sees activeRun change when it
      // resumes after its current layer and stops without posting anything more.
      const id = msg.id;
      runRequested = true;
      activeRun = id;
      kernel ??= createKernel();
      void runSimulation(
        { id, config: msg.config, sampleSize: msg.sampleSize, backward: msg.backward, correlations: msg.correlations },
        { post, yieldToEventLoop, isCancelled: () => activeRun !== id, spareBuffer: spareSampleBuffer },
        kernel,
        team,
      ).finally(() => {
        if (activeRun === id) activeRun = 0;
        startTeamLater();
      });
      break;
    }
    case 'cancel':
      if (activeRun === msg.id) activeRun = 0;
      break;
    case 'prepare':
      // Compiled now, while the page is idle, rather than at the start of this worker's first run.
      // The team waits for that run: its helpers' start-up would take the cores the page needs.
      startWarmUp();
      break;
    case 'recycle':
      for (const buffer of Array.isArray(msg.buffers) ? msg.buffers : []) {
        if (buffer instanceof ArrayBuffer && buffer.byteLength > 0) spareSamples.push(buffer);
      }
      break;
    case 'crash':
      if (msg.mode === 'hang') hang();
      throw new Error('Crash requested by the test hook');
    default: {
      const unknown: never = msg;
      const raw = unknown as { type?: unknown; id?: unknown };
      const id = typeof raw.id === 'number' ? raw.id : 0;
      post({
        type: 'error',
        id,
        message: `The simulation worker does not understand a "${String(raw.type)}" request.`,
        cause: 'invalid',
      });
    }
  }
};

// The page's first worker warms up as soon as it has loaded (see EARLY_WORKER_NAME); others on
// 'prepare'.
if ((self as { name?: string }).name === EARLY_WORKER_NAME) startWarmUp();
