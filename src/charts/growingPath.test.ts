import { scaleLinear, scaleLog } from 'd3-scale';
import { describe, expect, it } from 'vitest';
import { extendMarkPath, extendSeriesPath, GrowingPath } from './growingPath';
import { markPath } from './markPath';
import { measuredSeries, pointOf, seriesPath, type SeriesPoint } from './signalSeries';
import { fakeLayers } from './testData';

const xs = scaleLinear().domain([1, 40]).range([0, 400]);
const ys = scaleLog().domain([1e-3, 1e3]).range([200, 0]);
const x = (l: number) => xs(l);
const y = (v: number) => ys(v);

/** A seeded series with every kind of point: runs, lone points, gaps, Inf, 0 and nulls. */
function series(seed: number, length: number): SeriesPoint[] {
  let s = seed;
  const next = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length }, (_, i) => {
    const u = next();
    const raw = u < 0.1 ? null : u < 0.15 ? Infinity : u < 0.2 ? 0 : u < 0.25 ? 1e-300 : 10 ** (6 * next() - 3);
    return pointOf(i + 1, raw);
  });
}

describe('extendSeriesPath and extendMarkPath', () => {
  it('give the path of all the points from the path of any first part of them', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const points = series(seed, 30);
      for (let from = 0; from <= points.length; from++) {
        const head = points.slice(0, from);
        expect(extendSeriesPath(seriesPath(head, x, y), points, from, x, y)).toBe(seriesPath(points, x, y));
        expect(extendMarkPath(markPath(head, x, y, 2, 'circle'), points, from, x, y, 2, 'circle')).toBe(
          markPath(points, x, y, 2, 'circle'),
        );
      }
    }
  });
});

describe('GrowingPath', () => {
  const draws: number[] = [];
  const draw = (points: readonly SeriesPoint[]) => (previous: string, from: number) => {
    draws.push(from);
    return extendSeriesPath(previous, points, from, x, y);
  };

  it('extends the last path while the same series grows on the same scales, else draws anew', () => {
    const path = new GrowingPath();
    const all = measuredSeries(fakeLayers(series(7, 20).map((p) => p.raw ?? 1))).measured;
    draws.length = 0;
    // A streamed run: each write has a few more layers, as the store keeps them.
    for (const n of [3, 8, 8, 20]) {
      const points = all.slice(0, n);
      expect(path.draw(points, [x, y], draw(points))).toBe(seriesPath(points, x, y));
    }
    expect(draws).toEqual([0, 3, 8]);
    // New scales: the whole series again.
    const y2 = (v: number) => ys(v) / 2;
    expect(
      path.draw(all, [x, y2], (previous, from) => (draws.push(from), extendSeriesPath(previous, all, from, x, y2))),
    ).toBe(seriesPath(all, x, y2));
    expect(draws.at(-1)).toBe(0);
    // Another run's points (other objects), even with more of them: drawn anew.
    const other = measuredSeries(fakeLayers(series(8, 25).map((p) => p.raw ?? 1))).measured;
    expect(
      path.draw(other, [x, y2], (previous, from) => (draws.push(from), extendSeriesPath(previous, other, from, x, y2))),
    ).toBe(seriesPath(other, x, y2));
    expect(draws.at(-1)).toBe(0);
  });
});

describe('measuredSeries', () => {
  it('keeps a layer’s points as the same objects from write to write', () => {
    const layers = fakeLayers([1, 2, 3]);
    const first = measuredSeries(layers.slice(0, 2));
    const second = measuredSeries(layers);
    expect(second.measured[1]).toBe(first.measured[1]);
    expect(second.activations[0]).toBe(first.activations[0]);
  });
});
