// The cells of one layer-table row as display strings: pure, so the formatting rules (Inf,
// 0, "—" for no theory, never "NaN") are tested without a browser.

import type { LayerStats } from '../core/types';
import { formatNumber, formatPercent } from '../readings/format';

export interface LayerRowCells {
  layer: string;
  fans: string;
  mean: string;
  variance: string;
  secondMoment: string;
  theory: string;
  ratio: string;
  min: string;
  max: string;
  zero: string;
  saturated: string;
  status: LayerStats['status'];
}

/** Measured E[h²] over the theory's q: 1 means the theory describes the layer. */
export function theoryRatio(measured: number, theory: number | null): number | null {
  if (theory === null || !(theory > 0) || Number.isNaN(measured)) return null;
  return measured / theory;
}

export function layerRowCells(s: LayerStats, boundedActivation: boolean): LayerRowCells {
  const p = s.preactivation;
  const q = s.theory.preactivationSecondMoment;
  return {
    layer: String(s.layer),
    fans: `${s.fanIn}→${s.fanOut}`,
    mean: formatNumber(p.mean),
    variance: formatNumber(p.variance),
    secondMoment: formatNumber(p.secondMoment),
    theory: formatNumber(q),
    ratio: formatNumber(theoryRatio(p.secondMoment, q)),
    min: formatNumber(p.min),
    max: formatNumber(p.max),
    zero: formatPercent(s.activation.fractionZero),
    // Saturation means a flat derivative: only bounded activations (tanh, sigmoid, …) have it.
    saturated: boundedActivation ? formatPercent(s.activation.fractionSaturated) : '—',
    status: s.status,
  };
}
