import { describe, expect, it } from 'vitest';
import {
  formatCount,
  formatDuration,
  formatFactor,
  formatFixedSigned,
  formatLogTick,
  formatNumber,
  formatPercent,
  formatPowerOfTen,
  formatValue,
  plural,
} from './format';

describe('formatValue(v, digits)', () => {
  it('writes ordinary magnitudes plainly', () => {
    expect(formatValue(2)).toBe('2.0');
    expect(formatValue(0.5)).toBe('0.50');
    expect(formatValue(1234)).toBe('1234');
    expect(formatValue(99.99999)).toBe('100');
    expect(formatValue(-0.25)).toBe('−0.25');
  });

  it('writes far-from-one magnitudes as short exponents', () => {
    expect(formatValue(1.776e-15)).toBe('1.8e-15');
    expect(formatValue(3.2e20)).toBe('3.2e20');
    expect(formatValue(99999.7)).toBe('1.0e5');
  });

  it('spells out zero and the non-finite values', () => {
    expect(formatValue(0)).toBe('0');
    expect(formatValue(Infinity)).toBe('Inf');
    expect(formatValue(-Infinity)).toBe('−Inf');
    expect(formatValue(NaN)).toBe('not a number');
  });
});

describe('formatFactor(g)', () => {
  it('keeps two decimals near 1 and two significant digits elsewhere', () => {
    expect(formatFactor(0.5)).toBe('×0.50');
    expect(formatFactor(1)).toBe('×1.00');
    expect(formatFactor(1.049)).toBe('×1.05');
    expect(formatFactor(3.1)).toBe('×3.1');
    expect(formatFactor(0.33)).toBe('×0.33');
    expect(formatFactor(128.4)).toBe('×128');
    expect(formatFactor(1.2e-4)).toBe('×1.2e-4');
  });
});

describe('log tick text', () => {
  it('writes powers of ten plainly near 1 and with superscripts beyond', () => {
    expect(formatPowerOfTen(0)).toBe('1');
    expect(formatPowerOfTen(-2)).toBe('0.01');
    expect(formatPowerOfTen(3)).toBe('1000');
    expect(formatPowerOfTen(-15)).toBe('10⁻¹⁵');
    expect(formatPowerOfTen(20)).toBe('10²⁰');
    expect(formatLogTick(1e-15)).toBe('10⁻¹⁵');
    expect(formatLogTick(0.2)).toBe('0.2');
    expect(formatLogTick(50)).toBe('50');
  });
});

describe('plural and percent', () => {
  it('agree in number', () => {
    expect(plural(1, 'value')).toBe('1 value');
    expect(plural(12, 'value')).toBe('12 values');
    expect(plural(4096, 'value')).toBe('4,096 values');
  });

  it('give shares one decimal, and small ones two significant digits rather than "0.0 %"', () => {
    expect(formatPercent(0.503)).toBe('50.3 %');
    expect(formatPercent(0.5)).toBe('50.0 %');
    expect(formatPercent(1)).toBe('100.0 %');
    expect(formatPercent(0.012)).toBe('1.2 %');
    expect(formatPercent(0.00049)).toBe('0.049 %');
    expect(formatPercent(0)).toBe('0 %');
    expect(formatPercent(NaN)).toBe('—');
    expect(formatPercent(null)).toBe('—');
  });
});

describe('formatNumber', () => {
  it('prints overflow and underflow as Inf and 0, never NaN', () => {
    expect(formatNumber(Infinity)).toBe('Inf');
    expect(formatNumber(-Infinity)).toBe('-Inf');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(-0)).toBe('0');
    expect(formatNumber(NaN)).toBe('—');
    expect(formatNumber(null)).toBe('—');
  });

  it('keeps four significant digits and drops trailing zeros', () => {
    expect(formatNumber(1)).toBe('1');
    expect(formatNumber(0.5)).toBe('0.5');
    expect(formatNumber(1.23456)).toBe('1.235');
    expect(formatNumber(-256.04)).toBe('-256');
    expect(formatNumber(9999)).toBe('9999');
  });

  it('switches to exponent form for very large and very small values', () => {
    expect(formatNumber(12345)).toBe('1.235e4');
    expect(formatNumber(1e30)).toBe('1e30');
    expect(formatNumber(0.000123456)).toBe('1.235e-4');
    expect(formatNumber(-2.5e-12)).toBe('-2.5e-12');
  });
});

describe('formatCount', () => {
  it('uses k, M and G suffixes', () => {
    expect(formatCount(950)).toBe('950');
    expect(formatCount(12_800)).toBe('12.8 k');
    expect(formatCount(12_800_000)).toBe('12.8 M');
    expect(formatCount(2_000_000)).toBe('2 M');
    expect(formatCount(512 * 512 * 2000)).toBe('524 M');
    expect(formatCount(33_554_432_000)).toBe('33.6 G');
  });
});

describe('formatDuration', () => {
  it('prints ms below a second and seconds above', () => {
    expect(formatDuration(84.4)).toBe('84 ms');
    expect(formatDuration(1240)).toBe('1.24 s');
    expect(formatDuration(2000)).toBe('2 s');
  });
});

describe('formatFixedSigned(v)', () => {
  it('writes a true minus sign only when the rounded value is not zero', () => {
    expect(formatFixedSigned(-0.5)).toBe('−0.50');
    expect(formatFixedSigned(-0.004)).toBe('0.00');
    expect(formatFixedSigned(-0)).toBe('0.00');
    expect(formatFixedSigned(0.004)).toBe('0.00');
    expect(formatFixedSigned(-0.005001)).toBe('−0.01');
    expect(formatFixedSigned(0.0249)).toBe('0.02');
    expect(formatFixedSigned(-1.23456, 3)).toBe('−1.235');
  });
});
