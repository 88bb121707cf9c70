// WebAssembly SIMD kernel (matmul.wat): bit-identical to the JS reference, about 15× faster.
//
// The kernel owns one WebAssembly.Memory holding x, w, bias and out as separate regions, so the
// engine writes weights and inputs straight into wasm memory and reads results from it: no copies.
// After them lies the region reserve() hands out, where a trainer keeps its weights and
// activations so that product() runs on them in place.

import { MATMUL_WASM_BASE64 } from './matmul.wasm';
import { bufferSizes, checkRunShape, EMPTY_CAPACITY, grownCapacity } from './shape';
import type { Layout, MatmulKernel } from './types';
import { compileBase64Module } from './wasmBytes';
import { type VectorExports, wasmVectorOps } from './wasmVectorOps';

interface MatmulExports extends VectorExports {
  memory: WebAssembly.Memory;
  matmul(
    x: number,
    w: number,
    bias: number,
    out: number,
    B: number,
    K: number,
    N: number,
    useBias: number,
    scratch: number,
    layout: number,
  ): void;
}

const PAGE_BYTES = 65536;
/** Must equal the maximum declared for the memory in matmul.wat. */
const MAX_PAGES = 16384;
/** Regions start on cache-line boundaries. */
const ALIGN_BYTES = 64;
/** The $layout argument of matmul.wat. */
const LAYOUT_CODE: Record<Layout, number> = { nn: 0, tn: 1, nt: 2 };

/** Bytes of scratch matmul.wat needs for a given K: output tile, padded bias, 4 rows of x, a panel of w. */
function scratchBytes(K: number): number {
  return 160 + 48 * K;
}

let cachedModule: WebAssembly.Module | null | undefined;

/** Compiles once per realm; null when the runtime lacks WebAssembly or 128-bit SIMD. */
function matmulModule(): WebAssembly.Module | null {
  if (cachedModule === undefined) cachedModule = compileBase64Module(MATMUL_WASM_BASE64);
  return cachedModule;
}

function alignUp(bytes: number): number {
  return Math.ceil(bytes / ALIGN_BYTES) * ALIGN_BYTES;
}

export function createWasmKernel(): MatmulKernel | null {
  const mod = matmulModule();
  if (mod === null) return null;
  const exports = new WebAssembly.Instance(mod).exports as unknown as MatmulExports;
  const memory = exports.memory;

  let cap = EMPTY_CAPACITY;
  // Byte offsets of the regions; address 0 stays unused (the wasm code reads a bias pointer of 0
  // as "no bias").
  let ptr = { scratch: ALIGN_BYTES, x: ALIGN_BYTES, w: ALIGN_BYTES, bias: ALIGN_BYTES, out: ALIGN_BYTES };
  /** The end of the x, w, bias and out regions, where reserve()'s region starts. */
  let staged = ALIGN_BYTES;
  let views = makeViews();

  /** Grows the memory to hold `end` bytes. */
  function growTo(end: number, what: string): void {
    const pages = Math.ceil(end / PAGE_BYTES);
    if (pages > MAX_PAGES) {
      throw new RangeError(
        `matmul: ${what} needs ${Math.ceil(end / 2 ** 20)} MiB, ` +
          `over the ${(MAX_PAGES * PAGE_BYTES) / 2 ** 20} MiB limit of the wasm kernel`,
      );
    }
    const have = memory.buffer.byteLength / PAGE_BYTES;
    if (pages > have) memory.grow(pages - have);
  }

  /** The byte address of `a` in the memory, copying it into `stage` first unless it already lives there. */
  function addressOf(a: Float32Array, n: number, stage: Float32Array): number {
    if (a.buffer === memory.buffer) return a.byteOffset;
    stage.set(a.subarray(0, n));
    return stage.byteOffset;
  }

  function makeViews() {
    // Rebuilt after every layout change: growing the memory detaches its old ArrayBuffer.
    const buf = memory.buffer;
    const size = bufferSizes(cap);
    return {
      x: new Float32Array(buf, ptr.x, size.x),
      w: new Float32Array(buf, ptr.w, size.w),
      bias: new Float32Array(buf, ptr.bias, size.bias),
      out: new Float32Array(buf, ptr.out, size.out),
    };
  }

  const kernel: MatmulKernel = {
    name: 'wasm-simd',
    ensure(maxB, maxK, maxN) {
      const next = grownCapacity(cap, maxB, maxK, maxN);
      if (next === null) return;
      const size = bufferSizes(next);
      const ps = ALIGN_BYTES;
      const px = ps + alignUp(scratchBytes(next.K));
      const pw = px + alignUp(size.x * 4);
      const pb = pw + alignUp(size.w * 4);
      const po = pb + alignUp(size.bias * 4);
      const end = po + alignUp(size.out * 4);
      growTo(end, `${next.B}×${next.K}·${next.K}×${next.N}`);
      cap = next;
      staged = end;
      ptr = { scratch: ps, x: px, w: pw, bias: pb, out: po };
      views = makeViews();
    },
    x: () => views.x,
    w: () => views.w,
    bias: () => views.bias,
    out: () => views.out,
    run(B, K, N, useBias) {
      checkRunShape(cap, B, K, N);
      exports.matmul(ptr.x, ptr.w, ptr.bias, ptr.out, B, K, N, useBias ? 1 : 0, ptr.scratch, 0);
    },
    vector: wasmVectorOps(memory, exports),
    reserve(floats) {
      growTo(staged + floats * 4, `a region of ${floats} floats`);
      views = makeViews();
      return new Float32Array(memory.buffer, staged, floats);
    },
    product(x, w, bias, out, B, K, N, layout) {
      checkRunShape(cap, B, K, N);
      const px = addressOf(x, B * K, views.x);
      const pw = addressOf(w, K * N, views.w);
      const pb = bias === null ? 0 : addressOf(bias, N, views.bias);
      const inPlace = out.buffer === memory.buffer;
      const po = inPlace ? out.byteOffset : ptr.out;
      exports.matmul(px, pw, pb, po, B, K, N, bias === null ? 0 : 1, ptr.scratch, LAYOUT_CODE[layout]);
      if (!inPlace) out.set(views.out.subarray(0, B * N));
    },
  };
  return kernel;
}
