// What a number box accepts. A box commits only a valid value; anything else gets one
// specific sentence naming the control and the allowed range, and the store is left alone.

import { parseNumber } from '../../core/params';

export type NumberInputResult = { ok: true; value: number } | { ok: false; message: string };

export interface NumberRule {
  /** The control's visible label, used to start the message ("Depth must be …"). */
  label: string;
  min: number;
  max: number;
  /** Whole numbers only (depth, width, batch, seed). */
  integer: boolean;
}

function rangeText(rule: NumberRule): string {
  return `${rule.integer ? 'a whole number' : 'a number'} from ${rule.min} to ${rule.max}`;
}

export function parseNumberInput(text: string, rule: NumberRule): NumberInputResult {
  const v = parseNumber(text);
  if (v === null || (rule.integer && !Number.isInteger(v)) || v < rule.min || v > rule.max) {
    return { ok: false, message: `${rule.label} must be ${rangeText(rule)}` };
  }
  return { ok: true, value: v === 0 ? 0 : v };
}

/** One keyboard step from `value`, kept in range (used by ArrowUp/ArrowDown in the boxes). */
export function stepValue(value: number, delta: number, rule: NumberRule): number {
  const next = rule.integer ? Math.round(value + delta) : Number((value + delta).toPrecision(12));
  return Math.min(rule.max, Math.max(rule.min, next));
}

/** A sensible keyboard step for a real-valued parameter: about 1 % of its typical size. */
export function defaultStep(rule: NumberRule, current: number): number {
  if (rule.integer) return 1;
  const scale = Math.abs(current) > 0 ? Math.abs(current) : Math.min(1, rule.max - rule.min);
  return 10 ** Math.floor(Math.log10(scale) - 1);
}
