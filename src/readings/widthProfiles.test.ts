import { describe, expect, it } from 'vitest';
import { bottleneckWidths, funnelWidths, parseWidthList, recognizeProfile, resizeProfile } from './widthProfiles';

describe('funnelWidths', () => {
  it('goes geometrically from wide to narrow', () => {
    expect(funnelWidths(512, 128, 3)).toEqual([512, 256, 128]);
    expect(funnelWidths(1024, 64, 5)).toEqual([1024, 512, 256, 128, 64]);
  });

  it('has exactly depth entries, ends included', () => {
    const w = funnelWidths(4096, 1, 2000);
    expect(w).toHaveLength(2000);
    expect(w[0]).toBe(4096);
    expect(w[1999]).toBe(1);
  });

  it('gives one layer the wide width', () => {
    expect(funnelWidths(512, 64, 1)).toEqual([512]);
  });
});

describe('bottleneckWidths', () => {
  it('is symmetric and reaches narrow in the middle', () => {
    expect(bottleneckWidths(512, 128, 5)).toEqual([512, 256, 128, 256, 512]);
    expect(bottleneckWidths(512, 128, 4)).toEqual([512, 128, 128, 512]);
    const w = bottleneckWidths(1000, 10, 101);
    expect(w).toEqual([...w].reverse());
    expect(Math.min(...w)).toBe(10);
  });
});

describe('recognizeProfile', () => {
  it('recognises what the generators make', () => {
    expect(recognizeProfile([64, 64, 64]).profile).toBe('constant');
    expect(recognizeProfile(funnelWidths(800, 50, 30))).toEqual({ profile: 'funnel', wide: 800, narrow: 50 });
    expect(recognizeProfile(bottleneckWidths(800, 50, 31))).toEqual({ profile: 'bottleneck', wide: 800, narrow: 50 });
  });

  it('calls anything else custom', () => {
    expect(recognizeProfile([64, 512, 64, 100]).profile).toBe('custom');
    expect(recognizeProfile([512, 500, 128]).profile).toBe('custom');
  });
});

describe('resizeProfile', () => {
  it('keeps a funnel a funnel between the same ends', () => {
    expect(resizeProfile(funnelWidths(1024, 64, 5), 9)).toEqual(funnelWidths(1024, 64, 9));
  });

  it('keeps a bottleneck', () => {
    expect(resizeProfile(bottleneckWidths(256, 16, 7), 20)).toEqual(bottleneckWidths(256, 16, 20));
  });

  it('leaves a custom list to the store', () => {
    expect(resizeProfile([3, 1, 4, 1, 5], 10)).toBeNull();
  });
});

describe('parseWidthList', () => {
  it('accepts comma-separated whole numbers with spaces', () => {
    expect(parseWidthList('512, 256,128')).toEqual({ ok: true, widths: [512, 256, 128] });
    expect(parseWidthList('7')).toEqual({ ok: true, widths: [7] });
  });

  it('names the first bad entry', () => {
    expect(parseWidthList('512,abc,128')).toEqual({
      ok: false,
      message: 'Entry 2 ("abc") must be a whole number from 1 to 4096',
    });
    expect(parseWidthList('512,,128')).toEqual({
      ok: false,
      message: 'Entry 2 (empty) must be a whole number from 1 to 4096',
    });
    expect(parseWidthList('5000')).toMatchObject({ ok: false });
    expect(parseWidthList('0')).toMatchObject({ ok: false });
    expect(parseWidthList('1.5')).toMatchObject({ ok: false });
    expect(parseWidthList('')).toEqual({ ok: false, message: 'Enter at least one width, e.g. 512,256,128' });
  });

  it('refuses more layers than allowed', () => {
    expect(parseWidthList(new Array(2001).fill('8').join(','))).toMatchObject({
      ok: false,
      message: 'At most 2000 widths (one per layer); got 2001',
    });
  });
});
