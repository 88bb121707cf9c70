// Whether the page is being printed (or captured with print media). A handout must show every panel,
// so the panels under the signal chart — which otherwise wait for the first run (BelowFold.tsx) —
// mount as soon as printing starts, and the layer table drops its scroll window. Purely local UI
// state, so a small store of its own rather than a slice of the app store.
//
// Two signals, because neither covers every case: `beforeprint` fires before the print dialog lays
// the page out (and its handler may render synchronously, which the snapshot then includes), while
// matchMedia('print') also changes when a tool emulates print media for a full-page capture.

import { flushSync } from 'react-dom';
import { useSyncExternalStore } from 'react';
import { fitSvgsToWidth, unfitSvgs } from './fitSvgs';

let printing = false;
const listeners = new Set<() => void>();
const requested: Array<() => void> = [];

function set(next: boolean): void {
  if (next === printing) return;
  printing = next;
  if (next) for (const resolve of requested.splice(0)) resolve();
  for (const listener of listeners) listener();
}

/** Resolves when printing starts (at once if it has). */
export function printRequested(): Promise<void> {
  return printing ? Promise.resolve() : new Promise((resolve) => requested.push(resolve));
}

export function isPrinting(): boolean {
  return printing;
}

export function usePrinting(): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => printing,
    () => false,
  );
}

/** Starts listening; returns a function that stops. */
export function startPrintWatch(): () => void {
  const media = window.matchMedia('print');
  const onMedia = () => {
    // Emulated print media (a capture tool) leaves time to draw: a normal render is enough.
    if (media.matches) set(true);
    else if (!pendingAfterPrint) set(false);
  };
  let pendingAfterPrint = false;
  const onBefore = () => {
    pendingAfterPrint = true;
    // The print dialog snapshots the page right after this handler: render now, not in a later task.
    flushSync(() => set(true));
    // Charts were sized for the screen and cannot re-measure before the snapshot; scale them instead.
    fitSvgsToWidth(document);
  };
  const onAfter = () => {
    pendingAfterPrint = false;
    unfitSvgs(document);
    set(media.matches);
  };
  if (media.matches) set(true);
  media.addEventListener('change', onMedia);
  window.addEventListener('beforeprint', onBefore);
  window.addEventListener('afterprint', onAfter);
  return () => {
    media.removeEventListener('change', onMedia);
    window.removeEventListener('beforeprint', onBefore);
    window.removeEventListener('afterprint', onAfter);
  };
}
