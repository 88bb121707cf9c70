// Training settings from loosely typed input (CLI flags, URL keys, worker messages): every bad
// value becomes an Issue naming the field, the problem and what is used instead, as config.ts does
// for the network. Also the run's cost, refused up front past the same budget as a simulation.

import { BUDGET, ENGINE_FLOPS_PER_SECOND, formatBytes, formatFlops, formatSeconds, type Cost } from '../budget';
import { normalizeConfig, type ConfigInput, type Issue as NetworkIssue } from '../config';
import { parseNumber, quote } from '../params';
import { datasetShape } from './datasets';
import { DATASETS, OPTIMIZERS, type TrainConfig, type TrainSettings } from './types';

export const TRAIN_LIMITS = {
  steps: { min: 1, max: 100000, whole: true },
  batchSize: { min: 1, max: 4096, whole: true },
  evalEvery: { min: 1, max: 100000, whole: true },
  dataSeed: { min: 0, max: 4294967295, whole: true },
  lr: { min: 0, max: 100, whole: false },
  momentum: { min: 0, max: 0.999, whole: false },
  clipNorm: { min: 0, max: 1e6, whole: false },
  noise: { min: 0, max: 0.5, whole: false },
} as const;

type NumericField = keyof typeof TRAIN_LIMITS;

export const TRAIN_DEFAULTS = {
  dataset: 'spiral',
  optimizer: 'sgd',
  lr: 0.01,
  momentum: 0.9,
  steps: 1000,
  batchSize: 64,
  clipNorm: 0,
  noise: 0,
} as const;

/** Evaluations when none is asked for: about 50 points on the curve. */
export function defaultEvalEvery(steps: number): number {
  return Math.max(1, Math.round(steps / 50));
}

export type TrainInput = Partial<Record<keyof TrainSettings, unknown>>;

export interface TrainIssue {
  field: keyof TrainSettings | NetworkIssue['field'];
  problem: string;
  using: string;
}

function numeric(field: NumericField, raw: unknown, fallback: number, issues: TrainIssue[]): number {
  if (raw === undefined) return fallback;
  const { min, max, whole } = TRAIN_LIMITS[field];
  // A learning rate of 0 trains nothing: its range is open at 0.
  const positive = field === 'lr';
  const allowed = `allowed ${positive ? `${min} < x ≤ ${max}` : `${min}…${max}`}${whole ? ', a whole number' : ''}`;
  const v = parseNumber(raw);
  if (v === null) {
    issues.push({ field, problem: `${quote(raw)} is not a number (${allowed})`, using: String(fallback) });
    return fallback;
  }
  if ((whole && !Number.isInteger(v)) || v < min || v > max || (positive && v === min)) {
    const using = positive && v <= min ? fallback : Math.min(max, Math.max(min, whole ? Math.round(v) : v));
    issues.push({ field, problem: `${v} is not allowed (${allowed})`, using: String(using) });
    return using;
  }
  return v;
}

function choice<T extends string>(
  field: 'dataset' | 'optimizer',
  raw: unknown,
  all: readonly T[],
  fallback: T,
  issues: TrainIssue[],
): T {
  if (raw === undefined) return fallback;
  const s = typeof raw === 'string' ? raw.trim().toLowerCase() : '';
  const hit = all.find((x) => x === s);
  if (hit) return hit;
  issues.push({ field, problem: `${quote(raw)} is not one of ${all.join(', ')}`, using: fallback });
  return fallback;
}

export function normalizeTraining(
  input: TrainInput,
  networkSeed: number,
  nTrain = Infinity,
): { settings: TrainSettings; issues: TrainIssue[] } {
  const issues: TrainIssue[] = [];
  const dataset = choice('dataset', input.dataset, DATASETS, TRAIN_DEFAULTS.dataset, issues);
  const optimizer = choice('optimizer', input.optimizer, OPTIMIZERS, TRAIN_DEFAULTS.optimizer, issues);
  const steps = numeric('steps', input.steps, TRAIN_DEFAULTS.steps, issues);
  let batchSize = numeric('batchSize', input.batchSize, TRAIN_DEFAULTS.batchSize, issues);
  if (batchSize > nTrain) {
    issues.push({
      field: 'batchSize',
      problem: `${batchSize} is more than the ${nTrain} training examples of ${dataset}`,
      using: String(nTrain),
    });
    batchSize = nTrain;
  }
  const settings: TrainSettings = {
    dataset,
    noise: numeric('noise', input.noise, TRAIN_DEFAULTS.noise, issues),
    optimizer,
    lr: numeric('lr', input.lr, TRAIN_DEFAULTS.lr, issues),
    momentum: numeric('momentum', input.momentum, TRAIN_DEFAULTS.momentum, issues),
    steps,
    batchSize,
    evalEvery: numeric('evalEvery', input.evalEvery, defaultEvalEvery(steps), issues),
    clipNorm: numeric('clipNorm', input.clipNorm, TRAIN_DEFAULTS.clipNorm, issues),
    dataSeed: numeric('dataSeed', input.dataSeed, networkSeed, issues),
  };
  return { settings, issues };
}

/**
 * The network and the training settings together. The data set fixes the network's input
 * dimension (the teacher's is the network's --input-dim, by default its first width); an input
 * dimension that disagrees with the data set is an issue.
 */
export function normalizeTrainConfig(
  network: ConfigInput,
  training: TrainInput,
): { config: TrainConfig; issues: TrainIssue[] } {
  let net = normalizeConfig(network);
  const issues: TrainIssue[] = [...net.issues];
  const datasetId = choice('dataset', training.dataset, DATASETS, TRAIN_DEFAULTS.dataset, []);
  const shape = datasetShape(datasetId, net.config.inputDim);
  if (network.inputDim !== undefined && shape.inputDim !== net.config.inputDim) {
    issues.push({
      field: 'inputDim',
      problem: `the ${datasetId} data set has ${shape.inputDim} inputs, not ${net.config.inputDim}`,
      using: String(shape.inputDim),
    });
  }
  // A residual network's stem exists when the input dimension differs from the width: settle the
  // layers with the data set's input dimension (its issues were reported above).
  if (net.config.architecture && shape.inputDim !== net.config.inputDim) {
    net = normalizeConfig({ ...network, inputDim: shape.inputDim });
  }
  if (network.input !== undefined && datasetId !== 'teacher') {
    issues.push({
      field: 'input',
      problem: `applies only to the teacher data set (${datasetId} has its own inputs)`,
      using: 'the data set',
    });
  }
  const { settings, issues: trainIssues } = normalizeTraining(training, net.config.seed, shape.nTrain);
  issues.push(...trainIssues);
  if (net.config.architecture?.norm === 'batch' && settings.batchSize < 2) {
    issues.push({
      field: 'batchSize',
      problem:
        'is 1 with BatchNorm: the batch variance of every unit is 0, so there is nothing to normalize (allowed 2…4096 with BatchNorm)',
      using: '2',
    });
    settings.batchSize = 2;
  }
  return { config: { network: { ...net.config, inputDim: shape.inputDim }, training: settings }, issues };
}

/** Steps at which the whole training and test sets are evaluated: 0, every evalEvery, and the last. */
export function evaluationCount(t: Pick<TrainSettings, 'steps' | 'evalEvery'>): number {
  return Math.floor(t.steps / t.evalEvery) + 1 + (t.steps % t.evalEvery === 0 ? 0 : 1);
}

/**
 * Work: a step is a forward (2·B·MACs) and a backward pass (4·B·MACs: δ·Wᵀ and the weight
 * gradient); an evaluation is a forward pass over every training and test row. Memory: the
 * parameters four times (values, gradients, two optimizer states) and the minibatch's tape.
 */
export function estimateTrainCost(config: TrainConfig): Cost {
  const { network, training } = config;
  const shape = datasetShape(training.dataset, network.inputDim);
  const dims = [network.inputDim, ...network.widths, Math.max(1, shape.classes)];
  let macs = 0;
  let units = 0;
  for (let l = 1; l < dims.length; l++) {
    macs += dims[l - 1]! * dims[l]!;
    units += dims[l]!;
  }
  const evalRows = shape.nTrain + shape.nTest;
  const flops = 6 * training.batchSize * macs * training.steps + 2 * evalRows * macs * evaluationCount(training);
  const floats = 4 * (macs + units) + 2 * Math.max(training.batchSize, 256) * units + evalRows * network.inputDim;
  return { flops, memoryBytes: floats * 4, seconds: flops / ENGINE_FLOPS_PER_SECOND };
}

/** null when the run fits the budget; otherwise one line with the estimate and the steps that would fit. */
export function overBudget(config: TrainConfig, naming: 'flags' | 'words'): string | null {
  const cost = estimateTrainCost(config);
  const tooLong = cost.flops > BUDGET.flops;
  const tooBig = cost.memoryBytes > BUDGET.memoryBytes;
  if (!tooLong && !tooBig) return null;
  const needs = [
    tooLong ? `${formatFlops(cost.flops)} (about ${formatSeconds(cost.seconds)} here)` : '',
    tooBig ? `${formatBytes(cost.memoryBytes)} of memory` : '',
  ].filter(Boolean);
  const limits = [
    tooLong ? formatFlops(BUDGET.flops) : '',
    tooBig ? `${formatBytes(BUDGET.memoryBytes)} of memory` : '',
  ].filter(Boolean);
  let advice = 'a smaller network';
  if (!tooBig) {
    let fit = config.training.steps;
    while (
      fit > 1 &&
      estimateTrainCost({ ...config, training: { ...config.training, steps: fit } }).flops > BUDGET.flops
    )
      fit = Math.floor(fit / 2);
    advice = `${naming === 'flags' ? '--steps' : 'steps'} ${fit}`;
  }
  return `${config.training.steps} training steps of this network need ${needs.join(' and ')}; the limit is ${limits.join(' and ')} — try ${advice}`;
}
