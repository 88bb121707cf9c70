// The training loop. One seed fixes everything: the data and the minibatch order come from the
// data seed (shared by pinned configurations), the initial weights from the network's seed through
// the simulation's own streams, and every product runs on the float32 kernel, so the same settings
// give the same curve, bit for bit, on every machine.
//
// Step k means "after k updates". At each evaluation step the whole training and test sets are
// evaluated (trainLoss is the mean over every training example, not one minibatch's), and the
// per-layer statistics are taken from that step's minibatch and the update it makes. A loss or a
// parameter that stops being finite ends the run: "diverged at step k".

import { getActivation } from '../activations';
import { createKernel } from '../kernels';
import { inputLaw } from '../networkSpec';
import type { MatmulKernel } from '../kernels/types';
import { phiInputOf, usesBatchStatistics } from './archModel';
import { makeDataset } from './datasets';
import { lossOf } from './loss';
import {
  backward,
  createGradients,
  createModel,
  createPass,
  depthOf,
  ensureKernel,
  forward,
  type Gradients,
  type Model,
  type Pass,
} from './model';
import { deadFraction, frobeniusNorm, magnitudeHistogram, saturatedFraction, updateRatio } from './monitor';
import { createOptimizer } from './optimizers';
import { copyInto, reserveAll } from './resident';
import { permutation, TrainStream, trainRng } from './streams';
import type { Dataset, HistoryEntry, TrainConfig, TrainFinal } from './types';

/** Rows per forward pass when evaluating a whole set (memory stays O(EVAL_ROWS · width)). */
export const EVAL_ROWS = 256;

export interface TrainOptions {
  kernel?: MatmulKernel;
  /** The data set, if already made (it depends only on the training settings and input dimension). */
  dataset?: Dataset;
  /** The model to train (by default createModel's, from the network's seed): a caller can read its parameters afterwards. */
  model?: Model;
  /** Also record each hidden layer's log₁₀|a| histogram at every evaluation. */
  histograms?: boolean;
}

export type TrainEvent = { kind: 'history'; entry: HistoryEntry } | { kind: 'step'; step: number };

export interface TrainResult {
  history: HistoryEntry[];
  final: TrainFinal;
}

/** The minibatch order: epoch e is a permutation of the training set from stream (dataSeed, order, e); the last partial batch of an epoch is dropped. */
export class MinibatchOrder {
  private epoch = -1;
  private readonly perm: Int32Array;
  private readonly perEpoch: number;

  constructor(
    private readonly seed: number,
    private readonly nTrain: number,
    private readonly batchSize: number,
  ) {
    this.perm = new Int32Array(nTrain);
    this.perEpoch = Math.floor(nTrain / batchSize);
  }

  /** Indices of the examples of minibatch k (0-based), valid until the next call. */
  batch(k: number): Int32Array {
    const epoch = Math.floor(k / this.perEpoch);
    if (epoch !== this.epoch) {
      permutation(trainRng(this.seed, TrainStream.order, epoch), this.nTrain, this.perm);
      this.epoch = epoch;
    }
    const start = (k % this.perEpoch) * this.batchSize;
    return this.perm.subarray(start, start + this.batchSize);
  }
}

/** dst row i = src row rows[i]; a plain loop (a subarray per row would allocate every step). */
function gather(src: Float32Array, width: number, rows: Int32Array, dst: Float32Array): void {
  for (let i = 0; i < rows.length; i++) {
    const from = rows[i]! * width;
    const to = i * width;
    for (let c = 0; c < width; c++) dst[to + c] = src[from + c]!;
  }
}

/** Mean loss and accuracy over a whole set, pass.rows rows at a time. */
function evaluate(
  model: Model,
  kernel: MatmulKernel,
  pass: Pass,
  x: Float32Array,
  y: Float32Array,
  n: number,
  classes: number,
) {
  const d = model.dims[0]!;
  const outputs = pass.pre[pass.pre.length - 1]!;
  let loss = 0;
  let correct = 0;
  for (let r0 = 0; r0 < n; r0 += pass.rows) {
    const rows = Math.min(pass.rows, n - r0);
    forward(model, kernel, x.subarray(r0 * d), rows, pass);
    const part = lossOf(outputs, y.subarray(r0), rows, classes, null);
    loss += part.loss;
    correct += part.correct;
  }
  return { loss: loss / n, accuracy: correct / n };
}

/** The global gradient norm over every parameter (PyTorch's clip_grad_norm_), and the clipping it asks for. */
function clip(grads: Gradients, maxNorm: number): void {
  let ss = 0;
  for (const g of [...grads.weights, ...grads.biases]) for (let i = 0; i < g.length; i++) ss += g[i]! * g[i]!;
  const coef = maxNorm / (Math.sqrt(ss) + 1e-6);
  if (!(coef < 1)) return;
  for (const g of [...grads.weights, ...grads.biases]) for (let i = 0; i < g.length; i++) g[i] = g[i]! * coef;
}

/** Runs the training, yielding each evaluation and each finished step; returns the history and the final state. */
export function* trainSteps(config: TrainConfig, options: TrainOptions = {}): Generator<TrainEvent, TrainResult, void> {
  const { network, training: t } = config;
  const data = options.dataset ?? makeDataset(t.dataset, t.dataSeed, t.noise, network.inputDim, inputLaw(network));
  const kernel = options.kernel ?? createKernel();
  const given = options.model ?? createModel(network, Math.max(1, data.classes));
  const L = depthOf(given);
  const act = getActivation(network.activation)!;
  const B = t.batchSize;
  // BatchNorm evaluates each set in one pass: its statistics are the whole set's, whatever the chunking.
  const evalRows = usesBatchStatistics(given) ? Math.max(data.nTrain, data.nTest) : EVAL_ROWS;
  ensureKernel(kernel, given, Math.max(B, evalRows));
  // Everything a step multiplies lives in the kernel's region (a whole-set evaluation pass only
  // when it is small); the given model gets the trained parameters back when the run ends.
  const sizes = [...given.weights, ...given.biases].map((p) => p.length);
  const { model, pass, evalPass, grads, deltas, xb, optimizer } = reserveAll(kernel, (alloc) => ({
    model: {
      ...given,
      weights: given.weights.map((w) => copyInto(alloc, w)),
      biases: given.biases.map((b) => copyInto(alloc, b)),
    },
    pass: createPass(given, B, alloc),
    evalPass: evalRows === EVAL_ROWS ? createPass(given, evalRows, alloc) : createPass(given, evalRows),
    grads: createGradients(given, alloc),
    deltas: sizes.map(alloc),
    xb: alloc(B * data.inputDim),
    optimizer: createOptimizer(t.optimizer, t.lr, t.momentum, sizes, kernel.vector, alloc),
  }));
  const params = [...model.weights, ...model.biases];
  const gradList = [...grads.weights, ...grads.biases];
  const handBack = () => [...given.weights, ...given.biases].forEach((p, slot) => p.set(params[slot]!));
  const order = new MinibatchOrder(t.dataSeed, data.nTrain, B);
  const yb = new Float32Array(B);
  const history: HistoryEntry[] = [];
  const classes = data.classes;

  for (let step = 0; ; step++) {
    const isEval = step === t.steps || step % t.evalEvery === 0;
    let entry: HistoryEntry | null = null;
    if (isEval) {
      const train = evaluate(model, kernel, evalPass, data.xTrain, data.yTrain, data.nTrain, classes);
      const test = evaluate(model, kernel, evalPass, data.xTest, data.yTest, data.nTest, classes);
      if (!Number.isFinite(train.loss) || !Number.isFinite(test.loss)) return diverged(history, step);
      entry = {
        step,
        trainLoss: train.loss,
        testLoss: test.loss,
        gradientNorm: [],
        updateRatio: [],
        deadFraction: [],
        saturatedFraction: [],
      };
      if (classes > 0) {
        entry.trainAccuracy = train.accuracy;
        entry.testAccuracy = test.accuracy;
      }
    }
    // The minibatch of update step + 1; at the last evaluation its gradient and update are measured but not applied.
    gather(data.xTrain, data.inputDim, order.batch(step), xb);
    order.batch(step).forEach((r, i) => (yb[i] = data.yTrain[r]!));
    forward(model, kernel, xb, B, pass);
    const batchLoss = lossOf(pass.pre[L]!, yb, B, classes, pass.dOut).loss;
    if (!Number.isFinite(batchLoss)) return diverged(history, step);
    backward(model, kernel, xb, B, pass, grads);
    if (t.clipNorm > 0) clip(grads, t.clipNorm);
    optimizer.beginStep();
    gradList.forEach((g, slot) => optimizer.update(slot, g, deltas[slot]!));
    if (entry) {
      for (let l = 1; l <= L; l++) {
        // What φ was applied to (N(h) after a norm); a layer no φ follows has no dead or saturated units.
        const h = model.architecture ? phiInputOf(model, pass, l) : pass.pre[l - 1]!;
        const N = model.dims[l]!;
        entry.gradientNorm.push(frobeniusNorm(grads.weights[l - 1]!));
        entry.updateRatio.push(updateRatio(deltas[l - 1]!, model.weights[l - 1]!));
        entry.deadFraction.push(h ? deadFraction(model.fns.df, h, B, N) : 0);
        entry.saturatedFraction.push(h ? saturatedFraction(act, model.fns.df, h, B * N) : 0);
      }
      if (options.histograms) entry.histograms = pass.post.map((a) => magnitudeHistogram(a, a.length));
      history.push(entry);
      yield { kind: 'history', entry };
    }
    if (step === t.steps) break;
    let finite = true;
    params.forEach((p, slot) => (finite = kernel.vector.addFinite(p, deltas[slot]!, p.length) && finite));
    if (!finite) return diverged(history, step + 1);
    yield { kind: 'step', step: step + 1 };
  }
  const last = history[history.length - 1]!;
  handBack();
  return {
    history,
    final: {
      step: last.step,
      trainLoss: last.trainLoss,
      testLoss: last.testLoss,
      ...(classes > 0 ? { testAccuracy: last.testAccuracy ?? null } : {}),
      diverged: false,
    },
  };

  function diverged(h: HistoryEntry[], step: number): TrainResult {
    const nulls = classes > 0 ? { testAccuracy: null } : {};
    handBack();
    return { history: h, final: { step, trainLoss: null, testLoss: null, ...nulls, diverged: true, divergedAt: step } };
  }
}

/** Runs the whole training. */
export function train(config: TrainConfig, options: TrainOptions = {}): TrainResult {
  const it = trainSteps(config, options);
  for (;;) {
    const r = it.next();
    if (r.done) return r.value;
  }
}
