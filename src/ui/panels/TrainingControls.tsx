// The training settings: the data set, the optimizer and its learning rate, the steps and the
// minibatch, the noise, momentum, clipping and data seed (TrainingNumberFields), and the layer the
// heatmap shows. Each is a key of the link (state/trainingUrl.ts).

import { useId } from 'react';
import { DATASETS, OPTIMIZERS, type DatasetId, type OptimizerId } from '../../core/training/types';
import { setTraining, useTraining } from '../../state/training';
import { TrainingNumberFields } from './TrainingNumberFields';

const DATASET_LABELS: Record<DatasetId, string> = {
  spiral: 'Spiral (2-D)',
  circles: 'Circles (2-D)',
  xor: 'XOR (2-D)',
  gaussians: 'Two Gaussians (2-D)',
  mnist1d: 'MNIST-1D (40 inputs, 10 classes)',
  teacher: 'Teacher–student regression',
};
const OPTIMIZER_LABELS: Record<OptimizerId, string> = { sgd: 'SGD', momentum: 'SGD + momentum', adam: 'Adam' };
const STEP_CHOICES = [100, 300, 1000, 3000, 10000];
const LR_CHOICES = [1e-4, 3e-4, 1e-3, 3e-3, 0.01, 0.03, 0.1, 0.3, 1];
const BATCH_CHOICES = [16, 32, 64, 128, 256];

/** The choices, with the current value added where a link set one that is not among them. */
function withCurrent(choices: number[], current: number): [string, string][] {
  const all = choices.includes(current) ? choices : [...choices, current].sort((a, b) => a - b);
  return all.map((v) => [String(v), String(v)]);
}

interface SelectFieldProps {
  label: string;
  value: string;
  options: readonly (readonly [value: string, text: string])[];
  onChange: (value: string) => void;
}

function SelectField({ label, value, options, onChange }: SelectFieldProps) {
  const id = useId();
  return (
    <div className="training-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

export function TrainingControls({ depth }: { depth: number }) {
  const c = useTraining((s) => s.choice);
  const id = useId();
  return (
    <div className="training-controls">
      <SelectField
        label="Data"
        value={c.dataset}
        options={DATASETS.map((d) => [d, DATASET_LABELS[d]])}
        onChange={(v) => setTraining({ dataset: v as DatasetId })}
      />
      <SelectField
        label="Optimizer"
        value={c.optimizer}
        options={OPTIMIZERS.map((o) => [o, OPTIMIZER_LABELS[o]])}
        onChange={(v) => setTraining({ optimizer: v as OptimizerId })}
      />
      <SelectField
        label="Learning rate"
        value={String(c.lr)}
        options={withCurrent(LR_CHOICES, c.lr)}
        onChange={(v) => setTraining({ lr: Number(v) })}
      />
      <SelectField
        label="Steps"
        value={String(c.steps)}
        options={withCurrent(STEP_CHOICES, c.steps)}
        onChange={(v) => setTraining({ steps: Number(v) })}
      />
      <SelectField
        label="Minibatch"
        value={String(c.batchSize)}
        options={withCurrent(BATCH_CHOICES, c.batchSize)}
        onChange={(v) => setTraining({ batchSize: Number(v) })}
      />
      <TrainingNumberFields />
      <div className="training-field">
        <label htmlFor={id}>Heatmap layer</label>
        <input
          id={id}
          type="number"
          min={1}
          max={depth}
          value={Math.min(c.heatmapLayer, depth)}
          onChange={(e) => {
            const v = Math.round(Number(e.target.value));
            if (v >= 1 && v <= depth) setTraining({ heatmapLayer: v });
          }}
        />
      </div>
    </div>
  );
}
