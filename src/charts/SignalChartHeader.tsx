// The signal chart's title row: the x-axis switch for residual networks and the two curve toggles.

import { SegmentedControl } from './SegmentedControl';
import type { SignalUnit } from './streamSeries';

const UNIT_OPTIONS = [
  { value: 'block', label: 'per block', hint: 'The residual stream after each block' },
  { value: 'layer', label: 'per layer', hint: 'Every linear layer, inside the branches too' },
] as const;

export interface SignalChartHeaderProps {
  unit: SignalUnit;
  onUnit: ((unit: SignalUnit) => void) | null;
  showActivations: boolean;
  /** The stream (per block) has no separate activations: the box is disabled. */
  perBlock: boolean;
  gradientsChecked: boolean;
  onShowActivations: (on: boolean) => void;
  onShowGradients: (on: boolean) => void;
}

export function SignalChartHeader(props: SignalChartHeaderProps) {
  return (
    <div className="chart-header">
      <h2 className="chart-title">Signal through the layers</h2>
      {props.onUnit && (
        <SegmentedControl label="x axis" options={UNIT_OPTIONS} value={props.unit} onChange={props.onUnit} />
      )}
      <label
        className="chart-toggle"
        title={props.perBlock ? 'Per layer only: the stream has no separate activations' : undefined}
      >
        <input
          type="checkbox"
          checked={props.showActivations}
          disabled={props.perBlock}
          onChange={(e) => props.onShowActivations(e.currentTarget.checked)}
        />
        also show activations φ(h)
      </label>
      <label className="chart-toggle">
        <input
          type="checkbox"
          checked={props.gradientsChecked}
          onChange={(e) => props.onShowGradients(e.currentTarget.checked)}
        />
        show gradients
      </label>
    </div>
  );
}
