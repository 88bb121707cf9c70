// Moments of a tensor as a sequence of fixed chunks (a batch row of activations, a 16-row block of
// weights). Each chunk's partial moments depend only on the chunk's values, and the partials are
// combined in chunk order, so a tensor split across any number of threads — each computing the
// partials of its own chunks — gives the same float64 bits as one thread doing every chunk.
//
// A chunk's partials live in a Float64Array record (so they can sit in a SharedArrayBuffer):
// min, max, float64 sum and sum of squares, the sum of squared deviations from the CHUNK's own
// mean, and the counts. Chunks are combined exactly as a two-pass variance would be, with the
// between-chunk term: m2 = Σ_c m2_c + n_c·(mean_c − mean)², which stays accurate when the mean
// dwarfs the spread.

import { createWasmLaneScan, LANE, laneScanJs, type LaneScan } from './kernels/laneScan';
import type { NonFinite } from './types';

export const MOMENT_FIELDS = 10;
const MIN = 0;
const MAX = 1;
const SUM = 2;
const SUM_SQ = 3;
const M2 = 4;
const FINITE = 5;
const ZEROS = 6;
const POS_INF = 7;
const NEG_INF = 8;
const NAN = 9;
/** Fields combined by adding them up, in chunk order. */
const ADDED_FIELDS = [SUM, SUM_SQ, FINITE, ZEROS, POS_INF, NEG_INF, NAN] as const;

/** The combined moments of a sequence of chunks. min/max are over finite values (±Infinity when none). */
export interface CombinedMoments {
  min: number;
  max: number;
  sum: number;
  sumSq: number;
  /** Σ (v − mean)² over the finite values, mean = sum / finite. */
  m2: number;
  finite: number;
  zeros: number;
  nonFinite: NonFinite;
}

/** Stores one chunk's partials: the fields in the order of the constants above. */
function writeRecord(rec: Float64Array, at: number, ...fields: number[]): void {
  for (let f = 0; f < MOMENT_FIELDS; f++) rec[at + f] = fields[f]!;
}

/** Slow path for a chunk holding ±Inf or NaN: skips them and counts them. */
function scanWithNonFinite(x: Float32Array, start: number, end: number, rec: Float64Array, at: number): void {
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  let sumSq = 0;
  let finite = 0;
  let zeros = 0;
  let posInf = 0;
  let negInf = 0;
  let nan = 0;
  for (let i = start; i < end; i++) {
    const v = x[i]!;
    if (v - v === 0) {
      if (v < min) min = v;
      if (v > max) max = v;
      sum += v;
      sumSq += v * v;
      finite++;
      if (v === 0) zeros++;
    } else if (v === Infinity) posInf++;
    else if (v === -Infinity) negInf++;
    else nan++;
  }
  const mean = finite > 0 ? sum / finite : 0;
  let m2 = 0;
  for (let i = start; i < end; i++) {
    const v = x[i]!;
    if (v - v === 0) m2 += (v - mean) * (v - mean);
  }
  // −0 + 0 = +0: a zero minimum or maximum is +0, as in the lane scans.
  writeRecord(rec, at, min + 0, max + 0, sum, sumSq, m2, finite, zeros, posInf, negInf, nan);
}

/** Shorter chunks are scanned in JS: copying them into wasm memory and calling out costs more. */
const WASM_MIN_CHUNK = 64;
let wasmLaneScan: LaneScan | null | undefined;
const scanned = new Float64Array(LANE.length);

/**
 * Writes the partial moments of x[start, end) into rec[at, at + MOMENT_FIELDS). The lane scans
 * (kernels/laneScan.ts) run without a finiteness test per value: a float64 sum of float32 values
 * is non-finite only if some value is (float32's largest square times any realistic count is far
 * below float64's range), so the chunk is rescanned carefully only when its sum says so. The
 * wasm and JS scans give the same bits, so the choice between them is only a matter of speed.
 */
export function scanChunk(x: Float32Array, start: number, end: number, rec: Float64Array, at: number): void {
  // Compiled on first use, in whichever thread scans.
  if (wasmLaneScan === undefined) wasmLaneScan = createWasmLaneScan();
  const scan = wasmLaneScan !== null && end - start >= WASM_MIN_CHUNK ? wasmLaneScan : laneScanJs;
  scan(x, start, end, scanned);
  const sum = scanned[LANE.sum]!;
  if (sum - sum !== 0) {
    scanWithNonFinite(x, start, end, rec, at);
    return;
  }
  writeRecord(
    rec,
    at,
    scanned[LANE.min]!,
    scanned[LANE.max]!,
    sum,
    scanned[LANE.sumSq]!,
    scanned[LANE.m2]!,
    end - start,
    scanned[LANE.zeros]!,
    0,
    0,
    0,
  );
}

/** Partials of consecutive chunks of `chunkLength` values (the last may be shorter) covering x[start, end). */
export function scanChunks(
  x: Float32Array,
  start: number,
  end: number,
  chunkLength: number,
  rec: Float64Array,
  firstRecord: number,
): void {
  let r = firstRecord;
  for (let s = start; s < end; s += chunkLength, r++)
    scanChunk(x, s, Math.min(end, s + chunkLength), rec, r * MOMENT_FIELDS);
}

/** Combines records [first, first + count) in order; the same records always give the same bits. */
export function combineChunks(rec: Float64Array, first: number, count: number): CombinedMoments {
  const total = new Float64Array(MOMENT_FIELDS);
  total[MIN] = Infinity;
  total[MAX] = -Infinity;
  for (let r = first; r < first + count; r++) {
    const at = r * MOMENT_FIELDS;
    total[MIN] = Math.min(total[MIN], rec[at + MIN]!);
    total[MAX] = Math.max(total[MAX], rec[at + MAX]!);
    for (const f of ADDED_FIELDS) total[f]! += rec[at + f]!;
  }
  const finite = total[FINITE]!;
  const mean = finite > 0 ? total[SUM]! / finite : 0;
  let m2 = 0;
  for (let r = first; r < first + count; r++) {
    const at = r * MOMENT_FIELDS;
    const n = rec[at + FINITE]!;
    if (n === 0) continue;
    const d = rec[at + SUM]! / n - mean;
    m2 += rec[at + M2]! + n * d * d;
  }
  return {
    min: total[MIN],
    max: total[MAX],
    sum: total[SUM]!,
    sumSq: total[SUM_SQ]!,
    m2,
    finite,
    zeros: total[ZEROS]!,
    nonFinite: { posInf: total[POS_INF]!, negInf: total[NEG_INF]!, nan: total[NAN]! },
  };
}
