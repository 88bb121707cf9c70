import { describe, expect, it } from 'vitest';
import { erf, erfc, normalCdf, normalPdf } from './gaussian';

/** [x, erf(x), erfc(x)], from 40-digit arithmetic rounded to the nearest double. */
const REFERENCE: readonly [number, number, number][] = [
  [0, 0.0, 1.0],
  [1e-8, 1.1283791670955126e-8, 0.9999999887162083],
  [0.1, 0.1124629160182849, 0.8875370839817152],
  [0.5, 0.5204998778130465, 0.4795001221869535],
  [0.9999, 0.8426592780487595, 0.15734072195124052],
  [1, 0.8427007929497149, 0.15729920705028513],
  [1.5, 0.9661051464753108, 0.033894853524689274],
  [2, 0.9953222650189527, 0.004677734981047266],
  [3, 0.9999779095030014, 2.209049699858544e-5],
  [4.5, 0.9999999998033839, 1.9661604415428876e-10],
  [6, 1.0, 2.1519736712498913e-17],
  [10, 1.0, 2.088487583762545e-45],
  [15, 1.0, 7.212994172451207e-100],
  [26, 1.0, 5.663192408856143e-296],
];

function relErr(actual: number, expected: number): number {
  return expected === 0 ? Math.abs(actual) : Math.abs(actual - expected) / Math.abs(expected);
}

describe('erf(x)', () => {
  it('matches high-precision values to 1e-15 relative, for x and −x', () => {
    for (const [x, e] of REFERENCE) {
      expect(relErr(erf(x), e), `erf(${x})`).toBeLessThan(1e-15);
      expect(erf(-x)).toBe(-erf(x));
    }
  });

  it('has the right limits and propagates NaN', () => {
    expect(erf(Infinity)).toBe(1);
    expect(erf(-Infinity)).toBe(-1);
    expect(erf(NaN)).toBeNaN();
  });

  it('is continuous across the joins between its pieces', () => {
    for (const join of [1, 1.25, 2, 4.75, 5, 10, 20]) {
      const below = join * (1 - 1e-15);
      const above = erfc(join);
      // d ln erfc/dx = −2·exp(−x²)/(√π·erfc(x)): the change the step itself should cause.
      const expectedRatio = 1 + ((join - below) * 2 * Math.exp(-join * join)) / (Math.sqrt(Math.PI) * above);
      expect(relErr(erfc(below) / above, expectedRatio), `join ${join}`).toBeLessThan(2e-14);
    }
  });
});

describe('erfc(x)', () => {
  it('keeps relative accuracy deep in the right tail (1e-14)', () => {
    for (const [x, , ec] of REFERENCE) expect(relErr(erfc(x), ec), `erfc(${x})`).toBeLessThan(1e-14);
  });

  it('is 2 − erfc(−x) on the left, 0 past underflow, NaN for NaN', () => {
    for (const [x, , ec] of REFERENCE) expect(relErr(erfc(-x), 2 - ec)).toBeLessThan(1e-15);
    expect(erfc(30)).toBe(0);
    expect(erfc(Infinity)).toBe(0);
    expect(erfc(-Infinity)).toBe(2);
    expect(erfc(NaN)).toBeNaN();
  });
});

describe('normalCdf(x) and normalPdf(x)', () => {
  it('match high-precision values, including the far left tail', () => {
    const cases: [number, number][] = [
      [-10, 7.619853024160525e-24],
      [-5, 2.866515718791939e-7],
      [-1, 0.15865525393145705],
      [0.3, 0.6179114221889527],
    ];
    for (const [x, p] of cases) expect(relErr(normalCdf(x), p)).toBeLessThan(1e-14);
    expect(normalCdf(0)).toBe(0.5);
    expect(normalPdf(0)).toBeCloseTo(1 / Math.sqrt(2 * Math.PI), 16);
  });
});
