// Dense matrix-multiply kernels used by the forward pass.
//
// Contract shared by every kernel (the fast path must be bit-identical to the reference):
//   out[b·N + j] = fl32(acc[b][j] + bias[j])      (out = acc when useBias is false)
//   acc = 0; for k = 0 … K−1 ascending: acc = fl32(acc + fl32(x[b·K + k] · w[k·N + j]))
// i.e. a float32 multiply followed by a separate float32 add (never a fused multiply-add), so a
// plain-JS loop with Math.fround reproduces the result exactly. x is B×K row-major, w is K×N
// row-major (h = x·W, the Keras convention).
//
// A NaN output is always stored as the canonical quiet NaN 0x7fc00000: WebAssembly and
// ECMAScript leave the sign and payload of a computed NaN unspecified (x86 yields 0xffc00000,
// V8 sometimes 0x7fc00000), so kernels normalize it to stay bit-identical and reproducible.

export type KernelName = 'js-reference' | 'wasm-simd';

export interface MatmulKernel {
  readonly name: KernelName;
  /**
   * Buffers owned by the kernel, sized by ensure(); views stay valid until the next ensure() call.
   * The capacity only grows: maxB, maxK, maxN are each the largest ever requested. When it grows,
   * the contents of every buffer may be lost; when it does not, ensure() changes nothing.
   */
  ensure(maxB: number, maxK: number, maxN: number): void;
  /** Capacity maxB·maxK; row b of the current batch starts at b·K. */
  x(): Float32Array;
  /** Capacity maxK·maxN; row k starts at k·N. */
  w(): Float32Array;
  /** Capacity maxN. */
  bias(): Float32Array;
  /** Capacity maxB·maxN; row b starts at b·N. Only the first B·N entries are written. */
  out(): Float32Array;
  /**
   * out = x·w (+ bias) for the current B, K, N, reading x(), w(), bias() and writing out().
   * Throws a RangeError unless B ≤ maxB, K ≤ maxK and N ≤ maxN.
   */
  run(B: number, K: number, N: number, useBias: boolean): void;
}
