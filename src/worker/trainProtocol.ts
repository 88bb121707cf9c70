// Messages between the page and a training worker. Each training run (the live configuration, or
// one pin) has a worker of its own, so runs train in parallel on separate cores; a run that is no
// longer wanted is stopped by ending its worker.

import type { SimConfig } from '../core/types';
import type { HistoryEntry, TrainFinal, TrainSettings } from '../core/training/types';

export type ToTrainWorker = {
  type: 'train';
  id: number;
  /** Checked again in the worker (a message is a boundary): the data set sets the input dimension. */
  network: SimConfig;
  training: TrainSettings;
  /** Record the per-layer log₁₀|a| histograms (for the heatmap). */
  histograms: boolean;
};

export type FromTrainWorker =
  /** New evaluations since the last message, and the number of updates done. */
  | { type: 'progress'; id: number; step: number; entries: HistoryEntry[] }
  | { type: 'done'; id: number; final: TrainFinal; elapsedMs: number; kernel: string }
  | { type: 'error'; id: number; message: string };
