// The one message protocol between the UI and the simulation worker. Requests and replies are
// separate discriminated unions; every reply carries the id of the run it belongs to, so the
// client can drop anything from a run that has since been replaced.

import type { LayerStats, LayerTheory, SimConfig } from '../core/types';

export type ToWorker =
  | {
      type: 'run';
      id: number;
      config: SimConfig;
      /** How many post-activation values per layer to send back for the distribution charts. */
      sampleSize: number;
    }
  | { type: 'cancel'; id: number };

export type FromWorker =
  | { type: 'started'; id: number; theory: LayerTheory[]; kernel: string }
  | {
      type: 'layer';
      id: number;
      stats: LayerStats;
      /** The first `sampleSize` post-activation values (transferred, not copied). */
      sample: Float32Array;
      /** Milliseconds since the worker received the request. */
      elapsedMs: number;
    }
  | { type: 'done'; id: number; elapsedMs: number }
  | { type: 'error'; id: number; message: string };

export const DEFAULT_SAMPLE_SIZE = 4096;
