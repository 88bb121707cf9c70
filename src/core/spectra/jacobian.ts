// The input–output Jacobian of the seeded network for one input (or a few), and its singular
// values at a few depths: the dynamical-isometry picture (Pennington, Schoenholz & Ganguli 2017).
//
// With x^l = φ(h^l) and h^l = x^{l−1}·W^l + b^l (row vectors, W^l fan_in × fan_out as the engine
// draws it), the Jacobian of x^l with respect to the input x^0 is, in the same row convention,
//
//   M^l = ∂x^l/∂x^0 = W^1·D^1·W^2·D^2 ⋯ W^l·D^l   (N_0 × N_l),   D^l = diag(φ′(h^l)),
//
// the transpose of the column-convention J = D^l·W^lᵀ ⋯ D^1·W^1ᵀ: the same singular values. It is
// built one layer at a time, M^l = (M^{l−1}·W^l)·D^l, from the very weights and biases the forward
// pass draws (same seed, same streams), in float64: float32 products would move the singular
// values of a 200-layer orthogonal product by ~√200·√N·ε₃₂ ≈ 10⁻⁵, which is the effect we show.
// Cost: 2·N_0·fan_in·fan_out per layer per input; memory two N_0 × N_max float64 per input.

import { fillWeightRows, fillWeights } from '../distributions';
import { biasLawOf, fanInOf, inputLaw, resolveNetwork } from '../networkSpec';
import { layerWeightLaw } from '../layerLaw';
import { Stream } from '../rng';
import type { SimConfig } from '../types';
import { singularValues } from './symmetricEigen';

/** Most inputs whose Jacobians are pooled: each one costs a full product chain. */
export const MAX_JACOBIAN_INPUTS = 8;

export interface JacobianOptions {
  /** Layers (1-based) whose spectra are reported; jacobianLayers(depth) by default. */
  layers?: readonly number[];
  /** The first `inputs` inputs of the run's batch, 1 … min(batch, MAX_JACOBIAN_INPUTS); 1 by default. */
  inputs?: number;
}

export type JacobianStep =
  /** A layer's products are done (a chance to yield or cancel). */
  | { kind: 'layer'; layer: number }
  | {
      kind: 'spectrum';
      layer: number;
      /** N_0 and N_l: the Jacobian is N_l × N_0 (N_0 × N_l here). */
      fanIn: number;
      fanOut: number;
      /**
       * The min(N_0, N_l) singular values of each input's Jacobian, pooled over the inputs and
       * sorted ascending; empty when a value overflowed (see `finite`).
       */
      singularValues: Float64Array;
      /** False when some entry of a Jacobian was ±Infinity or NaN (an overflowed product). */
      finite: boolean;
    };

/** The depths shown by default: 1, L/4, L/2 and L (rounded, without repeats). */
export function jacobianLayers(depth: number): number[] {
  const picks = [1, Math.round(depth / 4), Math.round(depth / 2), depth].filter((l) => l >= 1 && l <= depth);
  return [...new Set(picks)].sort((a, b) => a - b);
}

/** The layers asked for, checked: whole numbers in 1 … depth, ascending, without repeats. */
function checkedLayers(layers: readonly number[], depth: number): number[] {
  for (const l of layers) {
    if (!Number.isInteger(l) || l < 1 || l > depth)
      throw new RangeError(`jacobian layer ${l} is not a whole number in 1…${depth}`);
  }
  return [...new Set(layers)].sort((a, b) => a - b);
}

/**
 * out (R × N) = m (R × K) · w (K × N), all row-major float64. Row i of out is Σ_k m[i,k]·w[k,:],
 * four k at a time so each pass over the output row carries four updates (about twice as fast in
 * V8 as one). The sum runs in the order k = 0, 1, 2, … for every entry, whatever R.
 */
export function multiplyInto(
  m: Float64Array,
  w: Float64Array,
  out: Float64Array,
  R: number,
  K: number,
  N: number,
): void {
  out.fill(0, 0, R * N);
  for (let i = 0; i < R; i++) {
    const mo = i * K;
    const oo = i * N;
    let k = 0;
    for (; k + 4 <= K; k += 4) {
      const a0 = m[mo + k]!;
      const a1 = m[mo + k + 1]!;
      const a2 = m[mo + k + 2]!;
      const a3 = m[mo + k + 3]!;
      if (a0 === 0 && a1 === 0 && a2 === 0 && a3 === 0) continue;
      const w0 = k * N;
      const w1 = w0 + N;
      const w2 = w1 + N;
      const w3 = w2 + N;
      for (let j = 0; j < N; j++)
        out[oo + j] = out[oo + j]! + a0 * w[w0 + j]! + a1 * w[w1 + j]! + a2 * w[w2 + j]! + a3 * w[w3 + j]!;
    }
    for (; k < K; k++) {
      const a = m[mo + k]!;
      const wo = k * N;
      for (let j = 0; j < N; j++) out[oo + j]! += a * w[wo + j]!;
    }
  }
}

function allFinite(a: Float64Array, n: number): boolean {
  for (let i = 0; i < n; i++) if (!Number.isFinite(a[i]!)) return false;
  return true;
}

/** One input's running state: its activations x^l and its Jacobian M^l (with a spare buffer). */
interface Track {
  x: Float64Array;
  m: Float64Array;
  spare: Float64Array;
}

/**
 * Walks the network layer by layer, yielding after each layer and, at the chosen layers, the
 * pooled singular values of the Jacobians of the first `inputs` inputs of the run's batch.
 */
export function* jacobianSteps(config: SimConfig, options: JacobianOptions = {}): Generator<JacobianStep, void, void> {
  const { init, fns } = resolveNetwork(config);
  const depth = config.widths.length;
  const wanted = checkedLayers(options.layers ?? jacobianLayers(depth), depth);
  const inputs = options.inputs ?? 1;
  if (!Number.isInteger(inputs) || inputs < 1 || inputs > Math.min(config.batch, MAX_JACOBIAN_INPUTS)) {
    throw new RangeError(
      `jacobian inputs ${inputs} is not a whole number in 1…${Math.min(config.batch, MAX_JACOBIAN_INPUTS)}`,
    );
  }
  const last = wanted.at(-1) ?? 0;
  const n0 = config.inputDim;
  const widest = Math.max(n0, ...config.widths.slice(0, last));

  const drawnInputs = new Float32Array(inputs * n0);
  fillWeightRows(
    { law: inputLaw(config), seed: config.seed, kind: Stream.input, layer: 0, rows: config.batch, cols: n0 },
    0,
    inputs,
    drawnInputs,
  );
  const tracks: Track[] = Array.from({ length: inputs }, (_, a) => ({
    x: Float64Array.from(drawnInputs.subarray(a * n0, (a + 1) * n0)),
    m: new Float64Array(n0 * widest),
    spare: new Float64Array(n0 * widest),
  }));
  const w32 = new Float32Array(widest * widest);
  const w = new Float64Array(widest * widest);
  const bias = new Float32Array(widest);

  for (let layer = 1; layer <= last; layer++) {
    const K = fanInOf(config, layer - 1);
    const N = config.widths[layer - 1]!;
    fillWeights(layerWeightLaw(init, config, layer, K, N), config.seed, Stream.weights, layer, K, N, w32);
    for (let i = 0; i < K * N; i++) w[i] = w32[i]!;
    const biasLaw = biasLawOf(init, config, K, N);
    if (biasLaw) fillWeights(biasLaw, config.seed, Stream.bias, layer, 1, N, bias);
    else bias.fill(0, 0, N);

    for (const t of tracks) {
      const h = new Float64Array(N);
      multiplyInto(t.x, w, h, 1, K, N);
      for (let j = 0; j < N; j++) h[j]! += bias[j]!;
      // M^1 = W^1 (M^0 is the identity), then M^l = M^{l−1}·W^l; the columns are scaled by φ′(h^l).
      if (layer === 1) t.spare.set(w.subarray(0, K * N));
      else multiplyInto(t.m, w, t.spare, n0, K, N);
      [t.m, t.spare] = [t.spare, t.m];
      const x = new Float64Array(N);
      const d = new Float64Array(N);
      for (let j = 0; j < N; j++) {
        d[j] = fns.df(h[j]!);
        x[j] = fns.f(h[j]!);
      }
      for (let i = 0; i < n0; i++) for (let j = 0, o = i * N; j < N; j++) t.m[o + j]! *= d[j]!;
      t.x = x;
    }
    yield { kind: 'layer', layer };

    if (wanted.includes(layer)) {
      const finite = tracks.every((t) => allFinite(t.m, n0 * N));
      const perInput = finite ? tracks.map((t) => singularValues(t.m.subarray(0, n0 * N), n0, N)) : [];
      const pooled = new Float64Array(perInput.reduce((s, v) => s + v.length, 0));
      let offset = 0;
      for (const values of perInput) {
        pooled.set(values, offset);
        offset += values.length;
      }
      yield { kind: 'spectrum', layer, fanIn: n0, fanOut: N, singularValues: pooled.sort(), finite };
    }
  }
}

/** Every reported spectrum, without the per-layer steps. */
export function jacobianSpectra(
  config: SimConfig,
  options: JacobianOptions = {},
): Extract<JacobianStep, { kind: 'spectrum' }>[] {
  const out: Extract<JacobianStep, { kind: 'spectrum' }>[] = [];
  for (const step of jacobianSteps(config, options)) if (step.kind === 'spectrum') out.push(step);
  return out;
}
