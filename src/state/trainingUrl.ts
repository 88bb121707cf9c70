// The training panel's keys in a link: read through normalizeTraining (the CLI's checks), so a
// link can never start a run the CLI would refuse; written only where they differ from the defaults.

import { parseBoolean, parseNumber, quote } from '../core/params';
import { datasetShape } from '../core/training/datasets';
import { normalizeTraining, type TrainInput } from '../core/training/trainConfig';
import { DEFAULT_TRAINING, type TrainingChoice } from './training';

export type TrainingKey = keyof TrainingChoice;

/** URL key → field, in link order. */
export const TRAINING_KEYS: readonly (readonly [string, TrainingKey, string])[] = [
  ['train', 'open', 'show the training panel and train (1 or 0)'],
  ['data', 'dataset', 'training data set'],
  ['noise', 'noise', 'noise of the 2-D data sets'],
  ['opt', 'optimizer', 'optimizer'],
  ['lr', 'lr', 'learning rate'],
  ['mom', 'momentum', 'momentum μ'],
  ['steps', 'steps', 'training steps'],
  ['bs', 'batchSize', 'minibatch size'],
  ['every', 'evalEvery', 'evaluate every this many steps (default: steps/50)'],
  ['clip', 'clipNorm', 'gradient-norm clipping (0: off)'],
  ['dseed', 'dataSeed', 'seed of the data and minibatch order (default: the seed)'],
  ['hl', 'heatmapLayer', 'layer of the activation heatmap'],
];

const KEY_OF = new Map(TRAINING_KEYS.map(([key, field]) => [field as string, key]));

export function decodeTraining(
  values: ReadonlyMap<string, string>,
  seed: number,
  notice: (key: string, text: string) => void,
): TrainingChoice {
  const choice: TrainingChoice = { ...DEFAULT_TRAINING };
  const input: TrainInput = {};
  for (const [key, field] of TRAINING_KEYS) {
    const raw = values.get(key);
    if (raw === undefined) continue;
    if (field === 'open') {
      const b = parseBoolean(raw);
      if (b === null) notice(key, `${key}=${quote(raw)} is not 1 or 0; using 0`);
      else choice.open = b;
    } else if (field === 'heatmapLayer') {
      const v = parseNumber(raw);
      if (v === null || !Number.isInteger(v) || v < 1 || v > 2000)
        notice(key, `${key}=${quote(raw)} is not a layer 1…2000; using 1`);
      else choice.heatmapLayer = v;
    } else {
      (input as Record<string, unknown>)[field] = raw;
    }
  }
  const dataset = typeof input.dataset === 'string' ? input.dataset.trim().toLowerCase() : DEFAULT_TRAINING.dataset;
  const shape = datasetShape(dataset === 'mnist1d' || dataset === 'teacher' ? dataset : 'spiral', 1);
  const { settings, issues } = normalizeTraining(input, seed, shape.nTrain);
  for (const issue of issues) {
    const key = KEY_OF.get(issue.field) ?? String(issue.field);
    notice(key, `${key}: ${issue.problem}; using ${issue.using}`);
  }
  Object.assign(choice, settings);
  choice.dataSeed = input.dataSeed === undefined ? null : settings.dataSeed;
  choice.evalEvery = input.evalEvery === undefined ? null : settings.evalEvery;
  return choice;
}

/** The training keys that differ from the defaults, as [key, text] pairs. */
export function encodeTraining(
  choice: TrainingChoice,
  format: (v: number | string | boolean) => string,
): [string, string][] {
  const out: [string, string][] = [];
  for (const [key, field] of TRAINING_KEYS) {
    const value = choice[field];
    if (value === null || value === DEFAULT_TRAINING[field]) continue;
    out.push([key, format(value)]);
  }
  return out;
}
