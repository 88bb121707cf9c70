// The part of the signal series drawn while the layer-by-layer animation plays: layers
// 1…upTo of every series. The axes are still computed from the whole run, so they hold still
// while the curve travels across them.

import type { SignalSeries } from './signalSeries';

export function revealSeries(series: SignalSeries, upTo: number | null): SignalSeries {
  if (upTo === null) return series;
  return {
    measured: series.measured.filter((p) => p.layer <= upTo),
    theory: series.theory.filter((p) => p.layer <= upTo),
    activations: series.activations.filter((p) => p.layer <= upTo),
    activationsTheory: series.activationsTheory.filter((p) => p.layer <= upTo),
  };
}
