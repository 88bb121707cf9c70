// The phase diagram of an activation, from the phase worker: progress while it computes, then the
// grid (at once when it is cached, so switching back to an activation never recomputes).
//
// Lives with the panels, not in src/state: like every hook here it shapes the store's or a worker's
// data into what one view draws (chart types such as SeriesPoint), and src/state knows no view.

import { useEffect, useState } from 'react';
import type { PhaseGridState } from '../../charts/PhaseDiagram';
import type { ParamValues } from '../../core/types';
import { activationKey, phaseClient, SupersededError } from '../../worker/phaseClient';

export function usePhaseGrid(activation: string, params: ParamValues): PhaseGridState {
  const key = activationKey(activation, params);
  // Tagged with the key it belongs to, so a switch of activation never shows the old one's state.
  const [state, setState] = useState<{ key: string; value: PhaseGridState } | null>(null);
  const cached = phaseClient.cachedGrid(activation, params);

  useEffect(() => {
    if (phaseClient.cachedGrid(activation, params)) return;
    let live = true;
    const set = (value: PhaseGridState) => {
      if (live) setState({ key, value });
    };
    phaseClient
      .grid(activation, params, (p) => set({ status: 'computing', progress: p.done / p.total }))
      .then((grid) => set({ status: 'ready', grid }))
      .catch((e: unknown) => {
        if (!(e instanceof SupersededError))
          set({ status: 'error', message: e instanceof Error ? e.message : String(e) });
      });
    return () => {
      live = false;
    };
  }, [key, activation, params]);

  if (cached) return { status: 'ready', grid: cached };
  if (state?.key === key) return state.value;
  return { status: 'computing', progress: 0 };
}
