// TeX built only from fixed templates and numbers we format ourselves. `Tex` is a branded string
// that only this module makes, so the one component that turns TeX into markup (Tex.tsx) can
// never be handed a string from a URL, a file or a person.

import { formatNumber } from '../../readings/format';

declare const texBrand: unique symbol;
export type Tex = string & { readonly [texBrand]: true };

/** A number as TeX, four significant digits like the rest of the page: 1.953e-4 → 1.953\times10^{-4}. */
export function texNumber(v: number): Tex {
  if (v === Infinity) return '\\infty' as Tex;
  if (v === -Infinity) return '-\\infty' as Tex;
  if (Number.isNaN(v)) return '\\text{n/a}' as Tex;
  const text = formatNumber(v);
  const match = /^(-?[\d.]+)e(-?\d+)$/.exec(text);
  if (!match) return text as Tex;
  const [, mantissa, exponent] = match;
  return (mantissa === '1' ? `10^{${exponent}}` : `${mantissa}\\times10^{${exponent}}`) as Tex;
}

/** v², parenthesized when v is negative or written with a power of ten, so the square reads right. */
export function texSquared(v: number): Tex {
  const t = texNumber(v);
  return (v < 0 || t.includes('^') ? `(${t})^2` : `${t}^2`) as Tex;
}

/**
 * Tagged template: the literal parts are TeX written in our source, read raw so `\text` stays a
 * backslash and a t rather than a tab; every interpolation is either a number (formatted by
 * texNumber) or TeX made here.
 */
export function tex(strings: TemplateStringsArray, ...parts: readonly (Tex | number)[]): Tex {
  const raw = strings.raw;
  let out = raw[0] ?? '';
  parts.forEach((part, i) => {
    out += (typeof part === 'number' ? texNumber(part) : part) + (raw[i + 1] ?? '');
  });
  return out as Tex;
}

/** Several formulas on one line, separated by a comma and a quad, where a narrow screen may break. */
export function texList(parts: readonly Tex[]): Tex {
  return parts.join(',\\quad\\allowbreak ') as Tex;
}

/** \text{fan}_\text{in} and friends, as every template writes them. */
export const FAN_IN = tex`\text{fan}_\text{in}`;
export const FAN_OUT = tex`\text{fan}_\text{out}`;
