import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { normalizeConfig } from '../core/config';
import { simulate } from '../core/network';
import { formatNumber } from '../readings/format';
import { LsuvScales } from './LsuvScales';

/** The table's body rows as [layer, scale, passes] texts. */
function rowsOf(html: string): string[][] {
  const body = html.slice(html.indexOf('<tbody>'), html.indexOf('</tbody>'));
  return [...body.matchAll(/<tr[^>]*><th scope="row">(\d+)<\/th><td>([^<]*)<\/td><td>(\d+)<\/td>/g)].map((m) => [
    m[1]!,
    m[2]!,
    m[3]!,
  ]);
}

describe('the LSUV part of the formula card', () => {
  it('lists the scale and passes of every layer from the run, and says it is data-dependent', () => {
    const { config } = normalizeConfig({
      init: 'lsuv',
      activation: 'selu',
      depth: 6,
      width: 20,
      batch: 24,
      seed: 11,
      biasStd: '0.4',
    });
    const lsuv = simulate(config).map((l) => l.lsuv!);
    const html = renderToStaticMarkup(createElement(LsuvScales, { config, layers: lsuv }));
    expect(rowsOf(html)).toEqual(lsuv.map((l) => [String(l.layer), formatNumber(l.scale), String(l.passes)]));
    expect(html).toContain('Data-dependent');
    expect(html).toContain('the seed (11) draws');
    const total = lsuv.reduce((s, l) => s + l.passes, 0);
    expect(html).toContain(`All 6 layers: ${total} pass`);
  });

  it('marks a layer that did not reach the tolerance, in words', () => {
    const { config } = normalizeConfig({
      init: 'lsuv',
      activation: 'tanh',
      depth: 2,
      width: 8,
      batch: 8,
      biasStd: '1.5',
    });
    const lsuv = simulate(config).map((l) => l.lsuv!);
    const html = renderToStaticMarkup(createElement(LsuvScales, { config, layers: lsuv }));
    expect(html).toContain('2 layers did not reach 0.1 of 1 within 10 passes');
    expect(html).toContain('(not within 0.1)');
    expect(html).toContain('no σ_w² for LSUV here');
  });

  it('waits for the run of these settings rather than showing another run’s scales', () => {
    const { config } = normalizeConfig({ init: 'lsuv', depth: 3, width: 8 });
    const html = renderToStaticMarkup(createElement(LsuvScales, { config, layers: null }));
    expect(html).toContain('data-testid="lsuv-pending"');
    expect(html).not.toContain('<tbody>');
  });

  it('states the infinite-width theory: ReLU at the edge of chaos, tanh chaotic', () => {
    const relu = normalizeConfig({ init: 'lsuv', activation: 'relu', depth: 3, width: 8 }).config;
    expect(renderToStaticMarkup(createElement(LsuvScales, { config: relu, layers: null }))).toContain(
      '= 2 from layer 2 on',
    );
    const tanh = normalizeConfig({ init: 'lsuv', activation: 'tanh', depth: 3, width: 8 }).config;
    expect(renderToStaticMarkup(createElement(LsuvScales, { config: tanh, layers: null }))).toContain(': chaotic');
  });
});
