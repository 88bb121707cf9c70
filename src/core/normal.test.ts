import { describe, expect, it } from 'vitest';
import { erfc } from './gaussian';
import { fillNormal, normal, ZIGGURAT_TAIL_START } from './normal';
import { Stream, streamRng } from './rng';

/** P(|z| > t) for z ~ N(0, 1). */
const twoSidedTail = (t: number) => erfc(t / Math.SQRT2);
/** P(a < z ≤ b). */
const mass = (a: number, b: number) => 0.5 * (erfc(a / Math.SQRT2) - erfc(b / Math.SQRT2));

const N = 1 << 21; // 2 097 152 draws
const sample = new Float32Array(N);
fillNormal(streamRng(2024, Stream.sample, 0, 0), sample, 0, N, 0, 1);

describe('fillNormal and normal', () => {
  it('produce the same sequence, slow paths included, and leave the generator in the same state', () => {
    const n = 200_000; // ≈ 5 500 slow-path draws, ≈ 115 of them in the tail
    const viaFill = new Float32Array(n);
    const a = streamRng(9, Stream.sample, 1, 2);
    const b = streamRng(9, Stream.sample, 1, 2);
    fillNormal(a, viaFill, 0, n, 0.5, 2);
    let mismatches = 0;
    for (let j = 0; j < n; j++) if (viaFill[j] !== Math.fround(0.5 + 2 * normal(b))) mismatches++;
    expect(mismatches).toBe(0);
    expect(a.nextU32()).toBe(b.nextU32());
  });

  it('fills only [start, end)', () => {
    const out = new Float32Array(10).fill(7);
    fillNormal(streamRng(1, Stream.sample, 0, 0), out, 3, 6, 0, 1);
    expect([...out.subarray(0, 3), ...out.subarray(6)]).toEqual([7, 7, 7, 7, 7, 7, 7]);
    expect(out.subarray(3, 6).every((v) => v !== 7)).toBe(true);
  });
});

describe(`standard normal moments over ${N} draws, each within 5 standard errors`, () => {
  let s1 = 0;
  let s2 = 0;
  let s4 = 0;
  for (const z of sample) {
    s1 += z;
    s2 += z * z;
    s4 += z * z * z * z;
  }
  const mean = s1 / N;
  const variance = s2 / N - mean * mean;

  it('mean: SE = 1/√n', () => {
    expect(Math.abs(mean)).toBeLessThan(5 / Math.sqrt(N));
  });

  it('variance: SE = √(2/n)', () => {
    expect(Math.abs(variance - 1)).toBeLessThan(5 * Math.sqrt(2 / N));
  });

  it('kurtosis: SE ≈ √(24/n)', () => {
    expect(Math.abs(s4 / N / (variance * variance) - 3)).toBeLessThan(5 * Math.sqrt(24 / N));
  });

  it.each([2, 3, 4])('P(|z| > %i): binomial SE = √(p(1−p)/n)', (t) => {
    const p = twoSidedTail(t);
    let count = 0;
    for (const z of sample) if (Math.abs(z) > t) count++;
    expect(Math.abs(count / N - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / N));
  });

  it('is symmetric: P(z < 0) = ½ within 5 binomial SE', () => {
    let negative = 0;
    for (const z of sample) if (z < 0) negative++;
    expect(Math.abs(negative / N - 0.5)).toBeLessThan(5 * Math.sqrt(0.25 / N));
  });

  it('matches the normal law bin by bin on [−5, 5] (wedges and layers included)', () => {
    const width = 0.25;
    const bins = 40;
    const counts = new Array<number>(bins).fill(0);
    for (const z of sample) {
      const bin = Math.floor((z + 5) / width);
      if (bin >= 0 && bin < bins) counts[bin] = (counts[bin] ?? 0) + 1;
    }
    counts.forEach((count, bin) => {
      const p = mass(-5 + bin * width, -5 + (bin + 1) * width);
      expect(Math.abs(count / N - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / N));
    });
  });
});

describe('the ziggurat tail', () => {
  it('starts where 128 equal layers close the density', () => {
    // Marsaglia & Tsang publish r = 3.442619855899 for 128 layers.
    expect(Math.abs(ZIGGURAT_TAIL_START - 3.442619855899)).toBeLessThan(1e-11);
  });

  it('is reached, in the right proportion, and reaches far', () => {
    const r = ZIGGURAT_TAIL_START;
    const p = twoSidedTail(r);
    let count = 0;
    let largest = 0;
    for (const z of sample) {
      if (Math.abs(z) > r) count++;
      largest = Math.max(largest, Math.abs(z));
    }
    expect(count).toBeGreaterThan(0);
    expect(Math.abs(count / N - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / N));
    // P(max of n draws < 4.5) = (1 − P(|z| > 4.5))ⁿ ≈ e^(−14): a sample of this size goes past 4.5.
    expect(largest).toBeGreaterThan(4.5);
  });
});
