// Scales, ticks, paths and markers of the signal chart, computed once per size and data change.
// d3-scale and d3-shape do the math; the result is plain numbers and strings for React to draw.

import { scaleLinear, scaleLog } from 'd3-scale';
import { useMemo } from 'react';
import { layerTicks, logDomain, logTicks } from './logAxis';
import { revealSeries } from './revealSeries';
import { curveValues, edgeRuns, seriesPath, type EdgeRun, type SeriesId, type SeriesPoint, type SignalSeries } from './signalSeries';
import type { AxisTick } from './axes';

export const PLOT_MARGIN = { top: 10, right: 24, bottom: 58, left: 88 };
/** Height of the Inf band above and the 0 band below the log scale (only when needed): a marker and its label. */
const BAND = 40;
/** Distance of the markers from the band's outer edge; the label takes the rest. */
const MARKER_INSET = 27;

export interface SignalLayout {
  plotWidth: number;
  plotHeight: number;
  x: (layer: number) => number;
  y: (v: number) => number;
  /** The nearest layer (1 … depth) to an x pixel within the plot. */
  layerAt: (px: number) => number;
  infY: number;
  zeroY: number;
}

export interface SignalGeometry {
  layout: SignalLayout;
  visible: SeriesId[];
  infBand: number;
  zeroBand: number;
  yTicks: AxisTick[];
  xTicks: AxisTick[];
  paths: Partial<Record<SeriesId, string>>;
  markers: Partial<Record<SeriesId, EdgeRun[]>>;
  /** Point radius: smaller for deep nets so 2000 points do not merge into a band. */
  radius: number;
  /** Some value is finite and positive: there is a curve on the log scale at all. */
  hasCurve: boolean;
}

/** Series of pinned configurations drawn on the same axes (compare mode); they only widen the scales here. */
export interface PinnedCurves {
  measured: SeriesPoint[];
  theory: SeriesPoint[];
}

const NO_PINS: readonly PinnedCurves[] = [];

/**
 * `revealUpTo` limits the paths and markers to layers 1…revealUpTo; scales still span the whole run.
 * `depth` should already cover the pinned curves; their values join the y-domain and the Inf/0 bands.
 */
export function useSignalGeometry(width: number, height: number, depth: number, series: SignalSeries, showActivations: boolean, revealUpTo: number | null = null, pinned: readonly PinnedCurves[] = NO_PINS): SignalGeometry {
  return useMemo(() => {
    const drawn = revealSeries(series, revealUpTo);
    const visible: SeriesId[] = showActivations ? ['measured', 'theory', 'activations', 'activationsTheory'] : ['measured', 'theory'];
    const plotWidth = Math.max(10, width - PLOT_MARGIN.left - PLOT_MARGIN.right);
    const plotHeight = Math.max(10, height - PLOT_MARGIN.top - PLOT_MARGIN.bottom);
    const scaled = [...visible.map((id) => series[id]), ...pinned.flatMap((p) => [p.measured, p.theory])];
    const kinds = new Set(scaled.flatMap((points) => points.map((p) => p.kind)));
    const infBand = kinds.has('inf') ? BAND : 0;
    const zeroBand = kinds.has('zero') ? BAND : 0;
    const values = curveValues(scaled);
    const [lo, hi] = logDomain(values);
    const yScale = scaleLog().domain([lo, hi]).range([plotHeight - zeroBand, infBand]);
    // The domain is the run's depth from the start, so the curve grows rightwards as layers stream in.
    const pad = Math.max(0.5, depth * 0.01);
    const xScale = scaleLinear().domain([1 - pad, depth + pad]).range([0, plotWidth]);
    const layout: SignalLayout = {
      plotWidth,
      plotHeight,
      x: (l) => xScale(l),
      y: (v) => yScale(v),
      layerAt: (px) => Math.min(depth, Math.max(1, Math.round(xScale.invert(px)))),
      infY: MARKER_INSET,
      zeroY: plotHeight - MARKER_INSET,
    };
    const maxLabels = Math.max(3, Math.floor((plotHeight - infBand - zeroBand) / 26));
    return {
      layout,
      visible,
      infBand,
      zeroBand,
      // Without a single finite positive value, log ticks would label an empty, made-up range.
      yTicks: values.length > 0 ? logTicks(lo, hi, maxLabels) : [],
      xTicks: layerTicks(depth, plotWidth).map((v) => ({ value: v, label: String(v) })),
      paths: Object.fromEntries(visible.map((id) => [id, seriesPath(drawn[id], layout.x, layout.y)])),
      markers: Object.fromEntries(visible.map((id) => [id, edgeRuns(drawn[id], id === 'measured')])),
      radius: Math.min(4.5, Math.max(1.5, plotWidth / depth / 3)),
      hasCurve: values.length > 0,
    };
  }, [width, height, depth, series, showActivations, revealUpTo, pinned]);
}
