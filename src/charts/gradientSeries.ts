// The back-propagated second moment E[δ²] per layer as drawable series, in the same shape as the
// forward ones (signalSeries.ts), so the signal chart puts both directions on one log axis.
// The backward pass streams from the top layer down: layers not received yet are gaps (raw null).

import type { GradientStats } from '../core/types';
import { pointOf, type PointKind, type SeriesPoint } from './signalSeries';

export interface GradientCurves {
  measured: SeriesPoint[];
  theory: SeriesPoint[];
}

export function buildGradientSeries(gradients: readonly (GradientStats | undefined)[]): GradientCurves {
  const measured: SeriesPoint[] = [];
  const theory: SeriesPoint[] = [];
  // A plain loop: the array has holes while the lower layers are still on their way.
  for (let i = 0; i < gradients.length; i++) {
    const g = gradients[i];
    const layer = i + 1;
    if (!g) {
      measured.push(pointOf(layer, null));
      theory.push(pointOf(layer, null));
      continue;
    }
    // As for the forward pass, the engine's status wins over a statistic that came out finite.
    const forced: PointKind | undefined = g.status === 'overflow' ? 'inf' : g.status === 'ok' ? undefined : 'zero';
    measured.push(pointOf(layer, g.secondMoment, forced));
    theory.push(pointOf(layer, g.theorySecondMoment));
  }
  return { measured, theory };
}
