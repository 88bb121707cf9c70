// Layer-sequential unit-variance initialization (Mishkin & Matas 2016, "All you need is a good
// init", ICLR): start every layer orthonormal, then, layer by layer from the input, push a batch
// through and divide the layer's weights by the standard deviation of its output until that
// output's variance is within `tolerance` of 1, at most `maxPasses` times per layer.
//
// Here it runs on the network's own seeded batch, orthogonal weights (gain 1) and biases, so its
// scales are those the same settings would need. Without a bias a layer's output is linear in its
// scale and one pass lands on 1 up to rounding; a bias, or the mean a sigmoid feeds forward, makes
// later passes necessary. The output is the pre-activation h = x·(s·W) + b, as in the paper.

import { BUDGET, ENGINE_FLOPS_PER_SECOND, formatFlops, formatSeconds, WEIGHT_DRAW_FLOPS, type Naming } from './budget';
import { fillWeightRows, fillWeights } from './distributions';
import { biasLawOf, fanInOf, inputLaw, resolveNetwork } from './networkSpec';
import { LSUV_MAX_PASSES, LSUV_TOLERANCE, type LsuvLayer } from './lsuvConstants';
import { Stream } from './rng';
import type { SimConfig } from './types';

export { LSUV_MAX_PASSES, LSUV_TOLERANCE, type LsuvLayer } from './lsuvConstants';

function varianceOf(h: Float64Array): number {
  let sum = 0;
  for (const v of h) sum += v;
  const mean = sum / h.length;
  let ss = 0;
  for (const v of h) ss += (v - mean) * (v - mean);
  return ss / h.length;
}

/** LSUV's scale for every layer of `config`'s network (its initializer is ignored: LSUV starts orthonormal). */
export function lsuvScales(config: SimConfig, tolerance = LSUV_TOLERANCE, maxPasses = LSUV_MAX_PASSES): LsuvLayer[] {
  const { init, fns } = resolveNetwork(config);
  const B = config.batch;
  const inputs = new Float32Array(B * config.inputDim);
  fillWeightRows(
    { law: inputLaw(config), seed: config.seed, kind: Stream.input, layer: 0, rows: B, cols: config.inputDim },
    0,
    B,
    inputs,
  );
  let x = Float64Array.from(inputs);
  const out: LsuvLayer[] = [];
  for (let layer = 1; layer <= config.widths.length; layer++) {
    const K = fanInOf(config, layer - 1);
    const N = config.widths[layer - 1]!;
    const w = new Float32Array(K * N);
    fillWeights({ kind: 'orthogonal', gain: 1 }, config.seed, Stream.weights, layer, K, N, w);
    const bias = new Float32Array(N);
    const biasLaw = biasLawOf(init, config, K, N);
    if (biasLaw) fillWeights(biasLaw, config.seed, Stream.bias, layer, 1, N, bias);
    // x·W once; each pass only rescales it.
    const xw = new Float64Array(B * N);
    for (let b = 0; b < B; b++) {
      for (let k = 0; k < K; k++) {
        const a = x[b * K + k]!;
        if (a === 0) continue;
        for (let j = 0; j < N; j++) xw[b * N + j]! += a * w[k * N + j]!;
      }
    }
    const h = new Float64Array(B * N);
    const output = (s: number) => {
      for (let i = 0; i < B * N; i++) h[i] = s * xw[i]! + bias[i % N]!;
      return varianceOf(h);
    };
    let scale = 1;
    let passes = 0;
    let variance = output(scale);
    while (Math.abs(variance - 1) > tolerance && passes < maxPasses && variance > 0 && Number.isFinite(variance)) {
      scale /= Math.sqrt(variance);
      passes++;
      variance = output(scale);
    }
    out.push({ layer, scale, passes, variance, converged: Math.abs(variance - 1) <= tolerance });
    x = new Float64Array(B * N);
    for (let i = 0; i < B * N; i++) x[i] = fns.f(h[i]!);
  }
  return out;
}

/** The products run in float64 in plain JS, at about the Jacobian's speed (spectra/jacobianBudget.ts). */
const LSUV_FLOPS_PER_SECOND = 1.5e9;

/**
 * One line when LSUV on this network would take longer than a run may (BUDGET.flops at the
 * engine's speed): x·W once per layer, 2·B·fan_in·fan_out, plus drawing the orthogonal weights.
 */
export function lsuvOverBudget(config: SimConfig, subject = '--lsuv', naming: Naming = 'flags'): string | null {
  const batch = naming === 'flags' ? '--batch' : 'batch';
  let macs = 0;
  for (let l = 0; l < config.widths.length; l++) macs += fanInOf(config, l) * config.widths[l]!;
  const flops = 2 * config.batch * macs;
  const seconds = flops / LSUV_FLOPS_PER_SECOND + (WEIGHT_DRAW_FLOPS * macs) / ENGINE_FLOPS_PER_SECOND;
  const limit = BUDGET.flops / ENGINE_FLOPS_PER_SECOND;
  if (seconds <= limit) return null;
  return `${subject} on ${config.widths.length} layers with ${batch} ${config.batch} needs ${formatFlops(flops)} of float64 products (about ${formatSeconds(seconds)} here); the limit is about ${formatSeconds(limit)} — try a smaller ${batch}`;
}
