// What end-to-end tests may reach on a page opened with ?testhook=1: the store, the worker's
// crash hook and the count of live simulation workers.

import { store } from './store';
import { liveWorkerCount, testHooksEnabled, type SimulationClient } from '../worker/client';

interface TestHandle {
  store: typeof store;
  crashWorker(mode: 'throw' | 'hang'): boolean;
  /** Simulation workers alive on the page (a replaced worker must not linger). */
  liveWorkers: () => number;
}

declare global {
  interface Window {
    /** Present only on pages opened with ?testhook=1, for end-to-end tests. */
    __initscope?: TestHandle;
  }
}

/** Exposes the handle when the page asked for it; returns a function that removes it. */
export function installTestHandle(client: SimulationClient): () => void {
  if (!testHooksEnabled() || typeof window === 'undefined') return () => {};
  window.__initscope = { store, crashWorker: (mode) => client.crash(mode), liveWorkers: liveWorkerCount };
  return () => {
    if (window.__initscope?.store === store) delete window.__initscope;
  };
}
