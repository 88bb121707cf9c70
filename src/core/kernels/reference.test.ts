import { describe, expect, it } from 'vitest';
import { createJsKernel, matmulReference } from './jsKernel';
import { streamRng } from '../rng';

/** The engine's own seeded stream, so every failure is reproducible. */
function rng(seed: number): () => number {
  const stream = streamRng(seed, 0, 0, 0);
  return () => stream.nextFloat();
}

function randomF32(n: number, r: () => number, scale: number): Float32Array {
  const a = new Float32Array(n);
  for (let i = 0; i < n; i++) a[i] = (2 * r() - 1) * scale;
  return a;
}

describe('js reference kernel', () => {
  it('equals the textbook triple loop (j, then k ascending) bit for bit', () => {
    const r = rng(7);
    for (const [B, K, N] of [
      [1, 1, 1],
      [3, 5, 2],
      [4, 2, 9],
      [5, 7, 3],
      [9, 17, 16],
      [13, 64, 33],
    ] as const) {
      const x = randomF32(B * K, r, 3);
      const w = randomF32(K * N, r, 3);
      const bias = randomF32(N, r, 1);
      const out = new Float32Array(B * N);
      for (const withBias of [false, true]) {
        matmulReference(x, w, withBias ? bias : null, out, B, K, N);
        for (let b = 0; b < B; b++) {
          for (let j = 0; j < N; j++) {
            let acc = 0;
            for (let k = 0; k < K; k++) acc = Math.fround(acc + Math.fround(x[b * K + k]! * w[k * N + j]!));
            if (withBias) acc = Math.fround(acc + bias[j]!);
            expect(out[b * N + j]).toBe(acc);
          }
        }
      }
    }
  });

  it('stays within the float32 error bound of the exact (float64) product', () => {
    // Higham, Accuracy and Stability of Numerical Algorithms, §3.1: a dot product of length n
    // evaluated left to right with every product and sum rounded satisfies
    //   |fl(s) − s| ≤ γ_n · Σ|x_k w_k|,   γ_n = n·u / (1 − n·u),   u = 2⁻²⁴ (float32, nearest).
    // The bias is one more term whose "product" (bias · 1) is exact, so n = K + 1 with bias.
    // The float64 comparison value has its own error ≤ γ_n(2⁻⁵³)·Σ|…|, added to the bound.
    // No overflow or underflow happens at these magnitudes, so the bound applies as stated.
    const r = rng(2024);
    const gamma = (n: number, u: number) => (n * u) / (1 - n * u);
    let worstRatio = 0;
    let worstLongRatio = 0;
    for (const [B, K, N] of [
      [8, 1, 8],
      [16, 100, 24],
      [4, 1000, 12],
      [2, 5000, 5],
    ] as const) {
      const kernel = createJsKernel();
      kernel.ensure(B, K, N);
      kernel.x().set(randomF32(B * K, r, 2));
      kernel.w().set(randomF32(K * N, r, 0.5));
      kernel.bias().set(randomF32(N, r, 1));
      for (const withBias of [false, true]) {
        kernel.run(B, K, N, withBias);
        const n = withBias ? K + 1 : K;
        for (let b = 0; b < B; b++) {
          for (let j = 0; j < N; j++) {
            let exact = withBias ? kernel.bias()[j]! : 0;
            let magnitude = Math.abs(exact);
            for (let k = 0; k < K; k++) {
              const p = kernel.x()[b * K + k]! * kernel.w()[k * N + j]!;
              exact += p;
              magnitude += Math.abs(p);
            }
            const bound = (gamma(n, 2 ** -24) + gamma(n, 2 ** -53)) * magnitude;
            const err = Math.abs(kernel.out()[b * N + j]! - exact);
            expect(err).toBeLessThanOrEqual(bound);
            worstRatio = Math.max(worstRatio, err / bound);
            if (K >= 1000) worstLongRatio = Math.max(worstLongRatio, err / bound);
          }
        }
      }
    }
    // Rounding really happened (the kernel is not secretly computing in float64)…
    expect(worstRatio).toBeGreaterThan(0);
    // …and for long sums γ_n is a loose worst case: random rounding errors partly cancel.
    expect(worstLongRatio).toBeLessThan(0.1);
  });
});
