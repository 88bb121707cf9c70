// The data sets, generated from a seed (no download). The 2-D sets follow the TensorFlow
// Playground's recipes (Smilkov & Carter, 2016): 1,000 points, half of each class, the Playground's
// noise (0 … 0.5), shuffled and split half for training, half for testing. MNIST-1D (Greydanus,
// 2020) is in mnist1d.ts, the teacher–student regression in teacher.ts.
//
// Inputs are standardized with the training set's per-feature mean and standard deviation (the
// test set with the same numbers, as a framework's scaler would), except MNIST-1D, whose recipe
// already centres and scales the whole set, and the teacher's inputs, which are N(0, 1) by law.

import { normal } from '../normal';
import type { Sfc32 } from '../rng';
import type { WeightLaw } from '../types';
import { makeMnist1d } from './mnist1d';
import { permutation, TrainStream, trainRng, uniform } from './streams';
import { makeTeacher } from './teacher';
import { DATASETS, type Dataset, type DatasetId } from './types';

const POINTS = 1000;

type Point = [x: number, y: number, label: number];

function spiral(rng: Sfc32, noise: number): Point[] {
  const n = POINTS / 2;
  const out: Point[] = [];
  for (const [label, deltaT] of [
    [1, 0],
    [0, Math.PI],
  ] as const) {
    for (let i = 0; i < n; i++) {
      const r = (i / n) * 5;
      const t = ((1.75 * i) / n) * 2 * Math.PI + deltaT;
      out.push([r * Math.sin(t) + uniform(rng, -1, 1) * noise, r * Math.cos(t) + uniform(rng, -1, 1) * noise, label]);
    }
  }
  return out;
}

function circles(rng: Sfc32, noise: number): Point[] {
  const radius = 5;
  const out: Point[] = [];
  const ring = (lo: number, hi: number) => {
    for (let i = 0; i < POINTS / 2; i++) {
      const r = uniform(rng, lo, hi);
      const angle = uniform(rng, 0, 2 * Math.PI);
      const x = r * Math.sin(angle) + uniform(rng, -radius, radius) * noise;
      const y = r * Math.cos(angle) + uniform(rng, -radius, radius) * noise;
      // As in the Playground, the label is the noisy point's side of the circle of radius 2.5.
      out.push([x, y, Math.hypot(x, y) < radius * 0.5 ? 1 : 0]);
    }
  };
  ring(0, radius * 0.5);
  ring(radius * 0.7, radius);
  return out;
}

function xor(rng: Sfc32, noise: number): Point[] {
  const padding = 0.3;
  const out: Point[] = [];
  for (let i = 0; i < POINTS; i++) {
    let x = uniform(rng, -5, 5);
    x += x > 0 ? padding : -padding;
    let y = uniform(rng, -5, 5);
    y += y > 0 ? padding : -padding;
    x += uniform(rng, -5, 5) * noise;
    y += uniform(rng, -5, 5) * noise;
    out.push([x, y, x * y >= 0 ? 1 : 0]);
  }
  return out;
}

function gaussians(rng: Sfc32, noise: number): Point[] {
  // The Playground maps noise 0 … 0.5 linearly to the variance 0.5 … 4.
  const sd = Math.sqrt(0.5 + (noise / 0.5) * 3.5);
  const out: Point[] = [];
  for (const [label, c] of [
    [1, 2],
    [0, -2],
  ] as const) {
    for (let i = 0; i < POINTS / 2; i++) out.push([c + sd * normal(rng), c + sd * normal(rng), label]);
  }
  return out;
}

const PLANE = { spiral, circles, xor, gaussians } as const;

/** Standardizes the columns of both matrices with the training rows' mean and (population) std. */
export function standardize(xTrain: Float32Array, xTest: Float32Array, dim: number): void {
  const nTrain = xTrain.length / dim;
  for (let j = 0; j < dim; j++) {
    let sum = 0;
    for (let i = 0; i < nTrain; i++) sum += xTrain[i * dim + j]!;
    const mean = sum / nTrain;
    let ss = 0;
    for (let i = 0; i < nTrain; i++) ss += (xTrain[i * dim + j]! - mean) ** 2;
    const sd = Math.sqrt(ss / nTrain) || 1;
    for (const x of [xTrain, xTest]) {
      for (let i = j; i < x.length; i += dim) x[i] = (x[i]! - mean) / sd;
    }
  }
}

function planeDataset(id: keyof typeof PLANE, seed: number, noise: number): Dataset {
  const rng = trainRng(seed, TrainStream.data, DATASETS.indexOf(id));
  const points = PLANE[id](rng, noise);
  const order = permutation(rng, points.length);
  const nTrain = points.length / 2;
  const nTest = points.length - nTrain;
  const xTrain = new Float32Array(nTrain * 2);
  const xTest = new Float32Array(nTest * 2);
  const yTrain = new Float32Array(nTrain);
  const yTest = new Float32Array(nTest);
  order.forEach((p, i) => {
    const [x, y, label] = points[p]!;
    const [xs, ys, row] = i < nTrain ? [xTrain, yTrain, i] : [xTest, yTest, i - nTrain];
    xs[row * 2] = x;
    xs[row * 2 + 1] = y;
    ys[row] = label;
  });
  standardize(xTrain, xTest, 2);
  return { id, inputDim: 2, classes: 2, nTrain, nTest, xTrain, xTest, yTrain, yTest };
}

/** Rows and inputs of a data set without generating it (for validation and the run budget). */
export function datasetShape(
  id: DatasetId,
  teacherInputDim: number,
): { inputDim: number; nTrain: number; nTest: number; classes: number } {
  if (id === 'mnist1d') return { inputDim: 40, nTrain: 4000, nTest: 1000, classes: 10 };
  if (id === 'teacher') return { inputDim: teacherInputDim, nTrain: 1000, nTest: 500, classes: 0 };
  return { inputDim: 2, nTrain: POINTS / 2, nTest: POINTS / 2, classes: 2 };
}

/**
 * The data set `id` from `seed`. `noise` applies to the 2-D sets; `inputDim` and `teacherInputs`
 * (N(0, 1) by default) are the teacher's input dimension and law (the other sets have their own).
 */
export function makeDataset(
  id: DatasetId,
  seed: number,
  noise: number,
  inputDim: number,
  teacherInputs?: WeightLaw,
): Dataset {
  if (id === 'mnist1d') return makeMnist1d(seed);
  if (id === 'teacher') return makeTeacher(seed, inputDim, teacherInputs);
  return planeDataset(id, seed, noise);
}

/** The data set as CSV: split, label (or target), then the inputs x1 … xd. */
export function datasetCsv(d: Dataset): string {
  const head = [
    'split',
    d.classes > 0 ? 'label' : 'target',
    ...Array.from({ length: d.inputDim }, (_, j) => `x${j + 1}`),
  ];
  const lines = [head.join(',')];
  const rows = (split: string, x: Float32Array, y: Float32Array, n: number) => {
    for (let i = 0; i < n; i++) {
      const xs = Array.from(x.subarray(i * d.inputDim, (i + 1) * d.inputDim), String);
      lines.push([split, String(y[i]), ...xs].join(','));
    }
  };
  rows('train', d.xTrain, d.yTrain, d.nTrain);
  rows('test', d.xTest, d.yTest, d.nTest);
  return lines.join('\n') + '\n';
}
