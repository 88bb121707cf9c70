// Point marks as one SVG path. While a run streams, hundreds of <circle>s (or <rect>s) re-laid out
// and repainted several times a second cost more than the chart itself; one path is one element
// that the browser updates in a single attribute write. Finished runs draw separate marks again,
// which tooltips, tests and the export address one layer at a time.

import { onCurve, type SeriesPoint } from './signalSeries';

/** Pixels to a tenth: enough for marks, and keeps a 2000-point path short. */
const r1 = (v: number): number => Math.round(v * 10) / 10;

/** Circles of radius `r` (shape 'circle') or squares of side `2r` ('square') at every point on the curve. */
export function markPath(points: readonly SeriesPoint[], x: (layer: number) => number, y: (v: number) => number, r: number, shape: 'circle' | 'square'): string {
  const parts: string[] = [];
  const d = r1(2 * r);
  for (const p of points) {
    if (!onCurve(p)) continue;
    const cx = x(p.layer);
    const cy = y(p.raw);
    if (!Number.isFinite(cx) || !Number.isFinite(cy)) continue;
    // Two half-circle arcs close a circle; a square is four relative lines.
    parts.push(
      shape === 'circle'
        ? `M${r1(cx - r)},${r1(cy)}a${r1(r)},${r1(r)} 0 1,0 ${d},0a${r1(r)},${r1(r)} 0 1,0 ${-d},0`
        : `M${r1(cx - r)},${r1(cy - r)}h${d}v${d}h${-d}z`,
    );
  }
  return parts.join('');
}
