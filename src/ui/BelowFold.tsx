// The panels under the signal chart arrive in a chunk of their own: the page's first script is
// smaller to evaluate, and the first render and its layout cover only the settings and the signal
// chart, which is what a person sees first. A placeholder holds the panels' room meanwhile, so
// the scroll bar does not jump when they land.

import { lazy, Suspense } from 'react';

const BelowFoldPanels = lazy(() => import('./BelowFoldPanels'));

export function BelowFold() {
  return (
    <Suspense fallback={<div className="below-fold-pending" aria-busy="true" />}>
      <BelowFoldPanels />
    </Suspense>
  );
}
