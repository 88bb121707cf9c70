// The memory a forward team shares, as typed views on one buffer: a SharedArrayBuffer for a team
// of threads (Node worker_threads or Web Workers), a plain one for a single thread — which uses
// its kernel's own buffers for the weights and activations instead, so it copies nothing.

import { MOMENT_FIELDS } from '../chunkMoments';
import { blockCount } from '../distributions';
import { maxDimOf } from '../networkSpec';
import { HISTOGRAM_BINS } from '../stats';
import type { SimConfig } from '../types';
import { BARRIER_WORDS } from './barrier';

export interface ForwardShared {
  /** Barrier control words (see barrier.ts). */
  control: Int32Array;
  /**
   * Work counters (see COUNTER), claimed with Atomics.add: a member that gets more CPU takes more
   * weight blocks and batch rows. Who takes a piece changes nothing in it or in its moments.
   */
  counters: Int32Array;
  /** The layer's input and its activations, batch × width row-major, swapped after each layer. */
  activationsA: Float32Array;
  activationsB: Float32Array;
  /** The pre-activations, batch × width, of even layers in `pre` and odd ones in `preB`. */
  pre: Float32Array;
  preB: Float32Array;
  /** The layer's weights, K×N row-major: each member draws its blocks of rows into it. */
  weights: Float32Array;
  /** The layer's bias (drawn by the leader). */
  bias: Float32Array;
  /** Moment records (chunkMoments.ts) per weight block. */
  weightRecords: Float64Array;
  /** Moment records per batch row, of the pre-activations and of the activations. */
  preRecords: Float64Array;
  postRecords: Float64Array;
  /** Per member: HISTOGRAM_BINS counts of its pre-activations, then of its activations. */
  histograms: Int32Array;
  /** Per member: how many of its pre-activations saturate the activation. */
  saturated: Float64Array;
}

/** Indices into ForwardShared.counters: the next piece of each kind of work to take. */
export const COUNTER = { weightBlock: 0, rowChunk: 1, binChunk: 2, inputBlock: 3 } as const;

interface Region {
  name: keyof ForwardShared;
  type: typeof Int32Array | typeof Float32Array | typeof Float64Array;
  length: number;
}

function viewOf(r: Region, buffer: ArrayBufferLike, offset: number): Int32Array | Float32Array | Float64Array {
  if (r.type === Float64Array) return new Float64Array(buffer, offset, r.length);
  if (r.type === Float32Array) return new Float32Array(buffer, offset, r.length);
  return new Int32Array(buffer, offset, r.length);
}

function regionsOf(config: SimConfig, members: number): Region[] {
  const maxDim = maxDimOf(config);
  const rowRecords = config.batch * MOMENT_FIELDS;
  // A single thread keeps its weights and activations in its kernel.
  const teamOnly = (length: number) => (members > 1 ? length : 0);
  const activations = teamOnly(config.batch * maxDim);
  return [
    // Float64 regions first, so every region is aligned to its element size.
    { name: 'weightRecords', type: Float64Array, length: blockCount(maxDim) * MOMENT_FIELDS },
    { name: 'preRecords', type: Float64Array, length: rowRecords },
    { name: 'postRecords', type: Float64Array, length: rowRecords },
    { name: 'saturated', type: Float64Array, length: members },
    { name: 'weights', type: Float32Array, length: teamOnly(maxWeights(config)) },
    { name: 'activationsA', type: Float32Array, length: activations },
    { name: 'activationsB', type: Float32Array, length: activations },
    { name: 'pre', type: Float32Array, length: activations },
    { name: 'preB', type: Float32Array, length: activations },
    { name: 'bias', type: Float32Array, length: teamOnly(maxDim) },
    { name: 'histograms', type: Int32Array, length: members * 2 * HISTOGRAM_BINS },
    { name: 'control', type: Int32Array, length: BARRIER_WORDS },
    { name: 'counters', type: Int32Array, length: Object.keys(COUNTER).length },
  ];
}

function maxWeights(config: SimConfig): number {
  let most = 0;
  config.widths.forEach((n, i) => {
    most = Math.max(most, (i === 0 ? config.inputDim : config.widths[i - 1]!) * n);
  });
  return most;
}

/** Bytes of shared memory a team of `members` needs for this config. */
export function sharedBytes(config: SimConfig, members: number): number {
  return regionsOf(config, members).reduce((bytes, r) => bytes + r.length * r.type.BYTES_PER_ELEMENT, 0);
}

/**
 * Views of the layout on `buffer` (at least sharedBytes long). Every member builds its own views
 * of the same buffer from the same config and member count, so the offsets agree.
 */
export function forwardShared(buffer: ArrayBufferLike, config: SimConfig, members: number): ForwardShared {
  const views: Partial<Record<keyof ForwardShared, Int32Array | Float32Array | Float64Array>> = {};
  let offset = 0;
  for (const r of regionsOf(config, members)) {
    views[r.name] = viewOf(r, buffer, offset);
    offset += r.length * r.type.BYTES_PER_ELEMENT;
  }
  return views as ForwardShared;
}
