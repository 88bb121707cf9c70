// Reading parameters defensively and printing numbers. Callers validate and default `p` already;
// anything missing, mistyped or out of range here still falls back to the declared default, so a
// table entry never throws.

import type { ParamSpec, ParamValues } from '../types';

export type NumberParam = Extract<ParamSpec, { kind: 'number' }>;
export type EnumParam = Extract<ParamSpec, { kind: 'enum' }>;
export type BooleanParam = Extract<ParamSpec, { kind: 'boolean' }>;

export function readNumber(p: ParamValues, spec: NumberParam): number {
  const v = p[spec.name];
  return typeof v === 'number' && v >= spec.min && v <= spec.max ? v : spec.default;
}

/** The canonical (lower-case) choice; the match itself is case-insensitive. */
export function readEnum(p: ParamValues, spec: EnumParam): string {
  const v = p[spec.name];
  if (typeof v !== 'string') return spec.default;
  const lower = v.trim().toLowerCase();
  return spec.choices.find((choice) => choice === lower) ?? spec.default;
}

export function readBoolean(p: ParamValues, spec: BooleanParam): boolean {
  const v = p[spec.name];
  return typeof v === 'boolean' ? v : spec.default;
}

/** Four significant digits, without trailing zeros: enough to check a rule by hand. */
export function fmt(x: number): string {
  if (x === 0 || !Number.isFinite(x)) return String(x);
  return String(Number(x.toPrecision(4)));
}

/** A Python float literal: 2 → "2.0", 0.05 → "0.05". */
export function pyFloat(x: number): string {
  return Number.isInteger(x) ? x.toFixed(1) : String(x);
}
