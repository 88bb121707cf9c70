// The phase diagram connected to the phase worker: the grid of the activation shown (cached per
// activation by the worker's client, so switching back never recomputes), its progress meanwhile.

import { memo } from 'react';
import { PhaseDiagram, type PhaseDiagramProps } from '../../charts/PhaseDiagram';
import type { ParamValues } from '../../core/types';
import { usePhaseGrid } from './usePhaseGrid';

interface PhasePanelProps extends Omit<PhaseDiagramProps, 'state'> {
  activationParams: ParamValues;
}

/** Memoized: a run of the same activation and σ's (most runs) leaves the diagram untouched. */
export const PhasePanel = memo(function PhasePanel({
  activation,
  activationParams,
  current,
  onApply,
}: PhasePanelProps) {
  const state = usePhaseGrid(activation, activationParams);
  return <PhaseDiagram activation={activation} state={state} current={current} onApply={onApply} />;
});
