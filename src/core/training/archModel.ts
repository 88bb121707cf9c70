// The trained network when it has norms or residual blocks (docs/residual.md): the architecture
// module's definitions with stored, trainable weights. The hidden layers start as the
// simulation's (the same draws, Fixup's scale applied the same way, in float32) and the forward
// pass calls the same float32 operations in the same order (the kernel's product with the bias,
// normForward, addBranch), so step 0 is simulate's forward pass, bit for bit.
//
//   plain + norm:   h^l = u·W^l + b^l, a^l = φ(N(h^l))
//   residual:       x^0 = stem(input) or input; per block k, with u = N(x^{k−1}) (pre) or x^{k−1},
//                   y = x^{k−1} + α·F_k(u) and x^k = N(y) (post) or y; the read-out reads x^K.
//
// The backward pass is exact: through φ′, the skips (∂L/∂x^{k−1} = ∂L/∂y + ∂L/∂u·∂u/∂x^{k−1})
// and the norms with their batch or per-example statistics (norms.ts). Unlike the simulation's
// backward pass it keeps every tensor of the forward pass rather than recomputing a block: a
// training minibatch is small. The norms' γ and β stay at 1 and 0 (frozen, not trained): every
// linear layer's weights and bias are the trained parameters, as in the plain model.

import { transpose } from '../backward';
import { addBranch } from '../architecture/forward';
import { describeNet, type ArchitectureNet } from '../architecture/layers';
import { newNormStats, normBackward, normForward, type ActiveNorm, type NormStats } from '../architecture/norms';
import type { MatmulKernel } from '../kernels/types';
import type { Gradients, Model, Pass } from './model';

/** What the forward pass keeps for the backward pass, beyond Pass.pre and Pass.post. */
export interface ArchitecturePass {
  /** Plain + norm: N(h^l) (index l − 1), what φ is applied to. */
  normed: Float32Array[];
  /** Plain + norm: the statistics of N(h^l); residual: those of N(x^{k−1}) (pre) or N(y_k) (post), index k − 1. */
  stats: NormStats[];
  /** Residual: x^k, k = 0 … K. */
  streams: Float32Array[];
  /** Residual with a pre-norm: N(x^{k−1}) (index k − 1). */
  branchInputs: Float32Array[];
  /** Residual with a post-norm: y_k = x^{k−1} + α·F_k before its norm (index k − 1). */
  sums: Float32Array[];
  /** Scratch of rows × the widest layer. */
  g: Float32Array;
  gy: Float32Array;
}

/** The model's architecture (describeNet), with Fixup's scale and zero biases applied to the drawn weights. */
export function applyArchitecture(model: Model): ArchitectureNet {
  const net = describeNet(model.config);
  for (const spec of net.layers) {
    const w = model.weights[spec.layer - 1]!;
    // As drawLinearWeights: a scale of 0 is zero weights, any other scale one float32 multiply.
    if (spec.scale === 0) w.fill(0);
    else if (spec.scale !== 1) for (let i = 0; i < w.length; i++) w[i] = Math.fround(w[i]! * spec.scale);
    if (!spec.biasLaw) model.biases[spec.layer - 1]!.fill(0);
  }
  return net;
}

function netOf(model: Model): ArchitectureNet {
  if (!model.architecture) throw new Error('archModel: the model has no architecture');
  return model.architecture;
}

/** The norm's statistics must be whole-set ones when evaluating: BatchNorm couples the rows. */
export function usesBatchStatistics(model: Model): boolean {
  return model.architecture?.arch.norm === 'batch';
}

export function createArchitecturePass(model: Model, rows: number): ArchitecturePass {
  const net = netOf(model);
  const { norm } = net.arch;
  const maxDim = Math.max(...model.dims);
  const L = net.layers.length;
  const tensor = () => new Float32Array(rows * maxDim);
  const pass: ArchitecturePass = {
    normed: [],
    stats: [],
    streams: [],
    branchInputs: [],
    sums: [],
    g: tensor(),
    gy: tensor(),
  };
  const active = norm === 'none' ? null : norm;
  if (!net.shape) {
    for (let l = 1; l <= L; l++) {
      pass.normed.push(new Float32Array(rows * model.dims[l]!));
      pass.stats.push(newNormStats(active!, rows, model.dims[l]!));
    }
    return pass;
  }
  const { blocks, width } = net.shape;
  for (let k = 0; k <= blocks; k++) pass.streams.push(new Float32Array(rows * width));
  for (let k = 1; k <= blocks && active; k++) {
    pass.stats.push(newNormStats(active, rows, width));
    if (net.arch.normPosition === 'pre') pass.branchInputs.push(new Float32Array(rows * width));
    else pass.sums.push(new Float32Array(rows * width));
  }
  return pass;
}

/** out (rows × N) = u (rows × K)·w + b on the kernel (the float32 product with the bias last). */
function linear(
  kernel: MatmulKernel,
  u: Float32Array,
  w: Float32Array,
  b: Float32Array,
  rows: number,
  K: number,
  N: number,
  out: Float32Array,
) {
  kernel.x().set(u.subarray(0, rows * K));
  kernel.w().set(w);
  kernel.bias().set(b);
  kernel.run(rows, K, N, true);
  out.set(kernel.out().subarray(0, rows * N));
}

function archPass(pass: Pass): ArchitecturePass {
  if (!pass.arch) throw new Error('archModel: the pass was made for a plain model');
  return pass.arch;
}

/** The forward pass of `rows` rows of x into pass.pre (every linear layer's h, the read-out's last) and pass.post. */
export function forwardArchitectureModel(
  model: Model,
  kernel: MatmulKernel,
  x: Float32Array,
  rows: number,
  pass: Pass,
): void {
  const net = netOf(model);
  const ap = archPass(pass);
  const { dims, weights, biases, fns } = model;
  const L = net.layers.length;
  const { norm, normEps, normPosition, branchScale } = net.arch;
  const layer = (l: number, u: Float32Array) =>
    linear(kernel, u, weights[l - 1]!, biases[l - 1]!, rows, dims[l - 1]!, dims[l]!, pass.pre[l - 1]!);
  let top: Float32Array;
  if (!net.shape) {
    let u = x;
    for (let l = 1; l <= L; l++) {
      const n = rows * dims[l]!;
      layer(l, u);
      normForward(norm as ActiveNorm, pass.pre[l - 1]!, rows, dims[l]!, normEps, ap.normed[l - 1]!, ap.stats[l - 1]);
      fns.apply(ap.normed[l - 1]!, pass.post[l - 1]!, n);
      u = pass.post[l - 1]!;
    }
    top = u;
  } else {
    const { stem, blocks, branchDepth: m, width: N } = net.shape;
    const n = rows * N;
    const x0 = ap.streams[0]!;
    if (stem) {
      layer(1, x);
      x0.set(pass.pre[0]!.subarray(0, n));
      pass.post[0]!.set(x0.subarray(0, n));
    } else {
      x0.set(x.subarray(0, n));
    }
    for (let k = 1; k <= blocks; k++) {
      const xIn = ap.streams[k - 1]!;
      let u = xIn;
      if (norm !== 'none' && normPosition === 'pre') {
        u = ap.branchInputs[k - 1]!;
        normForward(norm, xIn, rows, N, normEps, u, ap.stats[k - 1]);
      }
      for (let j = 1; j <= m; j++) {
        const l = stem + (k - 1) * m + j;
        layer(l, j === 1 ? u : pass.post[l - 2]!);
        if (net.layers[l - 1]!.activated) fns.apply(pass.pre[l - 1]!, pass.post[l - 1]!, n);
        else pass.post[l - 1]!.set(pass.pre[l - 1]!.subarray(0, n));
      }
      const F = pass.pre[stem + k * m - 1]!;
      if (norm !== 'none' && normPosition === 'post') {
        const y = ap.sums[k - 1]!;
        addBranch(xIn, F, branchScale, n, y);
        normForward(norm, y, rows, N, normEps, ap.streams[k]!, ap.stats[k - 1]);
      } else {
        addBranch(xIn, F, branchScale, n, ap.streams[k]!);
      }
    }
    top = ap.streams[blocks]!;
  }
  layer(L + 1, top);
}

/**
 * Weight and bias gradients of layer l from its input u and δ = ∂loss/∂h^l; with `below`, also
 * δ·Wᵀ = ∂loss/∂u into it.
 */
function linearBackward(
  model: Model,
  kernel: MatmulKernel,
  l: number,
  u: Float32Array,
  delta: Float32Array,
  rows: number,
  grads: Gradients,
  below: Float32Array | null,
): void {
  const K = model.dims[l - 1]!;
  const N = model.dims[l]!;
  transpose(u, rows, K, kernel.x());
  kernel.w().set(delta.subarray(0, rows * N));
  kernel.run(K, rows, N, false);
  grads.weights[l - 1]!.set(kernel.out().subarray(0, K * N));
  // The bias gradient Σ_rows δ, accumulated in float64 and rounded once.
  const db = grads.biases[l - 1]!;
  for (let j = 0; j < N; j++) {
    let s = 0;
    for (let r = 0; r < rows; r++) s += delta[r * N + j]!;
    db[j] = s;
  }
  if (!below) return;
  kernel.x().set(delta.subarray(0, rows * N));
  transpose(model.weights[l - 1]!, K, N, kernel.w());
  kernel.run(rows, N, K, false);
  below.set(kernel.out().subarray(0, rows * K));
}

/** out = φ′(h) ⊙ incoming, φ′ rounded to float32 and one float32 multiply. */
function throughPhi(model: Model, h: Float32Array, incoming: Float32Array, n: number, out: Float32Array): void {
  const df = model.fns.df;
  for (let i = 0; i < n; i++) out[i] = Math.fround(df(h[i]!)) * incoming[i]!;
}

/** Back-propagates pass.dOut of the last forward pass (its `rows` rows of x) into grads. */
export function backwardArchitectureModel(
  model: Model,
  kernel: MatmulKernel,
  x: Float32Array,
  rows: number,
  pass: Pass,
  grads: Gradients,
): void {
  const net = netOf(model);
  const ap = archPass(pass);
  const L = net.layers.length;
  const { norm, normPosition, branchScale: alpha } = net.arch;
  const { delta, incoming } = pass;
  const inputOf = (l: number) => (l === 1 ? x : pass.post[l - 2]!);
  if (!net.shape) {
    delta.set(pass.dOut.subarray(0, rows * model.dims[L + 1]!));
    for (let l = L + 1; l >= 1; l--) {
      linearBackward(model, kernel, l, inputOf(l), delta, rows, grads, l > 1 ? incoming : null);
      if (l === 1) break;
      const N = model.dims[l - 1]!;
      throughPhi(model, ap.normed[l - 2]!, incoming, rows * N, incoming);
      normBackward(norm as ActiveNorm, pass.pre[l - 2]!, incoming, rows, N, ap.stats[l - 2]!, delta);
    }
    return;
  }
  const { stem, blocks, branchDepth: m, width: N } = net.shape;
  const n = rows * N;
  // g = ∂loss/∂x^k, from the read-out down.
  const { g, gy } = ap;
  linearBackward(model, kernel, L + 1, ap.streams[blocks]!, pass.dOut, rows, grads, g);
  for (let k = blocks; k >= 1; k--) {
    if (norm !== 'none' && normPosition === 'post') {
      normBackward(norm, ap.sums[k - 1]!, g, rows, N, ap.stats[k - 1]!, gy);
    } else {
      gy.set(g.subarray(0, n));
    }
    for (let i = 0; i < n; i++) delta[i] = alpha === 1 ? gy[i]! : Math.fround(alpha * gy[i]!);
    for (let j = m; j >= 1; j--) {
      const l = stem + (k - 1) * m + j;
      const u =
        j > 1
          ? pass.post[l - 2]!
          : norm !== 'none' && normPosition === 'pre'
            ? ap.branchInputs[k - 1]!
            : ap.streams[k - 1]!;
      linearBackward(model, kernel, l, u, delta, rows, grads, incoming);
      if (j > 1) throughPhi(model, pass.pre[l - 2]!, incoming, n, delta);
    }
    // incoming = ∂loss/∂u: through the pre-norm to x^{k−1}, then the skip adds ∂loss/∂y.
    if (norm !== 'none' && normPosition === 'pre') {
      normBackward(norm, ap.streams[k - 1]!, incoming, rows, N, ap.stats[k - 1]!, incoming);
    }
    for (let i = 0; i < n; i++) g[i] = gy[i]! + incoming[i]!;
  }
  if (stem) linearBackward(model, kernel, 1, x, g, rows, grads, null);
}

/**
 * What φ was applied to at hidden layer l in the last forward pass (for the dead and saturated
 * counts), or null where no φ follows the layer (a residual stem or a branch's last layer).
 */
export function phiInputOf(model: Model, pass: Pass, l: number): Float32Array | null {
  const net = netOf(model);
  if (!net.shape) return archPass(pass).normed[l - 1]!;
  return net.layers[l - 1]!.activated ? pass.pre[l - 1]! : null;
}
