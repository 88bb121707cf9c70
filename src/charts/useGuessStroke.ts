// Drawing a guess on the concealed signal chart (predict, then reveal): the stroke while the
// pointer is down, extended layer by layer (extendGuess), handed over when the pointer lifts.

import { useRef, useState } from 'react';
import type { PointerEvent } from 'react';
import { extendGuess, type GuessPoint } from './GuessPlot';
import { pointOf } from './signalSeries';

/**
 * The y-range a concealed chart offers to draw a guess on: twelve decades around the input's
 * second moment of 1, whatever the run did (its own range would give the answer away).
 */
export const GUESS_FRAME = { measured: [pointOf(1, 1e-6)], theory: [pointOf(1, 1e6)] };

/** The plot's inverse scales: a pointer position to a layer and a value. */
export interface PlotInverse {
  layerAt(x: number): number;
  valueAt(y: number): number;
}

/**
 * The stroke being drawn (null when none) and the pointer handlers of the area it is drawn on. The
 * handlers take the plot's scales when the area is drawn: the scales depend on the stroke.
 */
export function useGuessStroke() {
  const [stroke, setStroke] = useState<GuessPoint[] | null>(null);
  // Where the pointer was last, so a fast stroke fills the layers it jumped over.
  const lastPoint = useRef<GuessPoint | null>(null);
  const handlers = (plot: PlotInverse, onGuess: (guess: GuessPoint[]) => void) => {
    const pointAt = (e: PointerEvent<HTMLDivElement>): GuessPoint => {
      const rect = e.currentTarget.getBoundingClientRect();
      return { layer: plot.layerAt(e.clientX - rect.left), value: plot.valueAt(e.clientY - rect.top) };
    };
    return {
      onPointerDown: (e: PointerEvent<HTMLDivElement>) => {
        e.currentTarget.setPointerCapture(e.pointerId);
        const p = pointAt(e);
        lastPoint.current = p;
        setStroke([p]);
      },
      onPointerMove: (e: PointerEvent<HTMLDivElement>) => {
        if (stroke === null) return;
        const p = pointAt(e);
        setStroke(extendGuess(stroke, lastPoint.current, p));
        lastPoint.current = p;
      },
      onPointerUp: () => {
        if (stroke !== null) onGuess(stroke);
        setStroke(null);
        lastPoint.current = null;
      },
    };
  };
  return { stroke, handlers };
}
