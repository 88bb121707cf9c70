import { describe, expect, it } from 'vitest';
import { forwardArchitecture } from '../architecture/forward';
import { refForward, refNorm, type RefNet } from '../architecture/reference.testutil';
import { normalizeConfig, type ConfigInput } from '../config';
import { createKernel } from '../kernels';
import type { SimConfig } from '../types';
import { lossOf } from './loss';
import { backward, createGradients, createModel, createPass, ensureKernel, forward, type Model } from './model';
import { makeTeacher, TEACHER } from './teacher';

function network(input: ConfigInput): SimConfig {
  const { config, issues } = normalizeConfig(input);
  expect(issues).toEqual([]);
  return config;
}

describe('step 0 of a network with norms or residual blocks is simulate’s forward pass', () => {
  const cases: [string, ConfigInput][] = [
    ['plain + BatchNorm, tanh', { activation: 'tanh', depth: 3, norm: 'batch' }],
    ['plain + LayerNorm, ReLU', { activation: 'relu', depth: 3, norm: 'layer', biasStd: 0.1 }],
    ['residual, no norm, α = 1/√K, a stem', { residual: true, blocks: 3, branchScale: '1/sqrt(K)', width: 16 }],
    ['residual, pre-RMSNorm', { residual: true, blocks: 3, norm: 'rms', normPosition: 'pre' }],
    ['residual, post-BatchNorm', { residual: true, blocks: 3, norm: 'batch', normPosition: 'post' }],
    ['residual, Fixup, m = 3', { residual: true, blocks: 2, branchDepth: 3, fixup: true }],
  ];
  for (const [name, input] of cases) {
    it(`${name}: every layer's h and every block's stream, value for value`, () => {
      // The teacher's training inputs are simulate's input stream with batch = nTrain, so with the
      // same weights and the same float32 operations every value agrees (!== treats +0 and −0 as one).
      const config = network({ init: 'he_normal', width: 12, inputDim: 12, batch: TEACHER.nTrain, seed: 5, ...input });
      const data = makeTeacher(config.seed, config.inputDim);
      const model = createModel(config, 1);
      const kernel = createKernel();
      ensureKernel(kernel, model, data.nTrain);
      const pass = createPass(model, data.nTrain);
      forward(model, kernel, data.xTrain, data.nTrain, pass);
      let layers = 0;
      let blocks = 0;
      for (const step of forwardArchitecture(config, createKernel())) {
        const [mine, theirs] =
          step.kind === 'layer'
            ? [pass.pre[step.result.stats.layer - 1]!, step.result.pre]
            : [pass.arch!.streams[step.stats.block]!, step.stream];
        let mismatches = 0;
        for (let i = 0; i < theirs.length; i++) if (mine[i] !== theirs[i]) mismatches++;
        expect(mismatches).toBe(0);
        if (step.kind === 'layer') layers++;
        else blocks++;
      }
      expect(layers).toBe(config.widths.length);
      expect(blocks).toBe(config.architecture!.blocks);
    });
  }
});

/** The mean cross-entropy in float64 of the independent reference network plus the read-out, with the parameters given. */
function loss64(
  model: Model,
  W: Float64Array[],
  b: Float64Array[],
  x: Float32Array,
  y: Float32Array,
  B: number,
): number {
  const config = model.config;
  const arch = config.architecture!;
  const L = config.widths.length;
  const net: RefNet = {
    kind: arch.kind,
    norm: arch.norm,
    position: arch.normPosition,
    eps: arch.normEps,
    alpha: arch.branchScale,
    stem: arch.kind === 'residual' && config.inputDim !== config.widths[0],
    blocks: arch.blocks,
    m: arch.branchDepth,
    widths: config.widths,
    inputDim: config.inputDim,
    B,
    W: W.slice(0, L),
    b: b.slice(0, L),
    fns: model.fns,
  };
  const ref = refForward(net, Float64Array.from(x));
  const N = config.widths[L - 1]!;
  // The plain network's read-out sees φ(N(h^L)), the residual one the stream x^K.
  const top =
    arch.kind === 'plain' ? refNorm(arch.norm, ref.out, B, N, arch.normEps).map((v) => model.fns.f(v)) : ref.out;
  const C = model.dims[L + 1]!;
  let total = 0;
  for (let r = 0; r < B; r++) {
    const z = Array.from({ length: C }, (_, c) => {
      let s = b[L]![c]!;
      for (let k = 0; k < N; k++) s += top[r * N + k]! * W[L]![k * C + c]!;
      return s;
    });
    const mx = Math.max(...z);
    total += mx + Math.log(z.reduce((s, v) => s + Math.exp(v - mx), 0)) - z[y[r]!]!;
  }
  return total / B;
}

describe('gradients through the norms and the skips match central finite differences of the float64 loss', () => {
  const cases: [string, ConfigInput][] = [
    ['plain + BatchNorm', { norm: 'batch' }],
    ['plain + LayerNorm', { norm: 'layer' }],
    ['plain + RMSNorm', { norm: 'rms' }],
    ['residual, no norm, α = 0.5, a stem', { residual: true, branchScale: 0.5, inputDim: 3 }],
    ['residual, pre-BatchNorm', { residual: true, norm: 'batch', normPosition: 'pre' }],
    ['residual, pre-LayerNorm', { residual: true, norm: 'layer', normPosition: 'pre' }],
    ['residual, pre-RMSNorm, a stem', { residual: true, norm: 'rms', normPosition: 'pre', inputDim: 3 }],
    ['residual, post-BatchNorm', { residual: true, norm: 'batch', normPosition: 'post' }],
    ['residual, post-LayerNorm, α = 1/K', { residual: true, norm: 'layer', normPosition: 'post', branchScale: '1/K' }],
    ['residual, post-RMSNorm', { residual: true, norm: 'rms', normPosition: 'post' }],
    ['residual, Fixup', { residual: true, fixup: true }],
  ];
  for (const [name, input] of cases) {
    it(name, () => {
      const config = network({
        init: 'glorot_normal',
        activation: 'tanh',
        depth: 3,
        width: 5,
        inputDim: 5,
        seed: 11,
        biasStd: 0.2,
        ...(input.residual ? { depth: undefined, blocks: 2, branchDepth: 2 } : {}),
        ...input,
      });
      const classes = 3;
      const model = createModel(config, classes);
      const B = 6;
      const d = config.inputDim;
      const x = Float32Array.from({ length: B * d }, (_, i) => Math.sin(i * 1.7 + 0.3));
      const y = Float32Array.from({ length: B }, (_, i) => i % classes);
      const kernel = createKernel();
      ensureKernel(kernel, model, B);
      const pass = createPass(model, B);
      forward(model, kernel, x, B, pass);
      lossOf(pass.pre[model.dims.length - 2]!, y, B, classes, pass.dOut);
      const grads = createGradients(model);
      backward(model, kernel, x, B, pass, grads);
      // Tolerance. The engine's gradient is float32: each entry is a chain of ≤ 14 stages (5
      // linear layers, their φ′, up to 4 norms, the skips), each a sum of ≤ max(K, B) = 6 terms
      // rounded at 2⁻²⁴ ≈ 6e-8, on O(1) values (tanh, and norms whose groups have variance O(1)):
      // below 14·6·6e-8 ≈ 5e-6 of the gradient's scale, the forward values' rounding adding as
      // much again. The float64 central difference with ε = 1e-4 has truncation ε²/6·|∂³L| ≈ 2e-9
      // for O(1) derivatives (a norm's is O(1/σ³), σ ≈ 1 here). Bound: 3e-5·(largest entry) + 1e-5·|g|.
      const W = model.weights.map((w) => Float64Array.from(w));
      const b = model.biases.map((v) => Float64Array.from(v));
      let scale = 0;
      for (const g of [...grads.weights, ...grads.biases]) for (const v of g) scale = Math.max(scale, Math.abs(v));
      expect(scale).toBeGreaterThan(1e-3);
      const eps = 1e-4;
      let checked = 0;
      let worst = 0;
      for (const [params, g] of [
        [W, grads.weights],
        [b, grads.biases],
      ] as const) {
        params.forEach((p, l) => {
          for (let i = 0; i < p.length; i++) {
            const v = p[i]!;
            p[i] = v + eps;
            const up = loss64(model, W, b, x, y, B);
            p[i] = v - eps;
            const down = loss64(model, W, b, x, y, B);
            p[i] = v;
            const fd = (up - down) / (2 * eps);
            const err = Math.abs(g[l]![i]! - fd);
            worst = Math.max(worst, err / (3e-5 * scale + 1e-5 * Math.abs(fd)));
            checked++;
          }
        });
      }
      expect(worst).toBeLessThan(1);
      expect(checked).toBe(
        model.weights.reduce((s, w) => s + w.length, 0) + model.biases.reduce((s, v) => s + v.length, 0),
      );
    });
  }
});
