// Plays the layer-by-layer animation by moving the store's `revealUpTo` once per frame (the
// signal chart draws layers 1…revealUpTo). Pressing space again stops it and shows every layer;
// changing a setting also stops it, since the picture it was revealing is gone.

import { store } from '../../state/store';
import { layersRevealed } from './revealTiming';

interface Playing {
  cancelFrame: () => void;
  unsubscribe: () => void;
}

let playing: Playing | null = null;

function nextFrame(callback: (now: number) => void): () => void {
  const handle = requestAnimationFrame(callback);
  return () => cancelAnimationFrame(handle);
}

function setRevealUpTo(revealUpTo: number | null): void {
  if (store.getState().revealUpTo !== revealUpTo) store.setState({ revealUpTo });
}

export function isRevealing(): boolean {
  return playing !== null;
}

export function stopReveal(): void {
  if (playing) {
    playing.cancelFrame();
    playing.unsubscribe();
    playing = null;
  }
  setRevealUpTo(null);
}

export function startReveal(): void {
  stopReveal();
  const depth = store.getState().config.widths.length;
  const startedAt = performance.now();
  setRevealUpTo(Math.min(1, depth));
  const step = (now: number): void => {
    const shown = layersRevealed(now - startedAt, depth);
    if (shown >= depth) {
      stopReveal();
      return;
    }
    setRevealUpTo(shown);
    if (playing) playing.cancelFrame = nextFrame(step);
  };
  playing = {
    cancelFrame: nextFrame(step),
    unsubscribe: store.subscribe((state, previous) => {
      if (state.config !== previous.config) stopReveal();
    }),
  };
}

/** Space: start from layer 1, or stop a running animation and show everything. */
export function toggleReveal(): void {
  if (isRevealing()) stopReveal();
  else startReveal();
}

/**
 * Shows layers 1…upTo and holds there (null: every layer), stopping the animation: a host page
 * steps through the layers one click at a time, as a lecturer talks over each.
 */
export function revealTo(upTo: number | null): void {
  stopReveal();
  const depth = store.getState().config.widths.length;
  setRevealUpTo(upTo === null || upTo >= depth ? null : Math.max(1, upTo));
}
