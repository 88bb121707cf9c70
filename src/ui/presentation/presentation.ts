// Entering and leaving presentation mode. The mode itself is view state (present=1 in the link,
// so a lecturer can share a link that opens straight into it); full screen is a bonus on top:
// browsers grant it only in answer to a key press or click, so a presentation opened from a link
// starts as a full-window layout, and the bar offers a "Full screen" button.

import { useEffect, useSyncExternalStore } from 'react';
import { setView } from '../../state/actions';
import { store } from '../../state/store';

/** Whether the page itself asked for the current full screen (so leaving it also leaves presenting). */
let ownFullscreen = false;
/** Leaving put focus nowhere (the presentation unmounted); the Present button takes it back. */
let focusPresentButton = false;

/** Full screen for the whole document, so dialogs and the tour stay visible inside it. */
export function requestFullscreen(): void {
  const root = document.documentElement;
  if (!document.fullscreenEnabled || document.fullscreenElement || typeof root.requestFullscreen !== 'function') return;
  ownFullscreen = true;
  root.requestFullscreen().catch(() => {
    // Refused (no user gesture, an iframe without permission): the full-window layout stands alone.
    ownFullscreen = false;
  });
}

export function enterPresentation(): void {
  setView({ presenting: true });
  requestFullscreen();
}

export function leavePresentation(): void {
  if (!store.getState().view.presenting) return;
  focusPresentButton = true;
  setView({ presenting: false });
}

export function togglePresentation(): void {
  if (store.getState().view.presenting) leavePresentation();
  else enterPresentation();
}

/** Called by the Present button when it mounts: true once after leaving presentation mode. */
export function takePresentButtonFocus(): boolean {
  const take = focusPresentButton;
  focusPresentButton = false;
  return take;
}

function subscribeFullscreen(onChange: () => void): () => void {
  document.addEventListener('fullscreenchange', onChange);
  return () => document.removeEventListener('fullscreenchange', onChange);
}

export function useIsFullscreen(): boolean {
  return useSyncExternalStore(subscribeFullscreen, () => document.fullscreenElement !== null);
}

/**
 * Keeps full screen and presentation mode together: the browser's own way out of full screen (Esc,
 * F11) also leaves presenting, and leaving presenting any other way (p, Back) leaves full screen.
 */
export function usePresentationFullscreen(presenting: boolean): void {
  useEffect(() => {
    const onChange = (): void => {
      if (document.fullscreenElement || !ownFullscreen) return;
      ownFullscreen = false;
      leavePresentation();
    };
    return subscribeFullscreen(onChange);
  }, []);

  useEffect(() => {
    if (presenting || !ownFullscreen || !document.fullscreenElement) return;
    ownFullscreen = false;
    document.exitFullscreen().catch(() => {
      // Already left (the browser was faster): nothing to undo.
    });
  }, [presenting]);
}
