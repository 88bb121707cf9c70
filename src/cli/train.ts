// `npm run --silent train -- --init he_normal --activation relu --depth 30 --width 64 --dataset spiral
//   --optimizer momentum --lr 0.01 --steps 1000 --batch-size 64 --seed 1 --format json`
// Trains the network simulate draws (the same initial weights) and prints the curve. Usage
// errors exit 2 with one line, like simulate.

import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { datasetCsv, makeDataset } from '../core/training/datasets';
import { inputLaw } from '../core/networkSpec';
import { train } from '../core/training/train';
import { normalizeTrainConfig, overBudget } from '../core/training/trainConfig';
import type { HistoryEntry, TrainConfig, TrainFinal } from '../core/training/types';
import { trainCsv, trainJson } from '../core/training/trainRecord';
import { UsageError } from './args';
import { parseTrainArgs, trainFlagFor } from './trainArgs';
import { TRAIN_HELP } from './trainHelp';

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

function fmt(v: number | null | undefined, digits = 4): string {
  return v === null || v === undefined || !Number.isFinite(v) ? '—' : v.toPrecision(digits);
}

function render(config: TrainConfig, history: HistoryEntry[], final: TrainFinal, format: string): string {
  const classes = config.training.dataset !== 'teacher';
  if (format === 'json') return trainJson(config, history, final);
  if (format === 'csv') return trainCsv(config, history);
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
