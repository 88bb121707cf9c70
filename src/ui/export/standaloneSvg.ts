// A standalone SVG of the signal chart as it is on screen: a header with the settings and the
// verdict, the live chart cloned with its computed styles inlined, and the legend redrawn in SVG
// where the page shows it as HTML. No external references, generic fonts, a <title>.

import type { ExportCaption } from './exportCaption';
import { inlineComputedStyles, resolveColor } from './inlineStyles';

const SVG_NS = 'http://www.w3.org/2000/svg';
const PAD = 16;
const TITLE_SIZE = 16;
const LINE_SIZE = 13;
const LINE_GAP = 6;

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

function el<K extends keyof SVGElementTagNameMap>(name: K, attrs: Record<string, string | number> = {}): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG_NS, name);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, String(value));
  return node;
}

function textLine(x: number, y: number, content: string, size: number, fill: string, weight = 400): SVGTextElement {
  const node = el('text', { x, y, 'font-size': size, 'font-weight': weight, fill });
  node.textContent = content;
  return node;
}

/** The header's lines, top to bottom, and the height they take. */
function header(caption: ExportCaption, title: string, fg: string, muted: string): { group: SVGGElement; height: number } {
  const group = el('g', { class: 'export-header' });
  const lines: [string, number, string, number][] = [[title, TITLE_SIZE, fg, 700], [caption.settings, LINE_SIZE, fg, 400]];
  if (caption.verdict) lines.push([caption.verdict, LINE_SIZE, fg, 600]);
  if (caption.theory) lines.push([caption.theory, LINE_SIZE, muted, 400]);
  let y = PAD;
  for (const [content, size, fill, weight] of lines) {
    y += size;
    group.append(textLine(PAD, y, content, size, fill, weight));
    y += LINE_GAP;
  }
  return { group, height: y + PAD / 2 };
}

/**
 * Each legend entry where the page laid it out (so the wrapping matches the screen): its swatch,
 * cloned with inlined styles, and its words as SVG text beside it.
 */
function legendGroup(legend: HTMLElement, top: number, fg: string): { group: SVGGElement; height: number } {
  const group = el('g', { class: 'export-legend', transform: `translate(0, ${top})` });
  const box = legend.getBoundingClientRect();
  const fontSize = parseFloat(getComputedStyle(legend).fontSize) || LINE_SIZE;
  let bottom = 0;
  for (const item of legend.querySelectorAll('li')) {
    const swatch = item.querySelector('svg');
    const label = item.textContent?.trim() ?? '';
    if (!swatch || label === '') continue;
    const r = swatch.getBoundingClientRect();
    const x = r.left - box.left;
    const y = r.top - box.top;
    const copy = swatch.cloneNode(true) as SVGSVGElement;
    inlineComputedStyles(swatch, copy);
    const mark = el('g', { transform: `translate(${x}, ${y})` });
    mark.append(...copy.childNodes);
    const gap = parseFloat(getComputedStyle(item).columnGap) || 6;
    const words = textLine(x + r.width + gap, y + r.height / 2, label, fontSize, fg);
    words.setAttribute('dy', '0.35em');
    group.append(mark, words);
    bottom = Math.max(bottom, y + r.height);
  }
  return { group, height: bottom };
}

export function standaloneSvg(parts: ChartParts, caption: ExportCaption): StandaloneSvg {
  const { svg, legend } = parts;
  const width = Math.round(Number(svg.getAttribute('width')) || svg.getBoundingClientRect().width);
  const chartHeight = Math.round(Number(svg.getAttribute('height')) || svg.getBoundingClientRect().height);
  const bg = resolveColor(svg, 'var(--chart-bg)');
  const fg = resolveColor(svg, 'var(--chart-fg)');
  const muted = resolveColor(svg, 'var(--chart-muted)');

  const head = header(caption, parts.title, fg, muted);
  const chart = svg.cloneNode(true) as SVGSVGElement;
  inlineComputedStyles(svg, chart);
  // Hover marks belong to the moment, not to the picture.
  for (const transient of chart.querySelectorAll('.chart-crosshair, .signal-point-active')) transient.remove();
  const chartGroup = el('g', { class: 'export-chart', transform: `translate(0, ${head.height})` });
  chartGroup.append(...chart.childNodes);

  const legendTop = head.height + chartHeight + 8;
  const foot = legend ? legendGroup(legend, legendTop, fg) : null;
  const height = Math.ceil(legendTop + (foot?.height ?? 0) + PAD);

  const root = el('svg', { width, height, viewBox: `0 0 ${width} ${height}`, 'font-family': 'sans-serif', role: 'img' });
  const title = el('title');
  title.textContent = `${parts.title}: ${caption.settings}`;
  const desc = el('desc');
  desc.textContent = [caption.verdict, caption.theory, parts.summary].filter(Boolean).join('. ');
  root.append(title, desc, el('rect', { width, height, fill: bg }), head.group, chartGroup);
  if (foot) root.append(foot.group);

  const text = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(root)}\n`;
  return { text, width, height };
}
