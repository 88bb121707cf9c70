// The training settings typed as numbers: the 2-D sets' label noise, the momentum μ, the gradient
// clipping and the data seed. Each is a link key (state/trainingUrl.ts) and uses the CLI's limits
// (TRAIN_LIMITS): a box commits only a valid value and otherwise names the allowed range under
// itself, as every number box does. A setting that does not apply to the current choice is shown
// disabled, with the reason as its description.

import { useId } from 'react';
import { TRAIN_LIMITS } from '../../core/training/trainConfig';
import { useApp } from '../../state/store';
import { setTraining, useTraining, type TrainingChoice } from '../../state/training';
import { helpId } from '../controls/Field';
import { NumberBox } from '../controls/NumberBox';
import type { NumberRule } from '../controls/numberInput';

type NumberKey = 'noise' | 'momentum' | 'clipNorm' | 'dataSeed';

const rule = (label: string, key: NumberKey): NumberRule => ({
  label,
  min: TRAIN_LIMITS[key].min,
  max: TRAIN_LIMITS[key].max,
  integer: TRAIN_LIMITS[key].whole,
});

interface NumberFieldSpec {
  key: NumberKey;
  label: string;
  help: string;
  /** Why the setting does nothing with this choice, or null. */
  inactive: (c: TrainingChoice) => string | null;
}

const TWO_D = new Set(['spiral', 'circles', 'xor', 'gaussians']);

const FIELDS: readonly NumberFieldSpec[] = [
  {
    key: 'noise',
    label: 'Noise',
    help: 'Label noise of the 2-D data sets, 0 to 0.5, as in the TensorFlow Playground.',
    inactive: (c) => (TWO_D.has(c.dataset) ? null : 'Applies only to the 2-D data sets.'),
  },
  {
    key: 'momentum',
    label: 'Momentum',
    help: 'μ of SGD with momentum, 0 to 0.999 (PyTorch’s form: buf = μ·buf + g).',
    inactive: (c) => (c.optimizer === 'momentum' ? null : 'Applies only to SGD + momentum.'),
  },
  {
    key: 'clipNorm',
    label: 'Clip norm',
    help: 'Clips the global gradient norm to this value before each step (PyTorch’s clip_grad_norm_); 0 turns clipping off.',
    inactive: () => null,
  },
  {
    key: 'dataSeed',
    label: 'Data seed',
    help: 'Seed of the data set and of the minibatch order; by default the network’s seed. Pinned configurations share it.',
    inactive: () => null,
  },
];

function TrainingNumberField({ spec, value }: { spec: NumberFieldSpec; value: number }) {
  const id = useId();
  const inactive = useTraining((s) => spec.inactive(s.choice));
  return (
    <div className="training-field">
      <label htmlFor={id}>{spec.label}</label>
      <NumberBox
        id={id}
        rule={rule(spec.label, spec.key)}
        value={value}
        title={inactive ?? spec.help}
        disabled={inactive !== null}
        onCommit={(v) => setTraining({ [spec.key]: v })}
      />
      <p id={helpId(id)} className="visually-hidden">
        {inactive ?? spec.help}
      </p>
    </div>
  );
}

export function TrainingNumberFields() {
  const c = useTraining((s) => s.choice);
  const seed = useApp((s) => s.config.seed);
  const values: Record<NumberKey, number> = {
    noise: c.noise,
    momentum: c.momentum,
    clipNorm: c.clipNorm,
    dataSeed: c.dataSeed ?? seed,
  };
  return (
    <>
      {FIELDS.map((spec) => (
        <TrainingNumberField key={spec.key} spec={spec} value={values[spec.key]} />
      ))}
    </>
  );
}
