import { describe, expect, it } from 'vitest';
import {
  BLOCK_ROWS,
  blockCount,
  fillWeightBlocks,
  fillWeightRows,
  fillWeights,
  lawBound,
  lawMean,
  lawSecondMoment,
  realizedVariance,
} from './distributions';
import { truncatedStandardNormalMoments } from './gaussian';
import { Stream } from './rng';
import type { WeightLaw } from './types';

function draw(law: WeightLaw, rows: number, cols: number, seed = 1, layer = 1): Float32Array {
  const out = new Float32Array(rows * cols);
  fillWeights(law, seed, Stream.weights, layer, rows, cols, out);
  return out;
}

const bytes = (a: Float32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

const ENTRYWISE: WeightLaw[] = [
  { kind: 'normal', mean: 0.1, std: 0.3 },
  { kind: 'truncated_normal', mean: 0, std: 0.07, bound: 0.14 },
  { kind: 'uniform', lo: -0.2, hi: 0.5 },
];

describe('determinism and block independence', () => {
  it.each(ENTRYWISE)('$kind: the same seed gives identical bytes, another seed does not', (law) => {
    expect(bytes(draw(law, 100, 60)).equals(bytes(draw(law, 100, 60)))).toBe(true);
    expect(bytes(draw(law, 100, 60, 2)).equals(bytes(draw(law, 100, 60)))).toBe(false);
  });

  it.each(ENTRYWISE)('$kind: a 64×512 fill is the first 64 rows of a 512×512 fill', (law) => {
    const small = draw(law, 64, 512);
    const big = draw(law, 512, 512);
    expect(bytes(small).equals(bytes(big.subarray(0, 64 * 512)))).toBe(true);
  });

  it('does not depend on a partial last block', () => {
    const law: WeightLaw = { kind: 'normal', mean: 0, std: 1 };
    expect(BLOCK_ROWS).toBe(16);
    expect(bytes(draw(law, 40, 7)).equals(bytes(draw(law, 48, 7).subarray(0, 40 * 7)))).toBe(true);
  });

  it('keeps layers and stream kinds apart', () => {
    const law: WeightLaw = { kind: 'uniform', lo: 0, hi: 1 };
    const bias = new Float32Array(32);
    fillWeights(law, 1, Stream.bias, 1, 1, 32, bias);
    expect(bytes(draw(law, 1, 32, 1, 2)).equals(bytes(draw(law, 1, 32, 1, 1)))).toBe(false);
    expect(bytes(bias).equals(bytes(draw(law, 1, 32, 1, 1)))).toBe(false);
  });

  it.each(ENTRYWISE)('$kind: blocks drawn in separate calls, in any order, make the same matrix', (law) => {
    const rows = 75;
    const cols = 9;
    const m = { law, seed: 4, kind: Stream.weights, layer: 3, rows, cols };
    const out = new Float32Array(rows * cols);
    const blocks = blockCount(rows);
    fillWeightBlocks(m, 2, blocks, out);
    fillWeightBlocks(m, 0, 2, out);
    expect(bytes(out).equals(bytes(draw(law, rows, cols, 4, 3)))).toBe(true);
  });

  it.each(ENTRYWISE)('$kind: any run of rows equals those rows of the whole matrix', (law) => {
    const rows = 45; // a partial last block: its draws must not extend past row 45
    const cols = 6;
    const whole = draw(law, rows, cols, 8, 0);
    for (const [from, to] of [
      [0, 45],
      [3, 19],
      [16, 32],
      [40, 45],
      [44, 45],
      [7, 7],
    ] as const) {
      const part = new Float32Array((to - from) * cols);
      fillWeightRows({ law, seed: 8, kind: Stream.weights, layer: 0, rows, cols }, from, to, part);
      expect(bytes(part).equals(bytes(whole.subarray(from * cols, to * cols))), `rows ${from}…${to}`).toBe(true);
    }
  });

  it('orthogonal draws are deterministic too', () => {
    const law: WeightLaw = { kind: 'orthogonal', gain: 1 };
    expect(bytes(draw(law, 50, 30)).equals(bytes(draw(law, 50, 30)))).toBe(true);
  });
});

/** max over entries of |(AᵀA or AAᵀ) − gain²·I|, A = rows×cols, accumulated in float64. */
function orthogonalityError(a: Float32Array, rows: number, cols: number, gain: number): number {
  const tall = rows >= cols;
  const k = Math.min(rows, cols);
  const len = Math.max(rows, cols);
  const at = (i: number, l: number) => (tall ? a[l * cols + i] : a[i * cols + l]) ?? NaN;
  let worst = 0;
  for (let i = 0; i < k; i++)
    for (let j = i; j < k; j++) {
      let dot = 0;
      for (let l = 0; l < len; l++) dot += at(i, l) * at(j, l);
      worst = Math.max(worst, Math.abs(dot - (i === j ? gain * gain : 0)));
    }
  return worst;
}

describe('orthogonal', () => {
  it.each([
    [512, 512],
    [300, 100],
    [100, 300],
  ])('%i×%i has orthonormal columns or rows to 1e-5 in float32', (rows, cols) => {
    expect(orthogonalityError(draw({ kind: 'orthogonal', gain: 1 }, rows, cols), rows, cols, 1)).toBeLessThan(1e-5);
  });

  it('scales by the gain', () => {
    expect(orthogonalityError(draw({ kind: 'orthogonal', gain: 2 }, 40, 60), 40, 60, 2)).toBeLessThan(4e-5);
  });

  it('is Haar: diagonal entries average to 0 within 5 SE (without the sign fix they are all negative)', () => {
    // Each entry of a Haar n×n orthogonal matrix has mean 0 and variance 1/n.
    const n = 64;
    const seeds = 16;
    let sum = 0;
    for (let seed = 0; seed < seeds; seed++) {
      const q = draw({ kind: 'orthogonal', gain: 1 }, n, n, seed);
      for (let i = 0; i < n; i++) sum += q[i * n + i] ?? NaN;
    }
    const count = n * seeds;
    expect(Math.abs(sum / count)).toBeLessThan(5 * Math.sqrt(1 / n / count));
  });

  it('has E[w²] = gain²/max(rows, cols) exactly', () => {
    for (const [rows, cols] of [
      [96, 32],
      [32, 96],
    ] as const) {
      const q = draw({ kind: 'orthogonal', gain: 1.5 }, rows, cols);
      const meanSquare = q.reduce((s, w) => s + w * w, 0) / q.length;
      expect(meanSquare).toBeCloseTo(realizedVariance({ kind: 'orthogonal', gain: 1.5 }, rows, cols), 6);
    }
  });
});

describe('identity and constant', () => {
  it.each([
    [3, 5],
    [5, 3],
    [4, 4],
  ])('identity %i×%i is gain on the leading diagonal, 0 elsewhere', (rows, cols) => {
    const w = draw({ kind: 'identity', gain: 2 }, rows, cols);
    for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) expect(w[i * cols + j]).toBe(i === j ? 2 : 0);
    expect(lawSecondMoment({ kind: 'identity', gain: 2 }, rows, cols)).toBeCloseTo(
      (4 * Math.min(rows, cols)) / (rows * cols),
      15,
    );
  });

  it('constant fills every entry, with zero variance and the value as mean', () => {
    const law: WeightLaw = { kind: 'constant', value: 0.25 };
    expect(draw(law, 17, 3).every((w) => w === 0.25)).toBe(true);
    expect([realizedVariance(law, 17, 3), lawMean(law, 17, 3), lawSecondMoment(law, 17, 3), lawBound(law)]).toEqual([
      0, 0.25, 0.0625, 0.25,
    ]);
  });
});

describe('exact moments', () => {
  it('truncated normal variance agrees with direct quadrature of the truncated density', () => {
    // Simpson's rule on [−b, b] with 2000 panels: error ~ h⁴, far below 1e-12 here.
    const variance = (std: number, bound: number) => {
      const panels = 2000;
      const h = (2 * bound) / panels;
      let z = 0;
      let m2 = 0;
      for (let i = 0; i <= panels; i++) {
        const x = -bound + i * h;
        const weight = i === 0 || i === panels ? 1 : i % 2 ? 4 : 2;
        const density = Math.exp(-0.5 * (x / std) ** 2);
        z += weight * density;
        m2 += weight * density * x * x;
      }
      return m2 / z;
    };
    for (const [std, bound] of [
      [1, 2],
      [0.3, 0.1],
      [2, 5],
    ] as const) {
      const law: WeightLaw = { kind: 'truncated_normal', mean: 0, std, bound };
      expect(Math.abs(realizedVariance(law, 1, 1) / variance(std, bound) - 1)).toBeLessThan(1e-12);
    }
  });

  it('E[w²] = Var + mean² for every kind', () => {
    const laws: WeightLaw[] = [
      ...ENTRYWISE,
      { kind: 'orthogonal', gain: 3 },
      { kind: 'identity', gain: 3 },
      { kind: 'constant', value: -2 },
    ];
    for (const law of laws) {
      const mean = lawMean(law, 30, 20);
      expect(lawSecondMoment(law, 30, 20)).toBeCloseTo(realizedVariance(law, 30, 20) + mean * mean, 15);
    }
  });

  it('bounds', () => {
    expect(lawBound({ kind: 'normal', mean: 0, std: 1 })).toBe(Infinity);
    expect(lawBound({ kind: 'truncated_normal', mean: 0.5, std: 1, bound: 2 })).toBe(2.5);
    expect(lawBound({ kind: 'uniform', lo: -0.2, hi: 0.5 })).toBe(0.5);
    expect(lawBound({ kind: 'orthogonal', gain: -1.5 })).toBe(1.5);
  });
});

describe('sampling a narrow truncated normal (bound < std/2, uniform proposals)', () => {
  it('respects the bound and has the truncated variance within 5 SE', () => {
    const law: WeightLaw = { kind: 'truncated_normal', mean: 1, std: 1, bound: 0.3 };
    const w = draw(law, 256, 256);
    const n = w.length;
    const { secondMoment, fourthMoment } = truncatedStandardNormalMoments(0.3);
    const kurtosis = fourthMoment / secondMoment ** 2;
    const exact = realizedVariance(law, 256, 256);
    let s1 = 0;
    let s2 = 0;
    let worst = 0;
    for (const x of w) {
      s1 += x - 1;
      s2 += (x - 1) ** 2;
      worst = Math.max(worst, Math.abs(x - 1));
    }
    expect(worst).toBeLessThanOrEqual(0.3);
    expect(Math.abs(s1 / n)).toBeLessThan(5 * Math.sqrt(exact / n));
    expect(Math.abs(s2 / n - exact)).toBeLessThan(5 * Math.sqrt((kurtosis - 1) / n) * exact);
  });
});
