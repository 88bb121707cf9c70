import { describe, expect, it } from 'vitest';
import { defaultStep, parseNumberInput, stepValue, type NumberRule } from './numberInput';

const depth: NumberRule = { label: 'Depth', min: 1, max: 2000, integer: true };
const bias: NumberRule = { label: 'Bias σ_b', min: 0, max: 100, integer: false };

describe('parseNumberInput', () => {
  it('accepts valid values, with surrounding spaces', () => {
    expect(parseNumberInput(' 50 ', depth)).toEqual({ ok: true, value: 50 });
    expect(parseNumberInput('0.05', bias)).toEqual({ ok: true, value: 0.05 });
    expect(parseNumberInput('1e-2', bias)).toEqual({ ok: true, value: 0.01 });
    expect(parseNumberInput('-0', bias)).toEqual({ ok: true, value: 0 });
  });

  it('gives one specific message for anything else', () => {
    const msg = { ok: false, message: 'Depth must be a whole number from 1 to 2000' };
    for (const bad of ['', 'abc', '12.5', '0', '2001', '0x10', '5 layers', 'Infinity']) {
      expect(parseNumberInput(bad, depth)).toEqual(msg);
    }
    expect(parseNumberInput('-1', bias)).toEqual({ ok: false, message: 'Bias σ_b must be a number from 0 to 100' });
  });
});

describe('stepValue', () => {
  it('steps and stays in range', () => {
    expect(stepValue(50, 10, depth)).toBe(60);
    expect(stepValue(1995, 10, depth)).toBe(2000);
    expect(stepValue(1, -1, depth)).toBe(1);
    expect(stepValue(0.1, 0.01, bias)).toBe(0.11);
    expect(stepValue(0.005, -0.01, bias)).toBe(0);
  });
});

describe('defaultStep', () => {
  it('is 1 for whole numbers and about a tenth of the leading digit otherwise', () => {
    expect(defaultStep(depth, 30)).toBe(1);
    expect(defaultStep(bias, 0.5)).toBe(0.01);
    expect(defaultStep(bias, 2)).toBe(0.1);
    expect(defaultStep(bias, 0)).toBe(0.1);
  });
});
