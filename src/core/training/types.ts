// Vocabulary of the training engine: plain data, so it crosses a worker boundary by structured
// clone and serializes to JSON for the CLI.

import type { SimConfig } from '../types';

export const DATASETS = ['spiral', 'circles', 'xor', 'gaussians', 'mnist1d', 'teacher'] as const;
export type DatasetId = (typeof DATASETS)[number];

export const OPTIMIZERS = ['sgd', 'momentum', 'adam'] as const;
export type OptimizerId = (typeof OPTIMIZERS)[number];

/** Everything about a training run except the network: shared by a live run and its pins. */
export interface TrainSettings {
  dataset: DatasetId;
  /** Label noise of the 2-D sets, 0 … 0.5 as in the TensorFlow Playground (ignored by the others). */
  noise: number;
  optimizer: OptimizerId;
  lr: number;
  /** μ of SGD with momentum (PyTorch's form: buf = μ·buf + g, p −= lr·buf). */
  momentum: number;
  steps: number;
  batchSize: number;
  /** Evaluate the whole training and test sets every this many steps (and at 0 and the end). */
  evalEvery: number;
  /** Clip the global gradient norm to this (PyTorch's clip_grad_norm_); 0 turns clipping off. */
  clipNorm: number;
  /** Seed of the data and of the minibatch order: pins share it, so they see the same minibatches. */
  dataSeed: number;
}

/** A complete, validated request: the network (its inputDim set by the data set) and the training. */
export interface TrainConfig {
  network: SimConfig;
  training: TrainSettings;
}

export interface Dataset {
  id: DatasetId;
  inputDim: number;
  /** Number of classes, or 0 for regression (one real output). */
  classes: number;
  nTrain: number;
  nTest: number;
  /** nTrain × inputDim row-major, standardized. */
  xTrain: Float32Array;
  xTest: Float32Array;
  /** Class index (classification) or target value (regression), one per row. */
  yTrain: Float32Array;
  yTest: Float32Array;
}

/** log₁₀|a| histogram of one layer's activations on a minibatch (see monitor.ts for the bins). */
export interface MagnitudeHistogram {
  /** Fraction of entries exactly 0. */
  zero: number;
  /** Fractions per bin of log₁₀|a| (the outermost bins take what lies beyond them). */
  counts: number[];
}

/** One evaluation point of a run: the parameters after `step` updates. */
export interface HistoryEntry {
  step: number;
  /** Mean loss over the whole training set (not one minibatch). */
  trainLoss: number;
  testLoss: number;
  /** Classification only. */
  trainAccuracy?: number;
  testAccuracy?: number;
  /** Per hidden layer: Frobenius norm of ∂L/∂W on the step's minibatch. */
  gradientNorm: number[];
  /** Per hidden layer: log₁₀(std(ΔW)/std(W)) of the update this step's gradient makes; null where undefined. */
  updateRatio: (number | null)[];
  /** Per hidden layer: fraction of units whose φ′ is 0 on every row of the minibatch. */
  deadFraction: number[];
  /** Per hidden layer: fraction of entries with |φ′(h)| < 0.05 (bounded activations; 0 otherwise). */
  saturatedFraction: number[];
  /** Per hidden layer (present when asked for). */
  histograms?: MagnitudeHistogram[];
}

export interface TrainFinal {
  step: number;
  trainLoss: number | null;
  testLoss: number | null;
  testAccuracy?: number | null;
  diverged: boolean;
  /** The step at which a loss or a parameter stopped being finite (present when diverged). */
  divergedAt?: number;
}
