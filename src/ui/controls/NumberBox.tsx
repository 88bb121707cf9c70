// A text box for one number that commits on Enter or blur. Invalid input keeps what was typed,
// shows a specific message under the box and is not applied; Escape puts the current value
// back. Arrow keys step by `step`, PageUp/PageDown by ten steps, each step applied at once.

import { useState, type KeyboardEvent } from 'react';
import { errorId, helpId } from './Field';
import { defaultStep, parseNumberInput, stepValue, type NumberRule } from './numberInput';

export interface NumberBoxProps {
  id: string;
  value: number;
  rule: NumberRule;
  onCommit: (value: number) => void;
  step?: number;
  /** Hover text; the Field's help. */
  title?: string;
  /** Overrides the accessible name when the box has no <label> of its own. */
  ariaLabel?: string;
  disabled?: boolean;
}

export function NumberBox({ id, value, rule, onCommit, step, title, ariaLabel, disabled }: NumberBoxProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // A new value from elsewhere (slider, link, preset) replaces a stale draft or message.
  const [shownValue, setShownValue] = useState(value);
  if (shownValue !== value) {
    setShownValue(value);
    setDraft(null);
    setError(null);
  }

  const text = draft ?? String(value);

  function commit(): void {
    if (draft === null) return;
    const parsed = parseNumberInput(draft, rule);
    if (!parsed.ok) {
      setError(parsed.message);
      return;
    }
    setDraft(null);
    setError(null);
    if (parsed.value !== value) onCommit(parsed.value);
  }

  function stepBy(steps: number): void {
    const parsed = parseNumberInput(text, rule);
    const base = parsed.ok ? parsed.value : value;
    const next = stepValue(base, steps * (step ?? defaultStep(rule, base)), rule);
    setDraft(null);
    setError(null);
    if (next !== value) onCommit(next);
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>): void {
    const steps: Record<string, number> = { ArrowUp: 1, ArrowDown: -1, PageUp: 10, PageDown: -10 };
    if (e.key === 'Enter') {
      commit();
    } else if (e.key === 'Escape') {
      setDraft(null);
      setError(null);
    } else if (e.key in steps) {
      e.preventDefault();
      stepBy(steps[e.key]!);
    }
  }

  const describedBy = error ? `${errorId(id)} ${helpId(id)}` : helpId(id);
  return (
    <>
      <input
        id={id}
        className="number-box"
        type="text"
        inputMode={rule.integer ? 'numeric' : 'decimal'}
        autoComplete="off"
        spellCheck={false}
        value={text}
        title={title}
        aria-label={ariaLabel}
        aria-invalid={error !== null}
        aria-describedby={describedBy}
        disabled={disabled}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={onKeyDown}
      />
      {error && (
        <p id={errorId(id)} className="field-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
