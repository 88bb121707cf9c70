import { describe, expect, it } from 'vitest';
import { logPosition, viridisCss, viridisRGB } from './colormap';

describe('viridis', () => {
  it('runs from dark purple to yellow, clamped', () => {
    expect(viridisRGB(0)).toEqual([0x44, 0x01, 0x54]);
    expect(viridisRGB(1)).toEqual([0xfd, 0xe7, 0x25]);
    expect(viridisRGB(-3)).toEqual(viridisRGB(0));
    expect(viridisRGB(NaN)).toEqual(viridisRGB(0));
    expect(viridisCss(1)).toBe('rgb(253, 231, 37)');
  });

  it('gets lighter all the way (readable in greyscale)', () => {
    const luma = (t: number): number => {
      const [r, g, b] = viridisRGB(t);
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    for (let t = 0; t < 1; t += 0.05) expect(luma(t + 0.05)).toBeGreaterThan(luma(t));
  });
});

describe('logPosition(share, min, max)', () => {
  it('maps shares logarithmically onto [0, 1]', () => {
    expect(logPosition(0.001, 0.001, 1)).toBe(0);
    expect(logPosition(1, 0.001, 1)).toBe(1);
    expect(logPosition(Math.sqrt(0.001), 0.001, 1)).toBeCloseTo(0.5, 12);
  });

  it('handles a degenerate scale', () => {
    expect(logPosition(0.5, 0.5, 0.5)).toBe(1);
    expect(logPosition(0, 0.5, 0.5)).toBe(0);
  });
});
