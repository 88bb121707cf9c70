import { describe, expect, it } from 'vitest';
import { normalizeConfig } from '../config';
import { createJsKernel, createKernel } from '../kernels';
import { simulateLayers } from '../network';
import { lossOf } from './loss';
import { backward, createGradients, createModel, createPass, ensureKernel, forward, type Model } from './model';
import { makeTeacher, TEACHER } from './teacher';

function network(input: Parameters<typeof normalizeConfig>[0]) {
  const { config, issues } = normalizeConfig(input);
  expect(issues).toEqual([]);
  return config;
}

describe('initial weights are the simulation engine’s', () => {
  it('step 0 on the teacher’s training set is simulate’s forward pass with batch = 1,000, value for value', () => {
    // The teacher's training inputs are simulate's input stream for the same seed, and the
    // hidden layers are drawn from the same (seed, layer, block) streams by the same code, so the
    // pre-activations agree exactly (=== : a bias of +0 added to −0 gives +0, the same number).
    const config = network({
      init: 'glorot_uniform',
      activation: 'tanh',
      depth: 4,
      width: 24,
      inputDim: 12,
      batch: TEACHER.nTrain,
      seed: 7,
      biasStd: 0.1,
    });
    const data = makeTeacher(config.seed, config.inputDim);
    const model = createModel(config, 1);
    const kernel = createKernel();
    ensureKernel(kernel, model, data.nTrain);
    const pass = createPass(model, data.nTrain);
    forward(model, kernel, data.xTrain, data.nTrain, pass);
    let layers = 0;
    for (const r of simulateLayers(config, createKernel())) {
      const mine = pass.pre[r.stats.layer - 1]!;
      expect(mine.length).toBe(r.pre.length);
      let mismatches = 0;
      for (let i = 0; i < mine.length; i++) if (mine[i] !== r.pre[i]) mismatches++;
      expect(mismatches).toBe(0);
      layers++;
    }
    expect(layers).toBe(4);
  });
});

/** The mean loss in float64 with every parameter as given (the exact function the gradient differentiates). */
function loss64(
  model: Model,
  weights: Float64Array[],
  biases: Float64Array[],
  x: Float32Array,
  y: Float32Array,
  rows: number,
  classes: number,
): number {
  const L = model.dims.length - 2;
  let total = 0;
  for (let b = 0; b < rows; b++) {
    let a = Array.from(x.subarray(b * model.dims[0]!, (b + 1) * model.dims[0]!));
    for (let l = 1; l <= L + 1; l++) {
      const K = model.dims[l - 1]!;
      const N = model.dims[l]!;
      const h = Array.from({ length: N }, (_, j) => {
        let s = biases[l - 1]![j]!;
        for (let k = 0; k < K; k++) s += a[k]! * weights[l - 1]![k * N + j]!;
        return s;
      });
      a = l <= L ? h.map((v) => Math.tanh(v)) : h;
    }
    if (classes === 0) total += (a[0]! - y[b]!) ** 2;
    else {
      const m = Math.max(...a);
      total += m + Math.log(a.reduce((s, v) => s + Math.exp(v - m), 0)) - a[y[b]!]!;
    }
  }
  return total / rows;
}

describe('gradients', () => {
  for (const classes of [3, 0]) {
    it(`match central finite differences of the float64 loss (${classes ? 'cross-entropy' : 'MSE'})`, () => {
      const config = network({
        init: 'glorot_normal',
        activation: 'tanh',
        depth: 3,
        width: 6,
        inputDim: 4,
        seed: 3,
        biasStd: 0.2,
      });
      const model = createModel(config, Math.max(1, classes));
      const B = 5;
      const x = Float32Array.from({ length: B * 4 }, (_, i) => Math.sin(i * 1.7));
      const y = Float32Array.from({ length: B }, (_, i) => (classes ? i % classes : Math.cos(i)));
      const kernel = createKernel();
      ensureKernel(kernel, model, B);
      const pass = createPass(model, B);
      forward(model, kernel, x, B, pass);
      lossOf(pass.pre[model.dims.length - 2]!, y, B, classes, pass.dOut);
      const grads = createGradients(model);
      backward(model, kernel, x, B, pass, grads);
      // Tolerance. The engine's gradient is float32: each entry is a chain of ≤ 4 products of
      // length ≤ max(K, B) = 6, each with relative rounding ≤ 6·2⁻²⁴, so its error is below
      // 4·(6 + 6)·6e-8 ≈ 3e-6 of the gradient's scale. The central difference in float64 with
      // ε = 1e-4 has truncation error ε²/6·|∂³L| ≲ 2e-9·|∂³L| (tanh's derivatives are O(1)) and
      // rounding 1e-16/ε = 1e-12. Bound: 1e-5·(largest gradient entry) + 1e-6·|g|, a margin of 3× over both.
      const w64 = model.weights.map((w) => Float64Array.from(w));
      const b64 = model.biases.map((b) => Float64Array.from(b));
      const eps = 1e-4;
      let scale = 0;
      for (const g of [...grads.weights, ...grads.biases]) for (const v of g) scale = Math.max(scale, Math.abs(v));
      expect(scale).toBeGreaterThan(1e-3);
      let checked = 0;
      for (const [params, g] of [
        [w64, grads.weights],
        [b64, grads.biases],
      ] as const) {
        params.forEach((p, l) => {
          for (let i = 0; i < p.length; i += 3) {
            const keep = p[i]!;
            p[i] = keep + eps;
            const up = loss64(model, w64, b64, x, y, B, classes);
            p[i] = keep - eps;
            const down = loss64(model, w64, b64, x, y, B, classes);
            p[i] = keep;
            const fd = (up - down) / (2 * eps);
            expect(Math.abs(g[l]![i]! - fd)).toBeLessThanOrEqual(1e-5 * scale + 1e-6 * Math.abs(fd));
            checked++;
          }
        });
      }
      expect(checked).toBeGreaterThan(40);
    });
  }

  it('the WebAssembly and the plain-TypeScript kernels give the same bits', () => {
    const config = network({ init: 'he_normal', activation: 'relu', depth: 5, width: 20, inputDim: 3, seed: 11 });
    const B = 9;
    const x = Float32Array.from({ length: B * 3 }, (_, i) => Math.cos(i));
    const y = Float32Array.from({ length: B }, (_, i) => i % 2);
    const run = (kernel: ReturnType<typeof createKernel>) => {
      const model = createModel(config, 2);
      ensureKernel(kernel, model, B);
      const pass = createPass(model, B);
      forward(model, kernel, x, B, pass);
      lossOf(pass.pre[5]!, y, B, 2, pass.dOut);
      const grads = createGradients(model);
      backward(model, kernel, x, B, pass, grads);
      return [...grads.weights, ...grads.biases].map((g) => Array.from(g));
    };
    expect(run(createKernel())).toEqual(run(createJsKernel()));
  });
});
