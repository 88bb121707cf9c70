// `npm run --silent train -- --init he_normal --activation relu --depth 30 --width 64 --dataset spiral
//   --optimizer momentum --lr 0.01 --steps 1000 --batch-size 64 --seed 1 --format json`
// Trains the network simulate draws (the same initial weights) and prints the curve. Usage
// errors exit 2 with one line, like simulate.

import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { configRecord } from '../core/records';
import { datasetCsv, makeDataset } from '../core/training/datasets';
import { inputLaw } from '../core/networkSpec';
import { train } from '../core/training/train';
import { normalizeTrainConfig, overBudget } from '../core/training/trainConfig';
import type { HistoryEntry, TrainConfig, TrainFinal } from '../core/training/types';
import { ADAM } from '../core/training/optimizers';
import { UsageError } from './args';
import { parseTrainArgs, trainFlagFor } from './trainArgs';
import { TRAIN_HELP } from './trainHelp';

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

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
const num = (v: number | null | undefined): number | null =>
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

function finalRecord(f: TrainFinal, classes: boolean) {
  return {
    step: f.step,
    trainLoss: num(f.trainLoss),
    testLoss: num(f.testLoss),
    ...(classes ? { testAccuracy: num(f.testAccuracy) } : {}),
    diverged: f.diverged,
    ...(f.diverged ? { divergedAt: f.divergedAt } : {}),
  };
}

function fmt(v: number | null | undefined, digits = 4): string {
  return v === null || v === undefined || !Number.isFinite(v) ? '—' : v.toPrecision(digits);
}

function render(config: TrainConfig, history: HistoryEntry[], final: TrainFinal, format: string): string {
  const classes = config.training.dataset !== 'teacher';
  if (format === 'json') {
    const record = {
      config: trainConfigRecord(config),
      history: history.map((h) => historyRecord(h, classes)),
      final: finalRecord(final, classes),
    };
    return JSON.stringify(record, null, 2) + '\n';
  }
  if (format === 'csv') {
    const head = ['step', 'trainLoss', 'testLoss', ...(classes ? ['trainAccuracy', 'testAccuracy'] : [])];
    const rows = history.map((h) =>
      [h.step, h.trainLoss, h.testLoss, ...(classes ? [h.trainAccuracy, h.testAccuracy] : [])]
        .map((v) => String(num(v) ?? ''))
        .join(','),
    );
    return [head.join(','), ...rows].join('\n') + '\n';
  }
  const n = config.network;
  const t = config.training;
  const title = `${n.init} · ${n.activation} · depth ${n.widths.length} · ${t.dataset} · ${t.optimizer} lr ${t.lr} · batch ${t.batchSize} · seed ${n.seed}`;
  const lines = [
    title,
    `${'step'.padStart(7)}  ${'train loss'.padStart(10)}  ${'test loss'.padStart(10)}${classes ? `  ${'test acc'.padStart(8)}` : ''}`,
  ];
  for (const h of history)
    lines.push(
      `${String(h.step).padStart(7)}  ${fmt(h.trainLoss).padStart(10)}  ${fmt(h.testLoss).padStart(10)}${classes ? `  ${fmt(h.testAccuracy, 3).padStart(8)}` : ''}`,
    );
  lines.push(
    final.diverged
      ? `diverged at step ${final.divergedAt}`
      : `final: step ${final.step}, train loss ${fmt(final.trainLoss)}, test loss ${fmt(final.testLoss)}`,
  );
  return lines.join('\n') + '\n';
}

export function runTrain(argv: readonly string[]): Result {
  try {
    const req = parseTrainArgs(argv);
    if (req.help) return { code: 0, stdout: TRAIN_HELP, stderr: '' };
    const { config, issues } = normalizeTrainConfig(req.network, req.training);
    const first = issues[0];
    if (first) throw new UsageError(`${trainFlagFor(first, req.usedWidths)}: ${first.problem}`);
    const refusal = overBudget(config, 'flags');
    if (refusal) throw new UsageError(refusal);
    const t = config.training;
    const dataset = makeDataset(t.dataset, t.dataSeed, t.noise, config.network.inputDim, inputLaw(config.network));
    if (req.dumpData !== null) {
      try {
        writeFileSync(req.dumpData, datasetCsv(dataset));
      } catch (e) {
        throw new UsageError(
          `--dump-data: cannot write ${JSON.stringify(req.dumpData)} (${(e as NodeJS.ErrnoException).code ?? 'error'})`,
        );
      }
    }
    const { history, final } = train(config, { dataset });
    return { code: 0, stdout: render(config, history, final, req.format), stderr: '' };
  } catch (e) {
    if (e instanceof UsageError) return { code: 2, stdout: '', stderr: `initscope: ${e.message}\n` };
    return {
      code: 1,
      stdout: '',
      stderr: `initscope: internal error: ${e instanceof Error ? e.message : String(e)}\n`,
    };
  }
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  const { code, stdout, stderr } = runTrain(process.argv.slice(2));
  process.stdout.write(stdout);
  process.stderr.write(stderr);
  process.exitCode = code;
}
