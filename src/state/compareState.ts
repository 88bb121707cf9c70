// The compare slice of the store: configurations pinned to be drawn next to the live one, and what
// their runs measured. Kept apart from store.ts so the slice's shape has one home; the actions are
// in pins.ts, the runs in compareRunner.ts.

import type { BlockStats } from '../core/architecture/blockStats';
import type { LayerStatus, SimConfig } from '../core/types';

export type PinPhase = 'waiting' | 'running' | 'done' | 'error';

/** What one pinned configuration's run produced: only what the signal chart draws. */
export interface PinResult {
  phase: PinPhase;
  /** Per layer (index layer − 1): pooled second moment of the pre-activations, as measured. */
  measured: number[];
  /** Per layer: the engine's verdict on it, so overflow and underflow markers work for pins too. */
  statuses: LayerStatus[];
  /** Per layer: the mean-field q^l, null where the theory does not apply. */
  theory: (number | null)[];
  /** A residual network's stream per block (index block − 1), for the chart's per-block view. */
  blocks?: BlockStats[];
  /** Why the run failed or was not attempted (e.g. over the run budget). */
  error: string | null;
}

export interface CompareState {
  /** Pinned configurations in the order they were pinned; part of the link. */
  pins: SimConfig[];
  /**
   * Results by pin key (url.ts encodePin). Entries outlive their pin, so pinning a configuration
   * again draws at once; compareRunner keeps the cache small.
   */
  results: Record<string, PinResult>;
}

export function emptyCompare(): CompareState {
  return { pins: [], results: {} };
}
