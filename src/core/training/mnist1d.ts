// MNIST-1D (Greydanus, 2020, "Scaling down deep learning"): ten 12-point templates of the digits,
// each example one template padded, dilated, scaled, translated, given correlated noise where it
// is flat, white noise everywhere, sheared and subsampled to 40 points. This follows the published
// recipe (the reference's make_dataset and transform) step for step with its default arguments:
//
//   num_samples 5000, train_split 0.8 (4,000 train / 1,000 test), template_len 12,
//   padding [36, 60], scale_coeff 0.4, max_translation 48, corr_noise_scale 0.25,
//   iid_noise_scale 0.02, shear_scale 0.75, shuffle_seq false, final_seq_length 40,
//   correlated noise = white noise through a Gaussian filter of σ = 2 (scipy's gaussian_filter:
//   radius 8, edges reflected), eps 1e-8, then the whole set centred and scaled by its mean and std.
//
// Where it differs: the reference draws from numpy's global Mersenne Twister seeded with 42; this
// draws from the sfc32 stream (seed, data, 4) with our ziggurat normals, a rejection-sampled
// integer for the translation and a Fisher–Yates shuffle. The draws come in the reference's order
// (pad, scale, translation, 72 correlated, 72 white, shear per example, then the shuffle), so the
// laws are the same but not the samples: our set for seed 42 is not the reference's file.

import { normal } from '../normal';
import type { Sfc32 } from '../rng';
import { permutation, randomIndex, TrainStream, trainRng } from './streams';
import { DATASETS, type Dataset } from './types';

export const MNIST1D_ARGS = {
  numSamples: 5000,
  trainSplit: 0.8,
  templateLen: 12,
  padding: [36, 60],
  scaleCoeff: 0.4,
  maxTranslation: 48,
  corrNoiseScale: 0.25,
  iidNoiseScale: 0.02,
  shearScale: 0.75,
  finalSeqLength: 40,
  filterSigma: 2,
  eps: 1e-8,
} as const;

const DIGITS = [
  [5, 6, 6.5, 6.75, 7, 7, 7, 7, 6.75, 6.5, 6, 5],
  [5, 3, 3, 3.4, 3.8, 4.2, 4.6, 5, 5.4, 5.8, 5, 5],
  [5, 6, 6.5, 6.5, 6, 5.25, 4.75, 4, 3.5, 3.5, 4, 5],
  [5, 6, 6.5, 6.5, 6, 5, 5, 6, 6.5, 6.5, 6, 5],
  [5, 4.4, 3.8, 3.2, 2.6, 2.6, 5, 5, 5, 5, 5, 5],
  [5, 3, 3, 3, 3, 5, 6, 6.5, 6.5, 6, 4.5, 5],
  [5, 4, 3.5, 3.25, 3, 3, 3, 3, 3.25, 3.5, 4, 5],
  [5, 7, 7, 6.6, 6.2, 5.8, 5.4, 5, 4.6, 4.2, 5, 5],
  [5, 4, 3.5, 3.5, 4, 5, 5, 4, 3.5, 3.5, 4, 5],
  [5, 4, 3.5, 3.5, 4, 5, 5, 5, 5, 4.7, 4.3, 5],
];

/** The reference's templates: each centred, scaled to unit (population) std, shifted to start at 0, divided by 6. */
export function mnist1dTemplates(): number[][] {
  return DIGITS.map((d) => {
    const mean = d.reduce((a, b) => a + b, 0) / d.length;
    const sd = Math.sqrt(d.reduce((a, b) => a + (b - mean) ** 2, 0) / d.length);
    const z = d.map((v) => (v - mean) / sd);
    return z.map((v) => (v - z[0]!) / 6);
  });
}

/** numpy.linspace(0, 1, n). */
function linspace01(n: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = n > 1 ? i / (n - 1) : 0;
  if (n > 1) out[n - 1] = 1;
  return out;
}

/** scipy's interp1d(linspace(0, 1, len(x)), x, kind='linear') at linspace(0, 1, n). */
export function interpolate(x: Float64Array, n: number): Float64Array {
  const from = linspace01(x.length);
  const to = linspace01(n);
  const out = new Float64Array(n);
  let hi = 1;
  for (let i = 0; i < n; i++) {
    const t = to[i]!;
    // searchsorted(from, t, 'left'), clipped to 1 … len − 1, as interp1d does.
    while (hi < x.length - 1 && from[hi]! < t) hi++;
    const lo = hi - 1;
    const slope = (x[hi]! - x[lo]!) / (from[hi]! - from[lo]!);
    out[i] = slope * (t - from[lo]!) + x[lo]!;
  }
  return out;
}

/** scipy.ndimage.gaussian_filter1d(x, σ) with truncate 4 and mode 'reflect' (d c b a | a b c d | d c b a). */
export function gaussianFilter(x: Float64Array, sigma: number): Float64Array {
  const radius = Math.floor(4 * sigma + 0.5);
  const weights: number[] = [];
  for (let k = -radius; k <= radius; k++) weights.push(Math.exp(-0.5 * (k / sigma) ** 2));
  const total = weights.reduce((a, b) => a + b, 0);
  const n = x.length;
  const reflect = (i: number): number => {
    // Half-sample symmetric extension, period 2n.
    let j = ((i % (2 * n)) + 2 * n) % (2 * n);
    if (j >= n) j = 2 * n - 1 - j;
    return j;
  };
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let k = -radius; k <= radius; k++) s += (weights[k + radius]! / total) * x[reflect(i + k)]!;
    out[i] = s;
  }
  return out;
}

/** One example from a template: the reference's transform(), drawing in its order. */
function transform(template: readonly number[], rng: Sfc32): Float64Array {
  const a = MNIST1D_ARGS;
  const [low, high] = a.padding;
  const pad = low + Math.floor(rng.nextFloat() * (high - low + 1));
  const padded = new Float64Array(template.length + pad);
  template.forEach((v, i) => (padded[i] = v + a.eps));
  const dilated = interpolate(padded, a.templateLen + high);
  const scale = 1 + a.scaleCoeff * (rng.nextFloat() - 0.5);
  for (let i = 0; i < dilated.length; i++) dilated[i]! *= scale;
  const n = dilated.length;
  const k = randomIndex(rng, a.maxTranslation);
  // np.concatenate([x[-k:], x[:-k]]): a roll by k to the right (k = 0 leaves x as it is).
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[(i + k) % n] = dilated[i]!;
  const white = new Float64Array(n);
  for (let i = 0; i < n; i++) white[i] = a.corrNoiseScale * normal(rng);
  const corr = gaussianFilter(white, a.filterSigma);
  for (let i = 0; i < n; i++) {
    if (x[i] === 0) x[i] = corr[i]!;
    x[i]! += a.iidNoiseScale * normal(rng);
  }
  const coeff = a.shearScale * (rng.nextFloat() - 0.5);
  const ramp = linspace01(n);
  for (let i = 0; i < n; i++) x[i]! -= coeff * (ramp[i]! - 0.5);
  return interpolate(x, a.finalSeqLength);
}

export function makeMnist1d(seed: number): Dataset {
  const a = MNIST1D_ARGS;
  const rng = trainRng(seed, TrainStream.data, DATASETS.indexOf('mnist1d'));
  const templates = mnist1dTemplates();
  const perClass = Math.floor(a.numSamples / templates.length);
  const xs: Float64Array[] = [];
  const ys: number[] = [];
  templates.forEach((t, label) => {
    for (let i = 0; i < perClass; i++) {
      xs.push(transform(t, rng));
      ys.push(label);
    }
  });
  const order = permutation(rng, xs.length);
  const d = a.finalSeqLength;
  const all = new Float64Array(xs.length * d);
  order.forEach((src, row) => all.set(xs[src]!, row * d));
  let mean = 0;
  for (const v of all) mean += v;
  mean /= all.length;
  let ss = 0;
  for (const v of all) ss += (v - mean) ** 2;
  const sd = Math.sqrt(ss / all.length);
  const nTrain = Math.floor(xs.length * a.trainSplit);
  const nTest = xs.length - nTrain;
  const x = Float32Array.from(all, (v) => (v - mean) / sd);
  const y = Float32Array.from(order, (src) => ys[src]!);
  return {
    id: 'mnist1d',
    inputDim: d,
    classes: templates.length,
    nTrain,
    nTest,
    xTrain: x.slice(0, nTrain * d),
    xTest: x.slice(nTrain * d),
    yTrain: y.slice(0, nTrain),
    yTest: y.slice(nTrain),
  };
}
