// Validation of user-settable parameters against their ParamSpec. Used by every boundary
// (CLI flags, URL keys, worker messages) so each one reports the same specific problem.

import type { ParamSpec, ParamValue, ParamValues } from './types';

export type ParseResult =
  | { ok: true; value: ParamValue }
  /** `fallback` is the nearest allowed value (clamped number or the default) for lenient callers. */
  | { ok: false; message: string; fallback: ParamValue };

/** Strict decimal number: no hex, no empty string, no trailing junk, finite. */
export function parseNumber(raw: unknown): number | null {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  if (typeof raw !== 'string') return null;
  const s = raw.trim();
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) return null;
  const v = Number(s);
  return Number.isFinite(v) ? v : null;
}

export function parseBoolean(raw: unknown): boolean | null {
  if (typeof raw === 'boolean') return raw;
  if (typeof raw !== 'string') return null;
  const s = raw.trim().toLowerCase();
  if (s === 'true' || s === '1' || s === 'yes' || s === 'on' || s === '') return true;
  if (s === 'false' || s === '0' || s === 'no' || s === 'off') return false;
  return null;
}

/** Shortens what a person typed so a message quoting it stays one readable line. */
export function quote(raw: unknown): string {
  const s = typeof raw === 'string' ? raw : String(raw);
  // Control and bidirectional-override characters would garble a one-line message.
  // eslint-disable-next-line no-control-regex
  const clean = s.replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '?');
  return clean.length > 40 ? `"${clean.slice(0, 37)}..."` : `"${clean}"`;
}

export function formatRange(min: number, max: number): string {
  return `${min}…${max}`;
}

export function parseParam(spec: ParamSpec, raw: unknown): ParseResult {
  switch (spec.kind) {
    case 'number': {
      const v = parseNumber(raw);
      if (v === null) {
        return {
          ok: false,
          message: `${quote(raw)} is not a number (allowed ${formatRange(spec.min, spec.max)})`,
          fallback: spec.default,
        };
      }
      if (v < spec.min || v > spec.max) {
        const clamped = Math.min(spec.max, Math.max(spec.min, v));
        return {
          ok: false,
          message: `${v} is outside ${formatRange(spec.min, spec.max)}`,
          fallback: clamped,
        };
      }
      // -0 would print as "0" but differ bitwise; normalize so encode(decode(x)) is stable.
      return { ok: true, value: v === 0 ? 0 : v };
    }
    case 'enum': {
      const s = typeof raw === 'string' ? raw.trim().toLowerCase() : '';
      const hit = spec.choices.find((c) => c === s);
      if (hit !== undefined) return { ok: true, value: hit };
      return {
        ok: false,
        message: `${quote(raw)} is not one of ${spec.choices.join(', ')}`,
        fallback: spec.default,
      };
    }
    case 'boolean': {
      const b = parseBoolean(raw);
      if (b !== null) return { ok: true, value: b };
      return { ok: false, message: `${quote(raw)} is not true or false`, fallback: spec.default };
    }
  }
}

export function defaultsOf(specs: readonly ParamSpec[]): ParamValues {
  const out: ParamValues = {};
  for (const s of specs) out[s.name] = s.default;
  return out;
}
