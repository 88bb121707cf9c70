// The training panel's settings (in the link) and the runs it shows. Its own small store: the
// settings are shared by the live configuration and every pin, which train on the same data and
// minibatches and are drawn on the same axes.

import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { defaultEvalEvery, TRAIN_DEFAULTS } from '../core/training/trainConfig';
import type { HistoryEntry, TrainFinal, TrainSettings } from '../core/training/types';
import type { SimConfig } from '../core/types';

/** What a person sets. The data seed and the evaluation interval follow the seed and the steps unless set. */
export interface TrainingChoice extends Omit<TrainSettings, 'dataSeed' | 'evalEvery'> {
  /** The panel is open (and trains). */
  open: boolean;
  dataSeed: number | null;
  evalEvery: number | null;
  /** The hidden layer whose activations the heatmap shows (1-based; clamped to the depth). */
  heatmapLayer: number;
}

export const DEFAULT_TRAINING: TrainingChoice = {
  open: false,
  dataset: TRAIN_DEFAULTS.dataset,
  noise: TRAIN_DEFAULTS.noise,
  optimizer: TRAIN_DEFAULTS.optimizer,
  lr: TRAIN_DEFAULTS.lr,
  momentum: TRAIN_DEFAULTS.momentum,
  steps: TRAIN_DEFAULTS.steps,
  batchSize: TRAIN_DEFAULTS.batchSize,
  evalEvery: null,
  clipNorm: TRAIN_DEFAULTS.clipNorm,
  dataSeed: null,
  heatmapLayer: 1,
};

export function resolveTraining(choice: TrainingChoice, seed: number): TrainSettings {
  const { open: _open, heatmapLayer: _layer, ...rest } = choice;
  void _open;
  void _layer;
  return { ...rest, dataSeed: choice.dataSeed ?? seed, evalEvery: choice.evalEvery ?? defaultEvalEvery(choice.steps) };
}

export interface TrainRun {
  network: SimConfig;
  history: HistoryEntry[];
  /** Updates done so far. */
  step: number;
  final: TrainFinal | null;
  error: string | null;
  elapsedMs: number;
  kernel: string;
}

export interface TrainingState {
  choice: TrainingChoice;
  /** The live configuration's run first, then one per pin. */
  runs: TrainRun[];
  settings: TrainSettings | null;
  /** Why the runs could not start (e.g. past the budget), or null. */
  refusal: string | null;
}

export const trainingStore = createStore<TrainingState>()(() => ({
  choice: { ...DEFAULT_TRAINING },
  runs: [],
  settings: null,
  refusal: null,
}));

export function useTraining<T>(selector: (s: TrainingState) => T): T {
  return useStore(trainingStore, selector);
}

export function setTraining(patch: Partial<TrainingChoice>): void {
  trainingStore.setState((s) => ({ choice: { ...s.choice, ...patch } }));
}

/** Replaces the whole choice (a link, a preset); an equal one changes nothing. */
export function replaceTraining(choice: TrainingChoice): void {
  const current = trainingStore.getState().choice;
  if (JSON.stringify(current) === JSON.stringify(choice)) return;
  trainingStore.setState({ choice: { ...choice } });
}
