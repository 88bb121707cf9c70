// Keeping a training run's arrays in the kernel's reserved region (MatmulKernel.reserve), so the
// products of every step read the weights and activations where they are and write their results
// in place: at width 64 the copies in and out of the kernel cost about as much as the products.

import type { MatmulKernel } from '../kernels/types';
import type { Alloc } from './model';

/** Arrays start on 64-byte boundaries (16 floats): whole cache lines, aligned SIMD loads. */
const ALIGN_FLOATS = 16;

const padded = (n: number): number => Math.ceil(n / ALIGN_FLOATS) * ALIGN_FLOATS;

/**
 * Runs `build` twice: once to add up the arrays it asks for, then with views of one region of that
 * size, whose result it returns. The views are valid until the kernel's next ensure() or reserve().
 */
export function reserveAll<T>(kernel: MatmulKernel, build: (alloc: Alloc) => T): T {
  let total = 0;
  build((n) => {
    total += padded(n);
    return new Float32Array(n);
  });
  const region = kernel.reserve(total);
  region.fill(0);
  let next = 0;
  return build((n) => {
    const view = region.subarray(next, next + n);
    next += padded(n);
    return view;
  });
}

/** A copy of `src` in memory from `alloc`. */
export function copyInto(alloc: Alloc, src: Float32Array): Float32Array {
  const dst = alloc(src.length);
  dst.set(src);
  return dst;
}
