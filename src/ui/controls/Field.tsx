// One labelled control: a visible <label>, a "?" that shows what the control does in plain
// words (also its hover title), and that text wired to the input via aria-describedby.

import { useState, type ReactNode } from 'react';

export interface FieldProps {
  /** id of the input the label names. */
  id: string;
  label: string;
  help: string;
  children: ReactNode;
  /** Extra content under the input (e.g. a note that the setting is ignored). */
  footer?: ReactNode;
}

export function helpId(id: string): string {
  return `${id}-help`;
}

export function errorId(id: string): string {
  return `${id}-error`;
}

export function Field({ id, label, help, children, footer }: FieldProps) {
  const [open, setOpen] = useState(false);
  return (
    <div className="field">
      <div className="field-head">
        <label htmlFor={id}>{label}</label>
        <HelpButton label={label} help={help} target={helpId(id)} open={open} onToggle={() => setOpen(!open)} />
      </div>
      {children}
      <p id={helpId(id)} className="field-help" hidden={!open}>
        {help}
      </p>
      {footer}
    </div>
  );
}

interface HelpButtonProps {
  label: string;
  help: string;
  target: string;
  open: boolean;
  onToggle: () => void;
}

export function HelpButton({ label, help, target, open, onToggle }: HelpButtonProps) {
  return (
    <button
      type="button"
      className="help-toggle"
      title={help}
      aria-label={`What ${label} does`}
      aria-expanded={open}
      aria-controls={target}
      onClick={onToggle}
    >
      ?
    </button>
  );
}
