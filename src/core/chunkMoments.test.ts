import { describe, expect, it } from 'vitest';
import { combineChunks, MOMENT_FIELDS, scanChunk, scanChunks } from './chunkMoments';
import { streamRng } from './rng';

function randomTensor(n: number, seed: number, offset = 0, spread = 1): Float32Array {
  const rng = streamRng(seed, 9, 0, 0);
  return Float32Array.from({ length: n }, () => offset + spread * (2 * rng.nextFloat() - 1));
}

function records(x: Float32Array, chunk: number): Float64Array {
  const rec = new Float64Array(Math.ceil(x.length / chunk) * MOMENT_FIELDS);
  scanChunks(x, 0, x.length, chunk, rec, 0);
  return rec;
}

describe('chunked moments', () => {
  it('give the same bits however the chunks are shared out and in whatever order they are scanned', () => {
    const x = randomTensor(37 * 11, 3);
    const whole = combineChunks(records(x, 11), 0, 37);
    // Three "threads" scan uneven runs of chunks, the last one first.
    const rec = new Float64Array(37 * MOMENT_FIELDS);
    for (const [from, to] of [
      [30, 37],
      [0, 13],
      [13, 30],
    ] as const)
      scanChunks(x, from * 11, to * 11, 11, rec, from);
    const split = combineChunks(rec, 0, 37);
    expect(
      Object.is(split.sum, whole.sum) && Object.is(split.m2, whole.m2) && Object.is(split.sumSq, whole.sumSq),
    ).toBe(true);
    expect(split).toEqual(whole);
  });

  it('agree with a direct two-pass computation to rounding', () => {
    const x = randomTensor(1000, 5, 0.3, 2);
    const c = combineChunks(records(x, 64), 0, Math.ceil(1000 / 64));
    let sum = 0;
    for (const v of x) sum += v;
    const mean = sum / x.length;
    let m2 = 0;
    for (const v of x) m2 += (v - mean) ** 2;
    expect(c.finite).toBe(1000);
    expect(c.sum).toBeCloseTo(sum, 9);
    expect(c.m2 / 1000).toBeCloseTo(m2 / 1000, 12);
    expect(c.min).toBe(Math.min(...x));
    expect(c.max).toBe(Math.max(...x));
  });

  it('keep the variance when the mean dwarfs the spread, also between chunks', () => {
    // Chunk means differ (0 ± 1 in one chunk, 2 ± 1 in the next) on top of 1e4.
    const x = Float32Array.from(
      { length: 4000 },
      (_, i) => 1e4 + (Math.floor(i / 100) % 2) * 2 + (i % 2 === 0 ? 1 : -1),
    );
    const c = combineChunks(records(x, 100), 0, 40);
    expect(c.m2 / c.finite).toBeCloseTo(2, 9); // within-chunk 1, between-chunk 1
  });

  it('count zeros, infinities and NaN, and keep non-finite values out of the finite moments', () => {
    const x = Float32Array.from([0, 1, -2, Infinity, 0, NaN, -Infinity, 3]);
    const c = combineChunks(records(x, 3), 0, 3);
    expect(c.nonFinite).toEqual({ posInf: 1, negInf: 1, nan: 1 });
    expect([c.finite, c.zeros, c.min, c.max, c.sum, c.sumSq]).toEqual([5, 2, -2, 3, 2, 14]);
    expect(c.m2).toBeCloseTo(14 - 4 / 5, 12);
  });

  it('an empty chunk or an all-NaN chunk adds nothing', () => {
    const rec = new Float64Array(2 * MOMENT_FIELDS);
    scanChunk(new Float32Array(0), 0, 0, rec, 0);
    scanChunk(Float32Array.from([NaN, NaN]), 0, 2, rec, MOMENT_FIELDS);
    const c = combineChunks(rec, 0, 2);
    expect([c.finite, c.sum, c.m2, c.min, c.max, c.nonFinite.nan]).toEqual([0, 0, 0, Infinity, -Infinity, 2]);
  });
});
