// One run of a preset's own settings (its pins aside), with what its claims need: the backward
// pass for gradient claims, correlations for correlation claims; residual or normalized networks
// on their own engine, as the CLI runs them. The claims' tests, the preset
// table script and `simulate --preset` share it, so they hold the same numbers.

import { simulateArchitecture } from '../../core/architecture/run';
import { simulateWithGradients } from '../../core/backward';
import { simulate } from '../../core/network';
import { runRecord, type RunRecord } from '../../core/records';
import type { SimConfig } from '../../core/types';
import { decodeQuery } from '../url';
import { claimNeeds } from './claimValue';
import type { Preset } from './preset';

/** The preset's settings as the app opens them. */
export function presetConfig(preset: Preset): SimConfig {
  return decodeQuery(preset.query).config;
}

export function runPreset(preset: Preset, config: SimConfig = presetConfig(preset)): RunRecord {
  const needs = claimNeeds(preset.claims);
  const options = { correlations: needs.correlations };
  if (config.architecture) {
    const run = simulateArchitecture(config, { backward: needs.backward, ...options });
    return runRecord(config, run.layers, run.gradients, run);
  }
  const run = needs.backward
    ? simulateWithGradients(config, options)
    : { layers: simulate(config, undefined, options), gradients: [] };
  return runRecord(config, run.layers, run.gradients);
}
