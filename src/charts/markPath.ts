// Point marks as one SVG path. While a run streams, hundreds of <circle>s (or <rect>s) re-laid out
// and repainted several times a second cost more than the chart itself; one path is one element
// that the browser updates in a single attribute write. Finished runs draw separate marks again,
// which tooltips, tests and the export address one layer at a time.

import { onCurve, type SeriesPoint } from './signalSeries';

/** Pixels to a tenth: enough for marks, and keeps a 2000-point path short. */
const r1 = (v: number): number => Math.round(v * 10) / 10;

/** Circles of radius `r` (shape 'circle') or squares of side `2r` ('square') at every point on the curve. */
export function markPath(
  points: readonly SeriesPoint[],
  x: (layer: number) => number,
  y: (v: number) => number,
  r: number,
  shape: 'circle' | 'square',
): string {
  const parts: string[] = [];
  const d = r1(2 * r);
  // Two half-circle arcs close a circle; a square is four relative lines. Everything after the
  // move is the same for every mark: built once, not once per point (a streamed run rebuilds
  // these paths several times a second, and each number turned into text is garbage).
  const mark =
    shape === 'circle' ? `a${r1(r)},${r1(r)} 0 1,0 ${d},0a${r1(r)},${r1(r)} 0 1,0 ${-d},0` : `h${d}v${d}h${-d}z`;
  const dy = shape === 'circle' ? 0 : r;
  for (const p of points) {
    if (!onCurve(p)) continue;
    const cx = x(p.layer);
    const cy = y(p.raw);
    if (!Number.isFinite(cx) || !Number.isFinite(cy)) continue;
    parts.push(`M${r1(cx - r)},${r1(cy - dy)}${mark}`);
  }
  return parts.join('');
}
