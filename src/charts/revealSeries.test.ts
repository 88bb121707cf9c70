import { describe, expect, it } from 'vitest';
import { revealSeries } from './revealSeries';
import type { SeriesPoint, SignalSeries } from './signalSeries';

const points = (n: number): SeriesPoint[] =>
  Array.from({ length: n }, (_, i) => ({ layer: i + 1, raw: 1, kind: 'ok' }));
const series: SignalSeries = {
  measured: points(10),
  theory: points(10),
  activations: points(10),
  activationsTheory: points(10),
};

describe('revealSeries', () => {
  it('keeps layers 1…upTo of every series', () => {
    const shown = revealSeries(series, 4);
    for (const s of Object.values(shown)) expect(s.map((p) => p.layer)).toEqual([1, 2, 3, 4]);
  });

  it('draws everything when no animation plays', () => {
    expect(revealSeries(series, null)).toBe(series);
  });
});
