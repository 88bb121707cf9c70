import { describe, expect, it } from 'vitest';
import { formatFactor, formatLogTick, formatPercent, formatPowerOfTen, formatValue, plural } from './format';

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

  it('give shares sensible precision', () => {
    expect(formatPercent(0.5)).toBe('50 %');
    expect(formatPercent(0.012)).toBe('1.2 %');
    expect(formatPercent(0)).toBe('0 %');
  });
});
