// fillNormal in WebAssembly (normal.wat): the same values and the same generator state after, at
// about twice the speed (Chromium 136 → 328 M values/s here, Node 160 → 300). Drawing the
// weights is the largest cost of a run after the matrix products. Values are drawn into this
// module's memory and copied out, a piece at a time; the rare slow path calls back into
// normal.ts, on a generator whose state words are this memory's.

import { fillNormal, normalSlowPath, ZIGGURAT_FAST_TABLES } from '../normal';
import { Sfc32 } from '../rng';
import { NORMAL_WASM_BASE64 } from './normal.wasm';
import { compileBase64Module } from './wasmBytes';

/**
 * Same values as fillNormal over out[start, end). Also lists, in `outside` from index 0, the
 * positions j of the values with !(|out[j] − mean| ≤ bound), in ascending order, and returns how
 * many (0 when bound is +∞ and every value is a number). `outside` holds at least end − start.
 */
export type NormalFill = (
  rng: Sfc32,
  out: Float32Array,
  start: number,
  end: number,
  mean: number,
  std: number,
  bound: number,
  outside: Int32Array,
) => number;

interface NormalExports {
  memory: WebAssembly.Memory;
  fill(out: number, end: number, mean: number, std: number, bound: number, list: number): number;
}

/** Byte addresses of normal.wat's layout. */
const ACCEPT = 0;
const SCALE = 512;
const STATE = 2560;
const VALUES = 4096;
/** Values per piece: 64 Ki floats (256 KiB), a 16-row weight block of width 4096. */
const PIECE = 1 << 16;
const LIST = VALUES + 4 * PIECE;
const PAGE_BYTES = 65536;

/** The reference: fillNormal, then a search for the values outside the bound (without a branch per value). */
export const fillNormalJs: NormalFill = (rng, out, start, end, mean, std, bound, outside) => {
  fillNormal(rng, out, start, end, mean, std);
  let count = 0;
  for (let j = start; j < end; j++) {
    outside[count] = j;
    count += +!(Math.abs(out[j]! - mean) <= bound);
  }
  return count;
};

/** The WebAssembly sampler; null where WebAssembly is missing. */
export function createWasmNormalFill(): NormalFill | null {
  const mod = compileBase64Module(NORMAL_WASM_BASE64);
  if (mod === null) return null;
  // The slow path steps `view`, whose state words are the module's (set below, before any call).
  let view: Sfc32 | null = null;
  const host = { slowPath: (draw: number) => normalSlowPath(view!, draw) };
  const wasm = new WebAssembly.Instance(mod, { host }).exports as unknown as NormalExports;
  wasm.memory.grow(Math.ceil((LIST + 4 * PIECE) / PAGE_BYTES) - wasm.memory.buffer.byteLength / PAGE_BYTES);
  // The memory never grows again, so these views stay valid.
  const buffer = wasm.memory.buffer;
  new Int32Array(buffer, ACCEPT, 128).set(ZIGGURAT_FAST_TABLES.accept);
  new Float64Array(buffer, SCALE, 256).set(ZIGGURAT_FAST_TABLES.signedScale);
  const state = new Int32Array(buffer, STATE, 4);
  view = new Sfc32(0, 0, 0, 0, state);
  const values = new Float32Array(buffer, VALUES, PIECE);
  const list = new Int32Array(buffer, LIST, PIECE);

  return (rng, out, start, end, mean, std, bound, outside) => {
    state.set(rng.state);
    let count = 0;
    for (let from = start; from < end; from += PIECE) {
      const length = Math.min(PIECE, end - from);
      const listed = wasm.fill(VALUES, VALUES + 4 * length, mean, std, bound, LIST);
      out.set(length === PIECE ? values : values.subarray(0, length), from);
      for (let i = 0; i < listed; i++) outside[count++] = from + list[i]!;
    }
    rng.state.set(state);
    return count;
  };
}

/** Shorter ranges are drawn in JS: the calls and copies cost more than they save. */
const WASM_MIN_VALUES = 256;
let wasmFill: NormalFill | null | undefined;

/** fillNormalJs, in WebAssembly where it runs; the same values and list either way. */
export const fillNormalFast: NormalFill = (rng, out, start, end, mean, std, bound, outside) => {
  // Compiled on first use, in whichever thread draws.
  if (wasmFill === undefined) wasmFill = createWasmNormalFill();
  const fill = wasmFill !== null && end - start >= WASM_MIN_VALUES ? wasmFill : fillNormalJs;
  return fill(rng, out, start, end, mean, std, bound, outside);
};
