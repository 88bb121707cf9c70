// The backward pass computed with checkpoints must be exactly (bit for bit) the backward pass of
// the textbook algorithm that keeps every layer; its statistics must report numerical trouble
// honestly; and its theory must reproduce the reference numbers of docs/theory.md §2.

import { describe, expect, it } from 'vitest';
import { getActivation } from './activations';
import { backwardLayers, gradientTheoryFor, simulateWithGradients } from './backward';
import { ForwardTape, defaultCheckpointInterval } from './checkpoints';
import { normalizeConfig, type ConfigInput } from './config';
import { fillWeights } from './distributions';
import { getInitializer } from './initializers';
import { createJsKernel, createKernel } from './kernels';
import { matmulReference } from './kernels/jsKernel';
import { fanInOf, inputLaw, simulateLayers } from './network';
import { Stream } from './rng';
import type { SimConfig } from './types';

function configOf(input: ConfigInput): SimConfig {
  const { config, issues } = normalizeConfig(input);
  expect(issues).toEqual([]);
  return config;
}

function transposed(src: Float32Array, rows: number, cols: number): Float32Array {
  const out = new Float32Array(rows * cols);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[c * rows + r] = src[r * cols + c]!;
  return out;
}

/** The backward pass with every layer's activations kept, on the plain reference product. */
function naiveBackward(config: SimConfig): { deltas: Float32Array[]; weightGradients: number[] } {
  const { batch: B, widths, seed } = config;
  const L = widths.length;
  const fns = getActivation(config.activation)!.make(config.activationParams);
  const init = getInitializer(config.init)!;
  const pre: Float32Array[] = [];
  const post: Float32Array[] = [];
  for (const r of simulateLayers(config, createJsKernel())) {
    pre.push(r.pre.slice());
    post.push(r.post.slice());
  }
  const input = new Float32Array(B * config.inputDim);
  fillWeights(inputLaw(config), seed, Stream.input, 0, B, config.inputDim, input);

  let incoming = new Float32Array(B * widths[L - 1]!);
  fillWeights({ kind: 'normal', mean: 0, std: 1 }, seed, Stream.gradient, L, B, widths[L - 1]!, incoming);
  const deltas: Float32Array[] = [];
  const weightGradients: number[] = [];
  for (let l = L; l >= 1; l--) {
    const N = widths[l - 1]!;
    const K = fanInOf(config, l - 1);
    const delta = l === L ? incoming.slice() : incoming.map((v, i) => Math.fround(fns.df(pre[l - 1]![i]!)) * v);
    deltas[l - 1] = delta;
    const a = l === 1 ? input : post[l - 2]!;
    const grad = new Float32Array(K * N);
    matmulReference(transposed(a, B, K), delta, null, grad, K, B, N);
    weightGradients[l - 1] = grad.reduce((s, v) => s + v * v, 0) / (K * N);
    if (l > 1) {
      const w = new Float32Array(K * N);
      fillWeights(init.weightLaw(K, N, config.initParams), seed, Stream.weights, l, K, N, w);
      incoming = new Float32Array(B * K);
      matmulReference(delta, transposed(w, K, N), null, incoming, B, N, K);
    }
  }
  return { deltas, weightGradients };
}

function checkpointedBackward(config: SimConfig, interval: number) {
  const kernel = createKernel();
  const tape = new ForwardTape(config, interval);
  for (const r of simulateLayers(config, kernel)) tape.record(r);
  const deltas: Float32Array[] = [];
  const weightGradients: number[] = [];
  const order: number[] = [];
  for (const g of backwardLayers(tape, kernel)) {
    deltas[g.layer - 1] = g.delta.slice();
    weightGradients[g.layer - 1] = g.stats.weightGradientSecondMoment;
    order.push(g.layer);
  }
  return { deltas, weightGradients, order };
}

const bits = (x: Float32Array) => Array.from(new Uint32Array(x.buffer, x.byteOffset, x.length));

describe('checkpointed backward pass', () => {
  const cases: ConfigInput[] = [
    // Non-square layers (every transpose shows), a bias (the recompute must add it), tanh's φ′.
    {
      init: 'glorot_normal',
      activation: 'tanh',
      width: '12,9,16,7,12,10,5',
      inputDim: 11,
      batch: 6,
      biasStd: 0.3,
      seed: 21,
    },
    // ReLU's φ′ has exact zeros; batch larger than every width; orthogonal weights.
    {
      init: 'orthogonal',
      initParams: { gain: 1.4 },
      activation: 'relu',
      width: '8,8,6,8,8',
      inputDim: 8,
      batch: 13,
      seed: 4,
    },
  ];
  for (const input of cases) {
    const config = configOf(input);
    const L = config.widths.length;
    const naive = naiveBackward(config);
    for (const interval of [1, 2, 3, L]) {
      it(`equals the keep-everything backward bit for bit: ${config.init}/${config.activation}, k = ${interval}`, () => {
        const got = checkpointedBackward(config, interval);
        expect(got.order).toEqual(Array.from({ length: L }, (_, i) => L - i));
        for (let l = 0; l < L; l++) {
          expect(bits(got.deltas[l]!), `δ at layer ${l + 1}`).toEqual(bits(naive.deltas[l]!));
          expect(got.weightGradients[l], `weight gradient at layer ${l + 1}`).toBe(naive.weightGradients[l]);
        }
      });
    }
  }

  it('chooses k = ⌈√L⌉, where B·N·(L/k + k) is smallest', () => {
    expect([1, 2, 4, 5, 30, 50, 2000].map(defaultCheckpointInterval)).toEqual([1, 2, 2, 3, 6, 8, 45]);
  });

  it('is deterministic: same seed, same gradients; another seed, other gradients', () => {
    const cfg = { init: 'he_normal', activation: 'relu', depth: 6, width: 24, batch: 5 };
    const a = simulateWithGradients(configOf({ ...cfg, seed: 3 }));
    expect(simulateWithGradients(configOf({ ...cfg, seed: 3 }), { kernel: createJsKernel() })).toEqual(a);
    const b = simulateWithGradients(configOf({ ...cfg, seed: 4 }));
    expect(b.gradients[0]!.secondMoment).not.toBe(a.gradients[0]!.secondMoment);
  });

  it('starts from δ^L ~ N(0, 1): the top layer second moment is 1 within 5 SE of a χ² mean', () => {
    const B = 64;
    const N = 128;
    const { gradients } = simulateWithGradients(configOf({ depth: 3, width: N, batch: B, seed: 12 }));
    const top = gradients[2]!;
    expect(top.theorySecondMoment).toBe(1);
    expect(Math.abs(top.secondMoment - 1)).toBeLessThan(5 * Math.sqrt(2 / (B * N)));
    expect(top.histogram.counts.reduce((s, c) => s + c, 0)).toBe(B * N);
  });
});

describe('weight gradient', () => {
  it('for one input is the outer product a^{l−1}ᵀ·δ^l, so its mean square is E[a²]·E[δ²]', () => {
    // One product per entry: float32 rounding changes each square by at most 2⁻²³ relative.
    const { layers, gradients } = simulateWithGradients(
      configOf({ init: 'he_uniform', activation: 'gelu', width: '20,30,10,25', batch: 1, seed: 5 }),
    );
    for (let l = 2; l <= 4; l++) {
      const expected = layers[l - 2]!.activation.secondMoment * gradients[l - 1]!.secondMoment;
      expect(Math.abs(gradients[l - 1]!.weightGradientSecondMoment / expected - 1), `layer ${l}`).toBeLessThan(1e-6);
    }
  });
});

describe('gradient statistics report numerical trouble', () => {
  it('an exploding gradient is Infinity and flagged, never NaN', () => {
    // Var(w) = 1 at width 64 (σ_w² = 64): the signal grows ~32-fold per layer both ways. The
    // forward pass overflows float32 near layer 50, and the gradient inherits it (φ′ of NaN).
    const config = configOf({
      init: 'random_normal',
      initParams: { std: 1 },
      activation: 'relu',
      depth: 60,
      width: 64,
      batch: 4,
      seed: 2,
    });
    const { gradients } = simulateWithGradients(config);
    const overflowed = gradients.filter((g) => g.status === 'overflow');
    expect(overflowed.length).toBeGreaterThan(0);
    for (const g of overflowed) {
      expect(g.secondMoment).toBe(Infinity);
      expect(g.variance).toBe(Infinity);
    }
    for (const g of gradients) {
      for (const v of [g.mean, g.variance, g.secondMoment, g.weightGradientSecondMoment])
        expect(Number.isNaN(v)).toBe(false);
    }
  });

  it('zero weights give a dead gradient below the top layer', () => {
    const { gradients } = simulateWithGradients(
      configOf({ init: 'zeros', activation: 'tanh', depth: 3, width: 8, batch: 4 }),
    );
    expect(gradients.map((g) => g.status)).toEqual(['dead', 'dead', 'ok']);
    expect(gradients[0]!.secondMoment).toBe(0);
  });

  it('a vanishing linear gradient underflows to exactly 0, then is dead below', () => {
    // Var(w)·N = 64·1e-6: δ shrinks by ~1.6e-5 per layer and passes 2^−149 after ~9 layers.
    const config = configOf({
      init: 'random_normal',
      initParams: { std: 1e-3 },
      activation: 'linear',
      depth: 30,
      width: 64,
      batch: 4,
      seed: 6,
    });
    const statuses = simulateWithGradients(config).gradients.map((g) => g.status);
    const firstZero = statuses.lastIndexOf('underflow');
    expect(firstZero).toBeGreaterThan(0);
    expect(statuses.slice(firstZero + 1).every((s) => s === 'ok')).toBe(true);
    expect(statuses.slice(0, firstZero).every((s) => s === 'dead')).toBe(true);
  });
});

describe('mean-field gradient theory (docs/theory.md §2, det)', () => {
  const ratioBottomToTop = (input: ConfigInput) => {
    const q = gradientTheoryFor(configOf({ depth: 30, width: 512, batch: 1, ...input }));
    return q[0]! / q[29]!;
  };

  it('tanh, σ_w² = 25/9: E[δ²]₁/E[δ²]₃₀ = 140.8', () => {
    expect(
      ratioBottomToTop({ init: 'torch_kaiming_normal', initParams: { nonlinearity: 'tanh' }, activation: 'tanh' }),
    ).toBeCloseTo(140.8, 1);
  });

  it('tanh, σ_w² = 1, q¹ = 1: E[δ²]₁/E[δ²]₃₀ = 0.02479', () => {
    expect(ratioBottomToTop({ init: 'lecun_normal', activation: 'tanh' })).toBeCloseTo(0.02479, 5);
  });

  it('ReLU/He keeps q̃ = 1 at every layer, and a layer without theory ends it below', () => {
    const q = gradientTheoryFor(configOf({ init: 'he_normal', activation: 'relu', depth: 10, width: 64 }));
    for (const v of q) expect(v).toBeCloseTo(1, 12);
    expect(gradientTheoryFor(configOf({ init: 'ones', activation: 'relu', depth: 3, width: 8 }))).toEqual([
      null,
      null,
      1,
    ]);
  });
});
