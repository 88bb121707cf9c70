// Predict, then reveal: the curve a viewer drew as their guess, on the signal chart's scales. Kept
// in values (layer, second moment), so after the reveal it lies on the real axes where it was meant.

import { memo } from 'react';
import type { SignalLayout } from './useSignalGeometry';

export interface GuessPoint {
  layer: number;
  value: number;
}

export const GuessPlot = memo(function GuessPlot({
  guess,
  layout,
}: {
  guess: readonly GuessPoint[];
  layout: SignalLayout;
}) {
  if (guess.length === 0) return null;
  const d = guess
    .map((p, i) => `${i === 0 ? 'M' : 'L'}${layout.x(p.layer).toFixed(1)},${layout.y(p.value).toFixed(1)}`)
    .join('');
  return <path className="series-line series-guess" d={guess.length === 1 ? `${d}h0.1` : d} data-testid="guess-line" />;
});

export function GuessLegend() {
  return (
    <li className="legend-guess">
      <svg className="legend-swatch" width={30} height={14} viewBox="0 0 30 14" aria-hidden="true">
        <line className="series-line series-guess" x1={0} x2={30} y1={7} y2={7} />
      </svg>
      your guess
    </li>
  );
}

/**
 * The stroke so far with the pointer moved from `previous` to `next`: one point per layer, the
 * layers the pointer skipped filled in along a straight line in log value, a layer passed again
 * redrawn. Sorted by layer.
 */
export function extendGuess(
  stroke: readonly GuessPoint[],
  previous: GuessPoint | null,
  next: GuessPoint,
): GuessPoint[] {
  const byLayer = new Map(stroke.map((p) => [p.layer, p.value]));
  if (previous && Math.abs(next.layer - previous.layer) > 1) {
    const step = next.layer > previous.layer ? 1 : -1;
    const span = next.layer - previous.layer;
    for (let l = previous.layer + step; l !== next.layer; l += step) {
      const t = (l - previous.layer) / span;
      byLayer.set(l, Math.exp((1 - t) * Math.log(previous.value) + t * Math.log(next.value)));
    }
  }
  byLayer.set(next.layer, next.value);
  return [...byLayer].map(([layer, value]) => ({ layer, value })).sort((a, b) => a.layer - b.layer);
}
