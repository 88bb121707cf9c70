// Domain and ticks of the signal chart's log y-axis. Pure, so the edge cases (one value, 600
// decades, nothing finite) are unit-tested rather than discovered on a projector.

import { formatLogTick } from '../readings/format';

export interface LogTick {
  value: number;
  /** Text of the tick, or null for an unlabelled grid line. */
  label: string | null;
}

/** A flat signal should look flat: never zoom into less than this many decades. */
export const MIN_DECADES = 2;

/**
 * Domain of a log axis over the finite positive values, padded and widened to whole decades.
 * Returns [0.1, 10] when there is nothing to show yet.
 */
export function logDomain(values: Iterable<number | null>, minDecades = MIN_DECADES): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v === null || !Number.isFinite(v) || v <= 0) continue;
    const k = Math.log10(v);
    if (k < lo) lo = k;
    if (k > hi) hi = k;
  }
  if (lo > hi) return [0.1, 10];
  const span = hi - lo;
  if (span < minDecades) {
    const mid = (lo + hi) / 2;
    lo = mid - minDecades / 2;
    hi = mid + minDecades / 2;
  }
  // A little air so the extreme points do not sit on the frame, then out to whole decades.
  const pad = Math.min(0.5, Math.max(0.1, 0.03 * span));
  const kLo = Math.floor(lo - pad);
  const kHi = Math.ceil(hi + pad);
  // 10^k stays finite and non-zero for |k| ≤ 307; beyond that the values were not finite anyway.
  return [10 ** Math.max(kLo, -307), 10 ** Math.min(kHi, 307)];
}

const DECADE_STEPS = [1, 2, 3, 5, 10, 20, 25, 50, 100];

/** Smallest decade step that keeps the number of labelled decades within maxLabels. */
export function decadeStep(decades: number, maxLabels: number): number {
  const limit = Math.max(2, maxLabels);
  return DECADE_STEPS.find((s) => Math.floor(decades / s) + 1 <= limit) ?? Math.ceil(decades / (limit - 1));
}

/**
 * Ticks of [lo, hi]: every power of ten as a grid line, labelled every `step` decades (so a range
 * of 40 decades reads 10⁻³⁰, 10⁻²⁰, …). Short ranges also get labelled 2s and 5s between decades.
 */
export function logTicks(lo: number, hi: number, maxLabels = 10): LogTick[] {
  if (!(lo > 0 && hi > lo && Number.isFinite(hi))) return [];
  const kLo = Math.ceil(Math.log10(lo) - 1e-9);
  const kHi = Math.floor(Math.log10(hi) + 1e-9);
  const decades = kHi - kLo;
  const step = decadeStep(decades, maxLabels);
  const ticks: LogTick[] = [];
  // Grid lines for every decade only while they stay a few pixels apart.
  const everyDecade = decades <= 60;
  for (let k = kLo; k <= kHi; k++) {
    const labelled = k % step === 0;
    if (labelled || everyDecade) ticks.push({ value: 10 ** k, label: labelled ? formatLogTick(10 ** k) : null });
  }
  const withSubTicks = (decades + 1) * 3 <= maxLabels;
  if (withSubTicks) {
    for (let k = kLo - 1; k <= kHi; k++) {
      for (const m of [2, 5]) {
        const v = m * 10 ** k;
        if (v >= lo && v <= hi) ticks.push({ value: v, label: formatLogTick(v) });
      }
    }
    ticks.sort((a, b) => a.value - b.value);
  }
  return ticks;
}

/** Integer ticks of a layer axis 1 … depth, about one per `pixelsPerTick`. */
export function layerTicks(depth: number, widthPx: number, pixelsPerTick = 70): number[] {
  if (depth < 1) return [];
  const wanted = Math.max(2, Math.floor(widthPx / pixelsPerTick));
  const raw = (depth - 1) / wanted;
  const magnitude = 10 ** Math.floor(Math.log10(Math.max(raw, 1)));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? 10 * magnitude;
  const ticks = [1];
  for (let t = step; t <= depth; t += step) if (t > 1) ticks.push(t);
  return ticks;
}
