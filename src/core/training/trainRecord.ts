// The `train` command's output (`config`, `history`, `final` as JSON; the curve as CSV), built by
// the same functions for the command line and for the page's downloads, so the two agree byte for
// byte on the same settings.

import { configRecord } from '../records';
import { ADAM } from './optimizers';
import type { HistoryEntry, TrainConfig, TrainFinal } from './types';

/** The settings as the JSON's `config`: the network as simulate reports it (without its batch), then the training. */
export function trainConfigRecord(c: TrainConfig) {
  const { batch: _batch, input: _input, ...network } = configRecord(c.network);
  void _batch;
  void _input;
  const t = c.training;
  return {
    ...network,
    dataset: t.dataset,
    ...(['spiral', 'circles', 'xor', 'gaussians'].includes(t.dataset) ? { noise: t.noise } : {}),
    ...(t.dataset === 'teacher' ? { input: c.network.input } : {}),
    dataSeed: t.dataSeed,
    optimizer: t.optimizer,
    lr: t.lr,
    ...(t.optimizer === 'momentum' ? { momentum: t.momentum } : {}),
    ...(t.optimizer === 'adam' ? { beta1: ADAM.beta1, beta2: ADAM.beta2, epsilon: ADAM.eps } : {}),
    steps: t.steps,
    batchSize: t.batchSize,
    evalEvery: t.evalEvery,
    clipNorm: t.clipNorm,
  };
}

/** JSON has no Infinity or NaN: such a number becomes null (divergence is reported, not hidden in NaN). */
export const num = (v: number | null | undefined): number | null =>
  v === null || v === undefined || !Number.isFinite(v) ? null : v;

export function historyRecord(h: HistoryEntry, classes: boolean) {
  return {
    step: h.step,
    trainLoss: num(h.trainLoss),
    testLoss: num(h.testLoss),
    ...(classes ? { trainAccuracy: num(h.trainAccuracy), testAccuracy: num(h.testAccuracy) } : {}),
    gradientNorm: h.gradientNorm.map(num),
    updateRatio: h.updateRatio.map(num),
    deadFraction: h.deadFraction,
    saturatedFraction: h.saturatedFraction,
  };
}

export function finalRecord(f: TrainFinal, classes: boolean) {
  return {
    step: f.step,
    trainLoss: num(f.trainLoss),
    testLoss: num(f.testLoss),
    ...(classes ? { testAccuracy: num(f.testAccuracy) } : {}),
    diverged: f.diverged,
    ...(f.diverged ? { divergedAt: f.divergedAt } : {}),
  };
}

const hasClasses = (config: TrainConfig) => config.training.dataset !== 'teacher';

/** The JSON object of `train --format json`. */
export function trainRecord(config: TrainConfig, history: readonly HistoryEntry[], final: TrainFinal) {
  const classes = hasClasses(config);
  return {
    config: trainConfigRecord(config),
    history: history.map((h) => historyRecord(h, classes)),
    final: finalRecord(final, classes),
  };
}

/** The text of `train --format json`. */
export function trainJson(config: TrainConfig, history: readonly HistoryEntry[], final: TrainFinal): string {
  return JSON.stringify(trainRecord(config, history, final), null, 2) + '\n';
}

/** The text of `train --format csv`: one row per evaluation. */
export function trainCsv(config: TrainConfig, history: readonly HistoryEntry[]): string {
  const classes = hasClasses(config);
  const head = ['step', 'trainLoss', 'testLoss', ...(classes ? ['trainAccuracy', 'testAccuracy'] : [])];
  const rows = history.map((h) =>
    [h.step, h.trainLoss, h.testLoss, ...(classes ? [h.trainAccuracy, h.testAccuracy] : [])]
      .map((v) => String(num(v) ?? ''))
      .join(','),
  );
  return [head.join(','), ...rows].join('\n') + '\n';
}
