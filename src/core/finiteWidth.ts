// How far one finite network may land from the mean-field curve (docs/theory.md §4.2).
// Conditional on layer l−1, a single input's pre-activations at layer l are iid N(0, Q_l), so
// ln Q is a Markov chain: linearized around the mean-field q_l it is
//   y_{l+1} = G(y_l) + noise,   G(y) = ln(σ_w²·E[φ²](e^y) + σ_b²),
// with noise variance (σ_w²·E[φ²]/q_{l+1})²·κ(q_l)/N_l, κ = Var(φ²)/E[φ²]². We carry its mean
// offset (Jensen terms) and variance layer by layer, then add the χ² spread of the pooled
// estimate over N_l units. This is the single-input case: a batch of decorrelated inputs only
// shrinks the spread, and non-Gaussian weights change it at O(1/N²), so it bounds a test band.

import type { ActivationSpec } from './activations';
import { gaussExpect } from './quadrature';
import { gaussianMoments } from './theory';
import type { LayerTheory, ParamValues } from './types';

export interface LogSpread {
  /** Expected ln(v_l/q_l) for one network. */
  mean: number;
  /** Standard deviation of ln(v_l/q_l) across seeds. */
  sd: number;
}

export interface SpreadInput {
  act: ActivationSpec;
  params: ParamValues;
  theory: readonly LayerTheory[];
  widths: readonly number[];
  inputDim: number;
  /** Excess kurtosis + 2 of one input coordinate, i.e. κ_x − 1: 2 for Gaussian, 0.8 for uniform. */
  inputKurtosisMinusOne?: number;
}

/** Per layer mean and sd of ln(v_l/q_l); null where the theory does not apply or has overflowed. */
export function logSpread(input: SpreadInput): (LogSpread | null)[] {
  const { act, params, theory, widths, inputDim } = input;
  const m = gaussianMoments(act, params);
  const { f } = act.make(params);
  const kinks = act.kinks(params);
  const fourth = (q: number) => gaussExpect((x) => f(x) ** 4, q, kinks);
  const G = (y: number, sw2: number, sb2: number) => Math.log(sw2 * m.secondMoment(Math.exp(y)) + sb2);

  const out: (LogSpread | null)[] = [];
  const first = theory[0];
  if (!first || first.preactivationSecondMoment === null || first.sigmaW2 === null) return widths.map(() => null);
  const q1 = first.preactivationSecondMoment;
  const share1 = (first.sigmaW2 * 1) / q1;
  let variance = share1 * share1 * ((input.inputKurtosisMinusOne ?? 2) / inputDim);
  let offset = -variance / 2;

  for (let l = 0; l < theory.length; l++) {
    const t = theory[l]!;
    const q = t.preactivationSecondMoment;
    const N = widths[l]!;
    if (q === null || !(q > 0) || !Number.isFinite(q) || !Number.isFinite(variance)) {
      for (let r = l; r < theory.length; r++) out.push(null);
      break;
    }
    // The pooled estimate over N units given Q_l: χ²_N / N, whose log has variance 2/N, mean −1/N.
    out.push({ mean: offset - 1 / N, sd: Math.sqrt(variance + 2 / N) });

    const next = theory[l + 1];
    if (!next || next.sigmaW2 === null || next.preactivationSecondMoment === null) continue;
    const sw2 = next.sigmaW2;
    const sb2 = next.sigmaB2 ?? 0;
    const qNext = next.preactivationSecondMoment;
    const y = Math.log(q);
    const h = 1e-4;
    const g0 = G(y, sw2, sb2);
    const slope = (G(y + h, sw2, sb2) - G(y - h, sw2, sb2)) / (2 * h);
    const curvature = (G(y + h, sw2, sb2) - 2 * g0 + G(y - h, sw2, sb2)) / (h * h);
    const second = m.secondMoment(q);
    const kappa = second > 0 ? fourth(q) / (second * second) - 1 : 0;
    const share = (sw2 * second) / qNext;
    const noise = (share * share * kappa) / N;
    offset = slope * offset + 0.5 * curvature * variance - noise / 2;
    variance = slope * slope * variance + noise;
  }
  return out;
}
