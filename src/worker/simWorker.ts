// Where the simulation worker comes from. The page's entry script starts one before the rest of the
// app has even loaded (startSimWorkerEarly): fetching its script and compiling its WebAssembly then
// overlap with the app's download and first render, instead of following them, and a cold link's
// first run finds the worker ready. The main runner takes that worker; every other client, and
// every replacement after a crash, gets a fresh one.

import { EARLY_WORKER_NAME } from './protocol';

/** A new module worker running sim.worker.ts; null where workers are unavailable. */
export function createSimWorker(name?: string): Worker | null {
  if (typeof Worker === 'undefined') return null;
  return new Worker(new URL('./sim.worker.ts', import.meta.url), { ...(name ? { name } : {}), type: 'module' });
}

let early: Worker | null = null;
/** The early worker failed to load before anyone listened: it must not be handed out. */
let earlyFailed = false;

/** Starts the page's simulation worker and its kernel's compilation now. */
export function startSimWorkerEarly(): void {
  if (early) return;
  try {
    early = createSimWorker(EARLY_WORKER_NAME);
  } catch {
    early = null; // e.g. a content security policy forbidding workers: the client decides later
  }
  if (!early) return;
  // Until the client takes it, nobody else hears a failed script load.
  early.addEventListener('error', () => (earlyFailed = true), { once: true });
  early.postMessage({ type: 'prepare' });
}

/** The worker started early (once), else a new one. */
export function takeSimWorker(): Worker | null {
  const worker = early;
  early = null;
  if (worker && !earlyFailed) return worker;
  worker?.terminate();
  return createSimWorker();
}
