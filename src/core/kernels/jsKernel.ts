// Plain-JS reference kernel: the definition every faster kernel must reproduce bit for bit.
//
// Why Math.fround on float64 arithmetic gives exactly float32 arithmetic:
// - Multiply: a float32 has a 24-bit significand, so the exact product of two has at most 48
//   significant bits, and its exponent (between 2⁻²⁹⁸ and 2²⁵⁶) is well inside the float64 range.
//   The float64 product is therefore exact, and Math.fround rounds it once, to nearest-even: the
//   same value (including overflow to ±Inf and denormal results) as an IEEE float32 multiply.
// - Add: the float64 sum of two float32 values is rounded twice (to 53 bits, then to 24 bits).
//   Double rounding is innocuous when the wider format has p' ≥ 2p + 2 bits (Figueroa, 1995):
//   53 ≥ 2·24 + 2, so Math.fround(a + b) equals the correctly rounded float32 sum.
// Writing Math.fround(acc + Math.fround(xv * w)) keeps the product rounding explicit; rounding
// only the final sum (x·w in float64, then one fround) would NOT be float32 semantics.

import { bufferSizes, checkRunShape, EMPTY_CAPACITY, grownCapacity } from './shape';
import { transpose } from './transpose';
import type { MatmulKernel } from './types';
import { jsVectorOps } from './vectorOps';

const fr = Math.fround;

/** Bit pattern of the positive quiet NaN every kernel stores for a NaN output. */
export const CANONICAL_NAN_BITS = 0x7fc00000;

export function createJsKernel(): MatmulKernel {
  let cap = EMPTY_CAPACITY;
  let xBuf = new Float32Array(0);
  let wBuf = new Float32Array(0);
  let biasBuf = new Float32Array(0);
  let outBuf = new Float32Array(0);
  /** The operand a transposed layout holds, transposed back: the layouts are defined by it. */
  let flipped = new Float32Array(0);

  const kernel: MatmulKernel = {
    name: 'js-reference',
    ensure(maxB, maxK, maxN) {
      const next = grownCapacity(cap, maxB, maxK, maxN);
      if (next === null) return;
      const size = bufferSizes(next);
      // Only the buffers that must grow are replaced, so the others keep their contents.
      if (size.x > xBuf.length) xBuf = new Float32Array(size.x);
      if (size.w > wBuf.length) wBuf = new Float32Array(size.w);
      if (size.bias > biasBuf.length) biasBuf = new Float32Array(size.bias);
      if (size.out > outBuf.length) outBuf = new Float32Array(size.out);
      cap = next;
    },
    x: () => xBuf,
    w: () => wBuf,
    bias: () => biasBuf,
    out: () => outBuf,
    run(B, K, N, useBias) {
      checkRunShape(cap, B, K, N);
      matmulReference(xBuf, wBuf, useBias ? biasBuf : null, outBuf, B, K, N);
    },
    reserve: (floats) => new Float32Array(floats),
    vector: jsVectorOps,
    product(x, w, bias, out, B, K, N, layout) {
      checkRunShape(cap, B, K, N);
      if (layout !== 'nn' && flipped.length < (layout === 'tn' ? B * K : K * N)) {
        flipped = new Float32Array(layout === 'tn' ? B * K : K * N);
      }
      if (layout === 'tn') transpose(x, K, B, flipped);
      if (layout === 'nt') transpose(w, N, K, flipped);
      matmulReference(layout === 'tn' ? flipped : x, layout === 'nt' ? flipped : w, bias, out, B, K, N);
    },
  };
  return kernel;
}

/**
 * out = x·w (+ bias). Loop order b, k, j: the output rows are the float32 accumulators (the
 * explicit fround is the rounding a float32 add would do), so every out[b·N + j] still sees k in
 * ascending order while the inner loop streams contiguously along rows of w. Blocks of 4 rows × 2
 * k steps share each load of w across rows and halve the loads and stores of the accumulators
 * (measured ~2.5× faster than the plain triple loop); the additions stay in the same order.
 */
export function matmulReference(
  x: Float32Array,
  w: Float32Array,
  bias: Float32Array | null,
  out: Float32Array,
  B: number,
  K: number,
  N: number,
): void {
  out.fill(0, 0, B * N);
  const B4 = B - (B % 4);
  for (let b = 0; b < B4; b += 4) rows4(x, w, out, b, K, N);
  for (let b = B4; b < B; b++) rows1(x, w, out, b, K, N);
  const bits = new Uint32Array(out.buffer, out.byteOffset, B * N);
  for (let b = 0; b < B; b++) {
    const o = b * N;
    if (bias !== null) {
      for (let j = 0; j < N; j++) out[o + j] = fr(out[o + j]! + bias[j]!);
    }
    // The sign and payload of a computed NaN depend on the engine, tier and CPU; store the one
    // canonical quiet NaN so outputs are reproducible bit for bit (the wasm kernel does the same).
    for (let i = o; i < o + N; i++) {
      if (out[i] !== out[i]) bits[i] = CANONICAL_NAN_BITS;
    }
  }
}

/** Accumulates rows b … b+3 of x·w into out (already zeroed). */
function rows4(x: Float32Array, w: Float32Array, out: Float32Array, b: number, K: number, N: number): void {
  const [o0, o1, o2, o3] = [b * N, (b + 1) * N, (b + 2) * N, (b + 3) * N];
  const [x0, x1, x2, x3] = [b * K, (b + 1) * K, (b + 2) * K, (b + 3) * K];
  let k = 0;
  for (; k + 1 < K; k += 2) {
    const [a0, a1, a2, a3] = [x[x0 + k]!, x[x1 + k]!, x[x2 + k]!, x[x3 + k]!];
    const [c0, c1, c2, c3] = [x[x0 + k + 1]!, x[x1 + k + 1]!, x[x2 + k + 1]!, x[x3 + k + 1]!];
    const wa = k * N;
    const wc = wa + N;
    for (let j = 0; j < N; j++) {
      const va = w[wa + j]!;
      const vc = w[wc + j]!;
      out[o0 + j] = fr(fr(out[o0 + j]! + fr(a0 * va)) + fr(c0 * vc));
      out[o1 + j] = fr(fr(out[o1 + j]! + fr(a1 * va)) + fr(c1 * vc));
      out[o2 + j] = fr(fr(out[o2 + j]! + fr(a2 * va)) + fr(c2 * vc));
      out[o3 + j] = fr(fr(out[o3 + j]! + fr(a3 * va)) + fr(c3 * vc));
    }
  }
  if (k < K) {
    for (let r = 0; r < 4; r++) addRowTerm(x[(b + r) * K + k]!, w, k * N, out, (b + r) * N, N);
  }
}

/** Accumulates row b of x·w into out (already zeroed). */
function rows1(x: Float32Array, w: Float32Array, out: Float32Array, b: number, K: number, N: number): void {
  for (let k = 0; k < K; k++) addRowTerm(x[b * K + k]!, w, k * N, out, b * N, N);
}

/** out[o + j] = fl32(out[o + j] + fl32(a · w[wo + j])) for j < N: one k step of one row. */
function addRowTerm(a: number, w: Float32Array, wo: number, out: Float32Array, o: number, N: number): void {
  for (let j = 0; j < N; j++) out[o + j] = fr(out[o + j]! + fr(a * w[wo + j]!));
}
