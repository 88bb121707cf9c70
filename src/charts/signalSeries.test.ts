import { scaleLinear, scaleLog } from 'd3-scale';
import { describe, expect, it } from 'vitest';
import { buildSeries, curveValues, edgeRuns, seriesPath } from './signalSeries';
import { fakeLayers, geometric, theoryLayer } from './testData';

describe('buildSeries(layers, theory)', () => {
  it('keeps finite values on the curve and sends Inf and 0 to the edges', () => {
    const layers = fakeLayers([2, 4, Infinity, NaN], ['ok', 'ok', 'overflow', 'overflow']);
    const s = buildSeries(layers, [theoryLayer(2), theoryLayer(null), theoryLayer(Infinity), theoryLayer(0)]);
    expect(s.measured.map((p) => p.kind)).toEqual(['ok', 'ok', 'inf', 'inf']);
    expect(s.theory.map((p) => p.kind)).toEqual(['ok', 'ok', 'inf', 'zero']);
    expect(s.activations.map((p) => p.kind)).toEqual(['ok', 'ok', 'inf', 'inf']);
    expect(curveValues([s.measured, s.theory])).toEqual([2, 4, 2]);
  });

  it('marks underflowed and dead layers at the bottom edge', () => {
    const s = buildSeries(fakeLayers([1, 0, 0], ['ok', 'underflow', 'dead']), []);
    expect(s.measured.map((p) => p.kind)).toEqual(['ok', 'zero', 'zero']);
  });
});

describe('seriesPath(points, x, y)', () => {
  const x = scaleLinear().domain([1, 10]).range([0, 100]);
  const y = scaleLog().domain([1e-10, 10]).range([100, 0]);

  it('never writes NaN or Infinity into a path', () => {
    const layers = fakeLayers([2, 1, Infinity, NaN, 0, 1e-3], ['ok', 'ok', 'overflow', 'overflow', 'dead', 'ok']);
    const s = buildSeries(layers, [theoryLayer(null), theoryLayer(Infinity), theoryLayer(0), theoryLayer(NaN)]);
    for (const points of Object.values(s)) {
      const d = seriesPath(
        points,
        (l) => x(l),
        (v) => y(v),
      );
      expect(d).not.toMatch(/NaN|Infinity/);
    }
  });

  it('breaks the line at a marker instead of bridging it', () => {
    const s = buildSeries(fakeLayers([2, 1, 0, 1e-3, 1e-4], ['ok', 'ok', 'dead', 'ok', 'ok']), []);
    const d = seriesPath(
      s.measured,
      (l) => x(l),
      (v) => y(v),
    );
    expect(d.match(/M/g)).toHaveLength(2);
  });

  it('draws nothing for no points', () => {
    expect(
      seriesPath(
        [],
        (l) => x(l),
        (v) => y(v),
      ),
    ).toBe('');
  });
});

describe('edgeRuns(points, withLabels)', () => {
  it('collapses consecutive bad layers into one labelled run', () => {
    const s = buildSeries(fakeLayers([...geometric(1, 100, 11), Infinity, Infinity]), []);
    expect(edgeRuns(s.measured, true)).toEqual([{ kind: 'inf', first: 12, last: 13, label: 'Inf at layers 12–13' }]);
    expect(edgeRuns(s.measured, false)[0]?.label).toBeNull();
  });

  it('starts a new run after a gap or a change of kind', () => {
    const s = buildSeries(
      fakeLayers([1, 0, 0, 1, 0, Infinity], ['ok', 'underflow', 'dead', 'ok', 'underflow', 'overflow']),
      [],
    );
    expect(edgeRuns(s.measured, true)).toEqual([
      { kind: 'zero', first: 2, last: 3, label: '0 at layers 2–3' },
      { kind: 'zero', first: 5, last: 5, label: '0 at layer 5' },
      { kind: 'inf', first: 6, last: 6, label: 'Inf at layer 6' },
    ]);
  });
});
