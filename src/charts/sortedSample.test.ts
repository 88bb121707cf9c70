import { describe, expect, it } from 'vitest';
import { binLayers, binSample, pooledQuantileRange } from './binning';
import { binSorted, ranksOfUnion, sortedFinite, sortedPicks } from './sortedSample';
import { seededNormal } from './testData';

/** Normal values with some ties, zeros of both signs, ±Inf and NaN mixed in. */
function sample(seed: number, n: number, scale = 1): Float32Array {
  const normal = seededNormal(seed);
  const specials = [0, -0, Infinity, -Infinity, NaN, 1, 1];
  return Float32Array.from({ length: n }, (_, i) => (i % 37 === 5 ? specials[i % specials.length]! : normal() * scale));
}

describe('sortedFinite(x)', () => {
  it('keeps the finite values in ascending order, once per sample', () => {
    const x = Float32Array.from([3, NaN, -1, Infinity, 0, -Infinity, 2]);
    expect([...sortedFinite(x)]).toEqual([-1, 0, 2, 3]);
    expect(sortedFinite(x)).toBe(sortedFinite(x));
  });
});

describe('binSorted(sorted, lo, hi, bins)', () => {
  it('counts exactly what binSample counts, for ranges inside, around and off the values', () => {
    for (let seed = 1; seed <= 8; seed++) {
      const x = sample(seed, 4096, seed);
      for (const [lo, hi] of [
        [-1, 1],
        [-0.5 * seed, 2 * seed],
        [0, 1e-3],
        [5, 9],
        [-1e6, 1e6],
        [-1, -0.999],
      ] as const) {
        for (const bins of [1, 7, 40]) {
          const direct = binSample(x, lo, hi, bins);
          const sorted = binSorted(sortedFinite(x), lo, hi, bins);
          expect(sorted.counts).toEqual(direct.counts);
          expect(sorted.inside).toBe(direct.finite - direct.outside);
        }
      }
    }
  });
});

describe('ranksOfUnion(lists, k)', () => {
  it('reads ranks k and k + 1 of the lists merged, from either end', () => {
    const lists = [0, 1, 2, 3].map((seed) =>
      Float64Array.from(sample(seed, 300 + 50 * seed).filter((v) => v - v === 0)).sort(),
    );
    lists.push(new Float64Array(0));
    const all = Float64Array.from(lists.flatMap((l) => [...l])).sort();
    for (const k of [0, 1, 7, 300, all.length - 3, all.length - 2, all.length - 1]) {
      expect(ranksOfUnion(lists, k)).toEqual([all[k], all[Math.min(k + 1, all.length - 1)]]);
    }
  });

  it('orders −0 before +0, as a typed array sorts them', () => {
    const lists = [Float64Array.from([0, 1]), Float64Array.from([-0, 2])];
    const [a, b] = ranksOfUnion(lists, 0);
    expect(Object.is(a, -0)).toBe(true);
    expect(Object.is(b, 0)).toBe(true);
  });
});

describe('sortedPicks(x, stride)', () => {
  it('picks every stride-th finite value, sorted, and recomputes for a new stride', () => {
    const x = Float32Array.from([5, 9, NaN, 1, 4, 0, 3]);
    expect([...sortedPicks(x, 2)]).toEqual([3, 4, 5]);
    expect([...sortedPicks(x, 3)]).toEqual([1, 3, 5]);
  });
});

/** The pooled quantiles as first written: pick, sort everything, interpolate. */
function naivePooled(samples: Float32Array[], pLo: number, pHi: number, maxValues: number): [number, number] | null {
  const total = samples.reduce((n, s) => n + s.length, 0);
  const stride = Math.max(1, Math.ceil(total / maxValues));
  const picked: number[] = [];
  for (const s of samples) for (let i = 0; i < s.length; i += stride) if (s[i]! - s[i]! === 0) picked.push(s[i]!);
  if (picked.length === 0) return null;
  const sorted = Float64Array.from(picked).sort();
  const at = (p: number): number => {
    const pos = p * (sorted.length - 1);
    const i = Math.floor(pos);
    const j = Math.min(i + 1, sorted.length - 1);
    return sorted[i]! + (pos - i) * (sorted[j]! - sorted[i]!);
  };
  return [at(pLo), at(pHi)];
}

describe('fixed range from pooled quantiles, as a run streams in', () => {
  it('gives the same range and histograms as sorting and binning everything anew', () => {
    const samples = Array.from({ length: 60 }, (_, l) => sample(100 + l, 512, 1 + l / 10));
    for (const n of [1, 2, 17, 60]) {
      const shown = samples.slice(0, n);
      for (const [pLo, pHi, maxValues] of [
        [0.005, 0.995, 200_000],
        [0.1, 0.9, 1000],
        [0, 1, 3000],
      ] as const) {
        expect(pooledQuantileRange(shown, pLo, pHi, maxValues)).toEqual(naivePooled(shown, pLo, pHi, maxValues));
      }
      const binned = binLayers(shown, [0, 5, 16, 40, 59], 'fixed', 'relu');
      const [lo, hi] = binned.fixedRange!;
      for (const h of binned.histograms)
        expect({ ...h, zeros: undefined }).toEqual({
          layer: h.layer,
          valueRange: h.valueRange,
          ...binSample(shown[h.layer - 1]!, lo, hi),
        });
    }
  });
});
