// Keras 3 (also tf.keras and JAX/Flax) variance-scaling initializers. Their "normal" draws are
// truncated at ±2σ̃ with σ̃ = √(scale/n)/0.87962566103423978, the standard deviation of N(0, 1)
// restricted to (−2, 2), so the realized variance is exactly scale/n.

import type { WeightLaw } from '../types';
import { FAN_MODES, fanCount, fanSymbol } from './fans';
import { fmt, pyFloat, readEnum, readNumber } from './paramValues';
import type { EnumParam, NumberParam } from './paramValues';
import type { InitializerSpec } from './spec';

/** Standard deviation of N(0, 1) truncated to (−2, 2), as written in Keras's source. */
export const KERAS_TRUNCATION_CORRECTION = 0.87962566103423978;

const DISTRIBUTIONS = ['truncated_normal', 'untruncated_normal', 'uniform'] as const;

export function kerasVarianceScalingLaw(
  scale: number,
  mode: string,
  distribution: string,
  fanIn: number,
  fanOut: number,
): WeightLaw {
  const variance = scale / fanCount(mode, fanIn, fanOut);
  if (distribution === 'uniform') {
    const limit = Math.sqrt(3 * variance);
    return { kind: 'uniform', lo: -limit, hi: limit };
  }
  if (distribution === 'untruncated_normal') return { kind: 'normal', mean: 0, std: Math.sqrt(variance) };
  const std = Math.sqrt(variance) / KERAS_TRUNCATION_CORRECTION;
  return { kind: 'truncated_normal', mean: 0, std, bound: 2 * std };
}

function kerasVarianceScalingRule(
  scale: number,
  mode: string,
  distribution: string,
  fanIn: number,
  fanOut: number,
): string {
  const n = fanCount(mode, fanIn, fanOut);
  const symbol = fanSymbol(mode);
  const variance = scale / n;
  if (distribution === 'uniform') {
    return `limit = √(3·${fmt(scale)} / ${symbol}) = √(${fmt(3 * scale)}/${fmt(n)}) = ${fmt(Math.sqrt(3 * variance))}; U(−limit, limit)`;
  }
  if (distribution === 'untruncated_normal') {
    return `σ = √(${fmt(scale)} / ${symbol}) = √(${fmt(scale)}/${fmt(n)}) = ${fmt(Math.sqrt(variance))}; untruncated`;
  }
  const std = Math.sqrt(variance) / KERAS_TRUNCATION_CORRECTION;
  return (
    `σ̃ = √(${fmt(scale)} / ${symbol}) / 0.87963 = √(${fmt(scale)}/${fmt(n)})/0.87963 = ${fmt(std)}; ` +
    `truncated at ±2σ̃ = ±${fmt(2 * std)}, so Var = ${fmt(variance)} exactly`
  );
}

interface Preset {
  id: string;
  label: string;
  className: string;
  scale: number;
  mode: string;
  distribution: string;
  note: string;
}

function preset(p: Preset): InitializerSpec {
  return {
    id: p.id,
    label: p.label,
    framework: 'keras',
    params: [],
    weightLaw: (fanIn, fanOut) => kerasVarianceScalingLaw(p.scale, p.mode, p.distribution, fanIn, fanOut),
    rule: (fanIn, fanOut) => kerasVarianceScalingRule(p.scale, p.mode, p.distribution, fanIn, fanOut),
    snippet: () => `keras.initializers.${p.className}()`,
    note: p.note,
  };
}

const scaleParam: NumberParam = {
  kind: 'number',
  name: 'scale',
  label: 'Scale',
  default: 1,
  min: 1e-6,
  max: 100,
  help: 'Target variance times n: each weight gets variance scale / n.',
};
const modeParam: EnumParam = {
  kind: 'enum',
  name: 'mode',
  label: 'Fan used for n',
  default: 'fan_in',
  choices: FAN_MODES,
  help: 'n = inputs of the layer (fan_in), its outputs (fan_out), or their average (fan_avg).',
};
const distributionParam: EnumParam = {
  kind: 'enum',
  name: 'distribution',
  label: 'Distribution',
  default: 'truncated_normal',
  choices: DISTRIBUTIONS,
  help: 'truncated_normal is cut at ±2σ̃ and rescaled to keep the variance exact.',
};

const varianceScaling: InitializerSpec = {
  id: 'variance_scaling',
  label: 'Variance scaling (Keras, general)',
  framework: 'keras',
  params: [scaleParam, modeParam, distributionParam],
  weightLaw: (fanIn, fanOut, p) =>
    kerasVarianceScalingLaw(
      readNumber(p, scaleParam),
      readEnum(p, modeParam),
      readEnum(p, distributionParam),
      fanIn,
      fanOut,
    ),
  rule: (fanIn, fanOut, p) =>
    kerasVarianceScalingRule(
      readNumber(p, scaleParam),
      readEnum(p, modeParam),
      readEnum(p, distributionParam),
      fanIn,
      fanOut,
    ),
  snippet: (p) =>
    `keras.initializers.VarianceScaling(scale=${pyFloat(readNumber(p, scaleParam))}, ` +
    `mode='${readEnum(p, modeParam)}', distribution='${readEnum(p, distributionParam)}')`,
  note: 'The Keras rule behind every preset here: variance scale/n with n the fan-in, fan-out or their average (at least 1), truncated normals rescaled so that variance is exact.',
};

export const KERAS_INITIALIZERS: readonly InitializerSpec[] = [
  preset({
    id: 'glorot_uniform',
    label: 'Glorot uniform (Keras Dense default)',
    className: 'GlorotUniform',
    scale: 1,
    mode: 'fan_avg',
    distribution: 'uniform',
    note: "Glorot & Bengio's (2010) normalized init, variance 2/(fan_in + fan_out), balancing forward and backward signals of linear or tanh-like units; the default kernel of a Keras Dense layer.",
  }),
  preset({
    id: 'glorot_normal',
    label: 'Glorot normal',
    className: 'GlorotNormal',
    scale: 1,
    mode: 'fan_avg',
    distribution: 'truncated_normal',
    note: 'Glorot & Bengio (2010) variance 2/(fan_in + fan_out) for linear or tanh-like units, as a ±2σ̃ truncated normal rescaled so the variance is exact.',
  }),
  preset({
    id: 'he_normal',
    label: 'He normal',
    className: 'HeNormal',
    scale: 2,
    mode: 'fan_in',
    distribution: 'truncated_normal',
    note: 'He et al. (2015): variance 2/fan_in keeps the mean square of a ReLU network constant with depth; Keras truncates at ±2σ̃ and rescales so the variance is exact.',
  }),
  preset({
    id: 'he_uniform',
    label: 'He uniform',
    className: 'HeUniform',
    scale: 2,
    mode: 'fan_in',
    distribution: 'uniform',
    note: 'He et al. (2015) ReLU scaling, variance 2/fan_in, drawn uniformly from ±√(6/fan_in).',
  }),
  preset({
    id: 'lecun_normal',
    label: 'LeCun normal',
    className: 'LecunNormal',
    scale: 1,
    mode: 'fan_in',
    distribution: 'truncated_normal',
    note: 'LeCun et al. (1998) variance 1/fan_in, the pairing that self-normalizing SELU networks assume (Klambauer et al. 2017); truncated at ±2σ̃ with the variance kept exact.',
  }),
  preset({
    id: 'lecun_uniform',
    label: 'LeCun uniform',
    className: 'LecunUniform',
    scale: 1,
    mode: 'fan_in',
    distribution: 'uniform',
    note: 'LeCun et al. (1998) variance 1/fan_in, drawn uniformly from ±√(3/fan_in); it preserves the signal of a linear layer.',
  }),
  varianceScaling,
];
