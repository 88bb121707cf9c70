// A range input over a SteppedScale. The thumb moves through scale positions (fine steps at
// the low end, coarse ones above), while the keyboard works in values: arrows ±1,
// PageUp/PageDown ±10, Home/End to the ends — what a person expects of "depth" or "width".

import type { KeyboardEvent } from 'react';
import { maxPosition, positionOf, valueAt, type SteppedScale } from './sliderScale';

export interface SteppedSliderProps {
  scale: SteppedScale;
  value: number;
  max: number;
  onChange: (value: number) => void;
  ariaLabel: string;
  /** Read out instead of the raw position, e.g. "30 layers". */
  valueText: string;
  title?: string;
  describedBy?: string;
}

const KEY_STEPS: Record<string, number> = {
  ArrowUp: 1,
  ArrowRight: 1,
  ArrowDown: -1,
  ArrowLeft: -1,
  PageUp: 10,
  PageDown: -10,
};

export function SteppedSlider({
  scale,
  value,
  max,
  onChange,
  ariaLabel,
  valueText,
  title,
  describedBy,
}: SteppedSliderProps) {
  function onKeyDown(e: KeyboardEvent<HTMLInputElement>): void {
    let next: number | null = null;
    if (e.key in KEY_STEPS) next = value + KEY_STEPS[e.key]!;
    else if (e.key === 'Home') next = scale.min;
    else if (e.key === 'End') next = max;
    if (next === null) return;
    e.preventDefault();
    next = Math.min(max, Math.max(scale.min, next));
    if (next !== value) onChange(next);
  }

  return (
    <input
      type="range"
      className="slider"
      min={0}
      max={maxPosition(scale)}
      step={1}
      value={positionOf(scale, value)}
      aria-label={ariaLabel}
      aria-valuetext={valueText}
      aria-describedby={describedBy}
      title={title}
      onKeyDown={onKeyDown}
      onChange={(e) => {
        const next = valueAt(scale, Number(e.target.value));
        if (next !== value) onChange(next);
      }}
    />
  );
}
