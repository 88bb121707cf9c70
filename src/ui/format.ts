// Compact, honest number formatting for tables, cards and the status line. Overflow and
// underflow are part of the lesson, so Inf and 0 are printed as such; a value that does not
// exist (no theory, NaN) becomes an em dash rather than "NaN".

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

/** A fraction 0…1 as a percentage with one decimal ("50.1 %"). */
export function formatPercent(fraction: number | null | undefined): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return '—';
  return `${(100 * fraction).toFixed(1)} %`;
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
