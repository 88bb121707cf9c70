import { describe, expect, it } from 'vitest';
import { WIDE_GLYPH_EM, wrap } from './textWrap';

describe('wrap', () => {
  const settings = 'Glorot uniform (Keras Dense default) · Tanh · depth 50 · width 256 · batch 128 · seed 1';

  it('keeps a line that fits whole', () => {
    expect(wrap(settings, 2000, 13)).toEqual([settings]);
  });

  it('breaks at spaces within the width a wide font needs, separator dots ending a line', () => {
    const width = 300;
    const lines = wrap(settings, width, 13);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe(settings);
    for (const line of lines) {
      expect(line.length * 13 * WIDE_GLYPH_EM).toBeLessThanOrEqual(width);
      expect(line.startsWith('·')).toBe(false);
    }
  });
});
