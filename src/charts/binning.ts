// Histograms of the per-layer post-activation samples for the distribution charts. Pure: the
// components only draw what this returns. Non-finite values are counted, never binned, so an
// overflowed layer says so instead of producing an empty or NaN-wide histogram.

import { getActivation } from '../core/activations';
import { binSorted, ranksOfUnion, sortedFinite, sortedPicks } from './sortedSample';

export const DEFAULT_BINS = 40;
/** More ridges than this blur into each other; deeper nets are shown at evenly spaced layers. */
export const MAX_RIDGES = 40;

export type RangeMode = 'adaptive' | 'fixed';

export interface LayerHistogram {
  /** 1-based layer number. */
  layer: number;
  /** Smallest and largest finite value of the layer (null when none is finite). */
  valueRange: [number, number] | null;
  /** The binned interval. */
  lo: number;
  hi: number;
  counts: number[];
  /** Finite values in the sample (binned or outside [lo, hi]). */
  finite: number;
  /** Finite values outside [lo, hi] (only in fixed mode). */
  outside: number;
  infinite: number;
  nan: number;
  /** Values exactly 0 (ReLU's dead half): the ridgeline shows their share apart from the shape. */
  zeros?: number;
  /**
   * Saturating activations: the values within SATURATED_MARGIN of each bound, and per bin how many
   * of the binned values they are, so the ridgeline can show them apart from the shape.
   */
  saturated?: { low: number; high: number; lowBound: number; highBound: number; counts: number[] };
}

/**
 * The output range of a bounded activation (its spec's `outputRange`). In fixed mode its
 * histograms use exactly this range, so saturated units pile up visibly at the edges instead of
 * stretching the axis.
 */
export function boundedRange(activation: string | undefined): [number, number] | null {
  const range = activation ? getActivation(activation)?.outputRange : undefined;
  return range ? [range.lo, range.hi] : null;
}

/**
 * How close to a bound a saturating activation's output must be to count as saturated: within 1 %
 * of the output range's width (0.02 of ±1 for tanh, 0.01 of 0 or 1 for sigmoid). Defined on the
 * output, which is what the chart shows, so the mark sits over the values it counts. At these
 * values φ′ is below 0.04 for tanh and 0.01 for sigmoid: the unit passes almost no gradient.
 */
export const SATURATED_MARGIN = 0.01;

/** The saturating bounds of an activation and the margin in its units; null when it does not saturate. */
export function saturationBounds(activation: string | undefined): { lo: number; hi: number; margin: number } | null {
  const range = activation ? getActivation(activation)?.outputRange : undefined;
  if (!range?.saturates) return null;
  return { lo: range.lo, hi: range.hi, margin: SATURATED_MARGIN * (range.hi - range.lo) };
}

export interface SampleScan {
  /** Range of the finite values, or null when there are none. */
  range: [number, number] | null;
  infinite: number;
  nan: number;
}

// Samples never change once received, and a deep run re-renders once per streamed layer: scanning
// each sample once keeps a 2000-layer run from rescanning millions of values on every layer.
const scans = new WeakMap<Float32Array, SampleScan>();

export function scanSample(x: Float32Array): SampleScan {
  const cached = scans.get(x);
  if (cached) return cached;
  let lo = Infinity;
  let hi = -Infinity;
  let infinite = 0;
  let nan = 0;
  // An index loop with the tests inlined: every streamed sample passes through here once, and
  // this runs several times faster than for…of with helper calls before the JIT has warmed up.
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    if (v - v === 0) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    } else if (v !== v) nan++;
    else infinite++;
  }
  const scan: SampleScan = { range: lo <= hi ? [lo, hi] : null, infinite, nan };
  scans.set(x, scan);
  return scan;
}

/**
 * A range with room for bins: a layer whose values are all equal (all 0 in a dead layer, 0.5 for
 * sigmoid after it) becomes an interval centred on that value, so it draws as a spike, not as
 * nothing.
 */
export function widenDegenerate([lo, hi]: [number, number]): [number, number] {
  if (hi > lo) return [lo, hi];
  const half = Math.max(Math.abs(lo), 1) / 2;
  return [lo - half, lo + half];
}

export function binSample(
  x: Float32Array,
  lo: number,
  hi: number,
  bins = DEFAULT_BINS,
): Omit<LayerHistogram, 'layer' | 'valueRange'> {
  const counts = new Array<number>(bins).fill(0);
  let finite = 0;
  let outside = 0;
  let infinite = 0;
  let nan = 0;
  const scale = bins / (hi - lo);
  // Index loop, tests inlined (see scanSample): v !== v is NaN, v − v ≠ 0 otherwise ±Inf.
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    if (v !== v) nan++;
    else if (v - v !== 0) infinite++;
    else {
      finite++;
      if (v < lo || v > hi) outside++;
      else counts[Math.min(bins - 1, Math.floor((v - lo) * scale))]!++; // v === hi: last bin
    }
  }
  return { lo, hi, counts, finite, outside, infinite, nan };
}

/**
 * Quantiles [pLo, pHi] of the finite values of all samples pooled, from an even subsample of at
 * most `maxValues` values (exact enough for an axis, and fast for 2000 layers × 4096 values).
 */
export function pooledQuantileRange(
  samples: readonly Float32Array[],
  pLo = 0.005,
  pHi = 0.995,
  maxValues = 200_000,
): [number, number] | null {
  const total = samples.reduce((n, s) => n + s.length, 0);
  if (total === 0) return null;
  const stride = Math.max(1, Math.ceil(total / maxValues));
  // Each sample's picks are sorted once (cached); the quantiles merge only the lists' ends.
  const lists = samples.map((s) => sortedPicks(s, stride));
  const count = lists.reduce((n, l) => n + l.length, 0);
  if (count === 0) return null;
  const at = (p: number): number => {
    const pos = p * (count - 1);
    const i = Math.floor(pos);
    const [a, b] = ranksOfUnion(lists, i);
    return a + (pos - i) * (b - a);
  };
  return [at(pLo), at(pHi)];
}

// A streamed run re-renders the distributions several times a second; binning every layer's
// sample again each time was most of that cost. A sample never changes once received, so its
// histogram for a given range is computed once — and kept as the same object, which lets the
// charts skip redrawing the ridges and rows that did not change.
const histogramCache = new WeakMap<Float32Array, Map<string, LayerHistogram>>();

/** `moving`: the range changes as layers stream in (pooled quantiles), so bin from a sorted copy. */
function layerHistogram(
  sample: Float32Array,
  layer: number,
  valueRange: [number, number] | null,
  [lo, hi]: [number, number],
  bins: number,
  moving: boolean,
  bounds: SaturationBounds | null,
): LayerHistogram {
  let bySetting = histogramCache.get(sample);
  if (!bySetting) histogramCache.set(sample, (bySetting = new Map<string, LayerHistogram>()));
  const key = `${layer} ${lo} ${hi} ${bins} ${bounds ? 'saturation' : ''}`;
  let h = bySetting.get(key);
  if (!h) {
    let zeros = 0;
    for (let i = 0; i < sample.length; i++) if (sample[i] === 0) zeros++;
    h = {
      layer,
      valueRange,
      ...(moving ? binFromSorted(sample, lo, hi, bins) : binSample(sample, lo, hi, bins)),
      zeros,
    };
    if (bounds) h.saturated = countSaturated(sample, lo, hi, bins, bounds);
    // Fixed mode's pooled range moves while a run streams: keep only the newest few per sample.
    if (bySetting.size >= 4) bySetting.delete(bySetting.keys().next().value!);
    bySetting.set(key, h);
  }
  return h;
}

type SaturationBounds = NonNullable<ReturnType<typeof saturationBounds>>;

/** The saturated values of a sample (see SATURATED_MARGIN), in total at each bound and per bin of [lo, hi]. */
export function countSaturated(
  sample: Float32Array,
  lo: number,
  hi: number,
  bins: number,
  bounds: SaturationBounds,
): NonNullable<LayerHistogram['saturated']> {
  const counts = new Array<number>(bins).fill(0);
  const scale = bins / (hi - lo);
  const lowEdge = bounds.lo + bounds.margin;
  const highEdge = bounds.hi - bounds.margin;
  let low = 0;
  let high = 0;
  for (let i = 0; i < sample.length; i++) {
    const v = sample[i]!;
    // NaN fails both tests; the bounds hold every finite output.
    const isLow = v <= lowEdge;
    if (!isLow && !(v >= highEdge)) continue;
    if (isLow) low++;
    else high++;
    if (v >= lo && v <= hi) counts[Math.min(bins - 1, Math.floor((v - lo) * scale))]!++;
  }
  return { low, high, lowBound: bounds.lo, highBound: bounds.hi, counts };
}

/** binSample's result from the cached sorted copy of the sample: a binary search per bin edge. */
function binFromSorted(
  sample: Float32Array,
  lo: number,
  hi: number,
  bins: number,
): Omit<LayerHistogram, 'layer' | 'valueRange'> {
  const { infinite, nan } = scanSample(sample);
  const { counts, inside } = binSorted(sortedFinite(sample), lo, hi, bins);
  const finite = sample.length - infinite - nan;
  return { lo, hi, counts, finite, outside: finite - inside, infinite, nan };
}

/** Indices of at most `max` layers, evenly spaced, always including the first and the last. */
export function subsampleLayers(count: number, max = MAX_RIDGES): number[] {
  if (count <= max) return Array.from({ length: count }, (_, i) => i);
  const picked = Array.from({ length: max }, (_, i) => Math.round((i * (count - 1)) / (max - 1)));
  return [...new Set(picked)];
}

export interface Binned {
  histograms: LayerHistogram[];
  /** The common range in fixed mode; null in adaptive mode or when nothing is finite. */
  fixedRange: [number, number] | null;
  /** Non-finite values over every layer given, not only the binned ones. */
  infinite: number;
  nan: number;
  /** Values outside the fixed range, over the binned layers. */
  outside: number;
  /** Layers (1-based) with at least one ±Inf or NaN value. */
  nonFiniteLayers: number[];
}

/**
 * Histograms of the samples at the given layer indices. Fixed mode uses one range for all: the
 * activation's own range when it is bounded, else the pooled 0.5–99.5 % quantiles (one wild
 * layer should not squash the rest); adaptive mode uses each layer's [min, max].
 */
export function binLayers(
  samples: readonly Float32Array[],
  indices: readonly number[],
  mode: RangeMode,
  activation?: string,
  bins = DEFAULT_BINS,
): Binned {
  const bounded = boundedRange(activation);
  const saturation = saturationBounds(activation);
  const pooled = mode === 'fixed' ? (bounded ?? pooledQuantileRange(samples)) : null;
  const fixedRange = pooled ? widenDegenerate(pooled) : null;
  const histograms: LayerHistogram[] = [];
  for (const i of indices) {
    const sample = samples[i];
    if (!sample) continue;
    const valueRange = scanSample(sample).range;
    const range = fixedRange ?? widenDegenerate(valueRange ?? [0, 0]);
    histograms.push(layerHistogram(sample, i + 1, valueRange, range, bins, pooled !== null && !bounded, saturation));
  }
  let infinite = 0;
  let nan = 0;
  const nonFiniteLayers: number[] = [];
  samples.forEach((s, i) => {
    const scan = scanSample(s);
    infinite += scan.infinite;
    nan += scan.nan;
    if (scan.infinite + scan.nan > 0) nonFiniteLayers.push(i + 1);
  });
  const outside = histograms.reduce((n, h) => n + h.outside, 0);
  return { histograms, fixedRange, infinite, nan, outside, nonFiniteLayers };
}
