// The forward pass of a plain network with a norm (Linear → Norm → φ) or of a residual network
// (a stem when the input dimension differs, then K blocks x^k = x^{k−1} + α·F_k(…)), one linear
// layer at a time, with each block's statistics streamed as the block finishes. A plain network
// without a norm never comes here: it runs on the plain engine (network.ts), bit for bit as before.
//
// Given an ArchitectureTape, the pass keeps what the backward pass needs: for a plain network
// every pre-activation h^l and its norm's statistics; for a residual network the network's input
// and each block's input x^{k−1} (the block's inside is recomputed from it, backward.ts).

import { createKernel } from '../kernels';
import type { MatmulKernel } from '../kernels/types';
import { companionOf, meanPairCorrelation } from '../layerCorrelation';
import { inputLaw, type LayerResult } from '../networkSpec';
import { fillWeights } from '../distributions';
import { Stream } from '../rng';
import type { SimConfig } from '../types';
import { blockStatsOf, type BlockStats } from './blockStats';
import { describeNet, type ArchitectureNet } from './layers';
import { linearLayerStats, runLinear } from './linear';
import { newNormStats, normForward, type ActiveNorm, type NormStats } from './norms';
import { architectureTheory, type ArchitectureTheory } from './theory';

export type ArchitectureStep =
  { kind: 'layer'; result: LayerResult } | { kind: 'block'; stats: BlockStats; stream: Float32Array };

/**
 * The most the tape keeps of the branches' insides. Past it the backward pass recomputes each block
 * from its input (the same bits, one more weight draw and matmul per layer): a deep, wide, large
 * batch run must not hold gigabytes. 64 MiB holds 64 blocks × branch 2 × width 512 × batch 256.
 */
export const INNER_TAPE_BYTES = 64 * 2 ** 20;

/** What the backward pass needs of a forward pass (see the header). */
export class ArchitectureTape {
  /** `innerBytes`: the most it keeps of the branches' insides (tests lower it to take the other path). */
  constructor(readonly innerBytes = INNER_TAPE_BYTES) {}

  input: Float32Array = new Float32Array(0);
  /** Plain: h^l (index l − 1). Residual: x^{k−1} (index k − 1). */
  readonly tensors: Float32Array[] = [];
  /** Plain: the norm's statistics of each h^l. */
  readonly norms: NormStats[] = [];
  /**
   * Residual, when they fit in INNER_TAPE_BYTES: each block's branch pre-activations h_1 … h_{m−1}
   * (and h_m under post-norm, which the backward pass needs for the sum it normalized), so the
   * backward pass need not redraw the weights and multiply again to recompute them. Index k − 1.
   */
  readonly inner: Float32Array[][] = [];
  complete = false;
}

/** How many of a branch's pre-activations the tape keeps per block (see ArchitectureTape.inner). */
export function innerKept(branchDepth: number, postNorm: boolean): number {
  return postNorm ? branchDepth : branchDepth - 1;
}

/** The largest dimension any buffer needs, and the kernel's shape for the weight gradients too. */
export function ensureKernel(config: SimConfig, kernel: MatmulKernel, backward: boolean): number {
  const maxDim = Math.max(config.inputDim, ...config.widths);
  const M = backward ? Math.max(config.batch, maxDim) : config.batch;
  kernel.ensure(M, backward ? M : maxDim, maxDim);
  return maxDim;
}

export function drawInput(config: SimConfig): Float32Array {
  const input = new Float32Array(config.batch * config.inputDim);
  fillWeights(inputLaw(config), config.seed, Stream.input, 0, config.batch, config.inputDim, input);
  return input;
}

/** out = fround(x + fround(α·F)): the stream update, rounded as the backward pass recomputes it. */
export function addBranch(x: Float32Array, F: Float32Array, alpha: number, n: number, out: Float32Array): void {
  if (alpha === 1) for (let i = 0; i < n; i++) out[i] = x[i]! + F[i]!;
  else for (let i = 0; i < n; i++) out[i] = x[i]! + Math.fround(alpha * F[i]!);
}

export interface ArchitectureForwardOptions {
  /**
   * Measure each layer's mean pre-activation correlation between inputs (batch ≥ 2). Its theory
   * is null: the correlation map of a plain stack does not describe skips or norms.
   */
  correlations?: boolean;
}

export function* forwardArchitecture(
  config: SimConfig,
  kernel: MatmulKernel = createKernel(),
  tape?: ArchitectureTape,
  options: ArchitectureForwardOptions = {},
): Generator<ArchitectureStep, void, void> {
  const net = describeNet(config);
  const theory = architectureTheory(config);
  ensureKernel(config, kernel, tape !== undefined);
  const input = drawInput(config);
  if (tape) tape.input = input;
  const pass: Pass = { config, net, theory, kernel, input, tape };
  const companion = options.correlations && config.batch >= 2 ? companionOf(kernel) : null;
  for (const step of net.shape ? residualForward(pass) : plainForward(pass)) {
    if (companion && step.kind === 'layer') {
      const { stats, pre } = step.result;
      stats.correlation = { measured: meanPairCorrelation(pre, config.batch, stats.fanOut, companion), theory: null };
    }
    yield step;
  }
  if (tape) tape.complete = true;
}

/** What the plain and the residual passes are given. */
interface Pass {
  config: SimConfig;
  net: ArchitectureNet;
  theory: ArchitectureTheory;
  kernel: MatmulKernel;
  input: Float32Array;
  tape: ArchitectureTape | undefined;
}

function* plainForward({ config, net, theory, kernel, input, tape }: Pass): Generator<ArchitectureStep, void, void> {
  const B = config.batch;
  const norm = net.arch.norm as ActiveNorm;
  const maxN = Math.max(...config.widths);
  const h = new Float32Array(B * maxN);
  const normed = new Float32Array(B * maxN);
  let a: Float32Array = new Float32Array(B * maxN);
  let u: Float32Array = input;
  let inputZero = false;
  for (const spec of net.layers) {
    const N = spec.fanOut;
    const n = B * N;
    const out = runLinear(config, spec, kernel, u, B, h, true)!;
    const stats = newNormStats(norm, B, N);
    normForward(norm, h, B, N, net.arch.normEps, normed, stats);
    net.fns.apply(normed, a, n);
    if (tape) {
      tape.tensors.push(h.slice(0, n));
      tape.norms.push(stats);
    }
    const layerStats = linearLayerStats({
      spec,
      B,
      h,
      a,
      phiInput: normed,
      out,
      theory: theory.layers[spec.layer - 1]!,
      inputZero,
      fns: net.fns,
      bounded: net.act.bounded,
      block: undefined,
    });
    inputZero = layerStats.activation.fractionZero === 1;
    yield { kind: 'layer', result: { stats: layerStats, pre: h.subarray(0, n), post: a.subarray(0, n) } };
    if (u === input) u = new Float32Array(B * maxN);
    [u, a] = [a, u];
  }
}

function* residualForward({ config, net, theory, kernel, input, tape }: Pass): Generator<ArchitectureStep, void, void> {
  const shape = net.shape!;
  const { norm, normPosition, normEps, branchScale } = net.arch;
  const B = config.batch;
  const N = shape.width;
  const n = B * N;
  let x: Float32Array = new Float32Array(n);
  let y: Float32Array = new Float32Array(n);
  const u = new Float32Array(n);
  const h = new Float32Array(n);
  const a = new Float32Array(n);
  const layerResult = (
    i: number,
    spec = net.layers[i]!,
    out: ReturnType<typeof runLinear>,
    hasPhi: boolean,
    block: number,
    inputZero: boolean,
  ): LayerResult => {
    const stats = linearLayerStats({
      spec,
      B,
      h,
      a: hasPhi ? a : null,
      phiInput: h,
      out: out!,
      theory: theory.layers[i]!,
      inputZero,
      fns: net.fns,
      bounded: net.act.bounded,
      block,
    });
    return { stats, pre: h.subarray(0, n), post: (hasPhi ? a : h).subarray(0, n) };
  };

  if (shape.stem) {
    const out = runLinear(config, net.layers[0]!, kernel, input, B, h, true);
    yield { kind: 'layer', result: layerResult(0, undefined, out, false, 0, false) };
    x.set(h.subarray(0, n));
  } else {
    x.set(input.subarray(0, n));
  }

  const postNorm = norm !== 'none' && normPosition === 'post';
  const kept = innerKept(shape.branchDepth, postNorm);
  const keepInner = tape !== undefined && kept * shape.blocks * n * 4 <= tape.innerBytes;
  for (let k = 1; k <= shape.blocks; k++) {
    if (tape) tape.tensors.push(x.slice());
    const inner: Float32Array[] = [];
    if (keepInner) tape.inner.push(inner);
    let branchIn = x;
    if (norm !== 'none' && normPosition === 'pre') {
      normForward(norm, x, B, N, normEps, u);
      branchIn = u;
    }
    let inputZero = false;
    for (let j = 1; j <= shape.branchDepth; j++) {
      const i = shape.stem + (k - 1) * shape.branchDepth + j - 1;
      const spec = net.layers[i]!;
      const out = runLinear(config, spec, kernel, j === 1 ? branchIn : a, B, h, true);
      if (spec.activated) net.fns.apply(h, a, n);
      if (keepInner && j <= kept) inner.push(h.slice(0, n));
      const result = layerResult(i, spec, out, spec.activated, k, inputZero);
      inputZero = result.stats.activation.fractionZero === 1;
      yield { kind: 'layer', result };
    }
    // h now holds F_k = h_m.
    addBranch(x, h, branchScale, n, y);
    if (postNorm) normForward(norm, y, B, N, normEps, y);
    [x, y] = [y, x];
    const t = theory.blocks[k - 1]!;
    const stats = blockStatsOf(k, x, h, B, N, {
      streamSecondMoment: t.streamSecondMoment,
      branchSecondMoment: t.branchSecondMoment,
    });
    yield { kind: 'block', stats, stream: x };
  }
}
