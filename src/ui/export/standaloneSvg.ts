// A standalone SVG of the signal chart as it is on screen: a header with the settings and the
// verdict, the live chart cloned with its computed styles inlined, and the legend redrawn in SVG
// where the page shows it as HTML. No external references, generic fonts, a <title>.

import type { ExportCaption } from './exportCaption';
import { inlineComputedStyles, resolveColor } from './inlineStyles';
import { WIDE_GLYPH_EM, wrap } from './textWrap';

const SVG_NS = 'http://www.w3.org/2000/svg';
const PAD = 16;
const TITLE_SIZE = 16;
const LINE_SIZE = 13;
const LINE_GAP = 6;
const ENTRY_GAP = 24;

export interface StandaloneSvg {
  text: string;
  /** CSS pixels; the PNG is drawn at twice this. */
  width: number;
  height: number;
}

export interface ChartParts {
  /** The live chart's <svg>. */
  svg: SVGSVGElement;
  /** The live legend (an HTML list with an SVG swatch per entry). */
  legend: HTMLElement | null;
  title: string;
  /** Text summary of the chart, for the SVG's <desc>. */
  summary: string;
}

function el<K extends keyof SVGElementTagNameMap>(
  name: K,
  attrs: Record<string, string | number> = {},
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG_NS, name);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, String(value));
  return node;
}

function textLine(x: number, y: number, content: string, size: number, fill: string, weight = 400): SVGTextElement {
  const node = el('text', { x, y, 'font-size': size, 'font-weight': weight, fill });
  node.textContent = content;
  return node;
}

/** The header's lines, top to bottom, wrapped to the picture's width, and the height they take. */
function header(
  caption: ExportCaption,
  title: string,
  width: number,
  fg: string,
  muted: string,
): { group: SVGGElement; height: number } {
  const group = el('g', { class: 'export-header' });
  const entries: [string, number, string, number][] = [
    [title, TITLE_SIZE, fg, 700],
    [caption.settings, LINE_SIZE, fg, 400],
  ];
  if (caption.verdict) entries.push([caption.verdict, LINE_SIZE, fg, 600]);
  if (caption.theory) entries.push([caption.theory, LINE_SIZE, muted, 400]);
  let y = PAD;
  for (const [content, size, fill, weight] of entries) {
    for (const line of wrap(content, width - 2 * PAD, size)) {
      y += size;
      group.append(textLine(PAD, y, line, size, fill, weight));
      y += LINE_GAP;
    }
  }
  return { group, height: y + PAD / 2 };
}

/**
 * The legend in SVG, one entry after another, wrapping at the right edge: each swatch cloned from
 * the page with its styles inlined, then its words.
 */
function legendGroup(
  legend: HTMLElement,
  top: number,
  width: number,
  fg: string,
): { group: SVGGElement; height: number } {
  const group = el('g', { class: 'export-legend', transform: `translate(0, ${top})` });
  const fontSize = parseFloat(getComputedStyle(legend).fontSize) || LINE_SIZE;
  const rowHeight = Math.round(fontSize * 1.6);
  let x = PAD;
  let y = 0;
  for (const item of legend.querySelectorAll('li')) {
    const swatch = item.querySelector('svg');
    const label = item.textContent?.trim() ?? '';
    if (!swatch || label === '') continue;
    const swatchWidth = Number(swatch.getAttribute('width')) || 30;
    const swatchHeight = Number(swatch.getAttribute('height')) || 14;
    const entryWidth = swatchWidth + 6 + label.length * fontSize * WIDE_GLYPH_EM;
    if (x > PAD && x + entryWidth > width - PAD) {
      x = PAD;
      y += rowHeight;
    }
    const copy = swatch.cloneNode(true) as SVGSVGElement;
    inlineComputedStyles(swatch, copy);
    const mark = el('g', { transform: `translate(${x}, ${y + (rowHeight - swatchHeight) / 2})` });
    mark.append(...copy.childNodes);
    const words = textLine(x + swatchWidth + 6, y + rowHeight / 2, label, fontSize, fg);
    words.setAttribute('dy', '0.35em');
    group.append(mark, words);
    x += entryWidth + ENTRY_GAP;
  }
  return { group, height: y + rowHeight };
}

export function standaloneSvg(parts: ChartParts, caption: ExportCaption): StandaloneSvg {
  const { svg, legend } = parts;
  const width = Math.round(Number(svg.getAttribute('width')) || svg.getBoundingClientRect().width);
  const chartHeight = Math.round(Number(svg.getAttribute('height')) || svg.getBoundingClientRect().height);
  const bg = resolveColor(svg, 'var(--chart-bg)');
  const fg = resolveColor(svg, 'var(--chart-fg)');
  const muted = resolveColor(svg, 'var(--chart-muted)');

  const head = header(caption, parts.title, width, fg, muted);
  const chart = svg.cloneNode(true) as SVGSVGElement;
  inlineComputedStyles(svg, chart);
  // Hover marks belong to the moment, not to the picture.
  for (const transient of chart.querySelectorAll('.chart-crosshair, .signal-point-active')) transient.remove();
  const chartGroup = el('g', { class: 'export-chart', transform: `translate(0, ${head.height})` });
  chartGroup.append(...chart.childNodes);

  const legendTop = head.height + chartHeight + 8;
  const foot = legend ? legendGroup(legend, legendTop, width, fg) : null;
  const height = Math.ceil(legendTop + (foot?.height ?? 0) + PAD);

  const root = el('svg', {
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    'font-family': 'sans-serif',
    role: 'img',
  });
  const title = el('title');
  title.textContent = `${parts.title}: ${caption.settings}`;
  const desc = el('desc');
  desc.textContent = [caption.verdict, caption.theory, parts.summary].filter(Boolean).join('. ');
  root.append(title, desc, el('rect', { width, height, fill: bg }), head.group, chartGroup);
  if (foot) root.append(foot.group);

  const text = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(root)}\n`;
  return { text, width, height };
}
