// The finished training run of the live network in the `train` command's shapes, for the page's
// downloads: the same request normalizeTrainConfig builds for the worker, and the same record
// functions as the command line, so a download equals `npm run train` on the same settings.

import { normalizeTrainConfig } from '../core/training/trainConfig';
import { trainNetworkInput } from '../core/training/networkInput';
import { trainCsv, trainRecord } from '../core/training/trainRecord';
import type { TrainConfig } from '../core/training/types';
import { trainingStore, type TrainRun } from './training';

interface FinishedTraining {
  config: TrainConfig;
  run: TrainRun & { final: NonNullable<TrainRun['final']> };
}

/** The live network's run when it has finished (pins are not exported: each is a link of its own). */
function finishedTraining(): FinishedTraining | null {
  const { runs, settings } = trainingStore.getState();
  const run = runs[0];
  if (!run || !settings || run.final === null || run.error !== null) return null;
  const { config } = normalizeTrainConfig(trainNetworkInput(run.network, settings.dataset), settings);
  return { config, run: { ...run, final: run.final } };
}

/** `{ config, history, final }` as `train --format json` prints it, or null without a finished run. */
export function trainingRecord(): ReturnType<typeof trainRecord> | null {
  const t = finishedTraining();
  return t ? trainRecord(t.config, t.run.history, t.run.final) : null;
}

/** The curve as `train --format csv` prints it, or null without a finished run. */
export function trainingCsv(): string | null {
  const t = finishedTraining();
  return t ? trainCsv(t.config, t.run.history) : null;
}
