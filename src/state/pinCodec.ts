// The text of one `pin=` value in a link: a pinned configuration's keys as `key:value` pairs joined
// by `~`, e.g. `init:he_normal~depth:50`. Only string handling lives here; url.ts gives each key
// its meaning through the same field table and normalizeConfig as the link's own keys, so a pin
// can hold exactly what the link itself can.

export const PIN_KEY = 'pin';
/** More lines than this on one chart stop being readable, and each costs a run. */
export const MAX_PINS = 4;

// Neither character appears in any valid value (ids, numbers, comma lists), and `~` is left
// alone by encodeURIComponent, so a pin stays readable in the address bar.
const PAIR_SEPARATOR = '~';
const KEY_SEPARATOR = ':';

export interface SplitPin {
  pairs: [string, string][];
  /** Non-empty parts without a `:`, which name no key. */
  malformed: string[];
}

/** `init:he_normal~depth:50` → [['init', 'he_normal'], ['depth', '50']]; empty parts are skipped. */
export function splitPin(text: string): SplitPin {
  const pairs: [string, string][] = [];
  const malformed: string[] = [];
  for (const part of text.split(PAIR_SEPARATOR)) {
    if (part.trim() === '') continue;
    const at = part.indexOf(KEY_SEPARATOR);
    if (at < 0) malformed.push(part);
    else pairs.push([part.slice(0, at), part.slice(at + 1)]);
  }
  return { pairs, malformed };
}

export function joinPin(pairs: readonly (readonly [string, string])[]): string {
  return pairs.map(([key, value]) => `${key}${KEY_SEPARATOR}${value}`).join(PAIR_SEPARATOR);
}

/** A pin's text as it goes in a query: percent-encoded, except `:` and `,`, which a query may hold as they are. */
export function pinParam(text: string): string {
  return encodeURIComponent(text).replace(/%3A/gi, KEY_SEPARATOR).replace(/%2C/gi, ',');
}
