// Turns the run's per-layer numbers into drawable series: finite positive values become points on
// the log scale, Inf and 0 become edge markers, and nothing non-finite is ever handed to a path.

import { line } from 'd3-shape';
import type { LayerStats, LayerTheory } from '../core/types';

/** 'inf': overflowed (drawn ▲ at the top edge); 'zero': underflowed or dead (▼ at the bottom). */
export type PointKind = 'ok' | 'inf' | 'zero';

export interface SeriesPoint {
  layer: number;
  /** The number as measured or predicted (may be Inf or 0); null where there is none. */
  raw: number | null;
  kind: PointKind;
}

export type SeriesId = 'measured' | 'theory' | 'activations' | 'activationsTheory';

export type SignalSeries = Record<SeriesId, SeriesPoint[]>;

export function pointOf(layer: number, raw: number | null, forced?: PointKind): SeriesPoint {
  if (raw === null) return { layer, raw, kind: 'ok' };
  if (!Number.isFinite(raw)) return { layer, raw, kind: 'inf' };
  if (raw <= 0) return { layer, raw, kind: 'zero' };
  return { layer, raw, kind: forced ?? 'ok' };
}

/** Whether a point sits on the curve (as opposed to an edge marker or a gap in the theory). */
export function onCurve(p: SeriesPoint): p is SeriesPoint & { raw: number } {
  return p.kind === 'ok' && p.raw !== null;
}

export function buildSeries(layers: readonly LayerStats[], theory: readonly LayerTheory[]): SignalSeries {
  return { ...measuredSeries(layers), ...theorySeries(theory) };
}

const measuredPoints = new WeakMap<LayerStats, { measured: SeriesPoint; activations: SeriesPoint }>();

/**
 * The measured half of buildSeries. A layer's points are made once and kept with it: while a run
 * streams, each write then makes points for the new layers only, and a series keeps its old points
 * as the same objects, which lets growingPath.ts extend a path instead of drawing it anew.
 */
export function measuredSeries(layers: readonly LayerStats[]): Pick<SignalSeries, 'measured' | 'activations'> {
  const points = layers.map((l) => {
    let p = measuredPoints.get(l);
    if (!p) {
      // The engine's status wins: an overflowed layer is Inf even if some statistic came out finite.
      const forced: PointKind | undefined = l.status === 'overflow' ? 'inf' : l.status === 'ok' ? undefined : 'zero';
      p = {
        measured: pointOf(l.layer, l.preactivation.secondMoment, forced),
        activations: pointOf(l.layer, l.activation.secondMoment, l.status === 'overflow' ? 'inf' : undefined),
      };
      measuredPoints.set(l, p);
    }
    return p;
  });
  return { measured: points.map((p) => p.measured), activations: points.map((p) => p.activations) };
}

/**
 * The theory half of buildSeries. Apart, so that a chart can keep it (and the paths drawn from it)
 * while the measured layers stream in: the theory of every layer is known from the run's start.
 */
export function theorySeries(theory: readonly LayerTheory[]): Pick<SignalSeries, 'theory' | 'activationsTheory'> {
  return {
    theory: theory.map((t, i) => pointOf(i + 1, t.preactivationSecondMoment)),
    activationsTheory: theory.map((t, i) => pointOf(i + 1, t.activationSecondMoment)),
  };
}

/** The values that set the y-domain: only what is drawn on the curve. */
export function curveValues(series: readonly SeriesPoint[][]): number[] {
  const out: number[] = [];
  for (const s of series) for (const p of s) if (onCurve(p)) out.push(p.raw);
  return out;
}

/**
 * SVG path through the points on the curve; a marker or gap breaks the line rather than drawing a
 * segment to nowhere. Returns '' when there is nothing to draw.
 */
export function seriesPath(
  points: readonly SeriesPoint[],
  x: (layer: number) => number,
  y: (v: number) => number,
): string {
  const path = line<SeriesPoint>()
    .defined((p) => onCurve(p) && Number.isFinite(y(p.raw)))
    .x((p) => x(p.layer))
    .y((p) => y(p.raw ?? NaN)); // only called for defined points, where raw is a finite number
  return path(points) ?? '';
}

/** A run of consecutive layers that all overflowed (or all hit 0): one labelled marker, not 165. */
export interface EdgeRun {
  kind: 'inf' | 'zero';
  first: number;
  last: number;
  /** "Inf at layer 36", "0 at layer 127"; null for series drawn without labels. */
  label: string | null;
}

/** `unit` names what x counts in the labels ("Inf at block 12" on a residual net's per-block view). */
export function edgeRuns(
  points: readonly SeriesPoint[],
  withLabels: boolean,
  unit: 'layer' | 'block' = 'layer',
): EdgeRun[] {
  const runs: EdgeRun[] = [];
  for (const p of points) {
    if (p.kind === 'ok') continue;
    const open = runs.at(-1);
    if (open && open.kind === p.kind && open.last === p.layer - 1) open.last = p.layer;
    else runs.push({ kind: p.kind, first: p.layer, last: p.layer, label: null });
  }
  if (withLabels) {
    for (const r of runs) {
      const what = r.kind === 'inf' ? 'Inf' : '0';
      r.label = r.first === r.last ? `${what} at ${unit} ${r.first}` : `${what} at ${unit}s ${r.first}–${r.last}`;
    }
  }
  return runs;
}
