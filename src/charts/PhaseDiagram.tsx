// The order/chaos phase diagram of the chosen activation (Poole et al. 2016; Schoenholz et al.
// 2017): χ₁ over (σ_w², σ_b²), the critical line, and the current settings. The grid comes in as
// props (ui/panels/PhasePanel.tsx gets it from the phase worker); picking a point hands its σ_w²
// and σ_b² to `onApply`.

import { memo } from 'react';
import { getActivation } from '../core/activations';
import type { PhaseGrid } from '../core/phaseGrid';
import { PhaseLegend } from './PhaseLegend';
import { PhaseMap } from './PhaseMap';
import type { Size } from './useParentSize';
import { criticalLineText, gridValue } from './phaseText';
import './charts.css';
import './phaseDiagram.css';

/** Where the grid stands: computing (with progress 0…1), ready, or failed. */
export type PhaseGridState =
  | { status: 'computing'; progress: number }
  | { status: 'ready'; grid: PhaseGrid }
  | { status: 'error'; message: string };

export interface PhaseDiagramProps {
  activation: string;
  state: PhaseGridState;
  /** The settings the network runs with; null when the theory does not apply (e.g. ones). */
  current: { sigmaW2: number; sigmaB2: number } | null;
  onApply: (sigmaW2: number, sigmaB2: number) => void;
  /** A fixed size of the map (golden tests); otherwise it fills its container. */
  size?: Size;
}

/** Memoized: a run of the same activation and σ's (most runs) leaves the diagram untouched. */
export const PhaseDiagram = memo(function PhaseDiagram({
  activation,
  state,
  current,
  onApply,
  size,
}: PhaseDiagramProps) {
  const label = getActivation(activation)?.label ?? activation;
  const grid = state.status === 'ready' ? state.grid : null;
  const offChart =
    grid &&
    current &&
    (current.sigmaW2 > grid.sigmaW2.at(-1)! * 1.0125 || current.sigmaB2 > grid.sigmaB2.at(-1)! * 1.025)
      ? `The current settings (σ_w² = ${gridValue(current.sigmaW2)}, σ_b² = ${gridValue(current.sigmaB2)}) are off this chart; the marker sits at its edge.`
      : null;

  return (
    <figure
      className="chart phase-diagram"
      data-testid="phase-diagram"
      data-status={state.status}
      data-activation={activation}
    >
      <div className="chart-header">
        <h3 className="chart-title">Phase diagram: {label}</h3>
      </div>
      <p className="phase-intro">
        Colour is χ₁, the factor by which a small difference between two inputs — and a gradient — grows per layer at
        the fixed point. Click a point, or focus the diagram and press Enter, to use that σ_w² and σ_b².
      </p>
      {grid ? (
        <PhaseMap grid={grid} activationLabel={label} current={current} onApply={onApply} size={size} />
      ) : state.status === 'computing' ? (
        <div className="chart-plot phase-plot phase-computing" role="status">
          <p>Computing the phase diagram…</p>
          <progress max={1} value={state.progress} aria-label="Phase diagram progress" />
        </div>
      ) : (
        <p className="chart-empty" role="alert">
          The phase diagram could not be computed{state.status === 'error' ? `: ${state.message}` : '.'}
        </p>
      )}
      <PhaseLegend
        line={grid !== null && grid.critical.some((c) => c.sigmaW2 !== null)}
        hatching={grid !== null && grid.settles.includes(0)}
        marker={grid !== null && current !== null}
      />
      {grid && (
        <p className="chart-notes phase-notes">
          {criticalLineText(grid)}{' '}
          {current === null ? 'The theory does not apply to the current weights, so there is no marker.' : offChart}
        </p>
      )}
    </figure>
  );
});
