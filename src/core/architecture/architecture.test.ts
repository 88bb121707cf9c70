import { describe, expect, it } from 'vitest';
import { normalizeConfig, type ConfigInput } from '../config';
import { fillWeights } from '../distributions';
import { createJsKernel, createKernel } from '../kernels';
import { simulate } from '../network';
import { Stream } from '../rng';
import type { SimConfig } from '../types';
import { backwardArchitecture } from './backward';
import { ArchitectureTape, drawInput, forwardArchitecture } from './forward';
import { describeNet } from './layers';
import { drawLinearWeights } from './linear';
import { newNormStats, normBackward, normForward } from './norms';
import { refForward, refLoss, refNorm, type RefNet } from './reference.testutil';
import { simulateArchitecture } from './run';

function configOf(input: ConfigInput): SimConfig {
  const { config, issues } = normalizeConfig(input);
  expect(issues).toEqual([]);
  return config;
}

/** The engine's network as the reference's float64 matrices (the same drawn weights). */
function refNetOf(config: SimConfig): RefNet {
  const net = describeNet(config);
  const a = net.arch;
  const W = net.layers.map((spec) => {
    const w = new Float32Array(spec.fanIn * spec.fanOut);
    drawLinearWeights(config, spec, w);
    return Float64Array.from(w);
  });
  const b = net.layers.map((spec) => {
    if (!spec.biasLaw) return null;
    const v = new Float32Array(spec.fanOut);
    fillWeights(spec.biasLaw, config.seed, Stream.bias, spec.layer, 1, spec.fanOut, v);
    return Float64Array.from(v);
  });
  return {
    kind: a.kind,
    norm: a.norm,
    position: a.normPosition,
    eps: a.normEps,
    alpha: a.branchScale,
    stem: net.shape?.stem === 1,
    blocks: a.blocks,
    m: a.branchDepth,
    widths: config.widths,
    inputDim: config.inputDim,
    B: config.batch,
    W,
    b,
    fns: net.fns,
  };
}

function outputGradient(config: SimConfig): Float64Array {
  const N = config.widths.at(-1)!;
  const g = new Float32Array(config.batch * N);
  fillWeights(
    { kind: 'normal', mean: 0, std: 1 },
    config.seed,
    Stream.gradient,
    config.widths.length,
    config.batch,
    N,
    g,
  );
  return Float64Array.from(g);
}

const meanSq = (x: ArrayLike<number>) => Array.from(x).reduce((s, v) => s + v * v, 0) / x.length;

describe('norms against the float64 reference', () => {
  const B = 5;
  const N = 7;
  const x = new Float32Array(B * N).map((_, i) => Math.fround(Math.sin(i * 1.7) * 2 + (i % 3) * 0.4));
  for (const kind of ['batch', 'layer', 'rms'] as const) {
    it(`${kind}: forward to float32 rounding, backward = finite differences of the reference`, () => {
      const eps = 1e-3;
      const out = new Float32Array(B * N);
      const stats = newNormStats(kind, B, N);
      normForward(kind, x, B, N, eps, out, stats);
      const ref = refNorm(kind, Float64Array.from(x), B, N, eps);
      for (let i = 0; i < out.length; i++) expect(out[i]).toBeCloseTo(ref[i]!, 6);

      const g = new Float32Array(B * N).map((_, i) => Math.fround(Math.cos(i * 0.9)));
      const dx = new Float32Array(B * N);
      normBackward(kind, x, g, B, N, stats, dx);
      const loss = (v: Float64Array) => refNorm(kind, v, B, N, eps).reduce((s, y, i) => s + y * g[i]!, 0);
      // Central differences: truncation O(h²·|L‴|) ≈ 1e-10 and rounding 1e-16·|L|/h ≈ 1e-11 at
      // h = 1e-5, far below the float32 rounding (≈ 1e-7 relative) of the engine's dx.
      const h = 1e-5;
      for (let i = 0; i < B * N; i++) {
        const up = Float64Array.from(x);
        const down = Float64Array.from(x);
        up[i] = up[i]! + h;
        down[i] = down[i]! - h;
        expect(dx[i]).toBeCloseTo((loss(up) - loss(down)) / (2 * h), 5);
      }
    });
  }
});

const CASES: [string, ConfigInput][] = [
  ['plain + BatchNorm, tanh', { norm: 'batch', activation: 'tanh', depth: 3, width: 6, inputDim: 5, batch: 4 }],
  ['plain + LayerNorm, gelu', { norm: 'layer', activation: 'gelu', depth: 3, width: 6, batch: 3 }],
  ['plain + RMSNorm, tanh, bias', { norm: 'rms', activation: 'tanh', depth: 3, width: 5, batch: 3, biasStd: 0.3 }],
  [
    'residual, stem, α = 0.5, tanh',
    {
      residual: true,
      blocks: 2,
      branchDepth: 2,
      width: 6,
      inputDim: 4,
      batch: 3,
      branchScale: 0.5,
      activation: 'tanh',
    },
  ],
  [
    'residual, pre-LayerNorm, gelu',
    { residual: true, blocks: 2, branchDepth: 3, width: 6, batch: 3, norm: 'layer', activation: 'gelu' },
  ],
  [
    'residual, pre-BatchNorm, tanh',
    { residual: true, blocks: 2, branchDepth: 2, width: 5, batch: 4, norm: 'batch', activation: 'tanh', biasStd: 0.2 },
  ],
  [
    'residual, pre-RMSNorm, silu',
    { residual: true, blocks: 2, branchDepth: 1, width: 5, batch: 3, norm: 'rms', activation: 'silu' },
  ],
  [
    'residual, post-LayerNorm, tanh',
    {
      residual: true,
      blocks: 3,
      branchDepth: 2,
      width: 6,
      batch: 3,
      norm: 'layer',
      normPosition: 'post',
      activation: 'tanh',
    },
  ],
  [
    'residual, post-BatchNorm, gelu',
    {
      residual: true,
      blocks: 2,
      branchDepth: 2,
      width: 5,
      batch: 4,
      norm: 'batch',
      normPosition: 'post',
      activation: 'gelu',
    },
  ],
  [
    'residual, Fixup, tanh',
    { residual: true, blocks: 2, branchDepth: 2, width: 6, batch: 3, fixup: true, activation: 'tanh' },
  ],
];

describe('architecture forward and backward against the reference', () => {
  for (const [name, input] of CASES) {
    it(`${name}: statistics match the float64 forward; every dW and db matches finite differences`, () => {
      const config = configOf({ init: 'glorot_normal', seed: 7, ...input });
      const net = refNetOf(config);
      const x = Float64Array.from(drawInput(config));
      const ref = refForward(net, x);
      const tape = new ArchitectureTape();
      const kernel = createKernel();
      const layers: number[] = [];
      const streams: number[] = [];
      for (const step of forwardArchitecture(config, kernel, tape)) {
        if (step.kind === 'layer') layers.push(step.result.stats.preactivation.secondMoment);
        else streams.push(step.stats.stream.secondMoment);
      }
      // float32 products of ≤ 6 terms through ≤ 7 layers: relative error ≪ 1e-4.
      const close = (v: number, r: number) => expect(Math.abs(v - r)).toBeLessThanOrEqual(1e-4 * r);
      layers.forEach((v, i) => close(v, meanSq(ref.h[i]!)));
      streams.forEach((v, i) => close(v, meanSq(ref.streams[i]!)));

      const dW = new Map<number, Float32Array>();
      const db = new Map<number, Float32Array>();
      const steps = backwardArchitecture(config, tape, kernel, {
        onParameters: (layer, w, b) => {
          dW.set(layer, w.slice());
          db.set(layer, b.slice());
        },
      });
      for (const step of steps) void step;
      const g = outputGradient(config);
      // Central differences of the float64 loss in one parameter entry.
      const h = 1e-5;
      const slope = (p: Float64Array, i: number) => {
        const saved = p[i]!;
        p[i] = saved + h;
        const up = refLoss(net, x, g);
        p[i] = saved - h;
        const down = refLoss(net, x, g);
        p[i] = saved;
        return (up - down) / (2 * h);
      };
      for (let l = 0; l < net.W.length; l++) {
        const scale = Math.max(1e-3, ...Array.from(dW.get(l + 1)!).map(Math.abs));
        // The engine's float32 chain carries ~1e-6 relative error; a wrong derivative is O(1).
        const params: [Float64Array | null, Float32Array][] = [
          [net.W[l]!, dW.get(l + 1)!],
          [net.b[l] ?? null, db.get(l + 1)!],
        ];
        for (const [p, engine] of params) {
          for (let i = 0; p && i < p.length; i++) expect(Math.abs(engine[i]! - slope(p, i))).toBeLessThan(1e-3 * scale);
        }
      }
    });
  }
});

describe('architecture engine contracts', () => {
  it('--norm none on a plain network is the plain engine: no architecture in the config', () => {
    const config = configOf({ norm: 'none', depth: 4, width: 16, batch: 8 });
    expect(config.architecture).toBeUndefined();
    expect(config).toEqual(configOf({ depth: 4, width: 16, batch: 8 }));
  });

  it('shares the plain network weights: layer 1 of a normalized net has the plain net’s pre-activations bit for bit', () => {
    const plain = simulate(configOf({ depth: 2, width: 32, batch: 16, seed: 3 }));
    const normed = simulateArchitecture(configOf({ depth: 2, width: 32, batch: 16, seed: 3, norm: 'layer' }));
    expect(normed.layers[0]!.preactivation).toEqual(plain[0]!.preactivation);
    expect(normed.layers[0]!.weights).toEqual(plain[0]!.weights);
  });

  it('the JS and WebAssembly kernels give the same bits, forward and backward', () => {
    const config = configOf({
      residual: true,
      blocks: 3,
      width: 24,
      batch: 9,
      norm: 'batch',
      normPosition: 'post',
      activation: 'tanh',
    });
    const a = simulateArchitecture(config, { backward: true, kernel: createJsKernel() });
    const b = simulateArchitecture(config, { backward: true, kernel: createKernel() });
    expect(b).toEqual(a);
  });

  it('a tape that keeps the branches’ insides and one that recomputes them give the same bits', () => {
    for (const normPosition of ['pre', 'post'] as const) {
      const config = configOf({
        residual: true,
        blocks: 3,
        branchDepth: 3,
        width: 12,
        batch: 5,
        norm: 'layer',
        normPosition,
      });
      const run = (tape: ArchitectureTape) => {
        const kernel = createKernel();
        for (const step of forwardArchitecture(config, kernel, tape)) void step;
        const out: unknown[] = [];
        const steps = backwardArchitecture(config, tape, kernel, {
          onParameters: (layer, w, b) => out.push([layer, Array.from(w), Array.from(b)]),
        });
        for (const step of steps) out.push(step.kind === 'layer' ? step.stats : step.gradient);
        return out;
      };
      const kept = new ArchitectureTape();
      const recomputed = new ArchitectureTape(0);
      const a = run(kept);
      expect(kept.inner).toHaveLength(3);
      expect(run(recomputed)).toEqual(a);
      expect(recomputed.inner).toHaveLength(0);
    }
  });

  it('α = 0 (ReZero/SkipInit) makes every block the identity, and the branch still has its signal', () => {
    const run = simulateArchitecture(configOf({ residual: true, blocks: 4, width: 32, batch: 8, branchScale: 0 }), {
      backward: true,
    });
    const first = run.blocks[0]!.stream.secondMoment;
    for (const b of run.blocks) expect(b.stream.secondMoment).toBe(first);
    expect(run.blocks[0]!.branch.secondMoment).toBeGreaterThan(0);
    for (const g of run.blockGradients) expect(g.streamSecondMoment).toBe(run.blockGradients[0]!.streamSecondMoment);
  });

  it('the block statistics add up: second moment = channel mean² + channel variance', () => {
    const run = simulateArchitecture(configOf({ residual: true, blocks: 3, width: 16, batch: 8 }));
    for (const b of run.blocks)
      expect(b.stream.channelMeanSquared + b.stream.channelVariance).toBeCloseTo(b.stream.secondMoment, 10);
  });

  it('each layer of a residual net knows its block; the stem is block 0', () => {
    const run = simulateArchitecture(
      configOf({ residual: true, blocks: 2, branchDepth: 3, width: 8, inputDim: 5, batch: 4 }),
    );
    expect(run.layers.map((l) => l.block)).toEqual([0, 1, 1, 1, 2, 2, 2]);
  });
});
