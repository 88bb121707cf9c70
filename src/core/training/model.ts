// The trained network: the configured MLP (its hidden layers 1 … L exactly the simulation's:
// same initializer code, same (seed, weights, layer, block) and (seed, bias, layer) streams) plus
// a linear read-out, layer L + 1, drawn the same way by the same initializer with fan-in = the
// last width and fan-out = the number of outputs. Every bias is a trained parameter; where the
// simulation has none it starts at 0 (as the frameworks' Dense/Linear layers with zero bias).
//
// Forward and backward run in float32 on the matmul kernel (kernels/types.ts: a fixed order of
// float32 operations, so every machine computes the same bits); sums that become statistics or
// a bias gradient accumulate in float64 and are rounded once.

import type { ActivationFns } from '../activations';
import type { ArchitectureNet } from '../architecture/layers';
import { fillWeights } from '../distributions';
import type { MatmulKernel } from '../kernels/types';
import { biasLawOf, fanInOf, resolveNetwork } from '../networkSpec';
import { Stream } from '../rng';
import type { SimConfig } from '../types';
import {
  applyArchitecture,
  backwardArchitectureModel,
  createArchitecturePass,
  forwardArchitectureModel,
  type ArchitecturePass,
} from './archModel';

export interface Model {
  config: SimConfig;
  /** dims[0] = inputs, dims[1 … L] = the widths, dims[L + 1] = outputs. */
  dims: number[];
  /** Index l − 1 holds layer l's K × N matrix (h = x·W), l = 1 … L + 1. */
  weights: Float32Array[];
  biases: Float32Array[];
  fns: ActivationFns;
  /** Present for a network with norms or residual blocks (archModel.ts). */
  architecture?: ArchitectureNet;
}

/** Hidden layers L (the read-out is layer L + 1). */
export const depthOf = (m: Model): number => m.dims.length - 2;

export function createModel(config: SimConfig, outputs: number): Model {
  const { init, fns } = resolveNetwork(config);
  const L = config.widths.length;
  const dims = [config.inputDim, ...config.widths, outputs];
  const weights: Float32Array[] = [];
  const biases: Float32Array[] = [];
  for (let l = 1; l <= L + 1; l++) {
    const K = l <= L ? fanInOf(config, l - 1) : dims[L]!;
    const N = dims[l]!;
    const w = new Float32Array(K * N);
    fillWeights(init.weightLaw(K, N, config.initParams), config.seed, Stream.weights, l, K, N, w);
    const b = new Float32Array(N);
    const law = biasLawOf(init, config, K, N);
    if (law) fillWeights(law, config.seed, Stream.bias, l, 1, N, b);
    weights.push(w);
    biases.push(b);
  }
  const model: Model = { config, dims, weights, biases, fns };
  if (config.architecture) model.architecture = applyArchitecture(model);
  return model;
}

/** Buffers of one forward and backward pass over up to `rows` rows. */
export interface Pass {
  rows: number;
  /** Index l − 1: layer l's pre-activations (rows × N_l), l = 1 … L + 1 (the last are the outputs). */
  pre: Float32Array[];
  /** Index l − 1: φ(h^l), l = 1 … L. */
  post: Float32Array[];
  /** ∂loss/∂(outputs), rows × outputs, filled by the loss. */
  dOut: Float32Array;
  /** Scratch for δ and δ·Wᵀ. */
  delta: Float32Array;
  incoming: Float32Array;
  /** float64 accumulators of a bias gradient. */
  biasSum: Float64Array;
  /** What a network with norms or residual blocks keeps besides (archModel.ts). */
  arch?: ArchitecturePass;
}

export function createPass(model: Model, rows: number): Pass {
  const L = depthOf(model);
  const maxDim = Math.max(...model.dims);
  return {
    rows,
    pre: model.dims.slice(1).map((n) => new Float32Array(rows * n)),
    post: model.dims.slice(1, L + 1).map((n) => new Float32Array(rows * n)),
    dOut: new Float32Array(rows * model.dims[L + 1]!),
    delta: new Float32Array(rows * maxDim),
    incoming: new Float32Array(rows * maxDim),
    biasSum: new Float64Array(maxDim),
    ...(model.architecture ? { arch: createArchitecturePass(model, rows) } : {}),
  };
}

/** Sizes the kernel for products of up to `rows` rows of this model, forward and backward. */
export function ensureKernel(kernel: MatmulKernel, model: Model, rows: number): void {
  const maxDim = Math.max(...model.dims);
  const m = Math.max(rows, maxDim);
  kernel.ensure(m, m, maxDim);
}

/**
 * dst (cols × rows) = srcᵀ for src (rows × cols), both row-major. The bits are moved as Int32
 * (no float conversion), four source rows at a time so each destination run of four is written
 * together: about twice as fast as the plain double loop.
 */
export function transpose(src: Float32Array, rows: number, cols: number, dst: Float32Array): void {
  const s = new Int32Array(src.buffer, src.byteOffset, rows * cols);
  const d = new Int32Array(dst.buffer, dst.byteOffset, rows * cols);
  let r = 0;
  for (; r + 4 <= rows; r += 4) {
    const o0 = r * cols;
    const o1 = o0 + cols;
    const o2 = o1 + cols;
    const o3 = o2 + cols;
    for (let c = 0; c < cols; c++) {
      const o = c * rows + r;
      d[o] = s[o0 + c]!;
      d[o + 1] = s[o1 + c]!;
      d[o + 2] = s[o2 + c]!;
      d[o + 3] = s[o3 + c]!;
    }
  }
  for (; r < rows; r++) {
    const o = r * cols;
    for (let c = 0; c < cols; c++) d[c * rows + r] = s[o + c]!;
  }
}

/** out[j] = Σ_b δ[b·N + j] (float64 in row order, rounded once). */
function sumRows(delta: Float32Array, B: number, N: number, acc: Float64Array, out: Float32Array): void {
  acc.fill(0, 0, N);
  for (let b = 0; b < B; b++) {
    const o = b * N;
    for (let j = 0; j < N; j++) acc[j]! += delta[o + j]!;
  }
  for (let j = 0; j < N; j++) out[j] = acc[j]!;
}

/**
 * δ = φ′(h) ⊙ incoming: φ′ rounded to float32, then one float32 multiply (the float64 product of
 * two float32 values is exact). ReLU's φ′ is 0 or 1: a select, which V8 compiles without a branch
 * (a branch per value would mispredict half the time). h is never NaN here: the loss would have
 * been NaN first, and the run stopped.
 */
function multiplyDerivative(
  model: Model,
  h: Float32Array,
  incoming: Float32Array,
  delta: Float32Array,
  n: number,
): void {
  if (model.config.activation === 'relu') {
    for (let i = 0; i < n; i++) delta[i] = h[i]! > 0 ? incoming[i]! : 0;
    return;
  }
  const df = model.fns.df;
  for (let i = 0; i < n; i++) delta[i] = Math.fround(df(h[i]!)) * incoming[i]!;
}

/** out (B × N) = x (B × K) · w (K × N) (+ bias) on the kernel. */
function product(
  kernel: MatmulKernel,
  x: Float32Array,
  w: Float32Array,
  bias: Float32Array | null,
  B: number,
  K: number,
  N: number,
  out: Float32Array,
): void {
  kernel.x().set(x.subarray(0, B * K));
  kernel.w().set(w.subarray(0, K * N));
  if (bias) kernel.bias().set(bias);
  kernel.run(B, K, N, bias !== null);
  out.set(kernel.out().subarray(0, B * N));
}

/** The forward pass of `rows` rows of x (rows × inputs) into pass.pre and pass.post. */
export function forward(model: Model, kernel: MatmulKernel, x: Float32Array, rows: number, pass: Pass): void {
  if (model.architecture) return forwardArchitectureModel(model, kernel, x, rows, pass);
  const L = depthOf(model);
  let input = x;
  for (let l = 1; l <= L + 1; l++) {
    const K = model.dims[l - 1]!;
    const N = model.dims[l]!;
    const pre = pass.pre[l - 1]!;
    product(kernel, input, model.weights[l - 1]!, model.biases[l - 1]!, rows, K, N, pre);
    if (l <= L) {
      model.fns.apply(pre, pass.post[l - 1]!, rows * N);
      input = pass.post[l - 1]!;
    }
  }
}

/** Gradients of every parameter, shaped like the model's. */
export interface Gradients {
  weights: Float32Array[];
  biases: Float32Array[];
}

export function createGradients(model: Model): Gradients {
  return {
    weights: model.weights.map((w) => new Float32Array(w.length)),
    biases: model.biases.map((b) => new Float32Array(b.length)),
  };
}

/**
 * Back-propagates pass.dOut (∂loss/∂outputs of the rows the last forward pass saw) into grads:
 * δ^{L+1} = dOut, ∂W^l = (a^{l−1})ᵀ·δ^l, ∂b^l = Σ_rows δ^l, δ^{l−1} = φ′(h^{l−1}) ⊙ (δ^l·(W^l)ᵀ).
 */
export function backward(
  model: Model,
  kernel: MatmulKernel,
  x: Float32Array,
  rows: number,
  pass: Pass,
  grads: Gradients,
): void {
  if (model.architecture) return backwardArchitectureModel(model, kernel, x, rows, pass, grads);
  const L = depthOf(model);
  const { delta, incoming } = pass;
  const B = rows;
  delta.set(pass.dOut.subarray(0, B * model.dims[L + 1]!));
  for (let l = L + 1; l >= 1; l--) {
    const K = model.dims[l - 1]!;
    const N = model.dims[l]!;
    const entering = l === 1 ? x : pass.post[l - 2]!;
    transpose(entering, B, K, kernel.x());
    kernel.w().set(delta.subarray(0, B * N));
    kernel.run(K, B, N, false);
    grads.weights[l - 1]!.set(kernel.out().subarray(0, K * N));
    sumRows(delta, B, N, pass.biasSum, grads.biases[l - 1]!);
    if (l === 1) break;
    kernel.x().set(delta.subarray(0, B * N));
    transpose(model.weights[l - 1]!, K, N, kernel.w());
    kernel.run(B, N, K, false);
    incoming.set(kernel.out().subarray(0, B * K));
    multiplyDerivative(model, pass.pre[l - 2]!, incoming, delta, B * K);
  }
}
