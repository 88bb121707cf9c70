// Comparing computed values with reference numbers at the precision they were quoted to.
import { expect } from 'vitest';

/**
 * Half a unit in the last digit of a quoted number: "0.394294" → 5e-7, "1.953125e-3" → 5e-10,
 * "5.1e-12" → 5e-14. A quoted integer ("2", "1") stands for an exact value; it gets 1e-9
 * relative, the tolerance for deterministic results.
 */
export function quotedHalfUnit(text: string): number {
  const [mantissa = '', exponent = '0'] = text.toLowerCase().split('e');
  const dot = mantissa.indexOf('.');
  if (dot < 0 && !text.toLowerCase().includes('e')) return 1e-9 * Math.abs(Number(text));
  const decimals = dot < 0 ? 0 : mantissa.length - dot - 1;
  return 0.5 * 10 ** (Number(exponent) - decimals);
}

/**
 * actual rounds to the quoted text (with 1e-12 relative slack for the comparison itself). With
 * `significantDigits`, the text is taken to carry only that many significant digits when it
 * shows more (a table printed to 6 digits and padded with zeros).
 */
export function expectQuoted(
  actual: number | null | undefined,
  text: string,
  label = text,
  significantDigits?: number,
): void {
  expect(actual, label).toBeTypeOf('number');
  const value = Number(text);
  let allowed = quotedHalfUnit(text);
  if (significantDigits !== undefined && value !== 0) {
    allowed = Math.max(allowed, 0.5 * 10 ** (Math.floor(Math.log10(Math.abs(value))) - significantDigits + 1));
  }
  allowed += 1e-12 * Math.abs(value);
  expect(Math.abs((actual as number) - value), `${label}: ${actual} vs ${text}`).toBeLessThanOrEqual(allowed);
}
