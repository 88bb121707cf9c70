// A small group of mutually exclusive buttons ("Ridgeline | Heatmap"). Native radio inputs give
// keyboard behaviour (arrow keys) and screen-reader semantics for free; CSS makes them look like
// one segmented button.

import { useId } from 'react';
import './segmented.css';

interface SegmentedControlProps<T extends string> {
  /** Visible label of the group ("Style", "x range"). */
  label: string;
  options: readonly { value: T; label: string; hint?: string }[];
  value: T;
  onChange: (value: T) => void;
}

export function SegmentedControl<T extends string>({ label, options, value, onChange }: SegmentedControlProps<T>) {
  const name = useId();
  return (
    <fieldset className="segmented">
      <legend className="segmented-label">{label}</legend>
      <div className="segmented-options">
        {options.map((o) => (
          <label key={o.value} className="segmented-option" title={o.hint}>
            <input
              type="radio"
              name={name}
              value={o.value}
              checked={o.value === value}
              onChange={() => onChange(o.value)}
            />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
