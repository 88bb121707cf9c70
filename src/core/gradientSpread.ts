// How far one finite network's back-propagated second moment may land from the mean-field q̃^l:
// the backward counterpart of finiteWidth.ts (docs/theory.md §4.4), for writing test bands.
//
// With δ^L = g fixed and W^{m+1} fresh (gradient independence), the pooled second moment moves
// from layer m+1 to m by the mean over B·N_m entries of φ′(h_ai)²·z_ai², z ~ N(0, 1) iid across
// units. Its relative variance is
//   [(3·E[φ′⁴] − E[φ′²]²)/B + (1 − 1/B)·(Cov(φ′(u)², φ′(v)²) + 2·E[φ′(u)²φ′(v)²]·E[cos²])] / (E[φ′²]²·N_m):
// an independent part, ReLU-like masks shared by correlated inputs (docs/theory.md §4.3's mechanism with φ′ for
// φ), and z_a, z_b correlated by the cosine of the two inputs' gradients. That cosine is 0 on
// average, but its mean square t grows on the way down — shared weights align the gradients of
// different inputs, while masks that differ between inputs misalign them: summing the square of
// δ_a·δ_b = Σ_i φ′_ai·φ′_bi·y_ai·y_bi over unit pairs gives, with G = E[φ′(u)φ′(v)],
//   t_m = (G/E[φ′²])²·t_{m+1} + E[φ′(u)²φ′(v)²]·(1 + 2·t_{m+1})/(E[φ′²]²·N_m),  t_L = 1/N_L.
// A non-homogeneous φ also feels the forward pass's drift of q: the pooled E[φ′²] moves by β·ȳ,
// β = d ln E[φ′²]/d ln q and ȳ the batch-averaged ln(Q/q), an AR(1) chain with the length map's
// slope and §4.3's batch innovations, with Cov(φ(u)², φ(v)²) averaged over the spread of each
// pair's correlation around the mean-field c (e_c² ≤ C′²·e_c² + 1/N per layer): even at c = 0 the
// pairs' correlations wander by ~√(l/N), which near-linear layers turn into shared noise.
// The backward and drift parts are correlated in ways not followed here, so they are added as
// standard deviations (Minkowski), which bounds their sum.

import type { ActivationSpec } from './activations';
import type { LogSpread } from './finiteWidth';
import { gaussExpect, gaussExpectProduct } from './quadrature';
import { correlationMap, gaussianMoments } from './theory';
import type { LayerTheory, ParamValues } from './types';

export interface GradientSpreadInput {
  act: ActivationSpec;
  params: ParamValues;
  /** The forward theory (meanFieldForward / theoryFor). */
  theory: readonly LayerTheory[];
  widths: readonly number[];
  inputDim: number;
  batch: number;
  /** κ_x − 1 of one input coordinate: 2 for Gaussian inputs, 0.8 for uniform. */
  inputKurtosisMinusOne?: number;
}

interface LayerNoise {
  /** (3E[φ′⁴] − E[φ′²]²)/(E[φ′²]²·N): one input's backward step. */
  independent: number;
  /** Cov(φ′(u)², φ′(v)²)/(E[φ′²]²·N), averaged over the spread of the pairs' correlations. */
  masks: number;
  /** E[φ′(u)²φ′(v)²]/(E[φ′²]²·N): times 2·t of the gradients above, and the fresh part of t. */
  aligned: number;
  /** (E[φ′(u)φ′(v)]/E[φ′²])²: how much of the gradients' alignment survives the layer. */
  transfer: number;
  beta: number;
  /** Slope of ln q_{m+1} in ln q_m, and the batch-averaged forward innovation into layer m+1. */
  slope: number;
  forwardInnovation: number;
}

/** Below this |c| two inputs count as independent, and pair expectations factorize into 1-D ones. */
const INDEPENDENT = 1e-9;

/**
 * E[g(u)·g(v)] for a centred Gaussian pair with variances q and correlation c, and its average
 * over a spread E[ε²] = e2 of the correlation. The average uses the two-point rule
 * ½(F(c − s) + F(c + s)), s = √e2, exact for quadratic F; at c = 0 it is F(0) + ½F″(0)·e2 with
 * F(0) = E[g]² and, by Price's theorem and Stein's lemma, F″(0) = E[g(√q z)·(z² − 1)]² — all
 * one-dimensional, which keeps odd activations without bias (c stays 0) cheap.
 */
function pairExpectation(g: (x: number) => number, kinks: number[]) {
  const cache = new Map<string, number>();
  const at = (q: number, c: number): number => {
    const key = `${q}|${c}`;
    let v = cache.get(key);
    if (v === undefined) {
      v = gaussExpectProduct(g, g, q, q, c, kinks);
      cache.set(key, v);
    }
    return v;
  };
  return {
    at: (q: number, c: number): number => (Math.abs(c) < INDEPENDENT ? gaussExpect(g, q, kinks) ** 2 : at(q, c)),
    spread: (q: number, c: number, e2: number): number => {
      if (Math.abs(c) < INDEPENDENT) {
        const curvature = gaussExpect((x) => g(x) * ((x * x) / q - 1), q, kinks) ** 2;
        return gaussExpect(g, q, kinks) ** 2 + 0.5 * curvature * e2;
      }
      const s = Math.sqrt(e2);
      return 0.5 * (at(q, Math.max(-1, c - s)) + at(q, Math.min(1, c + s)));
    },
  };
}

function layerNoises(input: GradientSpreadInput): LayerNoise[] {
  const { act, params, theory, widths, batch: B } = input;
  const m = gaussianMoments(act, params);
  const { f, df } = act.make(params);
  const kinks = act.kinks(params);
  const masks = pairExpectation((x) => df(x) ** 2, kinks);
  const squares = pairExpectation((x) => f(x) ** 2, kinks);
  const noise: LayerNoise[] = [];
  let c = (theory[0]!.sigmaB2 ?? 0) / theory[0]!.preactivationSecondMoment!;
  let e2c = 1 / input.inputDim;
  for (let l = 0; l < widths.length; l++) {
    const q = theory[l]!.preactivationSecondMoment!;
    const N = widths[l]!;
    const independent = Math.abs(c) < INDEPENDENT;
    const d2 = m.derivSecondMoment(q);
    const d4 = gaussExpect((x) => df(x) ** 4, q, kinks);
    const G = independent ? gaussExpect(df, q, kinks) ** 2 : m.derivKernel(q, q, c);
    const h = 1e-4;
    // A positively homogeneous φ has φ′ independent of the scale: no drift to follow.
    const beta = act.homogeneous
      ? 0
      : (Math.log(m.derivSecondMoment(q * Math.exp(h))) - Math.log(m.derivSecondMoment(q * Math.exp(-h)))) / (2 * h);
    const layer: LayerNoise = {
      independent: (3 * d4 - d2 * d2) / (d2 * d2 * N),
      masks: (masks.spread(q, c, e2c) - d2 * d2) / (d2 * d2 * N),
      aligned: masks.at(q, c) / (d2 * d2 * N),
      transfer: (G / d2) ** 2,
      beta: Number.isFinite(beta) ? beta : 0,
      slope: 0,
      forwardInnovation: 0,
    };
    const next = theory[l + 1];
    if (next) {
      const sw2 = next.sigmaW2!;
      const sb2 = next.sigmaB2 ?? 0;
      const qNext = next.preactivationSecondMoment!;
      const e2 = m.secondMoment(q);
      if (!act.homogeneous) {
        const e4 = gaussExpect((x) => f(x) ** 4, q, kinks);
        const share = (sw2 * e2) / qNext;
        const shared = squares.spread(q, c, e2c) - e2 * e2;
        layer.slope = (sw2 * q * m.secondMomentSlope(q)) / qNext;
        layer.forwardInnovation = (share * share * ((e4 - e2 * e2) / B + (1 - 1 / B) * shared)) / (e2 * e2 * N);
      }
      const slopeC = (sw2 * q * G) / qNext;
      e2c = slopeC * slopeC * e2c + 1 / N;
      c = independent ? (sw2 * m.mean(q) ** 2 + sb2) / (sw2 * e2 + sb2) : correlationMap(act, params, sw2, sb2, q, c);
    }
    noise.push(layer);
  }
  return noise;
}

/** Per layer: mean and sd of ln(S^l/q̃^l), S^l the pooled E[(δ^l)²]; null where the theory stops. */
export function gradientLogSpread(input: GradientSpreadInput): (LogSpread | null)[] {
  const { theory, widths, batch: B } = input;
  const L = widths.length;
  const usable = (t: LayerTheory) =>
    t.sigmaW2 !== null &&
    t.preactivationSecondMoment !== null &&
    t.preactivationSecondMoment > 0 &&
    t.preactivationSecondMoment < Infinity;
  if (L === 0 || !theory.every(usable)) return widths.map(() => null);
  const noise = layerNoises(input);

  // ȳ_l: Var ȳ_{l+1} = s_l²·Var ȳ_l + innovation, and Cov(ȳ_k, ȳ_j) = Var ȳ_k·s_k·…·s_{j−1}, k < j.
  const first = theory[0]!;
  const share1 = first.sigmaW2! / first.preactivationSecondMoment!;
  const yVar: number[] = [(share1 * share1 * (input.inputKurtosisMinusOne ?? 2)) / (input.inputDim * B)];
  for (let l = 1; l < L; l++) yVar.push(noise[l - 1]!.slope ** 2 * yVar[l - 1]! + noise[l - 1]!.forwardInnovation);

  const out: LogSpread[] = new Array<LogSpread>(L);
  // δ^L = g: its pooled square has relative variance 2/(B·N_L), each input's 2/N_L.
  let perInput = 2 / widths[L - 1]!;
  let backward = 2 / (B * widths[L - 1]!);
  let alignment = 1 / widths[L - 1]!;
  let drift = 0;
  for (let l = L - 1; l >= 0; l--) {
    if (l < L - 1) {
      const k = noise[l]!;
      // Inputs whose gradients grew louder weigh more in the pooled mean: the independent part
      // averages over an effective batch smaller by about (1 + CV²)/(1 + CV²/B), CV² = e^{Var} − 1
      // of the inputs' scales (exactly 1 for a single input).
      const cv2 = Math.expm1(perInput);
      backward += (k.independent * (1 + cv2)) / (B + cv2) + (1 - 1 / B) * (k.masks + 2 * k.aligned * alignment);
      perInput += k.independent;
      alignment = k.transfer * alignment + k.aligned * (1 + 2 * alignment);
      // drift = Var(Σ_{j=l}^{L−2} β_j·ȳ_j), grown by the new term β_l·ȳ_l.
      let cross = 0;
      let slopes = 1;
      for (let j = l + 1; j <= L - 2; j++) {
        slopes *= noise[j - 1]!.slope;
        cross += noise[j]!.beta * slopes;
      }
      drift += k.beta * k.beta * yVar[l]! + 2 * k.beta * yVar[l]! * cross;
    }
    const sd = Math.sqrt(backward) + Math.sqrt(Math.max(0, drift));
    out[l] = { mean: -(sd * sd) / 2, sd };
  }
  return out;
}
