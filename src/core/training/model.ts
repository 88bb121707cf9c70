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
import { layerWeightLaw } from '../layerLaw';
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
    fillWeights(layerWeightLaw(init, config, l, K, N), config.seed, Stream.weights, l, K, N, w);
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
  /** What a network with norms or residual blocks keeps besides (archModel.ts). */
  arch?: ArchitecturePass;
}

/** Makes a float32 array of n entries (zeroed): fresh, or a view of a region (resident.ts). */
export type Alloc = (n: number) => Float32Array;

const fresh: Alloc = (n) => new Float32Array(n);

export function createPass(model: Model, rows: number, alloc: Alloc = fresh): Pass {
  const L = depthOf(model);
  const maxDim = Math.max(...model.dims);
  return {
    rows,
    pre: model.dims.slice(1).map((n) => alloc(rows * n)),
    post: model.dims.slice(1, L + 1).map((n) => alloc(rows * n)),
    dOut: alloc(rows * model.dims[L + 1]!),
    delta: alloc(rows * maxDim),
    incoming: alloc(rows * maxDim),
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
 * δ = φ′(h) ⊙ incoming: φ′ rounded to float32, then one float32 multiply (the float64 product of
 * two float32 values is exact). ReLU's φ′ is 0 or 1: the kernel's mask. h is never NaN here: the
 * loss would have been NaN first, and the run stopped.
 */
function multiplyDerivative(
  model: Model,
  kernel: MatmulKernel,
  h: Float32Array,
  incoming: Float32Array,
  delta: Float32Array,
  n: number,
): void {
  if (model.config.activation === 'relu') return kernel.vector.reluMask(h, incoming, delta, n);
  const df = model.fns.df;
  for (let i = 0; i < n; i++) delta[i] = Math.fround(df(h[i]!)) * incoming[i]!;
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
    kernel.product(input, model.weights[l - 1]!, model.biases[l - 1]!, pre, rows, K, N, 'nn');
    if (l <= L) {
      // ReLU's apply is the kernel's relu (the same bits), in place in the kernel's memory.
      if (model.config.activation === 'relu') kernel.vector.relu(pre, pass.post[l - 1]!, rows * N);
      else model.fns.apply(pre, pass.post[l - 1]!, rows * N);
      input = pass.post[l - 1]!;
    }
  }
}

/** Gradients of every parameter, shaped like the model's. */
export interface Gradients {
  weights: Float32Array[];
  biases: Float32Array[];
}

export function createGradients(model: Model, alloc: Alloc = fresh): Gradients {
  return {
    weights: model.weights.map((w) => alloc(w.length)),
    biases: model.biases.map((b) => alloc(b.length)),
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
  const { incoming } = pass;
  const B = rows;
  // δ^{L+1} is dOut itself; each layer below writes its δ into pass.delta.
  let delta = pass.dOut;
  for (let l = L + 1; l >= 1; l--) {
    const K = model.dims[l - 1]!;
    const N = model.dims[l]!;
    const entering = l === 1 ? x : pass.post[l - 2]!;
    kernel.product(entering, delta, null, grads.weights[l - 1]!, K, B, N, 'tn');
    kernel.vector.sumRows(delta, B, N, grads.biases[l - 1]!);
    if (l === 1) break;
    kernel.product(delta, model.weights[l - 1]!, null, incoming, B, N, K, 'nt');
    multiplyDerivative(model, kernel, pass.pre[l - 2]!, incoming, pass.delta, B * K);
    delta = pass.delta;
  }
}
