// Shared vocabulary of the engine. Everything here is plain data so it crosses a worker boundary
// by structured clone and serializes to JSON for the CLI.

import type { Architecture } from './architecture/spec';
import type { LsuvLayer } from './lsuvConstants';

/** A user-settable parameter of an initializer or an activation. */
export type ParamSpec =
  | {
      kind: 'number';
      name: string;
      label: string;
      default: number;
      min: number;
      max: number;
      help: string;
    }
  | {
      kind: 'enum';
      name: string;
      label: string;
      default: string;
      /** Allowed values, lower-case canonical spelling. Matching is case-insensitive. */
      choices: readonly string[];
      help: string;
    }
  | { kind: 'boolean'; name: string; label: string; default: boolean; help: string };

export type ParamValue = number | string | boolean;
export type ParamValues = Record<string, ParamValue>;

/**
 * The exact law of one weight (or bias) entry. `realizedVariance` of this law is what the
 * mean-field theory uses, so truncation and its (missing) correction come out right.
 */
export type WeightLaw =
  | { kind: 'normal'; mean: number; std: number }
  /** N(mean, std²) restricted to [mean − bound, mean + bound] by redrawing (no rescaling). */
  | { kind: 'truncated_normal'; mean: number; std: number; bound: number }
  | { kind: 'uniform'; lo: number; hi: number }
  | { kind: 'constant'; value: number }
  /** Haar-orthogonal (fanIn × fanOut) matrix times gain: orthonormal columns or rows. */
  | { kind: 'orthogonal'; gain: number }
  /** gain · eye(fanIn, fanOut) */
  | { kind: 'identity'; gain: number }
  /** PyTorch trunc_normal_: N(mean, std²) restricted to the absolute interval [lo, hi] (see extraLaws.ts). */
  | { kind: 'truncated_normal_range'; mean: number; std: number; lo: number; hi: number }
  /** PyTorch sparse_: N(0, std²) with `zeros` of the `cols` entries of every kernel row set to 0. */
  | { kind: 'sparse_normal'; std: number; cols: number; zeros: number };

export type Framework = 'keras' | 'torch' | 'tf1' | 'tfjs' | 'basic';

export type InputDistribution = 'normal' | 'uniform';

/** A complete, validated simulation request. Produced only by `normalizeConfig`. */
export interface SimConfig {
  init: string;
  initParams: ParamValues;
  activation: string;
  activationParams: ParamValues;
  /** Output width of each layer; depth = widths.length. */
  widths: number[];
  inputDim: number;
  batch: number;
  /** Whole number in 0 … 2³² − 1. */
  seed: number;
  /** Standard deviation of the N(0, σ_b²) bias (ignored by initializers that define their own bias). */
  biasStd: number;
  input: InputDistribution;
  /** Residual blocks and normalization (architecture/spec.ts); absent for a plain MLP. */
  architecture?: Architecture;
}

export interface Histogram {
  /** Range of the finite values; bins are equal-width on [lo, hi]. */
  lo: number;
  hi: number;
  counts: number[];
}

export interface Moments {
  mean: number;
  variance: number;
  /** Pooled over batch × units: what the mean-field theory predicts. */
  secondMoment: number;
  min: number;
  max: number;
}

/** Counts of values that left float32's finite range (overflow) — never hidden inside NaN moments. */
export interface NonFinite {
  posInf: number;
  negInf: number;
  nan: number;
}

export interface WeightStats {
  mean: number;
  variance: number;
  min: number;
  max: number;
}

export interface TensorStats extends Moments {
  /** Fraction of entries exactly equal to 0. */
  fractionZero: number;
  nonFinite: NonFinite;
  histogram: Histogram;
}

export interface ActivationStats extends TensorStats {
  /** Fraction with |φ'(h)| < 0.05 (bounded activations only; 0 otherwise). */
  fractionSaturated: number;
}

export interface LayerTheory {
  /** Mean-field q^l; null where the theory does not apply (e.g. weights with non-zero mean). */
  preactivationSecondMoment: number | null;
  chi1: number | null;
  activationMean: number | null;
  activationVariance: number | null;
  activationSecondMoment: number | null;
  /** σ_w² = fan_in · Var(w) of this layer, from the initializer's exact law. */
  sigmaW2: number | null;
  sigmaB2: number | null;
}

/**
 * What happened numerically in a layer: 'overflow' when any pre-activation is ±Inf or NaN,
 * 'underflow' when every pre-activation is exactly 0 although the layer has non-zero weights
 * or inputs, 'dead' when every pre-activation is 0 because the weights and bias are all 0.
 */
export type LayerStatus = 'ok' | 'overflow' | 'underflow' | 'dead';

export interface LayerStats {
  layer: number;
  fanIn: number;
  fanOut: number;
  status: LayerStatus;
  weights: WeightStats;
  preactivation: TensorStats;
  activation: ActivationStats;
  theory: LayerTheory;
  /** Present when correlations were requested (needs batch ≥ 2). */
  correlation?: CorrelationStats;
  /** Residual networks: the block this linear layer belongs to (0 for the stem). */
  block?: number;
  /** LSUV runs: the scale this layer's orthonormal weights were multiplied by, and how it was found. */
  lsuv?: LsuvLayer;
}

/** Statistics of the back-propagated signal at one layer (present when the backward pass ran). */
export interface GradientStats {
  /**
   * 'overflow' when any δ^l is ±Inf or NaN (then secondMoment and variance are +Infinity, never
   * NaN); 'dead' when every δ^l is 0 because the weights above are all 0, the signal arriving from
   * above was already all 0, or the forward layer was dead; 'underflow' when every δ^l is 0 otherwise.
   */
  status: LayerStatus;
  /** Pooled over batch × units of δ^l = ∂L/∂h^l (the gradient with respect to the pre-activations). */
  mean: number;
  variance: number;
  secondMoment: number;
  min: number;
  max: number;
  nonFinite: NonFinite;
  histogram: Histogram;
  /** Mean over all entries of (∂L/∂W^l)², with ∂L/∂W^l = φ(h^{l−1})ᵀ·δ^l summed over the batch. */
  weightGradientSecondMoment: number;
  /** Mean-field q̃^l with q̃^L = 1 (δ^L ~ N(0, 1)); null where the theory does not apply. */
  theorySecondMoment: number | null;
}

/** How alike the batch's inputs have become at one layer: the pre-activation correlation. */
export interface CorrelationStats {
  /**
   * Mean over all pairs a ≠ b of q_ab / √(q_aa·q_bb), with q_ab = (1/N)·Σ_i h_ai·h_bi, over the
   * first min(batch, 64) inputs; null when no pair has two non-zero, finite rows.
   */
  measured: number | null;
  /**
   * The mean-field correlation map iterated from layer 1's value, which starts from the measured
   * correlation of the same inputs (see layerCorrelation.ts); null where the theory does not apply.
   */
  theory: number | null;
}
