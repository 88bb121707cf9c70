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

/** The constants of one Adam step (optimizers.ts): stepSize = lr/(1 − β1ᵗ), root2 = √(1 − β2ᵗ). */
export interface AdamStep {
  beta1: number;
  oneMinusBeta1: number;
  beta2: number;
  oneMinusBeta2: number;
  stepSize: number;
  root2: number;
  eps: number;
}

/**
 * The element-wise steps of training, defined in plain TypeScript by vectorOps.ts; a kernel's own
 * versions give the same bits. The wasm kernel runs them in place on arrays inside its reserve()
 * region (others take the plain path).
 */
export interface VectorOps {
  /** dst = src < 0 ? 0 : src (−0 and NaN pass through): ReLU. */
  relu(src: Float32Array, dst: Float32Array, n: number): void;
  /** dst = h > 0 ? incoming : 0: ReLU's φ′(h) (0 at 0) times what arrives from above. */
  reluMask(h: Float32Array, incoming: Float32Array, dst: Float32Array, n: number): void;
  /** out[j] = fl32(Σ_b d[b·N + j]), summed in float64 from 0, rows in order: a bias gradient. */
  sumRows(d: Float32Array, B: number, N: number, out: Float32Array): void;
  /** dst = fl32(c·g): SGD's update with c = −lr. */
  scale(g: Float32Array, dst: Float32Array, n: number, c: number): void;
  /** buf = first ? g : fl32(mu·buf + g); dst = fl32(c·buf): SGD with momentum, c = −lr. */
  momentum(
    g: Float32Array,
    buf: Float32Array,
    dst: Float32Array,
    n: number,
    mu: number,
    c: number,
    first: boolean,
  ): void;
  /** m, v and the update dst of one Adam step. */
  adam(g: Float32Array, m: Float32Array, v: Float32Array, dst: Float32Array, n: number, a: AdamStep): void;
  /** p = fl32(p + d); false when a result is not finite. */
  addFinite(p: Float32Array, d: Float32Array, n: number): boolean;
}

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
  /** The element-wise steps of training, on the same memory as product(). */
  readonly vector: VectorOps;
}
