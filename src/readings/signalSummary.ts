// Plain-language summaries of a per-layer series, for the visually hidden text next to a chart:
// a screen reader hears what a sighted person reads off the curve.

import { formatFactor, formatValue } from './format';
import type { Verdict } from './verdict';

function lastFinitePositive(
  values: readonly (number | null)[],
  before: number,
): { layer: number; value: number } | null {
  for (let i = Math.min(before, values.length) - 1; i >= 0; i--) {
    const v = values[i];
    if (v !== null && v !== undefined && Number.isFinite(v) && v > 0) return { layer: i + 1, value: v };
  }
  return null;
}

function firstFinitePositive(values: readonly (number | null)[]): { layer: number; value: number } | null {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== null && v !== undefined && Number.isFinite(v) && v > 0) return { layer: i + 1, value: v };
  }
  return null;
}

const layersText = (n: number): string => `${n} ${n === 1 ? 'layer' : 'layers'}`;

/**
 * e.g. "Pre-activation second moment falls from 2.0 to 1.8e-15 over 50 layers, ×0.50 per layer."
 * `subject` names the series ("Pre-activation second moment", "Mean-field theory").
 */
export function describeSeries(subject: string, values: readonly (number | null)[], verdict: Verdict): string {
  if (verdict.kind === 'dead' && verdict.firstBadLayer === 1)
    return `${subject}: every pre-activation is 0 from layer 1 on.`;
  const first = firstFinitePositive(values);
  const stop = verdict.firstBadLayer !== undefined ? verdict.firstBadLayer - 1 : values.length;
  const last = lastFinitePositive(values, stop);
  if (!first || !last) {
    if (verdict.firstBadLayer !== undefined) return `${subject}: ${verdict.text}.`;
    return `${subject}: no finite values yet.`;
  }
  const direction = last.value > first.value ? 'rises' : last.value < first.value ? 'falls' : 'stays';
  const span =
    direction === 'stays'
      ? `${subject} stays at ${formatValue(first.value)}`
      : `${subject} ${direction} from ${formatValue(first.value)} to ${formatValue(last.value)}`;
  const factor = verdict.factor !== null ? `, ${formatFactor(verdict.factor)} per layer` : '';
  switch (verdict.kind) {
    case 'overflow':
    case 'underflow':
    case 'dead':
      return `${span} by layer ${last.layer}${factor}, then ${verdict.text}.`;
    case 'too-shallow':
      return `${span} over ${layersText(values.length)}; ${verdict.text}.`;
    default:
      return `${span} over ${layersText(values.length)}${factor} (${verdict.kind}).`;
  }
}
