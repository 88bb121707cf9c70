import { describe, expect, it } from 'vitest';
import { createJsKernel } from '../kernels';
import { createModel } from './model';
import { createOptimizer } from './optimizers';
import { MinibatchOrder, train, trainSteps } from './train';
import { normalizeTrainConfig, type TrainInput } from './trainConfig';
import type { ConfigInput } from '../config';
import { makeDataset } from './datasets';

function configOf(network: ConfigInput, training: TrainInput) {
  const { config, issues } = normalizeTrainConfig(network, training);
  expect(issues).toEqual([]);
  return config;
}

const fr = Math.fround;

/**
 * One SGD step written out plainly: triple loops with the kernels' float32 contract (each product
 * rounded, then each sum, k ascending, the bias last), φ = ReLU, softmax cross-entropy.
 */
function referenceStep(
  W: Float32Array[],
  bias: Float32Array[],
  dims: number[],
  x: Float32Array,
  y: Float32Array,
  B: number,
  lr: number,
) {
  const L = dims.length - 2;
  const acts: Float32Array[] = [x];
  const pres: Float32Array[] = [];
  for (let l = 1; l <= L + 1; l++) {
    const [K, N] = [dims[l - 1]!, dims[l]!];
    const h = new Float32Array(B * N);
    for (let b = 0; b < B; b++)
      for (let j = 0; j < N; j++) {
        let acc = 0;
        for (let k = 0; k < K; k++) acc = fr(acc + fr(acts[l - 1]![b * K + k]! * W[l - 1]![k * N + j]!));
        h[b * N + j] = fr(acc + bias[l - 1]![j]!);
      }
    pres.push(h);
    acts.push(l <= L ? h.map((v) => (v > 0 ? v : 0)) : h);
  }
  const C = dims[L + 1]!;
  const z = pres[L]!;
  let delta = new Float32Array(B * C);
  for (let b = 0; b < B; b++) {
    const row = Array.from(z.subarray(b * C, (b + 1) * C));
    const m = Math.max(...row);
    const lse = m + Math.log(row.reduce((s, v) => s + Math.exp(v - m), 0));
    row.forEach((v, c) => (delta[b * C + c] = (Math.exp(v - lse) - (c === y[b] ? 1 : 0)) / B));
  }
  const gW: Float32Array[] = [];
  const gb: Float32Array[] = [];
  for (let l = L + 1; l >= 1; l--) {
    const [K, N] = [dims[l - 1]!, dims[l]!];
    const g = new Float32Array(K * N);
    for (let k = 0; k < K; k++)
      for (let j = 0; j < N; j++) {
        let acc = 0;
        for (let b = 0; b < B; b++) acc = fr(acc + fr(acts[l - 1]![b * K + k]! * delta[b * N + j]!));
        g[k * N + j] = acc;
      }
    const gbias = new Float32Array(N);
    for (let j = 0; j < N; j++) {
      let s = 0;
      for (let b = 0; b < B; b++) s += delta[b * N + j]!;
      gbias[j] = s;
    }
    gW[l - 1] = g;
    gb[l - 1] = gbias;
    if (l === 1) break;
    const below = new Float32Array(B * K);
    for (let b = 0; b < B; b++)
      for (let k = 0; k < K; k++) {
        let acc = 0;
        for (let j = 0; j < N; j++) acc = fr(acc + fr(delta[b * N + j]! * W[l - 1]![k * N + j]!));
        below[b * K + k] = pres[l - 2]![b * K + k]! > 0 ? acc : 0;
      }
    delta = below;
  }
  const step = (p: Float32Array, g: Float32Array) => p.map((v, i) => fr(v + fr(-lr * g[i]!)));
  return { W: W.map((w, l) => step(w, gW[l]!)), bias: bias.map((b, l) => step(b, gb[l]!)) };
}

describe('training step', () => {
  it('one SGD step equals a plain-TypeScript reference step, bit for bit', () => {
    const config = configOf(
      { init: 'he_normal', activation: 'relu', depth: 3, width: 10, seed: 5, biasStd: 0.1 },
      { dataset: 'spiral', optimizer: 'sgd', lr: 0.05, steps: 1, batchSize: 8, evalEvery: 1 },
    );
    const data = makeDataset('spiral', config.training.dataSeed, 0, 2);
    const before = createModel(config.network, 2);
    const model = createModel(config.network, 2);
    train(config, { model, dataset: data, kernel: createJsKernel() });
    const rows = new MinibatchOrder(config.training.dataSeed, data.nTrain, 8).batch(0);
    const x = new Float32Array(8 * 2);
    const y = new Float32Array(8);
    rows.forEach((r, i) => {
      x.set(data.xTrain.subarray(r * 2, r * 2 + 2), i * 2);
      y[i] = data.yTrain[r]!;
    });
    const ref = referenceStep(before.weights, before.biases, before.dims, x, y, 8, 0.05);
    expect(model.weights.map((w) => Array.from(w))).toEqual(ref.W.map((w) => Array.from(w)));
    expect(model.biases.map((b) => Array.from(b))).toEqual(ref.bias.map((b) => Array.from(b)));
    // The step changed something: the test can fail.
    expect(Array.from(model.weights[0]!)).not.toEqual(Array.from(before.weights[0]!));
  });

  it('the same settings give the same history, bit for bit, on either kernel', () => {
    const config = configOf(
      { init: 'glorot_uniform', activation: 'tanh', depth: 4, width: 16, seed: 2 },
      { dataset: 'circles', noise: 0.1, optimizer: 'adam', lr: 0.003, steps: 40, batchSize: 16, evalEvery: 10 },
    );
    const a = train(config, { histograms: true });
    const b = train(config, { histograms: true });
    const c = train(config, { kernel: createJsKernel(), histograms: true });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(a)).toBe(JSON.stringify(c));
    expect(a.history.map((h) => h.step)).toEqual([0, 10, 20, 30, 40]);
    const other = train({ ...config, training: { ...config.training, dataSeed: 3 } });
    expect(other.final.trainLoss).not.toBe(a.final.trainLoss);
  });

  it('trainLoss is the mean over the whole training set, not a minibatch', () => {
    const config = configOf({ depth: 2, width: 8 }, { dataset: 'xor', steps: 1, batchSize: 4, evalEvery: 1 });
    const first = train(config).history[0]!;
    const bigger = train({ ...config, training: { ...config.training, batchSize: 32 } }).history[0]!;
    // Step 0's parameters do not depend on the minibatch, so neither may the whole-set loss.
    expect(first.trainLoss).toBe(bigger.trainLoss);
    expect(first.gradientNorm).not.toEqual(bigger.gradientNorm);
  });

  it('a step that makes a parameter infinite stops the run: diverged at that step', () => {
    const config = configOf(
      { init: 'random_normal', initParams: { std: 1 }, activation: 'relu', depth: 30, width: 64 },
      { dataset: 'spiral', optimizer: 'sgd', lr: 0.1, steps: 50, batchSize: 32 },
    );
    const r = train(config);
    expect(r.final.diverged).toBe(true);
    expect(r.final.divergedAt).toBeLessThan(50);
    expect(r.final.trainLoss).toBeNull();
    for (const h of r.history) expect(Number.isFinite(h.trainLoss)).toBe(true);
  });

  it('all-zero weights: the hidden weights never move (the symmetry never breaks)', () => {
    const config = configOf(
      { init: 'zeros', activation: 'relu', depth: 3, width: 8 },
      { dataset: 'spiral', optimizer: 'adam', lr: 0.01, steps: 30, batchSize: 16 },
    );
    const model = createModel(config.network, 2);
    const r = train(config, { model });
    expect(r.final.diverged).toBe(false);
    for (const w of model.weights) expect(w.every((v) => v === 0)).toBe(true);
    expect(r.history.every((h) => h.gradientNorm.every((g) => g === 0))).toBe(true);
  });

  it('yields every step and every evaluation, in order', () => {
    const config = configOf({ depth: 2, width: 4 }, { dataset: 'gaussians', steps: 5, batchSize: 8, evalEvery: 2 });
    const kinds: string[] = [];
    for (const e of trainSteps(config)) kinds.push(e.kind === 'history' ? `h${e.entry.step}` : `s${e.step}`);
    expect(kinds).toEqual(['h0', 's1', 's2', 'h2', 's3', 's4', 'h4', 's5', 'h5']);
  });
});

describe('minibatch order', () => {
  it('is a permutation per epoch, the last partial batch dropped, and a function of the seed', () => {
    const order = new MinibatchOrder(9, 10, 3);
    const epoch = [0, 1, 2].flatMap((k) => Array.from(order.batch(k)));
    expect(new Set(epoch).size).toBe(9);
    const next = [3, 4, 5].flatMap((k) => Array.from(order.batch(k)));
    expect(next).not.toEqual(epoch);
    expect(Array.from(new MinibatchOrder(9, 10, 3).batch(4))).toEqual(next.slice(3, 6));
  });
});

describe('optimizers (PyTorch’s forms)', () => {
  const g = Float32Array.from([0.5, -2, 1e-3]);
  it('Adam’s first update is −lr·g/(|g| + ε) after bias correction', () => {
    const opt = createOptimizer('adam', 0.1, 0, [3]);
    const d = new Float32Array(3);
    opt.beginStep();
    opt.update(0, g, d);
    g.forEach((v, i) => expect(d[i]).toBeCloseTo((-0.1 * v) / (Math.abs(v) + 1e-8), 6));
  });
  it('momentum: buf = g, then μ·buf + g', () => {
    const opt = createOptimizer('momentum', 0.1, 0.9, [3]);
    const d = new Float32Array(3);
    opt.beginStep();
    opt.update(0, g, d);
    expect(Array.from(d)).toEqual(Array.from(g, (v) => fr(-0.1 * v)));
    opt.beginStep();
    opt.update(0, g, d);
    expect(Array.from(d)).toEqual(Array.from(g, (v) => fr(-0.1 * fr(0.9 * v + v))));
  });
});
