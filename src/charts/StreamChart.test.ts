import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { blockFormula, streamStory } from '../readings/residualReading';
import { StreamChart, type StreamPoint } from './StreamChart';
import { normalizeConfig } from '../core/config';

const point = (block: number, q: number, g: number | null): StreamPoint => ({
  block,
  secondMoment: q,
  channelMeanSquared: q / 4,
  channelVariance: (3 * q) / 4,
  theory: 3 ** block,
  gradient: g,
  gradientTheory: g,
});

describe('StreamChart', () => {
  it('draws the three curves and the theory, the gradient only once it exists, on an axis of blocks', () => {
    const forward = renderToStaticMarkup(
      createElement(StreamChart, { points: [point(1, 3, null), point(2, 9, null)], blocks: 8 }),
    );
    for (const key of ['secondMoment', 'theory', 'channelMeanSquared', 'channelVariance'])
      expect(forward).toContain(`data-series="${key}"`);
    expect(forward).not.toContain('data-series="gradient"');
    expect(forward).toContain('>block<');
    expect(forward).toContain('After block 2 of 8: E[x²] = 9.00 (theory 9.00)');
    const both = renderToStaticMarkup(
      createElement(StreamChart, { points: [point(1, 3, 2), point(2, 9, 1)], blocks: 2 }),
    );
    expect(both).toContain('data-series="gradient"');
  });

  it('breaks a curve where a value is 0 or overflowed rather than drawing it off the log axis', () => {
    const html = renderToStaticMarkup(
      createElement(StreamChart, {
        points: [point(1, 3, null), { ...point(2, Infinity, null), channelMeanSquared: 0 }, point(3, 27, null)],
        blocks: 3,
      }),
    );
    const measured = /data-series="secondMoment"><path d="([^"]*)"/.exec(html)![1]!;
    expect(measured.match(/M/g)).toHaveLength(2);
  });
});

describe('the block formula', () => {
  it('puts the live numbers into the recursion', () => {
    const a = normalizeConfig({ residual: true, blocks: 4 }).config.architecture!;
    expect(blockFormula(a, 3, 9, 18, 27, 26.5)).toBe(
      'E[(x^3)²] = E[(x^2)²] + α²·B(9.00) = 9.00 + 1.00²·18.0 = 27.0 (measured 26.5)',
    );
    expect(streamStory(a)).toMatch(/geometric/);
    const pre = normalizeConfig({ residual: true, norm: 'layer' }).config.architecture!;
    expect(blockFormula(pre, 2, 3, 2, 5, 4.9)).toContain('α²·B(1)');
    expect(streamStory(pre)).toMatch(/linearly/);
  });
});
