import { describe, expect, it } from 'vitest';
import { markPath } from './markPath';
import type { SeriesPoint } from './signalSeries';

const points: SeriesPoint[] = [
  { layer: 1, raw: 1, kind: 'ok' },
  { layer: 2, raw: Infinity, kind: 'inf' },
  { layer: 3, raw: null, kind: 'ok' },
  { layer: 4, raw: 0.5, kind: 'ok' },
];
const x = (l: number) => l * 10;
const y = (v: number) => 100 - v * 10;

describe('markPath(points, x, y, r, shape)', () => {
  it('draws one closed circle per point on the curve, skipping markers and gaps', () => {
    const d = markPath(points, x, y, 2, 'circle');
    expect(d).toBe('M8,90a2,2 0 1,0 4,0a2,2 0 1,0 -4,0M38,95a2,2 0 1,0 4,0a2,2 0 1,0 -4,0');
  });

  it('draws squares of side 2r centred on the points', () => {
    expect(markPath(points.slice(0, 1), x, y, 1.5, 'square')).toBe('M8.5,88.5h3v3h-3z');
  });

  it('is empty without points and never holds NaN', () => {
    expect(markPath([], x, y, 2, 'circle')).toBe('');
    expect(markPath(points, x, () => NaN, 2, 'circle')).toBe('');
  });
});
