// Number formatting for chart labels, tooltips and summaries. The values span hundreds of
// decades (1e-90 after an underflow, 1e76 just before an overflow), so anything far from 1 is
// written in short exponent form ("1.8e-15"); ordinary magnitudes stay plain ("2.0", "0.50").

const MINUS = '\u2212';
const SUPERSCRIPT: Record<string, string> = {
  '-': '\u207B',
  '0': '\u2070',
  '1': '\u00B9',
  '2': '\u00B2',
  '3': '\u00B3',
  '4': '\u2074',
  '5': '\u2075',
  '6': '\u2076',
  '7': '\u2077',
  '8': '\u2078',
  '9': '\u2079',
};

/**
 * A value with `digits` significant digits: "2.0", "0.50", "1234", "1.8e-15", "3.2e20".
 * Zero is "0" and the non-finite values are spelled out, so no label ever reads "NaN" by accident.
 */
export function formatValue(v: number, digits = 2): string {
  if (Number.isNaN(v)) return 'not a number';
  if (v === Infinity) return 'Inf';
  if (v === -Infinity) return `${MINUS}Inf`;
  if (v === 0) return '0';
  const abs = Math.abs(v);
  const sign = v < 0 ? MINUS : '';
  if (abs >= 1e-3 && abs < 1e5) {
    if (abs >= 10 ** (digits - 1)) {
      // Whole numbers keep all their integer digits ("1234", "100", not "1.2e+3" or "1.0e+2").
      const rounded = Math.round(abs);
      if (rounded < 1e5) return sign + String(rounded);
    } else {
      const plain = abs.toPrecision(digits);
      if (!plain.includes('e')) return sign + plain;
    }
  }
  return sign + abs.toExponential(digits - 1).replace('e+', 'e');
}

/**
 * A per-layer growth factor: "×0.50", "×3.1", "×1.00". Near 1 (0.5 … 2) two decimals are kept so
 * that 1.05 and 0.95 do not both read "×1.0"; elsewhere two significant digits are enough.
 */
export function formatFactor(g: number): string {
  if (!Number.isFinite(g) || g <= 0) return `×${formatValue(g)}`;
  if (g >= 0.5 && g <= 2) return `×${g.toFixed(2)}`;
  return `×${formatValue(g, 2)}`;
}

/** 10^k as tick text: plain for 0.01 … 1000, "10⁻¹⁵" beyond. */
export function formatPowerOfTen(k: number): string {
  if (k >= -2 && k <= 3) return formatValue(10 ** k, 1);
  const digits = [...String(k)].map((c) => SUPERSCRIPT[c] ?? c).join('');
  return `10${digits}`;
}

/** A tick of a log axis: powers of ten as "10⁻¹⁵", the 2s and 5s between them plainly. */
export function formatLogTick(v: number): string {
  const k = Math.log10(v);
  if (Math.abs(k - Math.round(k)) < 1e-9) return formatPowerOfTen(Math.round(k));
  return formatValue(v, 1);
}

// toLocaleString builds a new formatter on every call, which showed up in profiles of streamed
// runs; one shared formatter gives the same text.
const countFormat = new Intl.NumberFormat('en-US');

/** "12" → "12 values", 1 → "1 value". */
export function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${countFormat.format(n)} ${n === 1 ? singular : pluralForm}`;
}

/** A share as a percentage with sensible precision: "50 %", "1.2 %", "0.03 %". */
export function formatPercent(share: number): string {
  const p = share * 100;
  if (p === 0) return '0 %';
  if (p >= 10) return `${Math.round(p)} %`;
  return `${formatValue(p, 2)} %`;
}
