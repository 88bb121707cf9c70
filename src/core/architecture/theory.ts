// Mean-field recursions for normalized and residual networks (derivations in docs/residual.md).
//
// Forward, with B(q) the branch's map (q₁ = σ₁²·q + σ_b², q_j = σ_j²·E[φ(√q_{j−1} z)²] + σ_b²,
// B = q_m) and r(q) = q/(q + ε) the second moment a norm leaves:
//   no norm:   q_k = q_{k−1} + α²·B(q_{k−1})
//   pre-norm:  q_k = q_{k−1} + α²·B(r(q_{k−1}))          (linear growth: B(1) per block)
//   post-norm: q_k = r(q_{k−1} + α²·B(q_{k−1}))          (reset every block)
//   plain with a norm: q^l = σ_l²·E[φ(√r(q^{l−1}) z)²] + σ_b²
// Backward (gradient independence; χ_B(q) = σ₁²·Π_{j≥2} σ_j²·E[φ′(√q_{j−1} z)²] the branch's
// gain; a LayerNorm/RMSNorm multiplies a gradient's second moment by c_N/(v + ε), with v the
// variance it divided by and c_N = 1 − 2/N (LayerNorm: the mean and the radial direction are
// projected out) or 1 − 1/N (RMSNorm: the radial direction only)):
//   no norm:   p_{k−1} = p_k·(1 + α²·χ_B(q_{k−1}))
//   pre-norm:  p_{k−1} = p_k·(1 + α²·χ_B(r(q_{k−1}))·c_N/(q_{k−1} + ε))
//   post-norm: p_{k−1} = p_k·c_N/(v_k + ε)·(1 + α²·χ_B(q_{k−1})),  v_k = q_{k−1} + α²·B(q_{k−1})
// BatchNorm's backward pass couples the examples of the batch, which gradient independence
// ignores: there is no closed form, except the rate Yang et al. (2019) derive for a plain ReLU
// stack at large width and batch, π/(π − 1) per layer toward the input (BATCHNORM_RELU_RATE).

import { gaussianMoments, type GaussianMoments } from '../theory';
import type { LayerTheory, SimConfig } from '../types';
import { describeNet, type ArchitectureNet, type LinearSpec } from './layers';

/** Yang et al. (2019): the gradient's growth per layer toward the input in a plain BatchNorm-ReLU stack. */
export const BATCHNORM_RELU_RATE = Math.PI / (Math.PI - 1);

export interface BlockTheory {
  /** q_k: E[(x^k)²]. */
  streamSecondMoment: number | null;
  /** B: E[F_k²] before α. */
  branchSecondMoment: number | null;
  /** p_k = E[(∂L/∂x^k)²] with p_K = 1; null where there is no closed form. */
  gradientStreamSecondMoment: number | null;
}

export interface ArchitectureTheory {
  layers: LayerTheory[];
  /** q̃ per linear layer (index layer − 1), q̃ = 1 at the loss. */
  gradientLayers: (number | null)[];
  /** Per block k = 1…K (index k − 1); empty for a plain network. */
  blocks: BlockTheory[];
  /** Per layer growth of the gradient toward the input, where a closed form exists only as a rate. */
  gradientRate: number | null;
}

const known = (x: number): number | null => (Number.isNaN(x) ? null : x);

function layerTheory(spec: LinearSpec, q: number, phiInput: number | null, m: GaussianMoments): LayerTheory {
  const base = { sigmaW2: spec.sigmaW2, sigmaB2: spec.sigmaB2, preactivationSecondMoment: known(q) };
  if (phiInput === null) {
    // No φ after this layer: the "activation" is h itself.
    return {
      ...base,
      chi1: spec.sigmaW2,
      activationMean: known(q * 0),
      activationVariance: known(q),
      activationSecondMoment: known(q),
    };
  }
  const second = m.secondMoment(phiInput);
  const mean = m.mean(phiInput);
  const variance = second - mean * mean;
  return {
    ...base,
    chi1: spec.sigmaW2 === null ? null : known(spec.sigmaW2 * m.derivSecondMoment(phiInput)),
    activationMean: known(mean),
    activationVariance: known(variance < 0 ? 0 : variance),
    activationSecondMoment: known(second),
  };
}

/** The second moment a norm leaves, v/(v + ε), with v the variance it divides by (≈ q). */
function normalized(q: number, eps: number): number {
  return q === Infinity ? 1 : q / (q + eps);
}

/** c_N/(v + ε): what a LayerNorm or RMSNorm does to a gradient's second moment; NaN for BatchNorm. */
function normGain(net: ArchitectureNet, v: number, width: number): number {
  const { norm, normEps } = net.arch;
  if (norm === 'batch' || norm === 'none') return NaN;
  return (1 - (norm === 'layer' ? 2 : 1) / width) / (v + normEps);
}

export function architectureTheory(config: SimConfig): ArchitectureTheory {
  const net = describeNet(config);
  return net.shape ? residualTheory(net) : plainNormTheory(net, config.widths);
}

function plainNormTheory(net: ArchitectureNet, widths: readonly number[]): ArchitectureTheory {
  const m = gaussianMoments(net.act, net.params);
  const eps = net.arch.normEps;
  const layers: LayerTheory[] = [];
  const qs: number[] = [];
  let incoming = 1; // E[x²] of the unit-variance input
  for (const spec of net.layers) {
    const q = spec.sigmaW2 === null || Number.isNaN(incoming) ? NaN : spec.sigmaW2 * incoming + spec.sigmaB2;
    const r = normalized(q, eps);
    layers.push(layerTheory(spec, q, Number.isNaN(q) ? NaN : r, m));
    qs.push(q);
    incoming = Number.isNaN(q) ? NaN : m.secondMoment(r);
  }
  const L = layers.length;
  const grads = new Array<number>(L).fill(NaN);
  grads[L - 1] = 1;
  for (let l = L - 2; l >= 0; l--) {
    const next = net.layers[l + 1]!;
    if (next.sigmaW2 === null) break;
    const r = normalized(qs[l]!, eps);
    grads[l] =
      grads[l + 1]! *
      (widths[l + 1]! / widths[l]!) *
      next.sigmaW2 *
      m.derivSecondMoment(r) *
      normGain(net, qs[l]!, widths[l]!);
  }
  const reluLike = net.act.id === 'relu' && net.arch.norm === 'batch';
  return { layers, gradientLayers: grads.map(known), blocks: [], gradientRate: reluLike ? BATCHNORM_RELU_RATE : null };
}

interface Branch {
  /** q_j of each branch layer. */
  qs: number[];
  /** χ_B: the branch's backward gain from h_m to its input. */
  gain: number;
}

function branchMap(specs: readonly LinearSpec[], qIn: number, m: GaussianMoments): Branch {
  const qs: number[] = [];
  let gain = NaN;
  let incoming = qIn;
  for (const [j, spec] of specs.entries()) {
    const q = spec.sigmaW2 === null ? NaN : spec.sigmaW2 * incoming + spec.sigmaB2;
    qs.push(q);
    gain = j === 0 ? (spec.sigmaW2 ?? NaN) : gain * (spec.sigmaW2 ?? NaN) * m.derivSecondMoment(qs[j - 1]!);
    incoming = m.secondMoment(q);
  }
  return { qs, gain };
}

function residualTheory(net: ArchitectureNet): ArchitectureTheory {
  const shape = net.shape!;
  const { norm, normPosition, normEps: eps, branchScale } = net.arch;
  const a2 = branchScale * branchScale;
  const m = gaussianMoments(net.act, net.params);
  const layers: LayerTheory[] = [];
  const N = shape.width;
  let q = 1;
  if (shape.stem) {
    const stem = net.layers[0]!;
    q = stem.sigmaW2 === null ? NaN : stem.sigmaW2 + stem.sigmaB2;
    layers.push(layerTheory(stem, q, null, m));
  }
  const streams: number[] = [q];
  const branches: Branch[] = [];
  for (let k = 1; k <= shape.blocks; k++) {
    const specs = net.layers.slice(shape.stem + (k - 1) * shape.branchDepth, shape.stem + k * shape.branchDepth);
    const prev = streams[k - 1]!;
    const pre = norm !== 'none' && normPosition === 'pre';
    const branch = branchMap(specs, pre ? normalized(prev, eps) : prev, m);
    branches.push(branch);
    specs.forEach((spec, j) => layers.push(layerTheory(spec, branch.qs[j]!, spec.activated ? branch.qs[j]! : null, m)));
    const sum = prev + a2 * branch.qs.at(-1)!;
    streams.push(norm !== 'none' && normPosition === 'post' ? normalized(sum, eps) : sum);
  }

  // Backward: p_K = 1 at the loss on x^K.
  const K = shape.blocks;
  const p = new Array<number>(K + 1).fill(NaN);
  const grads = new Array<number>(net.layers.length).fill(NaN);
  p[K] = 1;
  for (let k = K; k >= 1; k--) {
    const prev = streams[k - 1]!;
    const branch = branches[k - 1]!;
    let intoBranch = p[k]!;
    let next: number;
    if (norm === 'none') {
      next = p[k]! * (1 + a2 * branch.gain);
    } else if (normPosition === 'pre') {
      next = p[k]! * (1 + a2 * branch.gain * normGain(net, prev, N));
    } else {
      intoBranch = p[k]! * normGain(net, prev + a2 * branch.qs.at(-1)!, N);
      next = intoBranch * (1 + a2 * branch.gain);
    }
    p[k - 1] = next;
    // Per layer: δ_m = α·(gradient entering the branch), then back through W_j and φ′.
    const first = shape.stem + (k - 1) * shape.branchDepth;
    let d = a2 * intoBranch;
    for (let j = shape.branchDepth; j >= 1; j--) {
      grads[first + j - 1] = d;
      if (j > 1) d *= (net.layers[first + j - 1]!.sigmaW2 ?? NaN) * m.derivSecondMoment(branch.qs[j - 2]!);
    }
  }
  if (shape.stem) grads[0] = p[0]!;
  const blocks = branches.map((b, i) => ({
    streamSecondMoment: known(streams[i + 1]!),
    branchSecondMoment: known(b.qs.at(-1)!),
    gradientStreamSecondMoment: known(p[i + 1]!),
  }));
  return { layers, gradientLayers: grads.map(known), blocks, gradientRate: null };
}
