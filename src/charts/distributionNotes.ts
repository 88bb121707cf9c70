// The sentences under the distribution chart: which layers are shown, what the x range is, and
// what was left out. Pure, so the wording is tested.

import type { Binned, LayerHistogram, RangeMode } from './binning';
import { boundedRange, saturationBounds, SATURATED_MARGIN } from './binning';
import { formatPercent, formatValue, plural } from '../readings/format';

/** "layers 12–30", "layer 4", "layers 3, 7 and 9–12" (runs of consecutive layers collapsed). */
export function layerList(layers: readonly number[]): string {
  if (layers.length === 0) return '';
  const runs: string[] = [];
  let start = layers[0]!;
  let prev = start;
  for (const l of [...layers.slice(1), NaN]) {
    if (l === prev + 1) {
      prev = l;
      continue;
    }
    runs.push(start === prev ? String(start) : `${start}–${prev}`);
    start = l;
    prev = l;
  }
  const text = runs.length === 1 ? runs[0]! : `${runs.slice(0, -1).join(', ')} and ${runs.at(-1)!}`;
  return `${layers.length === 1 ? 'layer' : 'layers'} ${text}`;
}

/** Below this plot width the long x-axis title, centred under the plot, runs off a 320 px phone. */
const LONG_TITLE_MIN_PLOT = 240;

/** The x-axis title of the ridgeline and the heatmap: the value itself, or where in its layer's range. */
export function xAxisTitle(fixedRange: boolean, plotWidth: number, valueName = 'activation value φ(h)'): string {
  if (fixedRange) return valueName;
  return plotWidth >= LONG_TITLE_MIN_PLOT ? "position within each layer's own range" : "position in layer's range";
}

/** A layer's values in words: "−1.4 … 2.3", "all 0", "no finite values". */
export function valueRangeText(range: [number, number] | null): string {
  if (!range) return 'no finite values';
  if (range[0] === range[1]) return `all ${formatValue(range[0])}`;
  return `${formatValue(range[0])} … ${formatValue(range[1])}`;
}

/** For screen readers: how the spread changes from the first to the last layer shown. */
export function spreadSummary(histograms: readonly LayerHistogram[]): string {
  const first = histograms[0];
  const last = histograms.at(-1);
  if (!first || !last) return 'No layers yet.';
  if (first === last) return `Layer ${first.layer}: ${valueRangeText(first.valueRange)}.`;
  return `Layer ${first.layer}: ${valueRangeText(first.valueRange)}; layer ${last.layer}: ${valueRangeText(last.valueRange)}.`;
}

export function rangeNote(mode: RangeMode, binned: Binned, activation: string | undefined): string {
  if (mode === 'adaptive') return 'Each layer uses its own x range, from its smallest to its largest value.';
  const range = binned.fixedRange;
  if (!range) return 'One x range for all layers (no finite values yet).';
  const span = `${formatValue(range[0])} to ${formatValue(range[1])}`;
  if (boundedRange(activation))
    return `One x range for all layers: ${span}, the output range of ${activation}, so saturated units pile up at the edges.`;
  return `One x range for all layers: ${span}, the 0.5–99.5 % quantiles of all values.`;
}

export function shownNote(shown: number, total: number): string | null {
  if (shown >= total) return null;
  return `Showing ${shown} of ${total} layers, evenly spaced.`;
}

export function leftOutNotes(binned: Binned, binnedValues: number): string[] {
  const notes: string[] = [];
  if (binned.infinite > 0) {
    notes.push(
      `${plural(binned.infinite, 'value')} ${binned.infinite === 1 ? 'was' : 'were'} ±Inf (${layerList(binned.nonFiniteLayers)}) and ${binned.infinite === 1 ? 'is' : 'are'} left out.`,
    );
  }
  // Spelled out: the page never shows "NaN", and these come from arithmetic on an overflow.
  if (binned.nan > 0)
    notes.push(
      `${plural(binned.nan, 'value')} ${binned.nan === 1 ? 'was not a number' : 'were not numbers'} (∞ − ∞ or 0·∞ after an overflow) and ${binned.nan === 1 ? 'is' : 'are'} left out.`,
    );
  if (binned.outside > 0 && binnedValues > 0) {
    notes.push(
      `${formatPercent(binned.outside / binnedValues)} of the values fall outside the fixed range and are not drawn.`,
    );
  }
  return notes;
}

/** How the saturated values of an activation are named: "within 0.02 of ±1", "within 0.01 of 0 or 1". */
export function saturationText(activation: string | undefined): string | undefined {
  const b = saturationBounds(activation);
  if (!b) return undefined;
  // Short numbers (0.02, ±1), not formatValue's fixed digits: these are exact round values.
  const short = (x: number) => String(Number(x.toPrecision(3)));
  const bounds = b.lo === -b.hi ? `±${short(b.hi)}` : `${short(b.lo)} or ${short(b.hi)}`;
  return `within ${short(b.margin)} of ${bounds}`;
}

/** What the saturation marks count, when any layer shown has them. */
export function saturationNote(histograms: readonly LayerHistogram[], activation: string | undefined): string | null {
  const text = saturationText(activation);
  if (!text || !histograms.some((h) => h.saturated && h.saturated.low + h.saturated.high > 0)) return null;
  return `Saturated: the share of each layer's values ${text} (${SATURATED_MARGIN * 100} % of the output range, where ${activation} passes almost no gradient), marked at the bounds and left out of the ridge's scale.`;
}

/** What the dashed curves over the pre-activations are, or why there are none. */
export function theoryNote(histograms: readonly LayerHistogram[], theoryQ: readonly (number | null)[]): string | null {
  if (histograms.length === 0) return null;
  const missing = histograms.filter((h) => {
    const q = theoryQ[h.layer - 1];
    return q === null || q === undefined || !(q > 0) || !Number.isFinite(q);
  });
  const drawn =
    'Dashed: the mean-field theory’s N(0, q) for each layer (q from the length map, Poole et al. 2016), ' +
    'scaled like its ridge. One network of finite width lands off q by a random factor that grows with depth.';
  if (missing.length === 0) return drawn;
  const why =
    'the theory has no q there (weights with a non-zero mean, whose h is not centred, or an overflow), so no curve is drawn';
  if (missing.length === histograms.length) return `No theory curve: ${why}.`;
  return `${drawn} At ${layerList(missing.map((h) => h.layer))} ${why}.`;
}
