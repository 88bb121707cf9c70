// Scales, ticks, paths and markers of the signal chart, computed once per size and data change.
// d3-scale and d3-shape do the math; the result is plain numbers and strings for React to draw.

import { scaleLinear, scaleLog } from 'd3-scale';
import { useMemo } from 'react';
import { layerTicks, logDomain, logTicks } from './logAxis';
import { extendSeriesPath, useGrowingPath } from './growingPath';
import { revealSeries } from './revealSeries';
import {
  edgeRuns,
  onCurve,
  seriesPath,
  type EdgeRun,
  type SeriesId,
  type SeriesPoint,
  type SignalSeries,
} from './signalSeries';
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
  /** The value at a y pixel within the log scale (a drawn guess is kept in values, not pixels). */
  valueAt: (py: number) => number;
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
 *
 * Memoized in layers, because a streamed run re-renders the chart several times a second: the
 * scales depend on the size and on the y-domain, which snaps to whole decades and so stays put
 * for most writes, and each path on its own series and the scales. A new layer then only extends
 * the measured curves and leaves the theory's 1000 points alone, and the page makes far less
 * garbage (which on deep runs made V8 grow its young generation by tens of MB).
 */
export function useSignalGeometry(
  width: number,
  height: number,
  depth: number,
  series: SignalSeries,
  showActivations: boolean,
  revealUpTo: number | null = null,
  pinned: readonly PinnedCurves[] = NO_PINS,
  unit: 'layer' | 'block' = 'layer',
): SignalGeometry {
  const visible = useMemo<SeriesId[]>(
    () => (showActivations ? ['measured', 'theory', 'activations', 'activationsTheory'] : ['measured', 'theory']),
    [showActivations],
  );
  const { infBand, zeroBand, lo, hi, hasCurve } = useMemo(() => {
    const scaled = [...visible.map((id) => series[id]), ...pinned.flatMap((p) => [p.measured, p.theory])];
    let inf = false;
    let zero = false;
    // The domain depends on the smallest and largest value on the curve only: found in the same
    // pass, rather than listing every value (curveValues) for each streamed write.
    let min = Infinity;
    let max = -Infinity;
    for (const points of scaled) {
      for (const p of points) {
        if (p.kind === 'inf') inf = true;
        else if (p.kind === 'zero') zero = true;
        else if (onCurve(p)) {
          if (p.raw < min) min = p.raw;
          if (p.raw > max) max = p.raw;
        }
      }
    }
    const hasCurve = min <= max;
    const [lo, hi] = logDomain(hasCurve ? [min, max] : []);
    return { infBand: inf ? BAND : 0, zeroBand: zero ? BAND : 0, lo, hi, hasCurve };
  }, [visible, series, pinned]);
  const layout = useMemo<SignalLayout>(() => {
    const plotWidth = Math.max(10, width - PLOT_MARGIN.left - PLOT_MARGIN.right);
    const plotHeight = Math.max(10, height - PLOT_MARGIN.top - PLOT_MARGIN.bottom);
    const yScale = scaleLog()
      .domain([lo, hi])
      .range([plotHeight - zeroBand, infBand]);
    // The domain is the run's depth from the start, so the curve grows rightwards as layers stream in.
    const pad = Math.max(0.5, depth * 0.01);
    const xScale = scaleLinear()
      .domain([1 - pad, depth + pad])
      .range([0, plotWidth]);
    return {
      plotWidth,
      plotHeight,
      x: (l) => xScale(l),
      y: (v) => yScale(v),
      layerAt: (px) => Math.min(depth, Math.max(1, Math.round(xScale.invert(px)))),
      valueAt: (py) => yScale.invert(Math.min(plotHeight - zeroBand, Math.max(infBand, py))),
      infY: MARKER_INSET,
      zeroY: plotHeight - MARKER_INSET,
    };
  }, [width, height, depth, lo, hi, infBand, zeroBand]);
  const ticks = useMemo(() => {
    const maxLabels = Math.max(3, Math.floor((layout.plotHeight - infBand - zeroBand) / 26));
    return {
      // Without a single finite positive value, log ticks would label an empty, made-up range.
      yTicks: hasCurve ? logTicks(lo, hi, maxLabels) : [],
      xTicks: layerTicks(depth, layout.plotWidth).map((v) => ({ value: v, label: String(v) })),
    };
  }, [layout, infBand, zeroBand, hasCurve, lo, hi, depth]);
  const drawn = useMemo(() => revealSeries(series, revealUpTo), [series, revealUpTo]);
  const paths = {
    // The measured series grow while a run streams: extended, not drawn anew (growingPath.ts).
    measured: useGrowingPath(drawn.measured, [layout], (previous, from, points) =>
      extendSeriesPath(previous, points, from, layout.x, layout.y),
    ),
    theory: useSeriesPath(drawn.theory, layout),
    activations: useGrowingPath(showActivations ? drawn.activations : null, [layout], (previous, from, points) =>
      extendSeriesPath(previous, points, from, layout.x, layout.y),
    ),
    activationsTheory: useSeriesPath(showActivations ? drawn.activationsTheory : null, layout),
  };
  const markers = useMemo(
    () => Object.fromEntries(visible.map((id) => [id, edgeRuns(drawn[id], id === 'measured', unit)])),
    [visible, drawn, unit],
  );
  const { measured, theory, activations, activationsTheory } = paths;
  return useMemo(
    () => ({
      layout,
      visible,
      infBand,
      zeroBand,
      ...ticks,
      paths: Object.fromEntries(visible.map((id) => [id, { measured, theory, activations, activationsTheory }[id]])),
      markers,
      radius: Math.min(4.5, Math.max(1.5, layout.plotWidth / depth / 3)),
      hasCurve,
    }),
    [
      layout,
      visible,
      infBand,
      zeroBand,
      ticks,
      measured,
      theory,
      activations,
      activationsTheory,
      markers,
      depth,
      hasCurve,
    ],
  );
}

/** The SVG path of one series on the current scales; '' for a series not drawn. */
function useSeriesPath(points: readonly SeriesPoint[] | null, layout: SignalLayout): string {
  return useMemo(() => (points ? seriesPath(points, layout.x, layout.y) : ''), [points, layout]);
}
