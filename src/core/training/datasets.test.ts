import { describe, expect, it } from 'vitest';
import { fillWeights } from '../distributions';
import { Stream } from '../rng';
import { datasetCsv, makeDataset } from './datasets';
import { gaussianFilter, interpolate, makeMnist1d, mnist1dTemplates } from './mnist1d';
import { DATASETS } from './types';

function columnMoments(x: Float32Array, dim: number, j: number) {
  const n = x.length / dim;
  let s = 0;
  for (let i = 0; i < n; i++) s += x[i * dim + j]!;
  const mean = s / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (x[i * dim + j]! - mean) ** 2;
  return { mean, variance: ss / n };
}

describe('data sets', () => {
  for (const id of DATASETS) {
    it(`${id}: the same seed gives the same set, another seed another`, () => {
      const a = makeDataset(id, 4, 0.1, 8);
      expect(Array.from(makeDataset(id, 4, 0.1, 8).xTrain)).toEqual(Array.from(a.xTrain));
      expect(Array.from(makeDataset(id, 5, 0.1, 8).xTrain)).not.toEqual(Array.from(a.xTrain));
      expect(a.xTrain.length).toBe(a.nTrain * a.inputDim);
      expect(a.xTest.length).toBe(a.nTest * a.inputDim);
      expect(a.xTrain.every(Number.isFinite) && a.xTest.every(Number.isFinite)).toBe(true);
    });
  }

  for (const id of ['spiral', 'circles', 'xor', 'gaussians'] as const) {
    it(`${id}: 500/500 points, both classes, standardized with the training set’s statistics`, () => {
      const d = makeDataset(id, 1, 0.2, 2);
      expect([d.nTrain, d.nTest, d.classes]).toEqual([500, 500, 2]);
      for (let j = 0; j < 2; j++) {
        const m = columnMoments(d.xTrain, 2, j);
        // float32 storage of the standardized values: |error| ≲ 1e-6.
        expect(Math.abs(m.mean)).toBeLessThan(1e-6);
        expect(Math.abs(m.variance - 1)).toBeLessThan(1e-5);
      }
      const ones = d.yTrain.reduce((s, v) => s + v, 0) + d.yTest.reduce((s, v) => s + v, 0);
      // Spiral and gaussians have exactly 500 of each; circles and xor label by position (a few ± of 500).
      expect(ones).toBeGreaterThan(350);
      expect(ones).toBeLessThan(650);
    });
  }

  it('teacher: the training inputs are the simulation’s inputs for the same seed, targets standardized', () => {
    const d = makeDataset('teacher', 9, 0, 6);
    const sim = new Float32Array(1000 * 6);
    fillWeights({ kind: 'normal', mean: 0, std: 1 }, 9, Stream.input, 0, 1000, 6, sim);
    expect(Array.from(d.xTrain)).toEqual(Array.from(sim));
    const m = columnMoments(d.yTrain, 1, 0);
    expect(Math.abs(m.mean)).toBeLessThan(1e-6);
    expect(Math.abs(m.variance - 1)).toBeLessThan(1e-5);
  });

  it('the CSV has a header and one row per example', () => {
    const csv = datasetCsv(makeDataset('xor', 1, 0, 2))
      .trim()
      .split('\n');
    expect(csv[0]).toBe('split,label,x1,x2');
    expect(csv).toHaveLength(1001);
    expect(csv.filter((l) => l.startsWith('test,'))).toHaveLength(500);
  });
});

describe('MNIST-1D (Greydanus 2020)', () => {
  it('templates: start at 0, standard deviation 1/6 (the reference’s whitening, then ÷6)', () => {
    for (const t of mnist1dTemplates()) {
      expect(t[0]).toBe(0);
      const mean = t.reduce((a, b) => a + b, 0) / t.length;
      const sd = Math.sqrt(t.reduce((a, b) => a + (b - mean) ** 2, 0) / t.length);
      expect(sd).toBeCloseTo(1 / 6, 12);
    }
  });

  it('interpolate is linear interpolation on [0, 1] (scipy interp1d): the ends kept, midpoints averaged', () => {
    expect(Array.from(interpolate(Float64Array.from([0, 2, 4]), 5))).toEqual([0, 1, 2, 3, 4]);
    expect(Array.from(interpolate(Float64Array.from([1, 3]), 3))).toEqual([1, 2, 3]);
  });

  it('the Gaussian filter keeps constants, sums to 1 and reflects at the edges', () => {
    const c = gaussianFilter(new Float64Array(20).fill(3), 2);
    for (const v of c) expect(v).toBeCloseTo(3, 12);
    const impulse = new Float64Array(40);
    impulse[20] = 1;
    const out = gaussianFilter(impulse, 2);
    expect(out.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    // σ = 2: the weight at distance 2 over the centre's is e^{−1/2}.
    expect(out[22]! / out[20]!).toBeCloseTo(Math.exp(-0.5), 12);
    // At an edge the mass that would fall outside is reflected back: an impulse at 0 keeps all of it.
    const edge = new Float64Array(40);
    edge[0] = 1;
    expect(gaussianFilter(edge, 2).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('4,000 training and 1,000 test signals of 40 points, 10 balanced classes, the whole set standardized', () => {
    const d = makeMnist1d(42);
    expect([d.nTrain, d.nTest, d.inputDim, d.classes]).toEqual([4000, 1000, 40, 10]);
    const counts = new Array(10).fill(0);
    for (const y of [...d.yTrain, ...d.yTest]) counts[y]++;
    expect(counts).toEqual(new Array(10).fill(500));
    const all = Float64Array.from([...d.xTrain, ...d.xTest]);
    const mean = all.reduce((a, b) => a + b, 0) / all.length;
    const variance = all.reduce((a, b) => a + (b - mean) ** 2, 0) / all.length;
    expect(Math.abs(mean)).toBeLessThan(1e-6);
    expect(Math.abs(variance - 1)).toBeLessThan(1e-5);
  });
});
