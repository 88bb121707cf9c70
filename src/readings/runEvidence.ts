// What the run itself says, for the theory reading's sentences: the mean-field χ₁ of each layer
// of this network (at the q that layer actually has, not at the fixed point) and the measured
// correlation between inputs. The fixed point describes where a deep network ends up; these
// numbers say how far a network of this depth has got, and the reading's words are chosen from
// them by the rules below.

import { CRITICAL_LN_TOLERANCE } from '../core/theoryPoint';
import type { LayerStats, LayerTheory } from '../core/types';
import { formatValue } from './format';

export interface RunEvidence {
  /** Per layer (index l − 1): the theory's χ₁ at that layer's q; null where it has none. */
  chi1: readonly (number | null)[];
  /** Per layer: the measured mean correlation of the pre-activations between inputs; null where not measured. */
  correlation: readonly (number | null)[];
}

export function runEvidence(theory: readonly LayerTheory[], layers: readonly LayerStats[]): RunEvidence {
  return {
    chi1: theory.map((t) => t.chi1),
    correlation: layers.map((l) => l.correlation?.measured ?? null),
  };
}

/** Two inputs count as nearly identical from this correlation on. */
export const NEARLY_IDENTICAL = 0.99;
/** A correlation that moves less than this over the whole network "barely changes". */
export const BARELY = 0.05;

const c2 = (c: number): string => formatValue(c, 2);

/** The geometric mean of the per-layer χ₁ over the network, with its first and last values; null if any is missing. */
export function chi1Path(e: RunEvidence): { first: number; last: number; mean: number } | null {
  const values = e.chi1;
  if (values.length === 0 || values.some((v) => v === null || !(v > 0) || !Number.isFinite(v))) return null;
  const logs = (values as number[]).map(Math.log);
  return { first: values[0]!, last: values.at(-1)!, mean: Math.exp(logs.reduce((a, b) => a + b, 0) / logs.length) };
}

/**
 * "keep their size" when the per-layer factor is within the critical tolerance of 1 (the same
 * |ln χ₁| < CRITICAL_LN_TOLERANCE that names a phase critical), else "shrink" or "grow".
 */
export function gradientVerb(factor: number): 'keep their size' | 'shrink' | 'grow' {
  if (Math.abs(Math.log(factor)) < CRITICAL_LN_TOLERANCE) return 'keep their size';
  return factor < 1 ? 'shrink' : 'grow';
}

/** The measured correlation at the first and the last layer where it was measured; null if never. */
function measuredEnds(e: RunEvidence): { first: number; last: number; lastLayer: number } | null {
  const layers = e.correlation
    .map((c, i) => [c, i + 1] as const)
    .filter((p): p is readonly [number, number] => p[0] !== null);
  if (layers.length < 2) return null;
  return { first: layers[0]![0], last: layers.at(-1)![0], lastLayer: layers.at(-1)![1] };
}

/**
 * How the correlation between inputs moved over the run: "barely changes" when it moved less
 * than BARELY from the first layer to the last, otherwise where it went — the numbers from the run.
 */
export function correlationTrend(e: RunEvidence | undefined): { moved: boolean; text: string } | null {
  const ends = e && measuredEnds(e);
  if (!ends) return null;
  const a = c2(ends.first);
  const b = c2(ends.last);
  return Math.abs(ends.last - ends.first) < BARELY
    ? { moved: false, text: `barely changes (${a} at layer 1, ${b} at layer ${ends.lastLayer} in this run)` }
    : { moved: true, text: `moves from ${a} at layer 1 to ${b} at layer ${ends.lastLayer} in this run` };
}

/** The first layer where the measured correlation reaches NEARLY_IDENTICAL, with its value. */
export function nearlyIdentical(e: RunEvidence | undefined): { layer: number; value: number } | null {
  if (!e) return null;
  const i = e.correlation.findIndex((c) => c !== null && c >= NEARLY_IDENTICAL);
  return i < 0 ? null : { layer: i + 1, value: e.correlation[i]! };
}

/** The last measured correlation, for "the correlation is 0.80 at layer 30". */
export function lastCorrelation(e: RunEvidence | undefined): { layer: number; value: number } | null {
  const ends = e && measuredEnds(e);
  return ends ? { layer: ends.lastLayer, value: ends.last } : null;
}
