// TensorFlow.js (tfjs-layers) normal presets. They still truncate at ±2σ with σ = √(scale/n) and
// do not correct for it, so the realized variance is 0.7737413 × scale/n, as in Keras ≤ 2.1.6.

import { truncatedStandardNormalMoments } from '../gaussian';
import type { WeightLaw } from '../types';
import { fanCount, fanSymbol } from './fans';
import { fmt } from './paramValues';
import type { InitializerSpec } from './spec';

/** Variance of N(0, 1) truncated to (−2, 2): what the missing correction costs. */
const TRUNCATED_VARIANCE_RATIO = truncatedStandardNormalMoments(2).secondMoment;

function uncorrectedLaw(scale: number, mode: string, fanIn: number, fanOut: number): WeightLaw {
  const std = Math.sqrt(scale / fanCount(mode, fanIn, fanOut));
  return { kind: 'truncated_normal', mean: 0, std, bound: 2 * std };
}

function uncorrectedRule(scale: number, mode: string, fanIn: number, fanOut: number): string {
  const n = fanCount(mode, fanIn, fanOut);
  const std = Math.sqrt(scale / n);
  return (
    `σ = √(${fmt(scale)} / ${fanSymbol(mode)}) = √(${fmt(scale)}/${fmt(n)}) = ${fmt(std)}; truncated at ±2σ = ±${fmt(2 * std)} ` +
    `without rescaling, so Var = 0.77374 × ${fmt(scale / n)} = ${fmt(TRUNCATED_VARIANCE_RATIO * (scale / n))}`
  );
}

function preset(id: string, label: string, call: string, scale: number, mode: string, note: string): InitializerSpec {
  return {
    id,
    label,
    framework: 'tfjs',
    params: [],
    weightLaw: (fanIn, fanOut) => uncorrectedLaw(scale, mode, fanIn, fanOut),
    rule: (fanIn, fanOut) => uncorrectedRule(scale, mode, fanIn, fanOut),
    snippet: () => `tf.initializers.${call}({})`,
    note,
  };
}

export const TFJS_INITIALIZERS: readonly InitializerSpec[] = [
  preset(
    'tfjs_he_normal',
    'He normal (TF.js, uncorrected truncation)',
    'heNormal',
    2,
    'fan_in',
    'He et al. (2015) as TensorFlow.js draws it: cut at ±2σ without rescaling, so each ReLU layer keeps only 0.774 of the mean square and a deep net fades geometrically.',
  ),
  preset(
    'tfjs_glorot_normal',
    'Glorot normal (TF.js, uncorrected truncation)',
    'glorotNormal',
    1,
    'fan_avg',
    'Glorot & Bengio (2010) as TensorFlow.js draws it: a ±2σ truncated normal without the correction, 0.774 × 2/(fan_in + fan_out) in variance.',
  ),
  preset(
    'tfjs_lecun_normal',
    'LeCun normal (TF.js, uncorrected truncation)',
    'leCunNormal',
    1,
    'fan_in',
    'LeCun et al. (1998) as TensorFlow.js draws it: variance 0.774/fan_in instead of 1/fan_in, which moves SELU networks off their self-normalizing fixed point.',
  ),
];
