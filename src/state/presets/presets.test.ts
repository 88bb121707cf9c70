import { describe, expect, it } from 'vitest';
import { PRESETS, getPreset } from '.';
import { decodeQuery, encodeQuery } from '../url';

describe('presets', () => {
  it('has at least 12 with unique ids', () => {
    expect(PRESETS.length).toBeGreaterThanOrEqual(12);
    expect(new Set(PRESETS.map((p) => p.id)).size).toBe(PRESETS.length);
    expect(getPreset(PRESETS[0]!.id)).toBe(PRESETS[0]);
  });

  it.each(PRESETS.map((p) => [p.id, p] as const))(
    '%s decodes without notices, in canonical form, small enough to be quick',
    (_id, preset) => {
      expect(preset.title.trim()).not.toBe('');
      expect(preset.lesson.trim()).not.toBe('');
      const { config, view, pins, training, notices } = decodeQuery(preset.query);
      expect(notices).toEqual([]);
      expect(encodeQuery(config, view, pins, training)).toBe(preset.query);
      // Pinned configurations run too, so they are held to the same sizes.
      for (const c of [config, ...pins]) {
        // Depth 200 only on narrow networks (dynamical isometry is a statement about depth): the same
        // work as depth 100 at width 181, well under a second.
        const maxDepth = Math.max(c.inputDim, ...c.widths) <= 128 ? 200 : 100;
        expect(c.widths.length).toBeLessThanOrEqual(maxDepth);
        expect(Math.max(c.inputDim, ...c.widths)).toBeLessThanOrEqual(512);
        expect(c.batch).toBeLessThanOrEqual(256);
      }
    },
  );

  it('the comparison preset pins He normal next to Xavier on the same ReLU network', () => {
    const { config, pins } = decodeQuery(getPreset('xavier-vs-he')!.query);
    expect(config.init).toBe('glorot_uniform');
    expect(pins.map((p) => p.init)).toEqual(['he_normal']);
    expect(pins[0]!.activation).toBe(config.activation);
    expect(pins[0]!.widths).toEqual(config.widths);
  });

  it('no two presets open the same view', () => {
    expect(new Set(PRESETS.map((p) => p.query)).size).toBe(PRESETS.length);
  });
});
