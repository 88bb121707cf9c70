import { describe, expect, it } from 'vitest';
import { decadeStep, layerTicks, logDomain, logTicks } from './logAxis';
import { valueTicks } from './valueTicks';

describe('logDomain(values)', () => {
  it('spans whole decades around the finite positive values', () => {
    expect(logDomain([2, 1.8e-15])).toEqual([1e-16, 10]);
  });

  it('ignores Inf, NaN, 0 and missing values', () => {
    expect(logDomain([2, Infinity, NaN, 0, null, 3])).toEqual([0.1, 100]);
  });

  it('never zooms a flat curve into noise', () => {
    const [lo, hi] = logDomain([2, 2, 2]);
    expect(Math.log10(hi / lo)).toBeGreaterThanOrEqual(2);
    expect(lo).toBeLessThan(2);
    expect(hi).toBeGreaterThan(2);
  });

  it('has a default when nothing is finite', () => {
    expect(logDomain([])).toEqual([0.1, 10]);
    expect(logDomain([Infinity, 0])).toEqual([0.1, 10]);
  });

  it('stays finite for the widest float64 values', () => {
    const [lo, hi] = logDomain([1e-300, 1e300]);
    expect(lo).toBeGreaterThan(0);
    expect(Number.isFinite(hi)).toBe(true);
  });
});

describe('logTicks(lo, hi, maxLabels)', () => {
  it('labels every decade of a short range, with 2s and 5s when there is room', () => {
    const ticks = logTicks(0.1, 100, 12);
    expect(ticks.map((t) => t.label)).toEqual(['0.1', '0.2', '0.5', '1', '2', '5', '10', '20', '50', '100']);
  });

  it('labels every decade up to the label budget', () => {
    const ticks = logTicks(1e-16, 10, 20);
    expect(ticks.filter((t) => t.label !== null)).toHaveLength(18);
    expect(ticks[0]).toEqual({ value: 1e-16, label: '10⁻¹⁶' });
  });

  it('labels every 2nd or 3rd decade of a wide range, keeping grid lines', () => {
    const ticks = logTicks(1e-16, 10, 10);
    const labelled = ticks.filter((t) => t.label !== null);
    expect(ticks).toHaveLength(18);
    expect(labelled.length).toBeLessThanOrEqual(10);
    expect(labelled.map((t) => t.label)).toContain('1');
  });

  it('drops per-decade grid lines over hundreds of decades', () => {
    const ticks = logTicks(1e-300, 1e300, 10);
    expect(ticks.length).toBeLessThanOrEqual(10);
    expect(ticks.every((t) => t.label !== null)).toBe(true);
  });

  it('returns nothing for an unusable range', () => {
    expect(logTicks(0, 10)).toEqual([]);
    expect(logTicks(10, 1)).toEqual([]);
  });
});

describe('decadeStep(decades, maxLabels)', () => {
  it('picks the smallest nice step within the budget', () => {
    expect(decadeStep(10, 12)).toBe(1);
    expect(decadeStep(17, 10)).toBe(2);
    expect(decadeStep(25, 10)).toBe(3);
    expect(decadeStep(600, 10)).toBe(100);
  });
});

describe('layerTicks(depth, width)', () => {
  it('starts at layer 1 and steps by 1, 2 or 5 × 10^k', () => {
    expect(layerTicks(30, 700)).toEqual([1, 5, 10, 15, 20, 25, 30]);
    expect(layerTicks(2, 700)).toEqual([1, 2]);
    expect(layerTicks(1, 700)).toEqual([1]);
    expect(layerTicks(2000, 700)).toEqual([1, 200, 400, 600, 800, 1000, 1200, 1400, 1600, 1800, 2000]);
  });
});

describe('valueTicks(range, width)', () => {
  it('labels a fixed range with one precision', () => {
    const ticks = valueTicks([-1, 1], 450);
    expect(ticks.map((t) => t.label)).toEqual(['−1.0', '−0.5', '0.0', '0.5', '1.0']);
    expect(ticks[0]!.value).toBe(0);
    expect(ticks.at(-1)!.value).toBe(450);
  });

  it('names the ends of a per-layer range', () => {
    expect(valueTicks(null, 300)).toEqual([
      { value: 0, label: 'min' },
      { value: 300, label: 'max' },
    ]);
  });
});
