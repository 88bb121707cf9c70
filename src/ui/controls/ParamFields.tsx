// The parameters of the chosen initializer or activation, rendered from their ParamSpecs:
// numbers as number boxes (range-checked), enums as selects, booleans as checkboxes.

import { useState } from 'react';
import type { ParamSpec, ParamValue, ParamValues } from '../../core/types';
import { Field, HelpButton, helpId } from './Field';
import { NumberBox } from './NumberBox';

export interface ParamFieldsProps {
  /** Keeps ids unique when an initializer and an activation both have e.g. "alpha". */
  idPrefix: string;
  specs: readonly ParamSpec[];
  values: ParamValues;
  onChange: (name: string, value: ParamValue) => void;
}

export function ParamFields({ idPrefix, specs, values, onChange }: ParamFieldsProps) {
  if (specs.length === 0) return null;
  return (
    <div className="param-fields">
      {specs.map((spec) => (
        <ParamField
          key={spec.name}
          id={`${idPrefix}-${spec.name}`}
          spec={spec}
          value={values[spec.name] ?? spec.default}
          onChange={onChange}
        />
      ))}
    </div>
  );
}

interface ParamFieldProps {
  id: string;
  spec: ParamSpec;
  value: ParamValue;
  onChange: (name: string, value: ParamValue) => void;
}

function ParamField({ id, spec, value, onChange }: ParamFieldProps) {
  switch (spec.kind) {
    case 'number':
      return (
        <Field id={id} label={spec.label} help={spec.help}>
          <NumberBox
            id={id}
            value={typeof value === 'number' ? value : spec.default}
            rule={{ label: spec.label, min: spec.min, max: spec.max, integer: false }}
            onCommit={(v) => onChange(spec.name, v)}
            title={spec.help}
          />
        </Field>
      );
    case 'enum':
      return (
        <Field id={id} label={spec.label} help={spec.help}>
          <select
            id={id}
            value={String(value)}
            title={spec.help}
            aria-describedby={helpId(id)}
            onChange={(e) => onChange(spec.name, e.target.value)}
          >
            {spec.choices.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </Field>
      );
    case 'boolean':
      return <CheckboxField id={id} spec={spec} checked={value === true} onChange={(v) => onChange(spec.name, v)} />;
  }
}

interface CheckboxFieldProps {
  id: string;
  spec: Extract<ParamSpec, { kind: 'boolean' }>;
  checked: boolean;
  onChange: (value: boolean) => void;
}

/** A checkbox reads best with its label after it, so it lays out differently from Field. */
export function CheckboxField({ id, spec, checked, onChange }: CheckboxFieldProps) {
  const [open, setOpen] = useState(false);
  return (
    <div className="field">
      <div className="field-head">
        <label className="checkbox-label" htmlFor={id}>
          <input
            id={id}
            type="checkbox"
            checked={checked}
            title={spec.help}
            aria-describedby={helpId(id)}
            onChange={(e) => onChange(e.target.checked)}
          />
          {spec.label}
        </label>
        <HelpButton
          label={spec.label}
          help={spec.help}
          target={helpId(id)}
          open={open}
          onToggle={() => setOpen(!open)}
        />
      </div>
      <p id={helpId(id)} className="field-help" hidden={!open}>
        {spec.help}
      </p>
    </div>
  );
}
