import { describe, expect, it } from 'vitest';
import { normalizeConfig } from './config';
import { DEFAULTS, LIMITS } from './limits';

describe('normalizeConfig', () => {
  it('fills defaults', () => {
    const { config, issues } = normalizeConfig({});
    expect(issues).toEqual([]);
    expect(config.init).toBe(DEFAULTS.init);
    expect(config.widths).toHaveLength(DEFAULTS.depth);
    expect(config.inputDim).toBe(DEFAULTS.width);
  });

  it('clamps numbers and names the problem', () => {
    const { config, issues } = normalizeConfig({ depth: '100000', batch: -4, width: '7.6' });
    expect(config.widths).toHaveLength(LIMITS.depth.max);
    expect(config.batch).toBe(1);
    expect(config.widths[0]).toBe(8);
    expect(issues.map((i) => i.field).sort()).toEqual(['batch', 'depth', 'width']);
    expect(issues.find((i) => i.field === 'depth')?.problem).toBe('100000 is above 2000 (allowed 1…2000)');
  });

  it('rejects non-numbers, hex and infinities without throwing', () => {
    for (const bad of ['abc', '0x10', 'Infinity', '1e309', 'NaN', '', ' ', {}, [], null]) {
      const { config, issues } = normalizeConfig({ depth: bad });
      expect(config.widths.length).toBeGreaterThanOrEqual(LIMITS.depth.min);
      if (!Array.isArray(bad)) expect(issues.length).toBeGreaterThan(0);
    }
  });

  it('a width list sets the depth; an empty entry is an issue', () => {
    expect(normalizeConfig({ width: '64,32,16' }).config.widths).toEqual([64, 32, 16]);
    expect(normalizeConfig({ width: [128] }).config.widths).toEqual([128]);
    const { issues } = normalizeConfig({ width: '64,,16' });
    expect(issues[0]?.problem).toMatch(/entry 2 of the width list is empty/);
  });

  it('unknown ids fall back and say which choices exist', () => {
    const { config, issues } = normalizeConfig({ init: '<script>', activation: 'RELU' });
    expect(config.init).toBe(DEFAULTS.init);
    expect(config.activation).toBe('relu');
    expect(issues[0]?.problem).toMatch(/is not a known initializer \(choices: .*glorot_uniform/);
  });

  it('validates initializer parameters by their spec', () => {
    const { config, issues } = normalizeConfig({
      init: 'variance_scaling',
      initParams: { mode: 'FAN_OUT', scale: '-2' },
    });
    expect(config.initParams.mode).toBe('fan_out');
    expect(issues.map((i) => i.field)).toEqual(['param:scale']);
  });
});
