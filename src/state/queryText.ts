// The text of a link: how a value is written in it, and how a query splits into key–value pairs
// (never throwing on a broken escape). The field table (urlFields.ts) decides what the pairs mean.

import type { ParamValue } from '../core/types';

/**
 * A value as it is written in a link: the shortest text that parses back to the same number
 * (`1e21`, not `1e+21`: `+` means space), booleans as 1/0. Not a display format (those are all in
 * readings/format.ts, whose formatValue rounds for a label): a link must round-trip exactly.
 */
export function formatValue(value: ParamValue): string {
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (typeof value === 'number') return String(value === 0 ? 0 : value).replace('e+', 'e');
  return value;
}

const utf8 = new TextDecoder('utf-8');

/** Like decodeURIComponent, but a broken escape decodes to U+FFFD instead of throwing. */
function decodeComponent(s: string): string {
  const spaced = s.replace(/\+/g, ' ');
  if (!spaced.includes('%')) return spaced;
  return spaced.replace(/(?:%[0-9a-fA-F]{2})+/g, (run) => {
    const bytes = new Uint8Array(run.length / 3);
    for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(run.slice(i * 3 + 1, i * 3 + 3), 16);
    return utf8.decode(bytes);
  });
}

/** Splits a query into [key, value] pairs in order; `?acts` is ['acts', '']. */
export function parseQuery(search: string): [string, string][] {
  const body = search.startsWith('?') ? search.slice(1) : search;
  const pairs: [string, string][] = [];
  for (const part of body.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    pairs.push(
      eq < 0 ? [decodeComponent(part), ''] : [decodeComponent(part.slice(0, eq)), decodeComponent(part.slice(eq + 1))],
    );
  }
  return pairs;
}
