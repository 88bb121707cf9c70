// The exported shape of the Jacobian's spectra: the CLI's `jacobian` array and the app's
// download. Field names are a public contract: layer, singularValues {mean, meanSquare, min, max,
// quantiles [5 %, 25 %, 50 %, 75 %, 95 %]}, theory {meanSquare}; relativeVariance (measured and
// free-probability) and the inputs pooled come with them.

import type { SimConfig } from '../types';
import { jacobianSpectra, type JacobianOptions, type JacobianStep } from './jacobian';
import { jacobianTheory, type JacobianTheory } from './jacobianTheory';
import { summarizeSpectrum, type SpectrumSummary } from './spectrumSummary';

export interface JacobianRecord {
  layer: number;
  /** The Jacobian at this layer is fanOut × fanIn (N_l × N_0). */
  fanIn: number;
  fanOut: number;
  /** How many inputs' Jacobians were pooled. */
  inputs: number;
  singularValues: SpectrumSummary;
  theory: { meanSquare: number | null; relativeVariance: number | null };
}

export function jacobianRecord(
  spectrum: Extract<JacobianStep, { kind: 'spectrum' }>,
  theory: JacobianTheory,
  inputs: number,
): JacobianRecord {
  return {
    layer: spectrum.layer,
    fanIn: spectrum.fanIn,
    fanOut: spectrum.fanOut,
    inputs,
    // Its own object with the fields in the contract's order (mean, meanSquare, min, max, quantiles).
    singularValues: summarizeSpectrum(spectrum.singularValues),
    theory: { meanSquare: theory.meanSquare, relativeVariance: theory.relativeVariance },
  };
}

/** Runs the Jacobian's products and returns one record per reported layer. */
export function jacobianRecords(config: SimConfig, options: JacobianOptions = {}): JacobianRecord[] {
  const spectra = jacobianSpectra(config, options);
  const theory = jacobianTheory(
    config,
    spectra.map((s) => s.layer),
  );
  return spectra.map((s, i) => jacobianRecord(s, theory[i]!, options.inputs ?? 1));
}
