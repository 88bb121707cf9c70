// A labelled number box: the common case of Field + NumberBox.

import type { ReactNode } from 'react';
import { Field } from './Field';
import { NumberBox } from './NumberBox';
import type { NumberRule } from './numberInput';

export interface NumberFieldProps {
  id: string;
  help: string;
  value: number;
  rule: NumberRule;
  onCommit: (value: number) => void;
  step?: number;
  disabled?: boolean;
  footer?: ReactNode;
}

export function NumberField({ id, help, value, rule, onCommit, step, disabled, footer }: NumberFieldProps) {
  return (
    <Field id={id} label={rule.label} help={help} footer={footer}>
      <NumberBox id={id} value={value} rule={rule} onCommit={onCommit} step={step} title={help} disabled={disabled} />
    </Field>
  );
}
