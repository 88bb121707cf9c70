// One linear layer h = u·W (+ b) of an architecture on the float32 matmul kernel, its weights
// drawn from the (seed, layer, block) streams as the plain network's (then multiplied by Fixup's
// scale, once, in float32), and the per-layer statistics of what it produced.

import type { ActivationFns } from '../activations';
import { BLOCK_ROWS, fillWeights } from '../distributions';
import type { MatmulKernel } from '../kernels/types';
import { layerStatusOf } from '../networkSpec';
import { Stream } from '../rng';
import { tensorStats, weightStats } from '../stats';
import type { LayerStats, LayerTheory, SimConfig, WeightStats } from '../types';
import type { LinearSpec } from './layers';

/** Draws layer `spec`'s weights (fanIn × fanOut, row-major) into `out`. */
export function drawLinearWeights(config: SimConfig, spec: LinearSpec, out: Float32Array): void {
  const n = spec.fanIn * spec.fanOut;
  if (spec.scale === 0) {
    out.fill(0, 0, n);
    return;
  }
  fillWeights(spec.law, config.seed, Stream.weights, spec.layer, spec.fanIn, spec.fanOut, out);
  if (spec.scale !== 1) {
    const s = spec.scale;
    for (let i = 0; i < n; i++) out[i] = Math.fround(out[i]! * s);
  }
}

export interface LinearOutput {
  weights: WeightStats;
  /** Every weight and the bias are exactly 0. */
  zero: boolean;
}

/** h (B × fanOut) = u (B × fanIn) · W + b. The kernel must be ensured for B × fanIn × fanOut. */
export function runLinear(
  config: SimConfig,
  spec: LinearSpec,
  kernel: MatmulKernel,
  u: Float32Array,
  B: number,
  h: Float32Array,
  withStats: boolean,
): LinearOutput | null {
  const { fanIn: K, fanOut: N } = spec;
  const w = kernel.w();
  drawLinearWeights(config, spec, w);
  // Chunked as the plain engine scans its weight blocks, so shared layers report the same bits.
  const weights = withStats ? weightStats(w, K * N, BLOCK_ROWS * N) : null;
  if (spec.biasLaw) fillWeights(spec.biasLaw, config.seed, Stream.bias, spec.layer, 1, N, kernel.bias());
  kernel.x().set(u.subarray(0, B * K));
  kernel.run(B, K, N, spec.biasLaw !== null);
  h.set(kernel.out().subarray(0, B * N));
  if (!weights) return null;
  return { weights, zero: weights.min === 0 && weights.max === 0 && spec.sigmaB2 === 0 };
}

export interface LayerParts {
  spec: LinearSpec;
  B: number;
  h: Float32Array;
  /** φ's output, or null when no φ follows (the activation is h itself). */
  a: Float32Array | null;
  /** What φ was applied to (h, or N(h) in a plain network with a norm): for the saturation count. */
  phiInput: Float32Array | null;
  out: LinearOutput;
  theory: LayerTheory;
  inputZero: boolean;
  fns: ActivationFns;
  bounded: boolean;
  block: number | undefined;
}

export function linearLayerStats(p: LayerParts): LayerStats {
  const N = p.spec.fanOut;
  const n = p.B * N;
  const pre = tensorStats(p.h, n, true, N);
  const post = p.a ? tensorStats(p.a, n, true, N) : pre;
  const saturated = p.a && p.phiInput && p.bounded ? p.fns.countSaturated(p.phiInput, n) / n : 0;
  return {
    layer: p.spec.layer,
    fanIn: p.spec.fanIn,
    fanOut: N,
    status: layerStatusOf(pre, p.out.zero, p.inputZero),
    weights: p.out.weights,
    preactivation: pre,
    activation: { ...post, fractionSaturated: saturated },
    theory: p.theory,
    ...(p.block !== undefined ? { block: p.block } : {}),
  };
}
