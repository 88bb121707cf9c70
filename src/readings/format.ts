// Every number the page, the exports and the CLI print, in one place. The values span hundreds
// of decades (1e-90 after an underflow, 1e76 just before an overflow), so anything far from 1 is
// written in short exponent form. Two precisions, on purpose: chart labels, tooltips and
// sentences take two significant digits (formatValue: "2.0", "1.8e−15"), tables and cards four
// (formatNumber: "1.235", "1.235e-4", ASCII minus so a copied cell pastes as a number). Overflow
// and underflow are part of the lesson, so Inf and 0 are printed as such; a value that does not
// exist (no theory, NaN) is an em dash in tables, never "NaN".

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
 * A signed number with fixed decimals and a true minus sign: "−0.50", "0.02". The sign is the
 * rounded value's, so −0.001 reads "0.00", never "−0.00" (a slope that rounds to zero has no sign).
 */
export function formatFixedSigned(v: number, decimals = 2): string {
  if (!Number.isFinite(v)) return formatValue(v);
  const text = Math.abs(v).toFixed(decimals);
  return v < 0 && Number(text) !== 0 ? `−${text}` : text;
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

/**
 * A share 0…1 as a percentage, the same in sentences, legends and table cells: one decimal from
 * 0.1 % up ("50.3 %", "1.2 %", "100.0 %"), so that ReLU's "50.3 % exactly 0" does not read as an
 * even half; two significant digits below ("0.049 %"), so a small share never reads "0.0 %";
 * exactly nothing is "0 %", and a share that does not exist "—".
 */
export function formatPercent(share: number | null | undefined): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '—';
  const p = share * 100;
  if (p === 0) return '0 %';
  if (Math.abs(p) >= 0.1) return `${p.toFixed(1)} %`;
  return `${formatValue(p, 2)} %`;
}

/** Four significant digits; exponent form outside [0.001, 10000). */
export function formatNumber(v: number | null | undefined, digits = 4): string {
  if (v === null || v === undefined || Number.isNaN(v)) return '—';
  if (v === Infinity) return 'Inf';
  if (v === -Infinity) return '-Inf';
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e4 || a < 1e-3) return trimExponent(v.toExponential(digits - 1));
  return trimZeros(v.toPrecision(digits));
}

function trimZeros(s: string): string {
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

function trimExponent(s: string): string {
  const [mantissa = s, exponent = ''] = s.split('e');
  return `${trimZeros(mantissa)}e${exponent.replace('+', '')}`;
}

/** Large counts with a unit suffix: 950, 12.8 k, 12.8 M, 1.1 G. */
export function formatCount(n: number): string {
  const a = Math.abs(n);
  if (a < 1e3) return String(Math.round(n));
  const [scale, unit] = a < 1e6 ? [1e3, 'k'] : a < 1e9 ? [1e6, 'M'] : [1e9, 'G'];
  const scaled = n / scale;
  return `${trimZeros(scaled.toFixed(Math.abs(scaled) < 100 ? 1 : 0))} ${unit}`;
}

/** Milliseconds as "84 ms" or "1.24 s". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${trimZeros((ms / 1000).toFixed(2))} s`;
}
