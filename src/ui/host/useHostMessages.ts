// Opens the postMessage API (hostApi.ts) when this page is framed by another and its link names
// the host's origin (origin=); without both, not a byte of it is loaded and no listener exists.

import { useEffect } from 'react';
import { useApp } from '../../state/store';

export function useHostMessages(): void {
  const origin = useApp((s) => s.view.origin);
  useEffect(() => {
    if (origin === '' || window.parent === window) return;
    let stop: (() => void) | null = null;
    let cancelled = false;
    void import('./hostApi').then(({ listenToHost }) => {
      if (!cancelled) stop = listenToHost(origin);
    });
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [origin]);
}
