import { describe, expect, it } from 'vitest';
import { PIN_MARKERS, markedLayers, markerPath, pinEdgeMarks, pinMarkPath } from './pinMarks';
import type { SeriesPoint } from './signalSeries';

const points = (kinds: ('ok' | 'inf' | 'zero')[]): SeriesPoint[] =>
  kinds.map((kind, i) => ({ layer: i + 1, raw: kind === 'inf' ? Infinity : kind === 'zero' ? 0 : 2, kind }));

describe('pin marks', () => {
  it('gives each of the four pins its own shape', () => {
    expect(new Set(PIN_MARKERS).size).toBe(4);
    const paths = PIN_MARKERS.map((shape) => markerPath(shape, 10, 10, 4));
    expect(new Set(paths).size).toBe(4);
    expect(markerPath('diamond', 10, 10, 4)).toBe('M10,6L14,10L10,14L6,10Z');
    expect(markerPath('plus', 10, 10, 4)).toBe('M6,10L14,10M10,6L10,14');
  });

  it('marks about a dozen layers of a curve, however deep, and shifts each pin’s marks', () => {
    expect(markedLayers(5, 0)).toEqual([1, 2, 3, 4, 5]);
    for (const depth of [30, 100, 2000]) {
      const marks = markedLayers(depth, 0);
      expect(marks.length).toBeGreaterThanOrEqual(10);
      expect(marks.length).toBeLessThanOrEqual(15);
      expect(Math.max(...marks)).toBeLessThanOrEqual(depth);
    }
    expect(markedLayers(100, 0)[0]).toBe(1);
    expect(markedLayers(100, 2)[0]).toBe(6);
    expect(new Set([0, 1, 2, 3].map((slot) => markedLayers(100, slot)[0])).size).toBe(4);
  });

  it('draws marks only where the curve is on the scale', () => {
    const path = pinMarkPath(
      points(['ok', 'inf', 'ok', 'zero']),
      [1, 2, 3, 4],
      'square',
      (l) => l * 10,
      () => 50,
      4,
    );
    // Two squares: layers 1 and 3.
    expect(path.match(/M/g)).toHaveLength(2);
    expect(
      pinMarkPath(
        points(['inf']),
        [1],
        'diamond',
        (l) => l,
        () => 1,
        4,
      ),
    ).toBe('');
  });

  it('labels the first layer of each overflow or underflow with the pins it belongs to', () => {
    const marks = pinEdgeMarks([
      { slot: 0, measured: points(['ok', 'inf', 'inf']) },
      { slot: 2, measured: points(['ok', 'inf', 'inf']) },
      { slot: 1, measured: points(['ok', 'ok', 'zero']) },
    ]);
    expect(marks).toEqual([
      { kind: 'inf', layer: 2, slots: [0, 2], label: 'pins 1, 3' },
      { kind: 'zero', layer: 3, slots: [1], label: 'pin 2' },
    ]);
    expect(pinEdgeMarks([{ slot: 0, measured: points(['ok', 'ok']) }])).toEqual([]);
  });
});
