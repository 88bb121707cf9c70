import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { startCompareRunner } from './state/compareRunner';
import { startRunner } from './state/runner';
import { startTrainingRunner } from './state/trainingRunner';
import { startUrlSync } from './state/urlSync';
import { App } from './ui/App';
import { registerServiceWorker } from './ui/offline/registerServiceWorker';
import { startPrintWatch } from './ui/print/printing';

// The runner starts first: it reads page-level options (e.g. test hooks) from the address as
// opened, before the URL sync rewrites it in canonical form. It launches its first run on the
// next frame, so the settings the URL sync loads now are the ones that run — no wasted default run.
startRunner();
// The link is read before the first render, so the page never flashes the default settings.
startUrlSync();
// Pinned configurations (from the link, or pinned later) run on a second worker of their own.
startCompareRunner();
startTrainingRunner();
// A handout shows every panel: printing mounts the panels that otherwise wait for the first run.
startPrintWatch();

const root = document.getElementById('root');
if (root) {
  // The first render as a transition: React builds the page in slices that yield to the browser
  // every few milliseconds, instead of one task of a hundred or more on a slow machine.
  startTransition(() => {
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  });
}

// Caches the site for offline use (lecture halls with bad Wi-Fi) once the first chart is drawn.
registerServiceWorker();
