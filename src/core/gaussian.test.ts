import { describe, expect, it } from 'vitest';
import { erf, erfc, normalCdf, normalPdf, truncatedStandardNormalMoments } from './gaussian';

// Reference values from mpmath at 50 digits, rounded to the nearest float64.
const ERF_TABLE: Array<[number, number, number]> = [
  [1e-8, 1.1283791670955126e-8, 0.9999999887162083],
  [0.1, 0.1124629160182849, 0.887537083981715],
  [0.5, 0.5204998778130465, 0.4795001221869535],
  [0.9, 0.7969082124228322, 0.20309178757716786],
  [1.0, 0.8427007929497149, 0.15729920705028513],
  [Math.SQRT2, 0.9544997361036416, 0.0455002638963584],
  [2.0, 0.9953222650189527, 0.004677734981047266],
  [2.5, 0.999593047982555, 0.0004069520174449589],
  [3.0, 0.9999779095030014, 2.209049699858544e-5],
  [5.0, 0.9999999999984626, 1.537459794428035e-12],
];

/** "About 1e-15 relative": a few ulps at worst. */
const REL = 2e-15;
const close = (actual: number, expected: number, rel = REL) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rel * Math.abs(expected));

describe('erf and erfc', () => {
  it.each(ERF_TABLE)('x = %f', (x, erfX, erfcX) => {
    close(erf(x), erfX);
    close(erf(-x), -erfX);
    close(erfc(x), erfcX);
    close(erfc(-x), 2 - erfcX);
  });

  it('handles the extremes', () => {
    expect(erf(0)).toBe(0);
    expect(erf(40)).toBe(1);
    expect(erf(-Infinity)).toBe(-1);
    expect(erfc(30)).toBe(0);
    expect(erfc(-30)).toBe(2);
    expect(erf(NaN)).toBeNaN();
  });

  it('gives Φ and φ', () => {
    close(normalCdf(-1), 0.15865525393145705);
    close(normalCdf(-3), 0.0013498980316300946, 4e-15);
    close(normalCdf(-6), 9.86587645037698e-10, 4e-14); // x/√2 is rounded: ≈ x²·ε relative
    close(normalCdf(8), 0.9999999999999993);
    close(normalPdf(0), 1 / Math.sqrt(2 * Math.PI));
    close(normalPdf(3), Math.exp(-4.5) / Math.sqrt(2 * Math.PI), 4e-15);
  });
});

describe('truncated standard normal moments', () => {
  it('reproduces the Keras constant 0.8796256610342398 and its square to 1e-15', () => {
    const { secondMoment, fourthMoment } = truncatedStandardNormalMoments(2);
    close(Math.sqrt(secondMoment), 0.8796256610342398);
    close(secondMoment, 0.7737413035499232);
    // docs/theory.md §4.6 quotes the weight kurtosis 2.3655 at ±2σ.
    close(fourthMoment / secondMoment ** 2, 2.3655367171296495, 1e-14);
  });

  it.each([
    [0.1, 0.0033288910066998027, 1.996193016640458e-5],
    [0.5, 0.0805891546008117, 0.01191475245263802],
    [0.99, 0.2861103295474147, 0.15864772263166535],
    [1.0, 0.2911250947727932, 0.16450037909117285],
    [3.0, 0.9733369246625415, 2.6800430959504977],
  ])('b = %f on both sides of the series/closed-form switch', (b, m2, m4) => {
    const moments = truncatedStandardNormalMoments(b);
    close(moments.secondMoment, m2, 1e-14);
    close(moments.fourthMoment, m4, 1e-14);
  });

  it('tends to the untruncated moments', () => {
    expect(truncatedStandardNormalMoments(Infinity)).toEqual({ secondMoment: 1, fourthMoment: 3 });
    close(truncatedStandardNormalMoments(40).secondMoment, 1);
  });
});
