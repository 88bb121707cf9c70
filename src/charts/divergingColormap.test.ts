import { describe, expect, it } from 'vitest';
import { chi1Position, divergingCss, divergingRGB } from './divergingColormap';

const luma = (t: number): number => {
  const [r, g, b] = divergingRGB(t);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};

describe('the PuOr diverging scale', () => {
  it('runs from purple through white to orange, clamped', () => {
    expect(divergingRGB(-1)).toEqual([0x2d, 0x00, 0x4b]);
    expect(divergingRGB(0)).toEqual([0xf7, 0xf7, 0xf7]);
    expect(divergingRGB(1)).toEqual([0x7f, 0x3b, 0x08]);
    expect(divergingRGB(-7)).toEqual(divergingRGB(-1));
    expect(divergingRGB(NaN)).toEqual(divergingRGB(0));
    expect(divergingCss(0)).toBe('rgb(247, 247, 247)');
  });

  it('gets darker away from the centre on both sides (readable in greyscale)', () => {
    for (let t = 0; t < 1; t += 0.05) {
      expect(luma(t + 0.05)).toBeLessThan(luma(t));
      expect(luma(-t - 0.05)).toBeLessThan(luma(-t));
    }
  });

  it('tells the two sides apart by hue: purple has more blue than red, orange the reverse', () => {
    for (const t of [0.3, 0.6, 1]) {
      const [r1, , b1] = divergingRGB(-t);
      const [r2, , b2] = divergingRGB(t);
      expect(b1).toBeGreaterThan(r1);
      expect(r2).toBeGreaterThan(b2);
    }
  });
});

describe('chi1Position', () => {
  it('puts χ₁ = 1 at the centre, 1/4 and 4 at the ends, reciprocal values symmetrically', () => {
    expect(chi1Position(1)).toBe(0);
    expect(chi1Position(4)).toBeCloseTo(1, 12);
    expect(chi1Position(0.25)).toBeCloseTo(-1, 12);
    expect(chi1Position(100)).toBe(1);
    expect(chi1Position(2)).toBeCloseTo(-chi1Position(0.5), 12);
    expect(chi1Position(0)).toBe(-1);
  });

  it('increases with χ₁ and spreads the values near 1', () => {
    const xs = [0.1, 0.3, 0.5, 0.9, 0.99, 1.01, 1.1, 1.4, 3, 10];
    const ps = xs.map(chi1Position);
    expect(ps).toEqual([...ps].sort((a, b) => a - b));
    // tanh's most chaotic cell on the chart (χ₁ ≈ 1.4) is well away from the white centre.
    expect(chi1Position(1.4)).toBeGreaterThan(0.45);
  });
});
