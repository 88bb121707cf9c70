// How far the run in flight has got, for the status line's progress bar.

import { useApp, type AppState, type RunPhase } from './store';

/** Fraction of the run in flight received so far (1 when done, 0 before any run). */
export function selectRunProgress(s: AppState): number {
  return s.run.progress;
}

export interface RunProgress {
  phase: RunPhase;
  fraction: number;
  /** Show a progress bar: the run is still going after ~200 ms. */
  showBar: boolean;
}

export function useRunProgress(): RunProgress {
  const phase = useApp((s) => s.run.phase);
  const fraction = useApp(selectRunProgress);
  const slow = useApp((s) => s.run.slow);
  return { phase, fraction, showBar: phase === 'running' && slow };
}
