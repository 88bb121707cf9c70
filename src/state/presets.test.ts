import { describe, expect, it } from 'vitest';
import { PRESETS, getPreset } from './presets';
import { decodeQuery, encodeQuery } from './url';

describe('presets', () => {
  it('has at least 12 with unique ids', () => {
    expect(PRESETS.length).toBeGreaterThanOrEqual(12);
    expect(new Set(PRESETS.map((p) => p.id)).size).toBe(PRESETS.length);
    expect(getPreset(PRESETS[0]!.id)).toBe(PRESETS[0]);
  });

  it.each(PRESETS.map((p) => [p.id, p] as const))('%s decodes without notices, in canonical form, small enough to be quick', (_id, preset) => {
    expect(preset.title.trim()).not.toBe('');
    expect(preset.lesson.trim()).not.toBe('');
    const { config, view, notices } = decodeQuery(preset.query);
    expect(notices).toEqual([]);
    expect(encodeQuery(config, view)).toBe(preset.query);
    expect(config.widths.length).toBeLessThanOrEqual(100);
    expect(Math.max(config.inputDim, ...config.widths)).toBeLessThanOrEqual(512);
    expect(config.batch).toBeLessThanOrEqual(256);
  });

  it('no two presets open the same view', () => {
    expect(new Set(PRESETS.map((p) => p.query)).size).toBe(PRESETS.length);
  });
});
