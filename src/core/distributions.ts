// Drawing weight matrices from a `WeightLaw`, and the exact moments of each law that the
// mean-field theory and the tests compare against.

import { truncatedStandardNormalMoments } from './gaussian';
import { fillNormalFast } from './kernels/normalWasm';
import { normal } from './normal';
import { fillTruncatedRange, truncatedRangeMoments, zeroPerRow } from './extraLaws';
import { fillOrthogonal } from './orthogonal';
import { streamRng } from './rng';
import type { Sfc32 } from './rng';
import type { WeightLaw } from './types';

/**
 * Rows per random stream. Block b (rows [b·16, (b+1)·16)) always comes from
 * streamRng(seed, kind, layer, b), so any split of the rows across threads gives the same matrix.
 */
export const BLOCK_ROWS = 16;

/** Below this bound/std ratio, N(0,1) proposals are mostly rejected; propose uniformly instead. */
const NARROW_TRUNCATION = 0.5;

/**
 * Draws allowed per entry before giving up on a truncated or uniform law. With any sensible law a
 * draw lands inside with probability ≥ 0.38, so the cap is only ever reached when no float32 value
 * lies inside the interval at all; the entry then gets the float32 nearest the centre.
 */
const MAX_ATTEMPTS = 1000;

/** sfc32 output to [0, 1), as Sfc32.nextFloat. */
const TWO_POW_MINUS_32 = 1 / 4294967296;

/** Positions of the values outside a truncated law's bound, as the fill lists them; grown to the longest block seen. */
let outsideScratch = new Int32Array(0);

/** Scratch of at least n entries for fillNormalFast's list of positions. */
function outsideList(n: number): Int32Array {
  if (outsideScratch.length < n) outsideScratch = new Int32Array(n);
  return outsideScratch;
}

/**
 * Replace the listed entries of out (ascending positions, those farther than `bound` from `mean`)
 * by fresh draws from the same stream until each lies inside. The check is on the stored float32
 * value, so rounding can never push a weight past the bound.
 */
function redrawOutside(
  rng: Sfc32,
  out: Float32Array,
  outside: Int32Array,
  count: number,
  mean: number,
  std: number,
  bound: number,
): void {
  for (let i = 0; i < count; i++) out[outside[i]!] = redrawInside(rng, mean, std, bound);
}

/** A draw within `bound` of `mean`, or the float32 nearest the mean when none comes (see MAX_ATTEMPTS). */
function redrawInside(rng: Sfc32, mean: number, std: number, bound: number): number {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const candidate = Math.fround(mean + std * normal(rng));
    if (Math.abs(candidate - mean) <= bound) return candidate;
  }
  return Math.fround(mean);
}

/**
 * N(mean, std²) restricted to [mean − bound, mean + bound] when bound < std/2, by uniform proposals
 * accepted with probability exp(−z²/2) (at least 0.88 here).
 */
function fillNarrowTruncated(
  rng: Sfc32,
  out: Float32Array,
  start: number,
  end: number,
  mean: number,
  std: number,
  bound: number,
): void {
  for (let j = start; j < end; j++) {
    let w = Math.fround(mean);
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const offset = bound * (2 * rng.nextFloat() - 1);
      const z = offset / std;
      const candidate = Math.fround(mean + offset);
      if (rng.nextFloat() < Math.exp(-0.5 * z * z) && Math.abs(candidate - mean) <= bound) {
        w = candidate;
        break;
      }
    }
    out[j] = w;
  }
}

/**
 * U(lo, hi), redrawing the rare value that float32 rounding would carry just outside [lo, hi].
 * Reversed ends are read as U(hi, lo), which has the same moments.
 */
function fillUniform(rng: Sfc32, out: Float32Array, start: number, end: number, a: number, b: number): void {
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  const width = hi - lo;
  // The generator stepped inline, its state in locals, as fillNormal does: rng.nextFloat() per
  // value, reading and writing the state array each time, ran at half the speed.
  const s = rng.state;
  let sa = s[0]!;
  let sb = s[1]!;
  let sc = s[2]!;
  let counter = s[3]!;
  for (let j = start; j < end; j++) {
    const t = (sa + sb + counter) | 0;
    counter = (counter + 1) | 0;
    sa = sb ^ (sb >>> 9);
    sb = (sc + (sc << 3)) | 0;
    sc = (((sc << 21) | (sc >>> 11)) + t) | 0;
    let w = Math.fround(lo + width * ((t >>> 0) * TWO_POW_MINUS_32));
    if (w < lo || w > hi) {
      saveState(s, sa, sb, sc, counter);
      for (let attempt = 1; (w < lo || w > hi) && attempt < MAX_ATTEMPTS; attempt++) {
        w = Math.fround(lo + width * rng.nextFloat());
      }
      sa = s[0]!;
      sb = s[1]!;
      sc = s[2]!;
      counter = s[3]!;
    }
    out[j] = w;
  }
  saveState(s, sa, sb, sc, counter);
}

function saveState(s: Int32Array, a: number, b: number, c: number, counter: number): void {
  s[0] = a;
  s[1] = b;
  s[2] = c;
  s[3] = counter;
}

function fillBlock(law: WeightLaw, rng: Sfc32, out: Float32Array, start: number, end: number): void {
  switch (law.kind) {
    case 'normal':
      fillNormalFast(rng, out, start, end, law.mean, law.std, Infinity, outsideList(end - start));
      return;
    case 'truncated_normal':
      if (!(law.std > 0) || !(law.bound > 0)) {
        out.fill(law.mean, start, end);
      } else if (law.bound < NARROW_TRUNCATION * law.std) {
        fillNarrowTruncated(rng, out, start, end, law.mean, law.std, law.bound);
      } else {
        // Whole block first at full speed, then redraw the few entries outside (4.6 % at ±2σ).
        // Every entry is still an independent draw from the truncated law.
        const outside = outsideList(end - start);
        const count = fillNormalFast(rng, out, start, end, law.mean, law.std, law.bound, outside);
        redrawOutside(rng, out, outside, count, law.mean, law.std, law.bound);
      }
      return;
    case 'uniform':
      fillUniform(rng, out, start, end, law.lo, law.hi);
      return;
    case 'constant':
      out.fill(law.value, start, end);
      return;
    case 'truncated_normal_range':
      fillTruncatedRange(rng, out, start, end, law.mean, law.std, law.lo, law.hi);
      return;
    case 'sparse_normal':
      // A block holds whole rows, so each row's zeros come from the block's own stream.
      fillNormalFast(rng, out, start, end, 0, law.std, Infinity, outsideList(end - start));
      zeroPerRow(rng, out, start, end, law.cols, law.zeros);
      return;
    default:
      throw new Error(`fillBlock: ${law.kind} is not drawn block by block`);
  }
}

/** Whether a law is drawn block by block (see BLOCK_ROWS), so that blocks can be drawn apart. */
export function isBlockwise(law: WeightLaw): boolean {
  return law.kind !== 'orthogonal' && law.kind !== 'identity';
}

/** Number of BLOCK_ROWS-row blocks of a matrix with `rows` rows. */
export function blockCount(rows: number): number {
  return Math.ceil(rows / BLOCK_ROWS);
}

/** A rows×cols matrix as fillWeights draws it: its law and the streams it comes from. */
export interface DrawnMatrix {
  law: WeightLaw;
  seed: number;
  kind: number;
  layer: number;
  rows: number;
  cols: number;
}

/**
 * Blocks [firstBlock, endBlock) of a matrix drawn from a blockwise law, written at their own place
 * in `out` (row r at r·cols). Each block is drawn from its own stream, so the blocks can be drawn
 * by different threads into one shared matrix.
 */
export function fillWeightBlocks(m: DrawnMatrix, firstBlock: number, endBlock: number, out: Float32Array): void {
  for (let block = firstBlock; block < endBlock; block++) {
    const start = block * BLOCK_ROWS * m.cols;
    const end = Math.min(m.rows, (block + 1) * BLOCK_ROWS) * m.cols;
    fillBlock(m.law, streamRng(m.seed, m.kind, m.layer, block), out, start, end);
  }
}

/**
 * Fill the row-major rows×cols matrix `out` (rows = fan_in, cols = fan_out, h = x·W as in Keras)
 * from `law`. Entry-wise laws are drawn block by block (see BLOCK_ROWS), each block in row-major
 * order. An orthogonal matrix is one object, so it is drawn whole from stream block 0. For a bias
 * vector pass rows = 1.
 */
export function fillWeights(
  law: WeightLaw,
  seed: number,
  kind: number,
  layer: number,
  rows: number,
  cols: number,
  out: Float32Array,
): void {
  const size = rows * cols;
  if (out.length < size) throw new RangeError(`fillWeights: output holds ${out.length} < ${rows}×${cols} entries`);
  switch (law.kind) {
    case 'identity':
      out.fill(0, 0, size);
      for (let i = 0; i < Math.min(rows, cols); i++) out[i * cols + i] = law.gain;
      return;
    case 'orthogonal':
      fillOrthogonal(streamRng(seed, kind, layer, 0), rows, cols, law.gain, out);
      return;
    default:
      fillWeightBlocks({ law, seed, kind, layer, rows, cols }, 0, blockCount(rows), out);
  }
}

/**
 * Rows [firstRow, endRow) of the rows×cols matrix that fillWeights would draw from a blockwise
 * law, written to out from index 0: a thread's share of the network's input. The blocks that
 * straddle the range are drawn whole (as fillWeights draws them) and cut.
 */
export function fillWeightRows(m: DrawnMatrix, firstRow: number, endRow: number, out: Float32Array): void {
  const scratch = new Float32Array(BLOCK_ROWS * m.cols);
  for (let block = Math.floor(firstRow / BLOCK_ROWS); block * BLOCK_ROWS < endRow; block++) {
    const blockStart = block * BLOCK_ROWS;
    const blockRows = Math.min(m.rows, blockStart + BLOCK_ROWS) - blockStart;
    fillBlock(m.law, streamRng(m.seed, m.kind, m.layer, block), scratch, 0, blockRows * m.cols);
    const from = Math.max(firstRow, blockStart);
    const to = Math.min(endRow, blockStart + blockRows);
    out.set(scratch.subarray((from - blockStart) * m.cols, (to - blockStart) * m.cols), (from - firstRow) * m.cols);
  }
}

/**
 * E[w] of one entry. Orthogonal and identity report 0: the theory treats them as centred (see
 * realizedVariance). The shape is unused but kept so all moment functions are called alike.
 */
export function lawMean(law: WeightLaw, rows: number, cols: number): number {
  void rows;
  void cols;
  switch (law.kind) {
    case 'normal':
    case 'truncated_normal':
      return law.mean;
    case 'uniform':
      return 0.5 * (law.lo + law.hi);
    case 'constant':
      return law.value;
    case 'truncated_normal_range':
      return truncatedRangeMoments(law.mean, law.std, law.lo, law.hi).mean;
    case 'orthogonal':
    case 'identity':
    case 'sparse_normal':
      return 0;
  }
}

/**
 * Var(w) of one entry, exactly. The truncated normal uses the truncated second moment; an
 * orthogonal matrix has squared entries summing to min(rows, cols); identity is taken as a
 * variance about 0, i.e. its E[w²], which is what σ_w² = fan_in·Var(w) needs to come out right.
 */
export function realizedVariance(law: WeightLaw, rows: number, cols: number): number {
  switch (law.kind) {
    case 'normal':
      return law.std * law.std;
    case 'truncated_normal': {
      if (!(law.std > 0) || !(law.bound > 0)) return 0;
      const { secondMoment } = truncatedStandardNormalMoments(law.bound / law.std);
      return law.std * law.std * secondMoment;
    }
    case 'uniform':
      return ((law.hi - law.lo) * (law.hi - law.lo)) / 12;
    case 'constant':
      return 0;
    case 'orthogonal':
      return (law.gain * law.gain) / Math.max(rows, cols, 1);
    case 'identity':
      return (law.gain * law.gain * Math.min(rows, cols)) / Math.max(rows * cols, 1);
    case 'truncated_normal_range':
      return truncatedRangeMoments(law.mean, law.std, law.lo, law.hi).variance;
    case 'sparse_normal':
      return law.cols > 0 ? law.std * law.std * (1 - Math.min(law.zeros, law.cols) / law.cols) : 0;
  }
}

/** E[w²] of one entry: realizedVariance + lawMean². */
export function lawSecondMoment(law: WeightLaw, rows: number, cols: number): number {
  const mean = lawMean(law, rows, cols);
  return realizedVariance(law, rows, cols) + mean * mean;
}

/** The largest |w| the law can produce (Infinity for an untruncated normal). */
export function lawBound(law: WeightLaw): number {
  switch (law.kind) {
    case 'normal':
      return law.std === 0 ? Math.abs(law.mean) : Infinity;
    case 'truncated_normal':
      return Math.abs(law.mean) + Math.max(law.bound, 0);
    case 'uniform':
      return Math.max(Math.abs(law.lo), Math.abs(law.hi));
    case 'constant':
      return Math.abs(law.value);
    case 'orthogonal':
    case 'identity':
      return Math.abs(law.gain);
    case 'truncated_normal_range':
      return Math.max(Math.abs(law.lo), Math.abs(law.hi));
    case 'sparse_normal':
      return law.std === 0 ? 0 : Infinity;
  }
}
