// The verdict on the backward pass. Gradients travel from layer L down to layer 1, so the series is
// judged in that order: the fit (verdict.ts's, over the last half of the way) then sees the layers
// nearest the input, and its factor is the change per layer going backward — ×0.50 means each step
// toward the input halves E[δ²].

import { formatFactor, formatValue } from './format';
import { judgeSignal, type FitWindow, type Verdict } from './verdict';
import type { LayerStatus } from '../core/types';

export interface GradientInput {
  value: number | null;
  status: LayerStatus;
}

/**
 * `gradients[i]` is layer i + 1; missing entries (not received yet) end the series, since the
 * pass arrives from the top down. Null when not even the top layer has arrived. `window` as in
 * verdict.ts: 'all' when the widths change along the network.
 */
export function gradientVerdict(
  gradients: readonly (GradientInput | undefined)[],
  window: FitWindow = 'tail',
): Verdict | null {
  const top = gradients.length;
  const values: (number | null)[] = [];
  const statuses: LayerStatus[] = [];
  for (let i = top - 1; i >= 0; i--) {
    const g = gradients[i];
    if (!g) break;
    values.push(g.value);
    statuses.push(g.status);
  }
  if (values.length === 0) return null;
  const v = judgeSignal(values, statuses, window);
  // judgeSignal counts from the start of what it was given, here the top layer.
  const layer = v.firstBadLayer !== undefined ? top - v.firstBadLayer + 1 : undefined;
  const per = v.factor !== null ? `${formatFactor(v.factor)} per layer` : '';
  switch (v.kind) {
    case 'vanishing':
      return { ...v, text: `vanishing toward the input ${per}` };
    case 'exploding':
      return { ...v, text: `growing toward the input ${per}` };
    case 'stable':
      return { ...v, text: `stable ${per} toward the input` };
    case 'overflow':
      return { ...v, firstBadLayer: layer, text: `overflow to Inf at layer ${layer}` };
    case 'underflow':
      return { ...v, firstBadLayer: layer, text: `underflow to 0 at layer ${layer}` };
    case 'dead':
      return {
        ...v,
        firstBadLayer: layer,
        text: layer === top ? 'every gradient is 0' : `every gradient is 0 from layer ${layer} down`,
      };
    default:
      return v;
  }
}

/** The screen-reader sentence: where the gradient starts (the top), where it ends, and the verdict. */
export function describeGradients(gradients: readonly (GradientInput | undefined)[], verdict: Verdict): string {
  const top = gradients.length;
  const finite = (g: GradientInput | undefined) =>
    g !== undefined && g.value !== null && Number.isFinite(g.value) && g.value > 0;
  let low = top;
  while (low > 1 && gradients[low - 2] !== undefined) low--;
  const start = gradients[top - 1];
  const end = gradients[low - 1];
  const from = finite(start) ? ` goes from ${formatValue(start!.value!)} at layer ${top}` : '';
  const to = from && finite(end) && low !== top ? ` to ${formatValue(end!.value!)} at layer ${low}` : '';
  return `Back-propagated gradient second moment E[δ²]${from}${to}: ${verdict.text}.`;
}
