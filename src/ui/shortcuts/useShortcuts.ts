// Installs the one keydown listener behind every shortcut in the registry. It listens on window,
// after React's own handlers, so a focused widget that used a key (and said so with
// preventDefault) keeps it.

import { useEffect } from 'react';
import { store } from '../../state/store';
import { matchShortcut, type KeyTarget, type ShortcutContext } from './registry';

function keyTarget(target: EventTarget | null): KeyTarget | null {
  if (!(target instanceof Element)) return null;
  return {
    tagName: target.tagName,
    isContentEditable: target instanceof HTMLElement && target.isContentEditable,
    role: target.getAttribute('role'),
  };
}

/**
 * A focused region that scrolls (the layer table, a long code line on a phone) keeps the keys that
 * scroll it: otherwise → would add a layer instead of showing the rest of the line, and a
 * keyboard could not read what is out of view.
 */
function scrollsWithKey(target: EventTarget | null, key: string): boolean {
  const sideways = key === 'ArrowLeft' || key === 'ArrowRight';
  if (!(target instanceof HTMLElement) || !(sideways || key === 'ArrowUp' || key === 'ArrowDown' || key === ' '))
    return false;
  const style = getComputedStyle(target);
  if (sideways) return /auto|scroll/.test(style.overflowX) && target.scrollWidth > target.clientWidth;
  return /auto|scroll/.test(style.overflowY) && target.scrollHeight > target.clientHeight;
}

function isModal(dialog: Element): boolean {
  try {
    return dialog.matches(':modal');
  } catch {
    return true; // A browser without :modal: treat an open <dialog> as having the keyboard.
  }
}

function currentContext(): ShortcutContext {
  return {
    presenting: store.getState().view.presenting,
    modalOpen: Array.from(document.querySelectorAll('dialog[open]')).some(isModal),
  };
}

export function useShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent): void => {
      if (scrollsWithKey(e.target, e.key)) return;
      const context = currentContext();
      const shortcut = matchShortcut(
        {
          key: e.key,
          ctrlKey: e.ctrlKey,
          metaKey: e.metaKey,
          altKey: e.altKey,
          repeat: e.repeat,
          defaultPrevented: e.defaultPrevented,
          target: keyTarget(e.target),
        },
        context,
      );
      if (!shortcut) return;
      // The key is taken: no page scroll on Space or the arrows.
      e.preventDefault();
      shortcut.perform(context);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
