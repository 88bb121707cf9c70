// The scans behind chunkMoments.scanChunk: a chunk's float64 sum, sum of squares, minimum,
// maximum and zero count, then (when the sum is finite) its sum of squared deviations from its
// own mean. Value i of the chunk (counted from its start) is summed in lane i mod 4, and the
// lanes are combined as (l0 + l1) + (l2 + l3). That order is the contract: the plain-JS loops
// below and moments.wat follow it step for step, so both give the same bits, and either may
// scan any chunk. The lanes are also what makes the scans fast: four independent additions per
// step instead of one long chain.

import { MOMENTS_WASM_BASE64 } from './moments.wasm';
import { compileBase64Module } from './wasmBytes';

/** Fields of a LaneScan result. */
export const LANE = { sum: 0, sumSq: 1, min: 2, max: 3, zeros: 4, m2: 5, length: 6 } as const;

/**
 * Scans x[start, end) into out (LANE fields). m2 is left NaN when the sum is not finite: the
 * chunk holds ±Inf or NaN, and the caller scans it again value by value. Zero-sign is
 * normalised: a minimum or maximum of zero is +0.
 */
export type LaneScan = (x: Float32Array, start: number, end: number, out: Float64Array) => void;

/** The reference: plain JS, four lanes unrolled, the last 1–3 values into lanes 0–2. */
export const laneScanJs: LaneScan = (x, start, end, out) => {
  let min = Infinity;
  let max = -Infinity;
  let [s0, s1, s2, s3, q0, q1, q2, q3] = [0, 0, 0, 0, 0, 0, 0, 0];
  let zeros = 0;
  let i = start;
  for (; i + 4 <= end; i += 4) {
    const v0 = x[i]!;
    const v1 = x[i + 1]!;
    const v2 = x[i + 2]!;
    const v3 = x[i + 3]!;
    min = Math.min(min, v0, v1, v2, v3);
    max = Math.max(max, v0, v1, v2, v3);
    s0 += v0;
    s1 += v1;
    s2 += v2;
    s3 += v3;
    q0 += v0 * v0;
    q1 += v1 * v1;
    q2 += v2 * v2;
    q3 += v3 * v3;
    zeros = (zeros + +(v0 === 0) + +(v1 === 0) + +(v2 === 0) + +(v3 === 0)) | 0;
  }
  const tail = end - i;
  const t0 = tail > 0 ? x[i]! : 0;
  const t1 = tail > 1 ? x[i + 1]! : 0;
  const t2 = tail > 2 ? x[i + 2]! : 0;
  if (tail > 0)
    [s0, q0, min, max, zeros] = [s0 + t0, q0 + t0 * t0, Math.min(min, t0), Math.max(max, t0), zeros + +(t0 === 0)];
  if (tail > 1)
    [s1, q1, min, max, zeros] = [s1 + t1, q1 + t1 * t1, Math.min(min, t1), Math.max(max, t1), zeros + +(t1 === 0)];
  if (tail > 2)
    [s2, q2, min, max, zeros] = [s2 + t2, q2 + t2 * t2, Math.min(min, t2), Math.max(max, t2), zeros + +(t2 === 0)];
  const sum = s0 + s1 + (s2 + s3);
  writeSums(out, sum, q0 + q1 + (q2 + q3), min, max, zeros);
  if (sum - sum !== 0) return;
  const mean = end > start ? sum / (end - start) : 0;
  let [m0, m1, m2, m3] = [0, 0, 0, 0];
  for (i = start; i + 4 <= end; i += 4) {
    const d0 = x[i]! - mean;
    const d1 = x[i + 1]! - mean;
    const d2 = x[i + 2]! - mean;
    const d3 = x[i + 3]! - mean;
    m0 += d0 * d0;
    m1 += d1 * d1;
    m2 += d2 * d2;
    m3 += d3 * d3;
  }
  if (tail > 0) m0 += (t0 - mean) * (t0 - mean);
  if (tail > 1) m1 += (t1 - mean) * (t1 - mean);
  if (tail > 2) m2 += (t2 - mean) * (t2 - mean);
  out[LANE.m2] = m0 + m1 + (m2 + m3);
};

function writeSums(out: Float64Array, sum: number, sumSq: number, min: number, max: number, zeros: number): void {
  out[LANE.sum] = sum;
  out[LANE.sumSq] = sumSq;
  out[LANE.min] = min + 0; // −0 + 0 = +0
  out[LANE.max] = max + 0;
  out[LANE.zeros] = zeros;
  out[LANE.m2] = NaN;
}

interface MomentsExports {
  memory: WebAssembly.Memory;
  sums(p: number, end: number, acc: number): void;
  deviations(p: number, end: number, mean: number, acc: number): void;
}

/** Lane state (moments.wat) at byte 0, chunk copies from byte 256. */
const ACC = 0;
const DATA = 256;
/** Longest chunk the wasm path copies in (1 MiB); longer ones take the JS path. */
const MAX_WASM_CHUNK = 1 << 18;
const PAGE_BYTES = 65536;

/** The SIMD scan; null where WebAssembly SIMD is missing. Copies the chunk into its own memory. */
export function createWasmLaneScan(): LaneScan | null {
  const mod = compileBase64Module(MOMENTS_WASM_BASE64);
  if (mod === null) return null;
  const wasm = new WebAssembly.Instance(mod).exports as unknown as MomentsExports;
  wasm.memory.grow(Math.ceil((DATA + 4 * MAX_WASM_CHUNK) / PAGE_BYTES) - wasm.memory.buffer.byteLength / PAGE_BYTES);
  // The memory never grows again, so these views stay valid.
  const buffer = wasm.memory.buffer;
  const accF64 = new Float64Array(buffer, ACC, 18);
  const accF32 = new Float32Array(buffer, ACC, 36);
  const accI32 = new Int32Array(buffer, ACC, 36);
  const data = new Float32Array(buffer, DATA, MAX_WASM_CHUNK);
  const lanes = new Float64Array(4);
  const squares = new Float64Array(4);

  /** Lane l of the float64 lanes stored from byte `at` of the state. */
  const lane = (at: number, l: number): number => accF64[at / 8 + l]!;

  return (x, start, end, out) => {
    const n = end - start;
    if (n > MAX_WASM_CHUNK) {
      laneScanJs(x, start, end, out);
      return;
    }
    data.set(x.subarray(start, end));
    const whole = n & ~3;
    accF64.fill(0, 0, 8); // sums, sums of squares
    accF32.fill(Infinity, 16, 20);
    accF32.fill(-Infinity, 20, 24);
    accI32.fill(0, 24, 28);
    accF64.fill(0, 14, 18); // m2
    wasm.sums(DATA, DATA + 4 * whole, ACC);
    let min = Math.min(accF32[16]!, accF32[17]!, accF32[18]!, accF32[19]!);
    let max = Math.max(accF32[20]!, accF32[21]!, accF32[22]!, accF32[23]!);
    let zeros = accI32[24]! + accI32[25]! + accI32[26]! + accI32[27]!;
    for (let l = 0; l < 4; l++) lanes[l] = lane(0, l);
    for (let l = 0; l < 4; l++) squares[l] = lane(32, l);
    for (let t = 0; t < n - whole; t++) {
      const v = data[whole + t]!;
      lanes[t]! += v;
      squares[t]! += v * v;
      min = Math.min(min, v);
      max = Math.max(max, v);
      zeros += +(v === 0);
    }
    const sum = lanes[0]! + lanes[1]! + (lanes[2]! + lanes[3]!);
    writeSums(out, sum, squares[0]! + squares[1]! + (squares[2]! + squares[3]!), min, max, zeros);
    if (sum - sum !== 0) return;
    const mean = n > 0 ? sum / n : 0;
    wasm.deviations(DATA, DATA + 4 * whole, mean, ACC);
    for (let l = 0; l < 4; l++) lanes[l] = lane(112, l);
    for (let t = 0; t < n - whole; t++) {
      const d = data[whole + t]! - mean;
      lanes[t]! += d * d;
    }
    out[LANE.m2] = lanes[0]! + lanes[1]! + (lanes[2]! + lanes[3]!);
  };
}
