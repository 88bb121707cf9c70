// Messages between the page and the spectra worker, which computes the input–output Jacobian's
// singular values (core/spectra/) off the UI thread. A worker of its own: a product chain of
// several seconds never delays, or is cancelled by, a simulation run.

import type { JacobianTheory } from '../core/spectra/jacobianTheory';
import type { SpectrumSummary } from '../core/spectra/spectrumSummary';
import type { SimConfig } from '../core/types';
import type { Parameterization, SweepPoint } from '../core/spectra/widthSweepSpec';

export type ToSpectraWorker =
  /** A newer request of the same type stops one still in progress, which then gets no more replies. */
  | { type: 'jacobian'; id: number; config: SimConfig }
  /** The width sweep (core/spectra/widthSweep.ts) of every parameterization for an activation. */
  | { type: 'sweep'; id: number; activation: string };

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

/** One layer's weight spectrum against the Marchenko–Pastur law (core/spectra/marchenkoPastur.ts). */
export interface WeightSpectrumMessage {
  layer: number;
  fanIn: number;
  fanOut: number;
  ratio: number;
  /** Eigenvalues of the normalized Gram matrix, ascending (transferred). */
  eigenvalues: Float64Array;
}

export type FromSpectraWorker =
  | { type: 'progress'; id: number; layer: number; depth: number }
  | ({ type: 'weights'; id: number } & WeightSpectrumMessage)
  | ({ type: 'spectrum'; id: number } & SpectrumMessage)
  | { type: 'sweepPoint'; id: number; parameterization: Parameterization; point: SweepPoint }
  | { type: 'done'; id: number }
  | { type: 'error'; id: number; message: string };
