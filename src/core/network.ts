// The forward pass of a seeded random deep MLP, one layer at a time. Each layer's weights are
// generated from (seed, layer, block), used once and overwritten, so memory is O(N² + B·N)
// whatever the depth. A generator lets callers stream results and stop between layers (the
// worker yields to its event loop there, which is how a stale run gets cancelled).

import { getActivation, type ActivationFns, type ActivationSpec } from './activations';
import { fillWeights, lawMean, lawSecondMoment } from './distributions';
import { getInitializer, type InitializerSpec } from './initializers';
import { createKernel } from './kernels';
import { CorrelationTracker } from './layerCorrelation';
import type { MatmulKernel } from './kernels/types';
import { Stream } from './rng';
import { tensorStats, weightStats } from './stats';
import { meanFieldForward, type TheoryLayer } from './theory';
import type { LayerStats, LayerStatus, LayerTheory, SimConfig, WeightLaw } from './types';

export interface LayerResult {
  stats: LayerStats;
  /** Views into the engine's buffers, valid only until the generator resumes: copy what you keep. */
  pre: Float32Array;
  post: Float32Array;
}

interface Resolved {
  init: InitializerSpec;
  act: ActivationSpec;
  fns: ActivationFns;
}

function resolve(config: SimConfig): Resolved {
  const init = getInitializer(config.init);
  const act = getActivation(config.activation);
  if (!init) throw new Error(`unknown initializer ${config.init}`);
  if (!act) throw new Error(`unknown activation ${config.activation}`);
  return { init, act, fns: act.make(config.activationParams) };
}

export function fanInOf(config: SimConfig, layerIndex: number): number {
  return layerIndex === 0 ? config.inputDim : config.widths[layerIndex - 1]!;
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
function sigmaW2Of(law: WeightLaw, fanIn: number, fanOut: number): number | null {
  if (law.kind !== 'identity' && law.kind !== 'orthogonal' && lawMean(law, fanIn, fanOut) !== 0) return null;
  return fanIn * lawSecondMoment(law, fanIn, fanOut);
}

/** The per-layer mean-field prediction for a config (cheap: no sampling). */
export function theoryFor(config: SimConfig): LayerTheory[] {
  const { init, act } = resolve(config);
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
  return config.input === 'uniform' ? { kind: 'uniform', lo: -Math.sqrt(3), hi: Math.sqrt(3) } : { kind: 'normal', mean: 0, std: 1 };
}

function statusOf(pre: LayerStats['preactivation'], weightsZero: boolean, inputZero: boolean): LayerStatus {
  const nf = pre.nonFinite;
  if (nf.posInf + nf.negInf + nf.nan > 0) return 'overflow';
  if (pre.fractionZero === 1) return weightsZero || inputZero ? 'dead' : 'underflow';
  return 'ok';
}

export interface ForwardOptions {
  /** Fill LayerStats.correlation (needs batch ≥ 2; see layerCorrelation.ts for the cost). */
  correlations?: boolean;
}

export function* simulateLayers(
  config: SimConfig,
  kernel: MatmulKernel = createKernel(),
  options: ForwardOptions = {},
): Generator<LayerResult, void, void> {
  const { init, act, fns } = resolve(config);
  const theory = theoryFor(config);
  const B = config.batch;
  const maxDim = Math.max(config.inputDim, ...config.widths);
  kernel.ensure(B, maxDim, maxDim);

  fillWeights(inputLaw(config), config.seed, Stream.input, 0, B, config.inputDim, kernel.x());
  let inputZero = false;
  const correlations = options.correlations && B >= 2 ? new CorrelationTracker(act, config.activationParams, theory, kernel) : null;
  correlations?.input(kernel.x(), B, config.inputDim);

  for (let i = 0; i < config.widths.length; i++) {
    const K = fanInOf(config, i);
    const N = config.widths[i]!;
    const layer = i + 1;
    const law = init.weightLaw(K, N, config.initParams);
    fillWeights(law, config.seed, Stream.weights, layer, K, N, kernel.w());
    const biasLaw = biasLawOf(init, config, K, N);
    if (biasLaw) fillWeights(biasLaw, config.seed, Stream.bias, layer, 1, N, kernel.bias());

    const weights = weightStats(kernel.w(), K * N);
    kernel.run(B, K, N, biasLaw !== null);

    const n = B * N;
    const pre = kernel.out().subarray(0, n);
    const post = kernel.x().subarray(0, n);
    fns.apply(pre, post, n);

    const preStats = tensorStats(pre, n);
    const postStats = tensorStats(post, n);
    const weightsZero = weights.min === 0 && weights.max === 0 && (!biasLaw || lawSecondMoment(biasLaw, 1, N) === 0);
    const stats: LayerStats = {
      layer,
      fanIn: K,
      fanOut: N,
      status: statusOf(preStats, weightsZero, inputZero),
      weights,
      preactivation: preStats,
      activation: { ...postStats, fractionSaturated: act.bounded ? fns.countSaturated(pre, n) / n : 0 },
      theory: theory[i]!,
    };
    if (correlations) stats.correlation = correlations.layer(pre, B, N);
    inputZero = postStats.fractionZero === 1;
    yield { stats, pre, post };
  }
}

/** Runs the whole network and returns every layer's statistics. */
export function simulate(config: SimConfig, kernel?: MatmulKernel, options?: ForwardOptions): LayerStats[] {
  const out: LayerStats[] = [];
  for (const r of simulateLayers(config, kernel, options)) out.push(r.stats);
  return out;
}
