import { describe, expect, it } from 'vitest';
import { normal } from '../normal';
import { streamRng } from '../rng';
import { singularValues, symmetricEigenvalues } from './symmetricEigen';

/** A symmetric n × n matrix with N(0, 1) entries (a GOE sample up to scale), row-major. */
function randomSymmetric(n: number, seed: number): Float64Array {
  const rng = streamRng(seed, 9, 0, 0);
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j <= i; j++) {
      const v = normal(rng);
      a[i * n + j] = v;
      a[j * n + i] = v;
    }
  return a;
}

/** Cyclic Jacobi rotations (an independent, slow, textbook method) for the reference eigenvalues. */
function jacobiEigenvalues(input: Float64Array, n: number): number[] {
  const a = Float64Array.from(input);
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p * n + q]! ** 2;
    if (off < 1e-30) break;
    for (let p = 0; p < n; p++)
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q]!;
        if (apq === 0) continue;
        const theta = (a[q * n + q]! - a[p * n + p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k * n + p]!;
          const akq = a[k * n + q]!;
          a[k * n + p] = c * akp - s * akq;
          a[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p * n + k]!;
          const aqk = a[q * n + k]!;
          a[p * n + k] = c * apk - s * aqk;
          a[q * n + k] = s * apk + c * aqk;
        }
      }
  }
  return Array.from({ length: n }, (_, i) => a[i * n + i]!).sort((x, y) => x - y);
}

describe('symmetricEigenvalues', () => {
  it('matches cyclic Jacobi on random symmetric matrices of several sizes', () => {
    for (const [n, seed] of [
      [1, 1],
      [2, 2],
      [3, 3],
      [7, 4],
      [40, 5],
    ] as const) {
      const a = randomSymmetric(n, seed);
      const reference = jacobiEigenvalues(a, n);
      const got = Array.from(symmetricEigenvalues(Float64Array.from(a), n));
      // Both are backward stable: each eigenvalue is exact for a matrix within ~n·ε·‖A‖ (Weyl), and
      // ‖A‖ ≤ 2√n·3 for these samples, so 1e-12 leaves two orders of magnitude of room at n = 40.
      got.forEach((v, i) => expect(Math.abs(v - reference[i]!)).toBeLessThan(1e-12 * (1 + Math.abs(reference[i]!))));
    }
  });

  it('keeps the trace and the Frobenius norm, and finds repeated and zero eigenvalues', () => {
    const n = 64;
    const a = randomSymmetric(n, 11);
    let trace = 0;
    let frob = 0;
    for (let i = 0; i < n; i++) trace += a[i * n + i]!;
    for (const v of a) frob += v * v;
    const lambda = symmetricEigenvalues(Float64Array.from(a), n);
    expect(lambda.reduce((s, v) => s + v, 0)).toBeCloseTo(trace, 9);
    expect(lambda.reduce((s, v) => s + v * v, 0) / frob).toBeCloseTo(1, 12);
    const diag = Float64Array.from([3, 0, 0, 0, 3, 0, 0, 0, 0]);
    expect(Array.from(symmetricEigenvalues(diag, 3))).toEqual([0, 3, 3]);
  });
});

describe('singularValues', () => {
  it('gives |scale| for every value of a scaled rotation, and the values of a known 2 × 3 matrix', () => {
    const c = Math.cos(0.3);
    const s = Math.sin(0.3);
    expect(
      Array.from(singularValues(Float64Array.from([2 * c, -2 * s, 2 * s, 2 * c]), 2, 2)).map((v) => v.toFixed(14)),
    ).toEqual(['2.00000000000000', '2.00000000000000']);
    // [[3, 0, 0], [0, 0, 4]] has singular values 3 and 4, whichever side the Gram matrix is on.
    expect(Array.from(singularValues(Float64Array.from([3, 0, 0, 0, 0, 4]), 2, 3))).toEqual([3, 4]);
    expect(Array.from(singularValues(Float64Array.from([3, 0, 0, 0, 0, 4]), 3, 2))).toEqual([3, 4]);
  });
});

describe('symmetricEigenvalues on rank-deficient matrices', () => {
  it('converges on a Gram matrix with a block of zero eigenvalues, as a ReLU Jacobian gives', () => {
    // A = B·Bᵀ for B of 30 × 6: rank 6, so 24 eigenvalues are 0 up to rounding (ε·‖A‖).
    const rng = streamRng(17, 9, 0, 0);
    const b = Float64Array.from({ length: 30 * 6 }, () => normal(rng));
    const lambda = singularValues(b, 30, 6);
    expect(lambda).toHaveLength(6);
    const t = new Float64Array(30 * 30);
    for (let i = 0; i < 30; i++)
      for (let j = 0; j < 30; j++) for (let k = 0; k < 6; k++) t[i * 30 + j]! += b[i * 6 + k]! * b[j * 6 + k]!;
    const full = symmetricEigenvalues(Float64Array.from(t), 30);
    const largest = full[29]!;
    for (let i = 0; i < 24; i++) expect(Math.abs(full[i]!)).toBeLessThan(100 * Number.EPSILON * largest);
    for (let i = 0; i < 6; i++) expect(Math.sqrt(full[24 + i]!) / lambda[i]! - 1).toBeLessThan(1e-10);
  });
});
