// The one-line verdict over a per-layer signal: does the pooled second moment vanish, explode or
// stay put, and did it leave float range on the way? The same function judges the measurement
// and the mean-field theory's q's, so the page can show both side by side.

import type { LayerStats, LayerStatus, LayerTheory } from '../core/types';
import { formatFactor, formatValue } from './format';

export type VerdictKind = 'vanishing' | 'exploding' | 'stable' | 'overflow' | 'underflow' | 'dead' | 'too-shallow';

export interface Verdict {
  kind: VerdictKind;
  /** Fitted per-layer growth factor g of the second moment; null when there is nothing to fit. */
  factor: number | null;
  /** "vanishing: ×0.50 per layer", "overflow to Inf at layer 12", … */
  text: string;
  /** The first layer that overflowed, underflowed or died. */
  firstBadLayer?: number;
}

/**
 * g in [0.9, 1/0.9] counts as stable: |ln g| ≤ ln(1/0.9) ≈ 0.105, so over 10 layers the signal
 * stays within about ×e^{±1} of where it was. That is drift a deep net survives, and it is wider
 * than the finite-width noise of the fit (ln v is a random walk with ≈ 5/N variance per layer).
 */
export const STABLE_LOW = 0.9;
export const STABLE_HIGH = 1 / STABLE_LOW;

/** Below this depth the last half of the layers holds fewer than two points to fit a slope to. */
export const MIN_LAYERS = 3;

/**
 * Which layers the growth factor is fitted over. 'tail' (the last half) for a stack of equal
 * layers, whose first layers are transients; 'all' when the widths change along the network, where
 * each layer's factor differs by design (a bottleneck grows while it narrows and shrinks back while it
 * widens) and the last half alone would tell half the story.
 */
export type FitWindow = 'tail' | 'all';

/** 'all' when any layer's fan-out differs from the first one's (fan-in of layer 1 is the input's). */
export function fitWindowFor(widths: readonly number[]): FitWindow {
  return widths.some((w) => w !== widths[0]) ? 'all' : 'tail';
}

function isFinitePositive(v: number | null | undefined): v is number {
  return v !== null && v !== undefined && Number.isFinite(v) && v > 0;
}

/**
 * Least-squares slope of ln v_l against l over the LAST half of the layers whose value is finite
 * and positive, as a factor e^slope. The first layers are transients and would bias the fit:
 * layer 1 sees the raw input rather than φ of a pre-activation (under He/ReLU q¹ = 2·E[x²], which
 * only matches the later layers when E[x²] = 1), and bounded activations relax towards their
 * fixed point over several layers (tanh with σ_w² = 25/9: 2.78, 1.60, 1.33, 1.20, then 1.18 for
 * good). The tail is what a deeper net would keep doing.
 */
export function fitGrowthFactor(values: readonly (number | null)[], window: FitWindow = 'tail'): number | null {
  const slope = fitSlope(values, window);
  return slope === null ? null : Math.exp(slope);
}

/**
 * The standard error of ln g as fitted by fitGrowthFactor. Each layer multiplies the signal by a
 * factor of its own (fresh weights), so ln v is a random walk with drift, not a line with independent
 * scatter: the residuals about the line would understate the error several-fold. For a random walk
 * of n points whose steps have variance s², the least-squares slope has variance
 * 6(n² + 1)/(5n(n² − 1))·s²; s² is estimated from the steps between consecutive fitted points.
 * Null with fewer than three points. `stepVariance` is s² itself: by Jensen's inequality one
 * network's ln v drifts by about −s²/2 per layer below the ln of the mean-field factor, which
 * predicts the mean E[v] (at width 16 under He/ReLU, s² ≈ 5/16 and the drift ×0.86 per layer).
 */
export function fitNoise(
  values: readonly (number | null)[],
  window: FitWindow = 'tail',
  reference?: readonly (number | null)[],
): { lnError: number; stepVariance: number } | null {
  // With a reference (the theory's curve), the steps are those of ln(v/reference): what the theory
  // does not explain. A bottleneck's designed ×4/3 and ×2/3 layers are then not taken for noise.
  const usable = (v: number | null | undefined, i: number) =>
    isFinitePositive(v) && (!reference || isFinitePositive(reference[i]));
  let count = 0;
  values.forEach((v, i) => {
    if (usable(v, i)) count++;
  });
  const skip = window === 'tail' ? Math.floor(count / 2) : 0;
  const points: number[] = [];
  let seen = 0;
  values.forEach((v, i) => {
    if (usable(v, i) && seen++ >= skip) points.push(Math.log(v!) - (reference ? Math.log(reference[i]!) : 0));
  });
  const n = points.length;
  if (n < 3) return null;
  const steps = points.slice(1).map((y, i) => y - points[i]!);
  const meanStep = steps.reduce((a, b) => a + b, 0) / steps.length;
  const s2 = steps.reduce((a, d) => a + (d - meanStep) ** 2, 0) / (steps.length - 1);
  return { lnError: Math.sqrt(((6 * (n * n + 1)) / (5 * n * (n * n - 1))) * s2), stepVariance: s2 };
}

function fitSlope(values: readonly (number | null)[], window: FitWindow): number | null {
  // Judged again at every streamed write, so the tail is walked in place rather than listed as
  // (layer, ln v) pairs; the sums run over the same points in the same order, to the same bits.
  let count = 0;
  for (const v of values) if (isFinitePositive(v)) count++;
  const skip = window === 'tail' ? Math.floor(count / 2) : 0;
  const n = count - skip;
  if (n < 2) return null;
  const forTail = (visit: (x: number, y: number) => void) => {
    let seen = 0;
    values.forEach((v, i) => {
      if (isFinitePositive(v) && seen++ >= skip) visit(i + 1, Math.log(v));
    });
  };
  let sumX = 0;
  let sumY = 0;
  forTail((x, y) => {
    sumX += x;
    sumY += y;
  });
  const meanX = sumX / n;
  const meanY = sumY / n;
  let sxy = 0;
  let sxx = 0;
  forTail((x, y) => {
    sxy += (x - meanX) * (y - meanY);
    sxx += (x - meanX) * (x - meanX);
  });
  return sxy / sxx;
}

/** Status of each layer: the engine's when given, else read off the value (theory curves). */
function statusesOf(values: readonly (number | null)[], given?: readonly LayerStatus[]): LayerStatus[] {
  let seenPositive = false;
  return values.map((v, i) => {
    const status = given?.[i];
    // A non-finite value is an overflow whatever the status says: it must never be fitted.
    if (v !== null && !Number.isFinite(v)) return 'overflow';
    if (status) return status;
    if (v === 0) return seenPositive ? 'underflow' : 'dead';
    if (isFinitePositive(v)) seenPositive = true;
    return 'ok';
  });
}

/** Which band a per-layer factor falls in. */
export function trendKind(g: number): 'vanishing' | 'stable' | 'exploding' {
  return g < STABLE_LOW ? 'vanishing' : g > STABLE_HIGH ? 'exploding' : 'stable';
}

function trendVerdict(g: number): Verdict {
  const kind = trendKind(g);
  return { kind, factor: g, text: `${kind}: ${formatFactor(g)} per layer` };
}

/**
 * The verdict over per-layer second moments (index 0 is layer 1). The first layer that left
 * the finite positive range decides: overflow beats a later underflow and vice versa.
 */
export function judgeSignal(
  values: readonly (number | null)[],
  statuses?: readonly LayerStatus[],
  window: FitWindow = 'tail',
): Verdict {
  const status = statusesOf(values, statuses);
  const firstBad = status.findIndex((s) => s !== 'ok');
  if (firstBad >= 0) {
    const layer = firstBad + 1;
    // The growth before the failure is still worth knowing ("×128 per layer, then Inf").
    const factor = fitGrowthFactor(values.slice(0, firstBad), window);
    switch (status[firstBad]) {
      case 'overflow':
        return { kind: 'overflow', factor, text: `overflow to Inf at layer ${layer}`, firstBadLayer: layer };
      case 'underflow':
        return { kind: 'underflow', factor, text: `underflow to 0 at layer ${layer}`, firstBadLayer: layer };
      default: {
        const all = status.every((s) => s === 'dead');
        const text = all
          ? 'dead network: every pre-activation is 0'
          : `dead at layer ${layer}: every pre-activation is 0`;
        return { kind: 'dead', factor: null, text, firstBadLayer: layer };
      }
    }
  }
  if (values.length < MIN_LAYERS) {
    return {
      kind: 'too-shallow',
      factor: null,
      text: `too shallow to judge: ${values.length} ${values.length === 1 ? 'layer' : 'layers'}, ${MIN_LAYERS} needed`,
    };
  }
  const g = fitGrowthFactor(values, window);
  if (g === null) return { kind: 'too-shallow', factor: null, text: 'too few finite values to judge' };
  return trendVerdict(g);
}

/** Verdict on the measured pooled second moment of the pre-activations. */
export function measuredVerdict(
  layers: readonly LayerStats[],
  window: FitWindow = fitWindowFor(layers.map((l) => l.fanOut)),
): Verdict {
  return judgeSignal(
    layers.map((l) => l.preactivation.secondMoment),
    layers.map((l) => l.status),
    window,
  );
}

/** Verdict on the mean-field q^l, or null when the theory does not apply to this network. */
export function theoryVerdict(theory: readonly LayerTheory[], window: FitWindow = 'tail'): Verdict | null {
  const q = theory.map((t) => t.preactivationSecondMoment);
  if (q.every((v) => v === null)) return null;
  return judgeSignal(q, undefined, window);
}

/**
 * The whole way of a series, first finite positive value to last: its ratio and the words for it
 * ("87× down"), or null when the series has fewer than two such values.
 */
export function overallChange(values: readonly (number | null)[]): { ratio: number; way: string } | null {
  const finite = values.filter((x): x is number => x !== null && Number.isFinite(x) && x > 0);
  const first = finite[0];
  const last = finite.at(-1);
  if (first === undefined || last === undefined) return null;
  const ratio = last / first;
  return { ratio, way: ratio < 1 ? `${formatValue(1 / ratio)}× down` : `${formatValue(ratio)}× up` };
}
