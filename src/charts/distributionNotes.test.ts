import { describe, expect, it } from 'vitest';
import type { Binned, LayerHistogram } from './binning';
import {
  layerList,
  leftOutNotes,
  rangeNote,
  saturationNote,
  saturationText,
  shownNote,
  spreadSummary,
  theoryNote,
  valueRangeText,
  xAxisTitle,
} from './distributionNotes';

const binned = (patch: Partial<Binned>): Binned => ({
  histograms: [],
  fixedRange: null,
  infinite: 0,
  nan: 0,
  outside: 0,
  nonFiniteLayers: [],
  ...patch,
});

const histogram = (layer: number, valueRange: [number, number] | null): LayerHistogram => ({
  layer,
  valueRange,
  lo: 0,
  hi: 1,
  counts: [],
  finite: 0,
  outside: 0,
  infinite: 0,
  nan: 0,
});

describe('layerList(layers)', () => {
  it('collapses runs of consecutive layers', () => {
    expect(layerList([12, 13, 14, 15])).toBe('layers 12–15');
    expect(layerList([4])).toBe('layer 4');
    expect(layerList([3, 7, 9, 10, 11, 12])).toBe('layers 3, 7 and 9–12');
    expect(layerList([])).toBe('');
  });
});

describe('notes under the distributions', () => {
  it('count what was left out', () => {
    expect(leftOutNotes(binned({ infinite: 12, nonFiniteLayers: [28, 29, 30] }), 100)).toEqual([
      '12 values were ±Inf (layers 28–30) and are left out.',
    ]);
    expect(leftOutNotes(binned({ infinite: 1, nonFiniteLayers: [5] }), 100)).toEqual([
      '1 value was ±Inf (layer 5) and is left out.',
    ]);
    expect(leftOutNotes(binned({ nan: 3 }), 100)).toEqual([
      '3 values were not numbers (∞ − ∞ or 0·∞ after an overflow) and are left out.',
    ]);
    expect(leftOutNotes(binned({ outside: 1 }), 100)).toEqual([
      '1.0 % of the values fall outside the fixed range and are not drawn.',
    ]);
    expect(leftOutNotes(binned({}), 100)).toEqual([]);
  });

  it('say which range is used', () => {
    expect(rangeNote('adaptive', binned({}), 'relu')).toMatch(/its own x range/);
    expect(rangeNote('fixed', binned({ fixedRange: [-1, 1] }), 'tanh')).toBe(
      'One x range for all layers: −1.0 to 1.0, the output range of tanh, so saturated units pile up at the edges.',
    );
    expect(rangeNote('fixed', binned({ fixedRange: [0, 2.5] }), 'relu')).toBe(
      'One x range for all layers: 0 to 2.5, the 0.5–99.5 % quantiles of all values.',
    );
  });

  it('say when layers are subsampled', () => {
    expect(shownNote(40, 200)).toBe('Showing 40 of 200 layers, evenly spaced.');
    expect(shownNote(30, 30)).toBeNull();
  });

  it('describe each layer range in words', () => {
    expect(valueRangeText(null)).toBe('no finite values');
    expect(valueRangeText([0, 0])).toBe('all 0');
    expect(valueRangeText([-1.4, 2.3])).toBe('−1.4 … 2.3');
    expect(spreadSummary([histogram(1, [-1, 1]), histogram(60, [-0.29, 0.33])])).toBe(
      'Layer 1: −1.0 … 1.0; layer 60: −0.29 … 0.33.',
    );
    expect(spreadSummary([])).toBe('No layers yet.');
  });
});

describe('xAxisTitle', () => {
  it('names the value in fixed mode, whatever the width', () => {
    expect(xAxisTitle(true, 100)).toBe('activation value φ(h)');
    expect(xAxisTitle(true, 1000)).toBe('activation value φ(h)');
  });

  it('shortens the own-range title on a phone-width plot so it is not cut off', () => {
    expect(xAxisTitle(false, 600)).toBe("position within each layer's own range");
    expect(xAxisTitle(false, 166)).toBe("position in layer's range");
    expect(xAxisTitle(false, 166).length).toBeLessThan(xAxisTitle(false, 600).length);
  });
});

describe('pre-activation theory and saturation notes', () => {
  const layers = [1, 2, 3].map((l) => histogram(l, [-1, 1]));

  it('names the theory curve, and says where and why there is none', () => {
    expect(theoryNote(layers, [1, 2, 3])).toMatch(/^Dashed: the mean-field theory’s N\(0, q\)/);
    expect(theoryNote(layers, [1, 2, null])).toMatch(
      /At layer 3 the theory has no q there \(weights with a non-zero mean/,
    );
    expect(theoryNote(layers, [])).toMatch(/^No theory curve: /);
    expect(theoryNote(layers, [Infinity, 2, 3])).toContain('At layer 1 ');
    expect(theoryNote([], [1])).toBeNull();
  });

  it('states the saturation rule in the units of the output', () => {
    expect(saturationText('tanh')).toBe('within 0.02 of ±1');
    expect(saturationText('hard_tanh')).toBe('within 0.02 of ±1');
    expect(saturationText('sigmoid')).toBe('within 0.01 of 0 or 1');
    expect(saturationText('sin')).toBeUndefined();
    expect(saturationText('relu')).toBeUndefined();
    const saturated = [{ ...layers[0]!, saturated: { low: 3, high: 4, lowBound: -1, highBound: 1, counts: [] } }];
    expect(saturationNote(saturated, 'tanh')).toContain(
      "each layer's values within 0.02 of ±1 (1 % of the output range",
    );
    expect(saturationNote(layers, 'tanh')).toBeNull();
  });
});
