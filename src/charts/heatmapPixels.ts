// The pixels of the distributions heatmap, apart from the canvas that shows them, so the colours
// are tested without a browser: one pixel per (layer, bin), the share of the layer's values in the
// bin on a log-scaled viridis, transparent where a bin is empty.

import type { LayerHistogram } from './binning';
import { logPosition, viridisRGB } from './colormap';

/** Smallest and largest non-zero share of a layer's values in one bin, over all rows. */
export function shareExtent(histograms: readonly LayerHistogram[]): [number, number] {
  let min = 1;
  let max = 0;
  for (const h of histograms) {
    if (h.finite === 0) continue;
    for (const c of h.counts) {
      if (c === 0) continue;
      const share = c / h.finite;
      if (share < min) min = share;
      if (share > max) max = share;
    }
  }
  return max > 0 ? [Math.min(min, max), max] : [1, 1];
}

/** RGBA, `bins` × `rows` pixels, row r for histograms[r] (rows not yet received stay transparent). */
export function heatmapPixels(
  histograms: readonly LayerHistogram[],
  bins: number,
  rows: number,
  [minShare, maxShare]: [number, number],
): Uint8ClampedArray {
  const data = new Uint8ClampedArray(bins * Math.max(rows, 1) * 4);
  histograms.forEach((h, r) => {
    h.counts.forEach((c, b) => {
      if (c === 0 || h.finite === 0) return; // transparent: the chart background shows "empty"
      const [red, green, blue] = viridisRGB(logPosition(c / h.finite, minShare, maxShare));
      data.set([red, green, blue, 255], (r * bins + b) * 4);
    });
  });
  return data;
}
