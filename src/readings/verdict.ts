// The one-line verdict over a per-layer signal: does the pooled second moment vanish, explode or
// stay put, and did it leave float range on the way? The same function judges the measurement
// and the mean-field theory's q's, so the page can show both side by side.

import type { LayerStats, LayerStatus, LayerTheory } from '../core/types';
import { formatFactor } from './format';

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
export function fitGrowthFactor(values: readonly (number | null)[]): number | null {
  // Judged again at every streamed write, so the tail is walked in place rather than listed as
  // (layer, ln v) pairs; the sums run over the same points in the same order, to the same bits.
  let count = 0;
  for (const v of values) if (isFinitePositive(v)) count++;
  const skip = Math.floor(count / 2);
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
  return Math.exp(sxy / sxx);
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

function trendVerdict(g: number): Verdict {
  const kind: VerdictKind = g < STABLE_LOW ? 'vanishing' : g > STABLE_HIGH ? 'exploding' : 'stable';
  return { kind, factor: g, text: `${kind}: ${formatFactor(g)} per layer` };
}

/**
 * The verdict over per-layer second moments (index 0 is layer 1). The first layer that left
 * the finite positive range decides: overflow beats a later underflow and vice versa.
 */
export function judgeSignal(values: readonly (number | null)[], statuses?: readonly LayerStatus[]): Verdict {
  const status = statusesOf(values, statuses);
  const firstBad = status.findIndex((s) => s !== 'ok');
  if (firstBad >= 0) {
    const layer = firstBad + 1;
    // The growth before the failure is still worth knowing ("×128 per layer, then Inf").
    const factor = fitGrowthFactor(values.slice(0, firstBad));
    switch (status[firstBad]) {
      case 'overflow':
        return { kind: 'overflow', factor, text: `overflow to Inf at layer ${layer}`, firstBadLayer: layer };
      case 'underflow':
        return { kind: 'underflow', factor, text: `underflow to 0 at layer ${layer}`, firstBadLayer: layer };
      default: {
        const all = status.every((s) => s === 'dead');
        const text = all ? 'dead network: every pre-activation is 0' : `dead at layer ${layer}: every pre-activation is 0`;
        return { kind: 'dead', factor: null, text, firstBadLayer: layer };
      }
    }
  }
  if (values.length < MIN_LAYERS) {
    return { kind: 'too-shallow', factor: null, text: `too shallow to judge: ${values.length} ${values.length === 1 ? 'layer' : 'layers'}, ${MIN_LAYERS} needed` };
  }
  const g = fitGrowthFactor(values);
  if (g === null) return { kind: 'too-shallow', factor: null, text: 'too few finite values to judge' };
  return trendVerdict(g);
}

/** Verdict on the measured pooled second moment of the pre-activations. */
export function measuredVerdict(layers: readonly LayerStats[]): Verdict {
  return judgeSignal(
    layers.map((l) => l.preactivation.secondMoment),
    layers.map((l) => l.status),
  );
}

/** Verdict on the mean-field q^l, or null when the theory does not apply to this network. */
export function theoryVerdict(theory: readonly LayerTheory[]): Verdict | null {
  const q = theory.map((t) => t.preactivationSecondMoment);
  if (q.every((v) => v === null)) return null;
  return judgeSignal(q);
}
