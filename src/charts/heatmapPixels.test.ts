import { describe, expect, it } from 'vitest';
import type { LayerHistogram } from './binning';
import { heatmapPixels, shareExtent } from './heatmapPixels';
import { phaseCellRects, NO_PHASE_GREY } from './phaseCellFill';
import { smallTanhGrid } from './goldenFixtures.testutil';

const hist = (layer: number, counts: number[]): LayerHistogram => ({
  layer,
  counts,
  finite: counts.reduce((a, b) => a + b, 0),
  lo: -1,
  hi: 1,
  outside: 0,
  infinite: 0,
  nan: 0,
  valueRange: [-1, 1],
});

describe('heatmapPixels', () => {
  // Shares 1/100 … 1/2 over two rows; row 1 = [50, 0, 49, 1] / 100, row 2 = [0, 10, 0, 0] / 10.
  const rows = [hist(1, [50, 0, 49, 1]), hist(2, [0, 10, 0, 0])];
  const extent = shareExtent(rows);
  const px = heatmapPixels(rows, 4, 3, extent);
  const pixel = (row: number, bin: number) => Array.from(px.slice((row * 4 + bin) * 4, (row * 4 + bin) * 4 + 4));

  it('spans the smallest and largest non-zero share', () => {
    expect(extent).toEqual([0.01, 1]);
  });

  it('paints one opaque pixel per non-empty bin in log-scaled viridis, and leaves empty bins and missing rows transparent', () => {
    expect(px.length).toBe(4 * 3 * 4);
    // Share 1 (the whole of layer 2 in one bin) is the top of viridis, #fde725.
    expect(pixel(1, 1)).toEqual([0xfd, 0xe7, 0x25, 255]);
    // Share 0.01 is the bottom, #440154.
    expect(pixel(0, 3)).toEqual([0x44, 0x01, 0x54, 255]);
    // Share 0.5 is log(50)/log(100) ≈ 0.85 of the way: lighter than share 0.49, both between the ends.
    expect(pixel(0, 0)[1]).toBeGreaterThan(pixel(0, 2)[1]!);
    expect(pixel(0, 1)).toEqual([0, 0, 0, 0]);
    expect(pixel(2, 0)).toEqual([0, 0, 0, 0]);
  });
});

describe('phaseCellRects', () => {
  const grid = smallTanhGrid();
  const rects = phaseCellRects(grid, 60, 40);

  it('tiles the plot, σ_b² = 0 in the bottom row, with half a pixel of overlap', () => {
    expect(rects).toHaveLength(6 * 4);
    expect(rects[0]).toMatchObject({ x: 0, y: 30, width: 10.5, height: 10.5 });
    expect(rects.at(-1)).toMatchObject({ x: 50, y: 0 });
  });

  it('colours ordered and chaotic cells apart, and never with the grey of "no χ₁" where χ₁ exists', () => {
    // tanh at σ_b² = 0: ordered (χ₁ < 1) at σ_w² = 0.5, chaotic at σ_w² = 3.
    expect(rects[0]!.fill).not.toBe(rects[5]!.fill);
    for (const [i, r] of rects.entries()) expect(r.fill === NO_PHASE_GREY).toBe(Number.isNaN(grid.chi1[i]!));
    // tanh is bounded: q always settles, so nothing is hatched.
    expect(rects.some((r) => r.hatched)).toBe(false);
  });
});
