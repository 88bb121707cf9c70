// The backward pass of an architecture through the tape of its forward pass (forward.ts): the
// loss L = Σ g ⊙ out with g iid N(0, 1) from the (seed, gradient, L) streams, out = h^L for a
// plain network (as the plain engine) and the stream x^K for a residual one. Exact derivatives:
// through φ′, the weights (drawn again from their seeds), the skips, and the norms with their
// batch or layer statistics (norms.ts). A residual block's inside is recomputed from its input.
//
// For training (the public API): `backwardArchitecture(config, tape, kernel, { onParameters })`
// calls onParameters(layer, dW, db) for every linear layer, dW = ∂L/∂W (fanIn × fanOut,
// row-major, h = u·W) and db = ∂L/∂b, views valid only during the call.

import { meanSquare, transpose } from '../backward';
import { fillWeights } from '../distributions';
import { gradientStats } from '../gradientStats';
import type { MatmulKernel } from '../kernels/types';
import { Stream } from '../rng';
import type { GradientStats, SimConfig } from '../types';
import { describeNet, type ArchitectureNet, type LinearSpec } from './layers';
import { drawLinearWeights, runLinear } from './linear';
import { addBranch, ensureKernel, type ArchitectureTape } from './forward';
import { newNormStats, normBackward, normForward, type ActiveNorm } from './norms';
import { architectureTheory, type ArchitectureTheory } from './theory';

export interface BackwardOptions {
  onParameters?: (layer: number, dW: Float32Array, db: Float32Array) => void;
}

export interface BlockGradient {
  block: number;
  /** E[(∂L/∂x^k)²] over batch × units; +Infinity after an overflow. */
  streamSecondMoment: number;
  theory: number | null;
}

export type ArchitectureGradientStep =
  | { kind: 'layer'; layer: number; stats: GradientStats; delta: Float32Array }
  | { kind: 'block'; gradient: BlockGradient };

class Backprop {
  readonly theory: ArchitectureTheory;
  private readonly scratch: Float32Array;

  constructor(
    readonly config: SimConfig,
    readonly net: ArchitectureNet,
    readonly kernel: MatmulKernel,
    readonly options: BackwardOptions,
  ) {
    this.theory = architectureTheory(config);
    const maxDim = ensureKernel(config, kernel, true);
    this.scratch = new Float32Array(maxDim * maxDim);
  }

  /** The weight gradient uᵀ·δ (its second moment, and the sink's dW, db). */
  weightGradient(spec: LinearSpec, u: Float32Array, delta: Float32Array): number {
    const { fanIn: K, fanOut: N } = spec;
    const B = this.config.batch;
    transpose(u, B, K, this.kernel.x());
    this.kernel.w().set(delta.subarray(0, B * N));
    this.kernel.run(K, B, N, false);
    const dW = this.kernel.out().subarray(0, K * N);
    if (this.options.onParameters) {
      const db = new Float32Array(N);
      for (let b = 0; b < B; b++) for (let i = 0; i < N; i++) db[i] = db[i]! + delta[b * N + i]!;
      this.options.onParameters(spec.layer, dW, db);
    }
    return meanSquare(dW, K * N);
  }

  /** out (B × fanIn) = δ·Wᵀ. */
  inputGradient(spec: LinearSpec, delta: Float32Array, out: Float32Array): void {
    const { fanIn: K, fanOut: N } = spec;
    const B = this.config.batch;
    drawLinearWeights(this.config, spec, this.scratch);
    transpose(this.scratch, K, N, this.kernel.w());
    this.kernel.x().set(delta.subarray(0, B * N));
    this.kernel.run(B, N, K, false);
    out.set(this.kernel.out().subarray(0, B * K));
  }

  layerStep(spec: LinearSpec, delta: Float32Array, u: Float32Array, deadAbove: boolean): ArchitectureGradientStep {
    const n = this.config.batch * spec.fanOut;
    const weightGradientSecondMoment = this.weightGradient(spec, u, delta);
    const theorySecondMoment = this.theory.gradientLayers[spec.layer - 1] ?? null;
    const stats = gradientStats(delta, n, { deadAbove, weightGradientSecondMoment, theorySecondMoment });
    return { kind: 'layer', layer: spec.layer, stats, delta: delta.subarray(0, n) };
  }

  outputGradient(N: number): Float32Array {
    const B = this.config.batch;
    const g = new Float32Array(B * N);
    fillWeights(
      { kind: 'normal', mean: 0, std: 1 },
      this.config.seed,
      Stream.gradient,
      this.config.widths.length,
      B,
      N,
      g,
    );
    return g;
  }
}

const silent = (s: GradientStats) => s.status === 'dead' || s.status === 'underflow';

export function* backwardArchitecture(
  config: SimConfig,
  tape: ArchitectureTape,
  kernel: MatmulKernel,
  options: BackwardOptions = {},
): Generator<ArchitectureGradientStep, void, void> {
  if (!tape.complete) throw new Error('backwardArchitecture: the forward pass has not been recorded');
  const net = describeNet(config);
  const bp = new Backprop(config, net, kernel, options);
  if (net.shape) yield* residualBackward(bp, tape);
  else yield* plainBackward(bp, tape);
}

function* plainBackward(bp: Backprop, tape: ArchitectureTape): Generator<ArchitectureGradientStep, void, void> {
  const { config, net } = bp;
  const B = config.batch;
  const norm = net.arch.norm as ActiveNorm;
  const L = net.layers.length;
  const maxDim = Math.max(config.inputDim, ...config.widths);
  // δ^l for every l in one buffer: each is consumed (its statistics, δ·Wᵀ) before the next is written.
  const delta = new Float32Array(B * maxDim);
  delta.set(bp.outputGradient(config.widths[L - 1]!));
  const below = new Float32Array(B * maxDim);
  const normed = new Float32Array(B * maxDim);
  const a = new Float32Array(B * maxDim);
  let deadAbove = false;
  for (let l = L; l >= 1; l--) {
    const spec = net.layers[l - 1]!;
    let u = tape.input;
    if (l > 1) {
      normForward(norm, tape.tensors[l - 2]!, B, spec.fanIn, net.arch.normEps, normed);
      net.fns.apply(normed, a, B * spec.fanIn);
      u = a;
    }
    const step = bp.layerStep(spec, delta, u, deadAbove);
    yield step;
    if (l === 1) break;
    deadAbove = (step.kind === 'layer' && silent(step.stats)) || (spec.scale === 0 && spec.sigmaB2 === 0);
    bp.inputGradient(spec, delta, below);
    const n = B * spec.fanIn;
    const df = net.fns.df;
    for (let i = 0; i < n; i++) below[i] = Math.fround(df(normed[i]!)) * below[i]!;
    normBackward(norm, tape.tensors[l - 2]!, below, B, spec.fanIn, tape.norms[l - 2]!, delta);
  }
}

function* residualBackward(bp: Backprop, tape: ArchitectureTape): Generator<ArchitectureGradientStep, void, void> {
  const { config, net, kernel } = bp;
  const shape = net.shape!;
  const { norm, normPosition, normEps, branchScale: alpha } = net.arch;
  const B = config.batch;
  const N = shape.width;
  const n = B * N;
  const m = shape.branchDepth;
  const g = bp.outputGradient(N);
  const own = Array.from({ length: m }, () => new Float32Array(n));
  const u = new Float32Array(n);
  const y = new Float32Array(n);
  const gy = new Float32Array(n);
  const a = new Float32Array(n);
  const incoming = new Float32Array(n);
  const delta = new Float32Array(n);
  const pre = norm !== 'none' && normPosition === 'pre';
  const post = norm !== 'none' && normPosition === 'post';
  const uStats = pre ? newNormStats(norm, B, N) : null;
  const yStats = post ? newNormStats(norm, B, N) : null;

  for (let k = shape.blocks; k >= 1; k--) {
    yield {
      kind: 'block',
      gradient: {
        block: k,
        streamSecondMoment: meanSquare(g, n),
        theory: bp.theory.blocks[k - 1]?.gradientStreamSecondMoment ?? null,
      },
    };
    const x = tape.tensors[k - 1]!;
    // The block's inside: u = N(x) or x, then h_1 … h_m, from the tape or recomputed.
    if (uStats) normForward(norm as ActiveNorm, x, B, N, normEps, u, uStats);
    const branchIn = uStats ? u : x;
    const first = shape.stem + (k - 1) * m;
    const kept = tape.inner[k - 1];
    const hs = kept ?? own;
    if (!kept) {
      for (let j = 1; j <= m; j++) {
        const spec = net.layers[first + j - 1]!;
        if (j > 1) net.fns.apply(hs[j - 2]!, a, n);
        runLinear(config, spec, kernel, j === 1 ? branchIn : a, B, hs[j - 1]!, false);
      }
    }
    if (yStats) {
      addBranch(x, hs[m - 1]!, alpha, n, y);
      normForward(norm as ActiveNorm, y, B, N, normEps, gy, yStats);
      normBackward(norm as ActiveNorm, y, g, B, N, yStats, gy);
    } else {
      gy.set(g);
    }
    for (let i = 0; i < n; i++) delta[i] = alpha === 1 ? gy[i]! : Math.fround(alpha * gy[i]!);
    let deadAbove = alpha === 0;
    for (let j = m; j >= 1; j--) {
      const spec = net.layers[first + j - 1]!;
      let input = branchIn;
      if (j > 1) {
        net.fns.apply(hs[j - 2]!, a, n);
        input = a;
      }
      const step = bp.layerStep(spec, delta, input, deadAbove);
      yield step;
      deadAbove = (step.kind === 'layer' && silent(step.stats)) || spec.scale === 0;
      bp.inputGradient(spec, delta, incoming);
      if (j > 1) {
        const h = hs[j - 2]!;
        const df = net.fns.df;
        for (let i = 0; i < n; i++) delta[i] = Math.fround(df(h[i]!)) * incoming[i]!;
      }
    }
    // incoming = ∂L/∂u; through the pre-norm to ∂L/∂x, then the skip adds the stream's own.
    if (uStats) normBackward(norm as ActiveNorm, x, incoming, B, N, uStats, incoming);
    for (let i = 0; i < n; i++) g[i] = gy[i]! + incoming[i]!;
  }
  if (shape.stem) yield bp.layerStep(net.layers[0]!, g, tape.input, false);
}
