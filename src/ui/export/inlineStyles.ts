// Copies the browser's computed styles of a live SVG subtree onto its clone, so the clone looks
// the same without the page's stylesheets: CSS variables come out as concrete colours, classes
// stop mattering, and a file opened anywhere draws what the screen showed.

/** What the chart's CSS sets on SVG elements. Fonts are left out: exports use a generic family. */
const PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-linejoin',
  'stroke-opacity',
  'opacity',
  'visibility',
] as const;

const TEXT_PROPERTIES = ['font-size', 'font-weight', 'font-style', 'font-variant-numeric', 'text-anchor'] as const;

/** Values that change nothing when written out; leaving them out keeps the file small. */
const INITIAL: Readonly<Record<string, string>> = {
  'fill-opacity': '1',
  stroke: 'none',
  'stroke-dasharray': 'none',
  'stroke-linecap': 'butt',
  'stroke-linejoin': 'miter',
  'stroke-opacity': '1',
  opacity: '1',
  visibility: 'visible',
  'font-style': 'normal',
  'font-variant-numeric': 'normal',
  'text-anchor': 'start',
};

function styleText(style: CSSStyleDeclaration, properties: readonly string[]): string {
  const parts: string[] = [];
  for (const name of properties) {
    const value = style.getPropertyValue(name).trim();
    if (value !== '' && INITIAL[name] !== value) parts.push(`${name}: ${value}`);
  }
  return parts.join('; ');
}

/**
 * Walks `source` (in the page) and `target` (its deep clone) in step and writes each source
 * element's computed style onto the matching target element. Elements the page does not show are
 * removed from the clone.
 */
export function inlineComputedStyles(source: Element, target: Element): void {
  const style = getComputedStyle(source);
  if (style.display === 'none') {
    target.remove();
    return;
  }
  const isText = source.tagName === 'text' || source.tagName === 'tspan';
  const text = styleText(style, isText ? [...PROPERTIES, ...TEXT_PROPERTIES] : PROPERTIES);
  if (text === '') target.removeAttribute('style');
  else target.setAttribute('style', text);
  // Copy the list first: removing a hidden child while iterating would shift the indices.
  const sourceChildren = [...source.children];
  const targetChildren = [...target.children];
  sourceChildren.forEach((child, i) => {
    const twin = targetChildren[i];
    if (twin) inlineComputedStyles(child, twin);
  });
}

/** A CSS colour expression (e.g. "var(--chart-bg)") as the concrete colour it means at `host`. */
export function resolveColor(host: Element, expression: string): string {
  const probe = document.createElement('span');
  probe.style.color = expression;
  probe.style.display = 'none';
  host.append(probe);
  const color = getComputedStyle(probe).color;
  probe.remove();
  return color;
}
