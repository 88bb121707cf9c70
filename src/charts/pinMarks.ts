// The marks that tell pinned curves apart without colour: each pin has its own marker shape, drawn
// every few layers (so four curves with marks on every layer do not merge into a band), and where a
// pin overflows or underflows, a triangle labelled with the pin's number.

import { edgeRuns, onCurve, type SeriesPoint } from './signalSeries';

export type PinMarker = 'diamond' | 'cross' | 'square' | 'plus';

/** Shape of pin 1, 2, 3, 4; the dash patterns and colours of the same slots are in pinned.css. */
export const PIN_MARKERS: readonly PinMarker[] = ['diamond', 'cross', 'square', 'plus'];

/** About this many marks per pinned curve, however deep the network. */
const MARKS_PER_CURVE = 12;

const r1 = (v: number): number => Math.round(v * 10) / 10;

/** One mark of half-size `s` at (cx, cy), as path commands. */
export function markerPath(shape: PinMarker, cx: number, cy: number, s: number): string {
  const [x0, x1, y0, y1] = [r1(cx - s), r1(cx + s), r1(cy - s), r1(cy + s)];
  const [x, y] = [r1(cx), r1(cy)];
  switch (shape) {
    case 'diamond':
      return `M${x},${y0}L${x1},${y}L${x},${y1}L${x0},${y}Z`;
    case 'cross':
      return `M${x0},${y0}L${x1},${y1}M${x0},${y1}L${x1},${y0}`;
    case 'square': {
      const q = r1(s * 0.8);
      return `M${r1(cx - q)},${r1(cy - q)}h${r1(2 * q)}v${r1(2 * q)}h${r1(-2 * q)}Z`;
    }
    case 'plus':
      return `M${x0},${y}L${x1},${y}M${x},${y0}L${x},${y1}`;
  }
}

/**
 * The layers of a `depth`-layer curve that get a mark: every `stride`-th, each slot shifted by a
 * part of the stride so marks of curves lying on top of each other do not hide one another.
 */
export function markedLayers(depth: number, slot: number, slots = PIN_MARKERS.length): number[] {
  const stride = Math.max(1, Math.ceil(depth / MARKS_PER_CURVE));
  const first = 1 + (Math.round((slot * stride) / slots) % stride);
  const layers: number[] = [];
  for (let l = first; l <= depth; l += stride) layers.push(l);
  return layers;
}

/** The marks of one pinned curve as one path: only layers on the curve among `layers`. */
export function pinMarkPath(
  points: readonly SeriesPoint[],
  layers: readonly number[],
  shape: PinMarker,
  x: (l: number) => number,
  y: (v: number) => number,
  s: number,
): string {
  const parts: string[] = [];
  for (const layer of layers) {
    const p = points[layer - 1];
    if (!p || !onCurve(p)) continue;
    const cx = x(p.layer);
    const cy = y(p.raw);
    if (Number.isFinite(cx) && Number.isFinite(cy)) parts.push(markerPath(shape, cx, cy, s));
  }
  return parts.join('');
}

export interface PinEdgeMark {
  kind: 'inf' | 'zero';
  layer: number;
  /** Slots (0-based) whose measured curve leaves the scale here. */
  slots: number[];
  /** "pin 1", "pins 1, 3". */
  label: string;
}

/** Where each pinned curve first overflows or hits 0 (once per run of such layers), pins at the same place sharing one label. */
export function pinEdgeMarks(curves: readonly { slot: number; measured: readonly SeriesPoint[] }[]): PinEdgeMark[] {
  const byPlace = new Map<string, PinEdgeMark>();
  for (const { slot, measured } of curves) {
    for (const run of edgeRuns(measured, false)) {
      const place = `${run.kind}:${run.first}`;
      const mark = byPlace.get(place) ?? { kind: run.kind, layer: run.first, slots: [], label: '' };
      if (!mark.slots.includes(slot)) mark.slots.push(slot);
      byPlace.set(place, mark);
    }
  }
  const marks = [...byPlace.values()];
  for (const m of marks) {
    m.slots.sort((a, b) => a - b);
    m.label = `${m.slots.length > 1 ? 'pins' : 'pin'} ${m.slots.map((s) => s + 1).join(', ')}`;
  }
  return marks.sort((a, b) => a.layer - b.layer);
}
