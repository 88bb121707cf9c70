import { describe, expect, it } from 'vitest';
import { formatCount, formatDuration, formatNumber, formatPercent } from './format';

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

describe('formatPercent', () => {
  it('prints one decimal', () => {
    expect(formatPercent(0.5)).toBe('50.0 %');
    expect(formatPercent(0.00049)).toBe('0.0 %');
    expect(formatPercent(1)).toBe('100.0 %');
    expect(formatPercent(NaN)).toBe('—');
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
