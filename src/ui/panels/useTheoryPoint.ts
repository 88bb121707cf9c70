// The theory at the current (σ_w², σ_b²), solved by the phase worker: depth scales cost up to a
// few hundred milliseconds in the chaotic phase, too long for the UI thread.
//
// Lives with the panels, not in src/state: like every hook here it shapes the store's or a worker's
// data into what one view draws (chart types such as SeriesPoint), and src/state knows no view.

import { useEffect, useState } from 'react';
import type { TheoryPoint } from '../../core/theoryPoint';
import type { ParamValues } from '../../core/types';
import { activationKey, phaseClient } from '../../worker/phaseClient';

export type TheoryPointState =
  /** `stale`: the last point solved, shown dimmed meanwhile so a dragged setting does not flicker. */
  | { status: 'computing'; stale: TheoryPoint | null }
  | { status: 'ready'; point: TheoryPoint }
  | { status: 'error'; message: string };

export function useTheoryPoint(
  activation: string,
  params: ParamValues,
  sigmaW2: number | null,
  sigmaB2: number,
): TheoryPointState | null {
  const key = `${activationKey(activation, params)}|${sigmaW2}|${sigmaB2}`;
  const [state, setState] = useState<{ key: string; value: TheoryPointState; last: TheoryPoint | null } | null>(null);

  useEffect(() => {
    if (sigmaW2 === null) return;
    let live = true;
    phaseClient
      .point(activation, params, sigmaW2, sigmaB2)
      .then((point) => {
        if (live) setState({ key, value: { status: 'ready', point }, last: point });
      })
      .catch((e: unknown) => {
        if (live)
          setState((s) => ({
            key,
            value: { status: 'error', message: e instanceof Error ? e.message : String(e) },
            last: s?.last ?? null,
          }));
      });
    return () => {
      live = false;
    };
  }, [key, activation, params, sigmaW2, sigmaB2]);

  if (sigmaW2 === null) return null;
  if (state?.key === key) return state.value;
  return { status: 'computing', stale: state?.last ?? null };
}
