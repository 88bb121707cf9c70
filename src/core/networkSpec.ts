// What a SimConfig means layer by layer — fan-ins, weight and bias laws, the input law, the
// mean-field prediction — shared by the single-threaded forward pass (network.ts) and the team
// members of the parallel one (parallel/forwardMember.ts). No sampling happens here.

import { getActivation, type ActivationFns, type ActivationSpec } from './activations';
import { lawMean, lawSecondMoment } from './distributions';
import { getInitializer, type InitializerSpec } from './initializers';
import { meanFieldForward, type TheoryLayer } from './theory';
import { lsuvSigmaW2 } from './theory/lsuvTheory';
import type { LayerStats, LayerStatus, LayerTheory, SimConfig, WeightLaw } from './types';

export interface LayerResult {
  stats: LayerStats;
  /** Views into the engine's buffers, valid only until the generator resumes: copy what you keep. */
  pre: Float32Array;
  post: Float32Array;
}

export interface ForwardOptions {
  /**
   * Fill LayerStats.correlation (needs batch ≥ 2; see layerCorrelation.ts for the cost).
   * 'measured' measures it but leaves its theory null: the theory's 2-D quadratures are the
   * expensive part, and the verdict on input information needs only the measurement.
   */
  correlations?: boolean | 'measured';
}

export interface ResolvedNetwork {
  init: InitializerSpec;
  act: ActivationSpec;
  fns: ActivationFns;
}

export function resolveNetwork(config: SimConfig): ResolvedNetwork {
  const init = getInitializer(config.init);
  const act = getActivation(config.activation);
  if (!init) throw new Error(`unknown initializer ${config.init}`);
  if (!act) throw new Error(`unknown activation ${config.activation}`);
  return { init, act, fns: act.make(config.activationParams) };
}

export function fanInOf(config: SimConfig, layerIndex: number): number {
  return layerIndex === 0 ? config.inputDim : config.widths[layerIndex - 1]!;
}

/** The largest fan-in or width: every buffer of the forward pass is sized by it. */
export function maxDimOf(config: SimConfig): number {
  return Math.max(config.inputDim, ...config.widths);
}

/** Exact law of the bias of a layer, or null when the layer has no bias. */
export function biasLawOf(init: InitializerSpec, config: SimConfig, fanIn: number, fanOut: number): WeightLaw | null {
  if (init.biasLaw) return init.biasLaw(fanIn, fanOut, config.initParams);
  return config.biasStd > 0 ? { kind: 'normal', mean: 0, std: config.biasStd } : null;
}

/**
 * Mean-field theory needs weights whose entries average to zero around the unit being
 * predicted. Identity and orthogonal matrices are deterministic or structured but still give
 * E[h_j²] = σ_w²·E[φ²]; weights with a common non-zero mean (ones) make all units move
 * together, which the length map does not describe.
 */
export function sigmaW2Of(law: WeightLaw, fanIn: number, fanOut: number): number | null {
  if (law.kind !== 'identity' && law.kind !== 'orthogonal' && lawMean(law, fanIn, fanOut) !== 0) return null;
  return fanIn * lawSecondMoment(law, fanIn, fanOut);
}

/** The per-layer mean-field prediction for a config (cheap: no sampling). */
export function theoryFor(config: SimConfig): LayerTheory[] {
  const { init, act } = resolveNetwork(config);
  if (init.dataDependent) {
    // LSUV: each layer's σ_w² is the one that gives q^l = 1 (theory/lsuvTheory.ts).
    const sigmaB2 = config.biasStd * config.biasStd;
    const sigmaW2 = lsuvSigmaW2(act, config.activationParams, config.widths.length, sigmaB2);
    return meanFieldForward(
      act,
      config.activationParams,
      sigmaW2.map((w) => ({ sigmaW2: w, sigmaB2 })),
      1,
    );
  }
  const layers: TheoryLayer[] = config.widths.map((fanOut, i) => {
    const fanIn = fanInOf(config, i);
    const bias = biasLawOf(init, config, fanIn, fanOut);
    return {
      sigmaW2: sigmaW2Of(init.weightLaw(fanIn, fanOut, config.initParams), fanIn, fanOut),
      sigmaB2: bias ? lawSecondMoment(bias, 1, fanOut) : 0,
    };
  });
  return meanFieldForward(act, config.activationParams, layers, 1);
}

export function inputLaw(config: SimConfig): WeightLaw {
  // Both inputs have unit variance so E[x²] = 1 enters the theory's first layer.
  return config.input === 'uniform'
    ? { kind: 'uniform', lo: -Math.sqrt(3), hi: Math.sqrt(3) }
    : { kind: 'normal', mean: 0, std: 1 };
}

export function layerStatusOf(pre: LayerStats['preactivation'], weightsZero: boolean, inputZero: boolean): LayerStatus {
  const nf = pre.nonFinite;
  if (nf.posInf + nf.negInf + nf.nan > 0) return 'overflow';
  if (pre.fractionZero === 1) return weightsZero || inputZero ? 'dead' : 'underflow';
  return 'ok';
}
