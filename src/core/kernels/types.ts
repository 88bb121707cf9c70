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

/**
 * How product() finds its operands: 'nn' x is B×K and w K×N; 'tn' x is held as its transpose
 * (K×B), 'nt' w is held as its transpose (N×K). The products and their order are the contract's
 * in every layout, so the backward pass's aᵀ·δ and δ·Wᵀ need no transposed copies.
 */
export type Layout = 'nn' | 'tn' | 'nt';

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
  /**
   * A region of `floats` float32 in which a caller keeps the arrays it multiplies again and again
   * (a model's weights, its activations), so product() reads and writes them where they are: no
   * copies in or out per product. Replaces the previous region (its contents are lost); the view
   * stays valid until the next ensure() or reserve().
   */
  reserve(floats: number): Float32Array;
  /**
   * out (B × N) = x·w (+ bias) with the operands held as `layout` says, on any arrays long
   * enough; B, K, N must fit the capacity as for run(). Arrays inside reserve()'s region are used
   * in place; others are copied through x(), w(), bias() and out(), overwriting them.
   */
  product(
    x: Float32Array,
    w: Float32Array,
    bias: Float32Array | null,
    out: Float32Array,
    B: number,
    K: number,
    N: number,
    layout: Layout,
  ): void;
}
