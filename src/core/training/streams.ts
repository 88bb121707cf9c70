// Random streams of the training engine, keyed like the simulation's (rng.ts) by
// (seed, kind, layer, block). The kinds are numbered far from the simulation's (1 … 5) so that
// a stream of the data never coincides with one of the network's weights.

import { streamRng, type Sfc32 } from '../rng';

export const TrainStream = {
  /** The 2-D sets and MNIST-1D, one stream per data set (layer = the data set's index). */
  data: 101,
  /** The minibatch order: one permutation of the training set per epoch (layer = epoch). */
  order: 102,
  /** The teacher network's weights (layer = its layer). */
  teacher: 103,
  /** The teacher's test inputs (its training inputs are the simulation's input stream). */
  teacherTest: 104,
} as const;

export function trainRng(seed: number, kind: number, layer: number): Sfc32 {
  return streamRng(seed, kind, layer, 0);
}

/** Uniform on [lo, hi). */
export function uniform(rng: Sfc32, lo: number, hi: number): number {
  return lo + (hi - lo) * rng.nextFloat();
}

/** A uniform integer in 0 … n − 1 (n ≤ 2³²), by rejection so every value is equally likely. */
export function randomIndex(rng: Sfc32, n: number): number {
  const limit = 4294967296 - (4294967296 % n);
  for (;;) {
    const u = rng.nextU32();
    if (u < limit) return u % n;
  }
}

/** Fisher–Yates shuffle of 0 … n − 1 in place into `out`. */
export function permutation(rng: Sfc32, n: number, out: Int32Array = new Int32Array(n)): Int32Array {
  for (let i = 0; i < n; i++) out[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = randomIndex(rng, i + 1);
    const t = out[i]!;
    out[i] = out[j]!;
    out[j] = t;
  }
  return out;
}
