// Messages between the page and the phase worker, which solves the mean-field theory off the UI
// thread: the whole phase diagram of an activation, and the readout at one (σ_w², σ_b²). It is a
// separate worker from the simulation so a diagram being computed never delays, or is cancelled
// by, a simulation run.

import type { PhaseGrid } from '../core/phaseGrid';
import type { TheoryPoint } from '../core/theoryPoint';
import type { ParamValues } from '../core/types';

export type ToPhaseWorker =
  /** A newer grid request replaces one still in progress, which then gets no reply. */
  | { type: 'grid'; id: number; activation: string; activationParams: ParamValues }
  | { type: 'point'; id: number; activation: string; activationParams: ParamValues; sigmaW2: number; sigmaB2: number };

export type FromPhaseWorker =
  | { type: 'progress'; id: number; done: number; total: number }
  | { type: 'grid'; id: number; grid: PhaseGrid }
  | { type: 'point'; id: number; point: TheoryPoint }
  | { type: 'error'; id: number; message: string };
