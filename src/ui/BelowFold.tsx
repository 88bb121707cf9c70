// The panels under the signal chart arrive in a chunk of their own: the page's first script is
// smaller to evaluate, and the first render and its layout cover only the settings and the signal
// chart, which is what a person sees first. A placeholder holds the panels' room meanwhile, so
// the scroll bar does not jump when they land. They load once the first run has drawn, which
// they would otherwise slow down — or as soon as the page is printed, which must show them all.

import { lazy, Suspense } from 'react';
import { afterFirstRun } from './afterFirstRun';
import { printRequested } from './print/printing';

const BelowFoldPanels = lazy(() =>
  Promise.race([afterFirstRun(), printRequested()]).then(() => import('./BelowFoldPanels')),
);

export function BelowFold() {
  return (
    <Suspense fallback={<div className="below-fold-pending" aria-busy="true" />}>
      <BelowFoldPanels />
    </Suspense>
  );
}
