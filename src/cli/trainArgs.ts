// `train` flags: the training flags are taken out here, and the rest — every network flag of
// `simulate`, --format and --help — goes through simulate's parser, so both commands read the
// network the same way and report mistakes the same way (one line, exit 2).

import type { TrainIssue, TrainInput } from '../core/training/trainConfig';
import { flagFor, parseArgs, UsageError, type CliRequest } from './args';

/** Training flags, mapped to the TrainSettings field they set. */
export const TRAIN_FLAGS: Record<string, keyof TrainInput> = {
  dataset: 'dataset',
  noise: 'noise',
  optimizer: 'optimizer',
  lr: 'lr',
  momentum: 'momentum',
  steps: 'steps',
  'batch-size': 'batchSize',
  'eval-every': 'evalEvery',
  'clip-norm': 'clipNorm',
  'data-seed': 'dataSeed',
};

/** simulate's flags that mean nothing for training. */
const REFUSED: Record<string, string> = {
  backward: 'training always runs the backward pass',
  correlations: 'correlations are a flag of simulate',
  threads: 'training runs on one thread',
};

export interface TrainRequest {
  network: CliRequest['input'];
  training: TrainInput;
  format: CliRequest['format'];
  help: boolean;
  /** Write the generated data set as CSV to this file. */
  dumpData: string | null;
  usedWidths: boolean;
}

export function parseTrainArgs(argv: readonly string[]): TrainRequest {
  const training: TrainInput = {};
  const rest: string[] = [];
  let dumpData: string | null = null;
  let batchAlias: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const tok = argv[i]!;
    const eq = tok.indexOf('=');
    const name = tok.startsWith('--') ? tok.slice(2, eq >= 0 ? eq : undefined) : '';
    const ours = name in TRAIN_FLAGS || name === 'dump-data' || name === 'batch';
    if (name in REFUSED) throw new UsageError(`--${name} does not apply to train (${REFUSED[name]})`);
    if (!ours) {
      rest.push(tok);
      continue;
    }
    let value: string;
    if (eq >= 0) value = tok.slice(eq + 1);
    else {
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith('--') && next.length > 2))
        throw new UsageError(`--${name} needs a value`);
      value = next;
      i++;
    }
    if (name === 'dump-data') {
      if (dumpData !== null) throw new UsageError('--dump-data is given twice');
      if (value.trim() === '') throw new UsageError('--dump-data needs a file name');
      dumpData = value;
    } else if (name === 'batch') {
      // simulate's --batch is the signal's batch; here it can only mean the minibatch.
      if (batchAlias !== undefined) throw new UsageError('--batch is given twice');
      batchAlias = value;
    } else {
      const field = TRAIN_FLAGS[name]!;
      if (field in training) throw new UsageError(`--${name} is given twice`);
      training[field] = value;
    }
  }
  if (batchAlias !== undefined) {
    if ('batchSize' in training)
      throw new UsageError('--batch and --batch-size cannot be used together (--batch-size is the minibatch)');
    training.batchSize = batchAlias;
  }
  const req = parseArgs(rest);
  return { network: req.input, training, format: req.format, help: req.help, dumpData, usedWidths: req.usedWidths };
}

/** The flag an issue is about, for the one-line message. */
export function trainFlagFor(issue: TrainIssue, usedWidths: boolean): string {
  const hit = Object.entries(TRAIN_FLAGS).find(([, f]) => f === issue.field);
  if (hit) return `--${hit[0]}`;
  return flagFor(issue.field as Parameters<typeof flagFor>[0], usedWidths);
}
