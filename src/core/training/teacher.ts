// Teacher–student regression: a fixed random "teacher" network labels Gaussian inputs and the
// configured network learns to imitate it with a mean-squared-error read-out.
//
// The training inputs are exactly the simulation's inputs for the same seed (stream (seed, input,
// 0), N(0, 1) or the unit-variance uniform of --input, one row per example), so at step 0 the student's forward pass on its training set
// is the signal chart's forward pass with batch = 1,000. The teacher is a tanh MLP d → 32 → 32 → 1
// with N(0, 1/fan_in) weights and no bias (σ_w² = 1: a smooth, non-trivial function of all
// inputs), computed in float64. Its outputs are standardized with the training set's mean and
// standard deviation, so predicting the mean scores an MSE of 1.

import { fillWeights } from '../distributions';
import { Stream } from '../rng';
import { TrainStream } from './streams';
import type { WeightLaw } from '../types';
import type { Dataset } from './types';

export const TEACHER = { nTrain: 1000, nTest: 500, hidden: [32, 32] } as const;

/** The teacher's output for each row of x (n × d), in float64. */
function teacherOutputs(seed: number, x: Float32Array, n: number, d: number): Float64Array {
  const widths = [...TEACHER.hidden, 1];
  let input = Float64Array.from(x.subarray(0, n * d));
  let K = d;
  for (const [l, N] of widths.entries()) {
    const w = new Float32Array(K * N);
    fillWeights({ kind: 'normal', mean: 0, std: 1 / Math.sqrt(K) }, seed, TrainStream.teacher, l + 1, K, N, w);
    const out = new Float64Array(n * N);
    for (let b = 0; b < n; b++) {
      for (let j = 0; j < N; j++) {
        let s = 0;
        for (let k = 0; k < K; k++) s += input[b * K + k]! * w[k * N + j]!;
        out[b * N + j] = l < widths.length - 1 ? Math.tanh(s) : s;
      }
    }
    input = out;
    K = N;
  }
  return input;
}

export function makeTeacher(
  seed: number,
  inputDim: number,
  law: WeightLaw = { kind: 'normal', mean: 0, std: 1 },
): Dataset {
  const { nTrain, nTest } = TEACHER;
  const xTrain = new Float32Array(nTrain * inputDim);
  const xTest = new Float32Array(nTest * inputDim);
  fillWeights(law, seed, Stream.input, 0, nTrain, inputDim, xTrain);
  fillWeights(law, seed, TrainStream.teacherTest, 0, nTest, inputDim, xTest);
  const train = teacherOutputs(seed, xTrain, nTrain, inputDim);
  const test = teacherOutputs(seed, xTest, nTest, inputDim);
  let mean = 0;
  for (const v of train) mean += v;
  mean /= nTrain;
  let ss = 0;
  for (const v of train) ss += (v - mean) ** 2;
  const sd = Math.sqrt(ss / nTrain) || 1;
  const scale = (v: Float64Array) => Float32Array.from(v, (t) => (t - mean) / sd);
  return {
    id: 'teacher',
    inputDim,
    classes: 0,
    nTrain,
    nTest,
    xTrain,
    xTest,
    yTrain: scale(train),
    yTest: scale(test),
  };
}
