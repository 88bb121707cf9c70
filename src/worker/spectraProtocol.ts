// Messages between the page and the spectra worker, which computes the input–output Jacobian's
// singular values (core/spectra/) off the UI thread. A worker of its own: a product chain of
// several seconds never delays, or is cancelled by, a simulation run.

import type { JacobianTheory } from '../core/spectra/jacobianTheory';
import type { SpectrumSummary } from '../core/spectra/spectrumSummary';
import type { SimConfig } from '../core/types';

export type ToSpectraWorker =
  /** A newer request stops one still in progress, which then gets no more replies. */
  { type: 'jacobian'; id: number; config: SimConfig };

export interface SpectrumMessage {
  layer: number;
  fanIn: number;
  fanOut: number;
  /** Ascending singular values (transferred); empty when the product overflowed. */
  values: Float64Array;
  finite: boolean;
  summary: SpectrumSummary;
  theory: JacobianTheory;
}

export type FromSpectraWorker =
  | { type: 'progress'; id: number; layer: number; depth: number }
  | ({ type: 'spectrum'; id: number } & SpectrumMessage)
  | { type: 'done'; id: number }
  | { type: 'error'; id: number; message: string };
