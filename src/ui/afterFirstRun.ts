// Work the first screen does not need (the panels under the signal chart, KaTeX) waits until the
// page's first run has drawn, so it does not compete with that run for the main thread. A run
// that never settles (a hung worker) must not hold the page back: a few seconds is the limit.

import { store } from '../state/store';

/** Longest wait for the first run, in milliseconds. */
const LIMIT_MS = 3000;

let firstRunOver: Promise<void> | null = null;

const settled = (): boolean => {
  const { phase } = store.getState().run;
  return phase === 'done' || phase === 'error';
};

/** Resolves once the first run is done (or failed), or after LIMIT_MS; at once after that. */
export function afterFirstRun(): Promise<void> {
  firstRunOver ??= new Promise<void>((resolve) => {
    if (settled()) {
      resolve();
      return;
    }
    const finish = () => {
      unsubscribe();
      clearTimeout(timer);
      resolve();
    };
    const unsubscribe = store.subscribe(() => {
      if (settled()) finish();
    });
    const timer = setTimeout(finish, LIMIT_MS);
  });
  return firstRunOver;
}
