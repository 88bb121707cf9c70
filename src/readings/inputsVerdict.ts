// The verdict on input information: do different inputs stay different through the network?
//
// Two inputs whose pre-activations have correlation c = 1 − ε are told apart by ε. Near c = 1 the
// mean-field correlation map is linear (Poole et al. 2016; Schoenholz et al. 2017):
//   1 − c^{l+1} = κ_l·(1 − c^l),   κ_l = σ_w²·q^l·E[φ′(√q^l z)²] / (σ_w²·E[φ(√q^l z)²] + σ_b²),
// with σ_w², σ_b² those of layer l + 1. κ is the factor by which the difference between two nearby
// inputs changes per layer *relative to the signal's size*; at a fixed point q* it is χ₁. So
//   κ < 1: ordered — inputs collapse onto one another geometrically (the bias or a small σ_w² has
//          taken over: every input gives nearly the same output);
//   κ > 1: chaotic — nearby inputs are pulled apart, toward a correlation c* < 1;
//   κ ≈ 1: preserved — at the edge of chaos, differences decay at most polynomially (ReLU's
//          correlation creeps to 1 as about 1/l², He et al.'s net keeps 0.99 at layer 50).
// A network whose signal shrinks or grows keeps κ = 1 when φ is homogeneous (ReLU, linear) or
// close to linear near 0 (tanh at small q): the size changes but not the geometry, which is why the
// verdict uses κ and not χ₁, which is off by the size's own per-layer factor.
//
// The measurement: κ at the *measured* size q̂^l of each layer (σ_w², σ_b² are the initializer's
// exact law), judged like the size — over the last half of the layers for a stack of equal layers,
// over all of them when the widths change — and, beside it, the measured mean correlation between
// the batch's inputs (a 64-input Gram matrix per layer, layerCorrelation.ts). A batch of independent
// inputs starts near c = 0, so the correlation shows collapse (c → 1) but cannot show chaos where
// c* = 0 (an odd φ without bias): that needs κ. The theory: the same κ at the mean-field q^l, with
// the mean-field correlation beside it.

import type { ActivationSpec } from '../core/activations';
import { gaussianMoments } from '../core/theory';
import type { LayerStats, ParamValues } from '../core/types';
import { formatFactor, formatValue } from './format';
import { MIN_LAYERS, STABLE_HIGH, STABLE_LOW, type FitWindow } from './verdict';

export type InputsKind = 'preserved' | 'ordered' | 'chaotic' | 'too-shallow';

export interface InputsVerdict {
  kind: InputsKind;
  /** Per-layer factor κ of 1 − c near c = 1 (geometric mean over the fit window); null without a theory. */
  factor: number | null;
  /** The correlation between inputs at the deepest layer that has one. */
  correlation: { layer: number; value: number } | null;
  /** The first layer from which every deeper layer's correlation is ≥ SAME_OUTPUT. */
  sameFrom: number | null;
  /** The first layer where the bias holds at least half of the pre-activations' second moment. */
  biasFrom: number | null;
  /** "ordered: differences between inputs shrink ×0.17 per layer — correlation ≥ 0.99 from layer 6" */
  text: string;
}

/**
 * Correlation from which "every input gives nearly the same output": the inputs' pre-activations
 * differ by √(2(1 − c)) ≈ 14 % of their size at c = 0.99.
 */
export const SAME_OUTPUT = 0.99;

function finitePositive(v: number | null | undefined): v is number {
  return v !== null && v !== undefined && Number.isFinite(v) && v > 0;
}

/** What the verdict reads off one layer: its q (measured or theory) and its correlation. */
export interface InputsLayer {
  q: number | null;
  correlation: number | null;
  sigmaW2: number | null;
  sigmaB2: number | null;
}

export function measuredInputsLayers(layers: readonly LayerStats[]): InputsLayer[] {
  return layers.map((l) => ({
    // An overflowed layer has no size to judge; a dead or underflowed one has size 0.
    q: l.status === 'ok' ? l.preactivation.secondMoment : l.status === 'overflow' ? null : 0,
    correlation: l.correlation?.measured ?? null,
    sigmaW2: l.theory.sigmaW2,
    sigmaB2: l.theory.sigmaB2,
  }));
}

export function theoryInputsLayers(layers: readonly LayerStats[]): InputsLayer[] {
  return layers.map((l) => ({
    q: l.theory.preactivationSecondMoment,
    correlation: l.correlation?.theory ?? null,
    sigmaW2: l.theory.sigmaW2,
    sigmaB2: l.theory.sigmaB2,
  }));
}

/**
 * κ_l for l = 1 … L − 1 (index 0 is the step from layer 1 to layer 2), at each layer's q; null
 * where q is not finite and positive or the next layer has no σ_w² (weights with non-zero mean).
 * Only the steps in the fit window are computed (each may cost a Gaussian quadrature).
 */
export function collapseFactors(
  act: ActivationSpec,
  params: ParamValues,
  layers: readonly InputsLayer[],
  window: FitWindow,
): (number | null)[] {
  const m = gaussianMoments(act, params);
  const steps = Math.max(layers.length - 1, 0);
  const from = window === 'tail' ? Math.floor(steps / 2) : 0;
  const out: (number | null)[] = new Array<number | null>(steps).fill(null);
  for (let i = from; i < steps; i++) {
    const q = layers[i]!.q;
    const next = layers[i + 1]!;
    const sw2 = next.sigmaW2;
    if (!finitePositive(q) || sw2 === null) continue;
    const denominator = sw2 * m.secondMoment(q) + (next.sigmaB2 ?? 0);
    const k = (sw2 * q * m.derivSecondMoment(q)) / denominator;
    out[i] = Number.isFinite(k) && k >= 0 ? k : null;
  }
  return out;
}

/** Geometric mean of the finite positive values (a κ of exactly 0 — a zero-weight layer — counts as total collapse). */
function geometricMean(values: readonly (number | null)[]): number | null {
  let sum = 0;
  let n = 0;
  for (const v of values) {
    if (v === null) continue;
    if (v === 0) return 0;
    sum += Math.log(v);
    n++;
  }
  return n > 0 ? Math.exp(sum / n) : null;
}

function deepestCorrelation(layers: readonly InputsLayer[]): { layer: number; value: number } | null {
  for (let i = layers.length - 1; i >= 0; i--) {
    const c = layers[i]!.correlation;
    if (c !== null && Number.isFinite(c)) return { layer: i + 1, value: c };
  }
  return null;
}

function sameOutputFrom(layers: readonly InputsLayer[]): number | null {
  let from: number | null = null;
  for (let i = 0; i < layers.length; i++) {
    const c = layers[i]!.correlation;
    if (c === null) continue;
    if (c >= SAME_OUTPUT) from ??= i + 1;
    else from = null;
  }
  return from;
}

function biasTakesOverAt(layers: readonly InputsLayer[]): number | null {
  const i = layers.findIndex((l) => finitePositive(l.q) && (l.sigmaB2 ?? 0) >= 0.5 * l.q);
  return i >= 0 ? i + 1 : null;
}

function correlationText(c: { layer: number; value: number } | null): string {
  if (!c) return '';
  const digits = c.value > 0.99 && c.value < 1 ? 3 : 2;
  // −0.001 would print as "-0.00".
  const shown = Math.abs(c.value) < 0.5 * 10 ** -digits ? 0 : c.value;
  return `correlation ${shown.toFixed(digits)} at layer ${c.layer}`;
}

function describe(
  kind: InputsKind,
  factor: number | null,
  correlation: InputsVerdict['correlation'],
  sameFrom: number | null,
  depth: number,
): string {
  const per = factor !== null ? ` ${formatFactor(factor)} per layer` : '';
  const tail = (text: string) => (text ? ` — ${text}` : '');
  switch (kind) {
    case 'too-shallow':
      return `too shallow to judge: ${depth} ${depth === 1 ? 'layer' : 'layers'}, ${MIN_LAYERS} needed`;
    case 'ordered': {
      const same =
        sameFrom !== null
          ? `every input gives nearly the same output from layer ${sameFrom}`
          : correlationText(correlation);
      return factor !== null ? `ordered: differences between inputs shrink${per}${tail(same)}` : `ordered${tail(same)}`;
    }
    case 'chaotic':
      return `chaotic: nearby inputs are pulled apart${per}${tail(correlationText(correlation))}`;
    default:
      return `preserved: inputs stay distinct${factor !== null ? `, differences${per}` : ''}${tail(correlationText(correlation))}`;
  }
}

/**
 * The inputs verdict over one series of layers (measured or theory). `window` as for the size.
 * With no κ (the theory does not apply to the weights), a correlation that ends ≥ SAME_OUTPUT is
 * called ordered and anything else preserved: the correlation alone cannot show chaos.
 */
export function judgeInputs(
  act: ActivationSpec,
  params: ParamValues,
  layers: readonly InputsLayer[],
  window: FitWindow,
): InputsVerdict {
  const depth = layers.length;
  const correlation = deepestCorrelation(layers);
  const sameFrom = sameOutputFrom(layers);
  const biasFrom = biasTakesOverAt(layers);
  const verdict = (kind: InputsKind, factor: number | null): InputsVerdict => ({
    kind,
    factor,
    correlation,
    sameFrom,
    biasFrom,
    text: describe(kind, factor, correlation, sameFrom, depth),
  });
  if (depth < MIN_LAYERS) return verdict('too-shallow', null);
  // Every pre-activation 0 from the first layer (zero weights): every input gives the same output.
  if (layers.every((l) => l.q === 0))
    return { ...verdict('ordered', 0), text: 'ordered: every input gives the same output, 0' };
  const factor = geometricMean(collapseFactors(act, params, layers, window));
  const collapsed = correlation !== null && correlation.value >= SAME_OUTPUT;
  if (factor === null) return verdict(collapsed ? 'ordered' : 'preserved', null);
  if (factor < STABLE_LOW) return verdict('ordered', factor);
  // κ > 1 with inputs measured identical at the output cannot both hold; the measurement wins.
  if (factor > STABLE_HIGH && !collapsed) return verdict('chaotic', factor);
  return verdict('preserved', factor);
}

/** "the bias has taken over by layer 5" when it has, else null. */
export function biasTakeoverText(v: InputsVerdict): string | null {
  return v.kind === 'ordered' && v.biasFrom !== null ? `the bias has taken over by layer ${v.biasFrom}` : null;
}

/** The correlation in words for the theory line: "c → 0.99 at layer 30". */
export function correlationSummary(v: InputsVerdict): string {
  return v.correlation ? `c = ${formatValue(v.correlation.value, 3)} at layer ${v.correlation.layer}` : '';
}
