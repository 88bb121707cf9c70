// Offline after the first visit: the built site registers sw.js (written by the build, see
// scripts/offlinePlugin.ts), which caches every file of the site. Registered once the first run
// has drawn, so caching the site never competes with the chart a cold link opens to. Not in
// development, where Vite serves files that change on every edit.

import { afterFirstRun } from '../afterFirstRun';

export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  void afterFirstRun().then(() =>
    // Relative: the worker's scope is the folder the site is served from (any sub-path).
    navigator.serviceWorker.register('./sw.js').catch(() => {
      // Refused (a private window, a host without https): the site works online as before.
    }),
  );
}
