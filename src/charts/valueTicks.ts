// Ticks of a linear value axis (the distributions' x-axis), in pixel positions with labels that
// share one precision ("−1.0, −0.5, 0.0", not "−1.0, −0.50, 0").

import { scaleLinear } from 'd3-scale';
import type { AxisTick } from './axes';

/** About one tick per 90 px; for an adaptive (per-layer) axis only the words "min" and "max". */
export function valueTicks(range: [number, number] | null, plotWidth: number): AxisTick[] {
  if (!range) {
    return [
      { value: 0, label: 'min' },
      { value: plotWidth, label: 'max' },
    ];
  }
  const x = scaleLinear().domain(range).range([0, plotWidth]);
  const count = Math.max(2, Math.floor(plotWidth / 90));
  const format = x.tickFormat(count);
  return x.ticks(count).map((v) => ({ value: x(v), label: format(v) }));
}
