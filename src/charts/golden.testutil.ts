// Golden files for the charts: a chart rendered to static markup with react-dom/server (no
// browser, no layout), its coordinates rounded to 0.01 px so the files do not change with the
// last bits of a float, one tag per line so a diff reads, and saved as an SVG document that
// opens in a browser (the chart's HTML inside a foreignObject, styled by the app's own CSS).
// On a mismatch the new rendering is written beside the golden file as `<name>-changed.svg`.
// `UPDATE_GOLDEN=1 npx vitest run src/charts` rewrites the golden files after a deliberate change.

import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';

export const GOLDEN_DIR = join(import.meta.dirname, '__golden__');

/** Stylesheets the saved files link to (relative to the golden folder), so a person sees the chart styled. */
const STYLESHEETS = [
  '../../ui/themes.css',
  '../../ui/styles.css',
  '../charts.css',
  '../signalChart.css',
  '../signalPreview.css',
  '../pinned.css',
  '../distributions.css',
  '../phaseDiagram.css',
  '../explanations.css',
];

/** Numbers with more than two decimals inside attribute values, rounded to two. */
function roundAttributes(markup: string): string {
  return markup.replace(/="([^"]*)"/g, (_, value: string) => {
    const rounded = value.replace(/-?\d+\.\d{3,}(?:e[-+]?\d+)?/g, (n) => {
      const r = Math.round(Number(n) * 100) / 100;
      return String(Object.is(r, -0) ? 0 : r);
    });
    return `="${rounded}"`;
  });
}

/** The chart as a standalone, diffable SVG document of the given size. */
export function goldenDocument(element: ReactElement, width: number, height: number): string {
  // Inside the XHTML of a foreignObject, an <svg> needs its namespace to be drawn as SVG.
  const markup = roundAttributes(renderToStaticMarkup(element))
    .replace(/<svg /g, '<svg xmlns="http://www.w3.org/2000/svg" ')
    .replace(/></g, '>\n<');
  const styles = STYLESHEETS.map((href) => `<?xml-stylesheet type="text/css" href="${href}"?>`).join('\n');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    styles,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<foreignObject x="0" y="0" width="${width}" height="${height}">`,
    `<div xmlns="http://www.w3.org/1999/xhtml" class="app" style="width:${width}px">`,
    markup,
    '</div>',
    '</foreignObject>',
    '</svg>',
    '',
  ].join('\n');
}

export type GoldenResult =
  { status: 'same' } | { status: 'written'; path: string } | { status: 'changed'; path: string; changedPath: string };

/**
 * Compares a rendering with `<dir>/<name>.svg`. Same: any stale `-changed.svg` is removed. Missing
 * (or UPDATE_GOLDEN set): the golden file is written. Different: `-changed.svg` is written beside it.
 */
export function checkGolden(name: string, document: string, dir = GOLDEN_DIR): GoldenResult {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.svg`);
  const changedPath = join(dir, `${name}-changed.svg`);
  if (!existsSync(path) || process.env.UPDATE_GOLDEN) {
    writeFileSync(path, document);
    rmSync(changedPath, { force: true });
    return { status: 'written', path };
  }
  if (readFileSync(path, 'utf8') === document) {
    rmSync(changedPath, { force: true });
    return { status: 'same' };
  }
  writeFileSync(changedPath, document);
  return { status: 'changed', path, changedPath };
}
