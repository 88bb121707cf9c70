// Paths of a series that grows at its end while a run streams. Every write of the store re-renders
// the charts, and redrawing a 1000-point path from scratch each time was most of the page's
// garbage on deep runs — garbage that outlives a frame, which made V8 grow the page's young
// generation by tens of MB. As long as the scales stay (the y-domain snaps to whole decades, so
// they mostly do) and the points only gained new ones at the end, the last path is extended with
// the new points instead: the same string as drawing all the points anew.

import { useState } from 'react';
import { markPath } from './markPath';
import { onCurve, seriesPath, type SeriesPoint } from './signalSeries';

type Scale = (v: number) => number;

/**
 * seriesPath(points, x, y), given `previous` = seriesPath(points.slice(0, from), x, y). d3's line
 * starts each run of drawable points with M, goes on with L, and closes a run of one point with Z;
 * so the new points continue the last run when both sides of the seam are drawable.
 */
export function extendSeriesPath(
  previous: string,
  points: readonly SeriesPoint[],
  from: number,
  x: Scale,
  y: Scale,
): string {
  if (from <= 0) return seriesPath(points, x, y);
  if (from >= points.length) return previous;
  // seriesPath's own test of a point.
  const drawable = (p: SeriesPoint) => onCurve(p) && Number.isFinite(y(p.raw));
  if (!drawable(points[from - 1]!) || !drawable(points[from]!)) return previous + seriesPath(points.slice(from), x, y);
  // Drawn from the seam's last old point: "M<that point>L<the new ones>…"; keep from the first L.
  const tail = seriesPath(points.slice(from - 1), x, y);
  const head = previous.endsWith('Z') ? previous.slice(0, -1) : previous;
  return head + tail.slice(tail.indexOf('L'));
}

/** markPath(points, …), given `previous` = markPath(points.slice(0, from), …): marks are independent. */
export function extendMarkPath(
  previous: string,
  points: readonly SeriesPoint[],
  from: number,
  x: Scale,
  y: Scale,
  r: number,
  shape: 'circle' | 'square',
): string {
  return from <= 0 ? markPath(points, x, y, r, shape) : previous + markPath(points.slice(from), x, y, r, shape);
}

/** The last path drawn, what it was drawn from and on which scales. */
export class GrowingPath {
  private points: readonly SeriesPoint[] = [];
  private scales: readonly unknown[] = [];
  private path = '';

  /**
   * `draw(previous, from)` returns the path of all `points` given the path of the first `from`
   * (from = 0: draw them all). `scales` are whatever the path depends on besides the points.
   */
  draw(
    points: readonly SeriesPoint[],
    scales: readonly unknown[],
    draw: (previous: string, from: number) => string,
  ): string {
    const sameScales = scales.length === this.scales.length && scales.every((s, i) => Object.is(s, this.scales[i]));
    // The same point objects at both ends of the old series: the points of a run only grow (a new
    // run's are new objects), so the old ones are a prefix of these.
    const n = this.points.length;
    const grown = n > 0 && n <= points.length && points[0] === this.points[0] && points[n - 1] === this.points[n - 1];
    if (!(sameScales && grown && n === points.length))
      this.path = draw(sameScales && grown ? this.path : '', sameScales && grown ? n : 0);
    this.points = points;
    this.scales = scales;
    return this.path;
  }
}

/**
 * A GrowingPath per component: `draw` runs only for what changed since the last render. A cache,
 * so a render that React discards leaves it valid: what it holds is the path of what it holds.
 */
export function useGrowingPath(
  points: readonly SeriesPoint[] | null,
  scales: readonly unknown[],
  draw: (previous: string, from: number, points: readonly SeriesPoint[]) => string,
): string {
  const [cache] = useState(() => new GrowingPath());
  return points === null ? '' : cache.draw(points, scales, (previous, from) => draw(previous, from, points));
}
