// Synthetic engine output for the charts' unit tests: LayerStats with chosen second moments and
// statuses, so tests say what they mean without running the engine.

import type { LayerStats, LayerStatus, LayerTheory, TensorStats } from '../core/types';

function tensor(secondMoment: number): TensorStats {
  return {
    mean: 0,
    variance: secondMoment,
    secondMoment,
    min: 0,
    max: 0,
    fractionZero: secondMoment === 0 ? 1 : 0,
    nonFinite: { posInf: Number.isFinite(secondMoment) ? 0 : 1, negInf: 0, nan: 0 },
    histogram: { lo: 0, hi: 0, counts: [] },
  };
}

export function theoryLayer(
  q: number | null,
  activationSecondMoment: number | null = q === null ? null : q / 2,
): LayerTheory {
  return {
    preactivationSecondMoment: q,
    chi1: null,
    activationMean: null,
    activationVariance: null,
    activationSecondMoment,
    sigmaW2: null,
    sigmaB2: null,
  };
}

/** One layer per value; the status is read off the value unless given. */
export function fakeLayers(values: readonly number[], statuses?: readonly LayerStatus[]): LayerStats[] {
  return values.map((v, i) => {
    const status: LayerStatus = statuses?.[i] ?? (!Number.isFinite(v) ? 'overflow' : v === 0 ? 'underflow' : 'ok');
    return {
      layer: i + 1,
      fanIn: 8,
      fanOut: 8,
      status,
      weights: { mean: 0, variance: 1, min: -1, max: 1 },
      preactivation: tensor(v),
      activation: { ...tensor(Number.isFinite(v) ? v / 2 : v), fractionSaturated: 0 },
      theory: theoryLayer(v),
    };
  });
}

/** v_l = v1 · g^(l−1) for l = 1 … depth. */
export function geometric(v1: number, g: number, depth: number): number[] {
  return Array.from({ length: depth }, (_, i) => v1 * g ** i);
}

/** A small seeded generator (mulberry32) for reproducible noisy sequences. */
export function seededUniform(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal draws by Box–Muller from a seeded uniform. */
export function seededNormal(seed: number): () => number {
  const u = seededUniform(seed);
  return () => Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
}
