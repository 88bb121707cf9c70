import { describe, expect, it } from 'vitest';
import { describeSeries } from './signalSummary';
import { fakeLayers, geometric, seededNormal, theoryLayer } from '../charts/testData';
import { STABLE_HIGH, STABLE_LOW, fitGrowthFactor, judgeSignal, measuredVerdict, theoryVerdict } from './verdict';

describe('fitGrowthFactor(values)', () => {
  it('recovers the factor of a geometric sequence', () => {
    expect(fitGrowthFactor(geometric(2, 0.5, 50))).toBeCloseTo(0.5, 12);
    expect(fitGrowthFactor(geometric(1, 3.1, 30))).toBeCloseTo(3.1, 10);
  });

  it('ignores the first half, where transients live', () => {
    // tanh with σ_w² = 25/9 relaxes to q* = 1.17848 within a few layers.
    const q = [2.777778, 1.60181, 1.33389, 1.25, 1.20489, 1.19, 1.18, ...Array<number>(13).fill(1.17848)];
    expect(fitGrowthFactor(q)).toBeCloseTo(1, 12);
  });

  it('skips non-finite, zero and missing values', () => {
    expect(fitGrowthFactor([null, 4, 2, 1, 0.5, Infinity, 0, NaN])).toBeCloseTo(0.5, 12);
  });

  it('needs two points in the last half', () => {
    expect(fitGrowthFactor([1])).toBeNull();
    expect(fitGrowthFactor([1, 2])).toBeNull();
    expect(fitGrowthFactor([1, 2, 4])).toBeCloseTo(2, 12);
  });
});

describe('judgeSignal(values, statuses)', () => {
  it('calls ×0.5 per layer vanishing', () => {
    const v = judgeSignal(geometric(2, 0.5, 50));
    expect(v).toEqual({
      kind: 'vanishing',
      factor: expect.closeTo(0.5, 10) as number,
      text: 'vanishing: ×0.50 per layer',
    });
  });

  it('calls ×3.1 per layer exploding', () => {
    expect(judgeSignal(geometric(1, 3.1, 30)).text).toBe('exploding: ×3.1 per layer');
  });

  it('calls a constant stable', () => {
    expect(judgeSignal(Array<number>(30).fill(2))).toEqual({
      kind: 'stable',
      factor: 1,
      text: 'stable: ×1.00 per layer',
    });
  });

  it('puts the stable band at [0.9, 1/0.9]', () => {
    expect(judgeSignal(geometric(1, STABLE_LOW, 20)).kind).toBe('stable');
    expect(judgeSignal(geometric(1, STABLE_HIGH, 20)).kind).toBe('stable');
    expect(judgeSignal(geometric(1, 0.89, 20)).kind).toBe('vanishing');
    expect(judgeSignal(geometric(1, 1.12, 20)).kind).toBe('exploding');
  });

  it('calls a He/ReLU-like random walk (5/N variance per layer, N = 256) stable', () => {
    const normal = seededNormal(20240601);
    let lnV = Math.log(2);
    const values = Array.from({ length: 50 }, () => {
      lnV += Math.sqrt(5 / 256) * normal();
      return Math.exp(lnV);
    });
    const v = judgeSignal(values);
    expect(v.kind).toBe('stable');
    expect(v.factor).toBeGreaterThan(0.95);
    expect(v.factor).toBeLessThan(1.05);
  });

  it('sees the drift of a noisy vanishing walk', () => {
    const normal = seededNormal(7);
    let lnV = Math.log(2);
    const values = Array.from({ length: 40 }, () => {
      lnV += Math.log(0.5) + Math.sqrt(5 / 256) * normal();
      return Math.exp(lnV);
    });
    const v = judgeSignal(values);
    expect(v.kind).toBe('vanishing');
    expect(v.factor).toBeGreaterThan(0.45);
    expect(v.factor).toBeLessThan(0.55);
  });

  it('reports the first overflowed layer, with the growth before it', () => {
    const values = [...geometric(2, 128, 11), Infinity, Infinity, NaN];
    const v = judgeSignal(values, [...Array<'ok'>(11).fill('ok'), 'overflow', 'overflow', 'overflow']);
    expect(v.kind).toBe('overflow');
    expect(v.text).toBe('overflow to Inf at layer 12');
    expect(v.firstBadLayer).toBe(12);
    expect(v.factor).toBeCloseTo(128, 6);
  });

  it('reads overflow off the values when no statuses are given (theory curves)', () => {
    const v = judgeSignal([1, 10, 100, Infinity]);
    expect(v).toMatchObject({ kind: 'overflow', firstBadLayer: 4, text: 'overflow to Inf at layer 4' });
  });

  it('never fits a non-finite value, whatever the status says', () => {
    expect(judgeSignal([1, 1, NaN, 1], ['ok', 'ok', 'ok', 'ok']).kind).toBe('overflow');
  });

  it('reports underflow to 0', () => {
    const values = [...geometric(1, 0.5, 126), 0, 0];
    const v = judgeSignal(values, [...Array<'ok'>(126).fill('ok'), 'underflow', 'dead']);
    expect(v).toMatchObject({ kind: 'underflow', firstBadLayer: 127, text: 'underflow to 0 at layer 127' });
    expect(v.factor).toBeCloseTo(0.5, 10);
    expect(judgeSignal([1, 0.1, 0])).toMatchObject({ kind: 'underflow', firstBadLayer: 3 });
  });

  it('reports a dead network', () => {
    const v = judgeSignal([0, 0, 0, 0], ['dead', 'dead', 'dead', 'dead']);
    expect(v).toEqual({
      kind: 'dead',
      factor: null,
      text: 'dead network: every pre-activation is 0',
      firstBadLayer: 1,
    });
    // Theory of a zero init: q = 0 from the first layer on.
    expect(judgeSignal([0, 0, 0]).kind).toBe('dead');
    expect(judgeSignal([1, 1, 0, 0], ['ok', 'ok', 'dead', 'dead']).text).toBe(
      'dead at layer 3: every pre-activation is 0',
    );
  });

  it('is too shallow at depth 1 and 2, and judges from depth 3', () => {
    expect(judgeSignal([2])).toEqual({
      kind: 'too-shallow',
      factor: null,
      text: 'too shallow to judge: 1 layer, 3 needed',
    });
    expect(judgeSignal([2, 1]).text).toBe('too shallow to judge: 2 layers, 3 needed');
    expect(judgeSignal([2, 1, 0.5]).kind).toBe('vanishing');
  });

  it('still reports an overflow in a 1-layer network', () => {
    expect(judgeSignal([Infinity], ['overflow']).kind).toBe('overflow');
  });
});

describe('measuredVerdict / theoryVerdict', () => {
  it('judge LayerStats and LayerTheory alike', () => {
    const layers = fakeLayers(geometric(2, 0.5, 30));
    expect(measuredVerdict(layers).text).toBe('vanishing: ×0.50 per layer');
    expect(theoryVerdict(layers.map((l) => l.theory))?.text).toBe('vanishing: ×0.50 per layer');
  });

  it('uses the engine status', () => {
    const layers = fakeLayers([1, 2, 4, 8], ['ok', 'ok', 'overflow', 'overflow']);
    expect(measuredVerdict(layers)).toMatchObject({ kind: 'overflow', firstBadLayer: 3 });
  });

  it('gives no theory verdict where the theory does not apply', () => {
    expect(theoryVerdict([theoryLayer(null), theoryLayer(null), theoryLayer(null)])).toBeNull();
  });
});

describe('describeSeries(subject, values, verdict)', () => {
  it('reads like the chart', () => {
    const values = geometric(2, 0.5, 50);
    expect(describeSeries('Pre-activation second moment', values, judgeSignal(values))).toBe(
      'Pre-activation second moment falls from 2.0 to 3.6e-15 over 50 layers, ×0.50 per layer (vanishing).',
    );
  });

  it('names the overflow and what came before it', () => {
    const values = [2, 200, 20000, Infinity];
    expect(describeSeries('Mean-field theory', values, judgeSignal(values))).toBe(
      'Mean-field theory rises from 2.0 to 20000 by layer 3, ×100 per layer, then overflow to Inf at layer 4.',
    );
  });

  it('says when the network is dead', () => {
    expect(describeSeries('Measured', [0, 0, 0], judgeSignal([0, 0, 0]))).toBe(
      'Measured: every pre-activation is 0 from layer 1 on.',
    );
  });
});
