// TensorFlow 1 `tf.contrib.layers` initializers. Their truncated normal uses σ = √(1.3·factor/n):
// the ×1.3 approximates the exact truncation correction 1/0.87963² = 1.29242, so the realized
// variance is 1.3 × 0.7737413 = 1.005864 × factor/n.

import type { WeightLaw } from '../types';
import { FAN_MODES, fanCount, fanSymbol } from './fans';
import { fmt, pyFloat, readBoolean, readEnum, readNumber } from './paramValues';
import type { BooleanParam, EnumParam, NumberParam } from './paramValues';
import type { InitializerSpec } from './spec';

/** tf.contrib's stand-in for the truncation correction of ±2σ. */
const CONTRIB_VARIANCE_FUDGE = 1.3;

function contribLaw(factor: number, mode: string, uniform: boolean, fanIn: number, fanOut: number): WeightLaw {
  const n = fanCount(mode, fanIn, fanOut);
  if (uniform) {
    const limit = Math.sqrt((3 * factor) / n);
    return { kind: 'uniform', lo: -limit, hi: limit };
  }
  const std = Math.sqrt((CONTRIB_VARIANCE_FUDGE * factor) / n);
  return { kind: 'truncated_normal', mean: 0, std, bound: 2 * std };
}

function contribRule(factor: number, mode: string, uniform: boolean, fanIn: number, fanOut: number): string {
  const n = fanCount(mode, fanIn, fanOut);
  const symbol = fanSymbol(mode);
  if (uniform) {
    const limit = Math.sqrt((3 * factor) / n);
    return `limit = √(3·${fmt(factor)} / ${symbol}) = √(${fmt(3 * factor)}/${fmt(n)}) = ${fmt(limit)}; U(−limit, limit)`;
  }
  const std = Math.sqrt((CONTRIB_VARIANCE_FUDGE * factor) / n);
  return (
    `σ = √(1.3·${fmt(factor)} / ${symbol}) = √(${fmt(CONTRIB_VARIANCE_FUDGE * factor)}/${fmt(n)}) = ${fmt(std)}; ` +
    `truncated at ±2σ = ±${fmt(2 * std)}, so Var = 1.005864 × ${fmt(factor)}/${fmt(n)}`
  );
}

const factorParam: NumberParam = {
  kind: 'number',
  name: 'factor',
  label: 'Factor',
  default: 2,
  min: 0,
  max: 100,
  help: 'Nominal variance times n (2 is He/MSRA, 1 is Xavier).',
};
const modeParam: EnumParam = {
  kind: 'enum',
  name: 'mode',
  label: 'Fan used for n',
  default: 'fan_in',
  choices: FAN_MODES,
  help: 'FAN_IN, FAN_OUT or FAN_AVG in TensorFlow’s spelling.',
};
const scalingUniformParam: BooleanParam = {
  kind: 'boolean',
  name: 'uniform',
  label: 'Uniform distribution',
  default: false,
  help: 'Uniform on ±√(3·factor/n) instead of the ±2σ truncated normal.',
};
const xavierUniformParam: BooleanParam = {
  ...scalingUniformParam,
  default: true,
  help: 'Uniform on ±√(6/(fan_in + fan_out)) instead of a ±2σ truncated normal.',
};

export const TF1_INITIALIZERS: readonly InitializerSpec[] = [
  {
    id: 'tf1_variance_scaling',
    label: 'Variance scaling (TF1 contrib)',
    framework: 'tf1',
    params: [factorParam, modeParam, scalingUniformParam],
    weightLaw: (fanIn, fanOut, p) =>
      contribLaw(
        readNumber(p, factorParam),
        readEnum(p, modeParam),
        readBoolean(p, scalingUniformParam),
        fanIn,
        fanOut,
      ),
    rule: (fanIn, fanOut, p) =>
      contribRule(
        readNumber(p, factorParam),
        readEnum(p, modeParam),
        readBoolean(p, scalingUniformParam),
        fanIn,
        fanOut,
      ),
    snippet: (p) =>
      `tf.contrib.layers.variance_scaling_initializer(factor=${pyFloat(readNumber(p, factorParam))}, ` +
      `mode='${readEnum(p, modeParam).toUpperCase()}', uniform=${readBoolean(p, scalingUniformParam) ? 'True' : 'False'})`,
    note: 'The TF1-era He/MSRA initializer: its truncated normal uses σ = √(1.3·factor/n), an approximate truncation correction that leaves the variance 0.59 % above factor/n.',
  },
  {
    id: 'tf1_xavier',
    label: 'Xavier (TF1 contrib)',
    framework: 'tf1',
    params: [xavierUniformParam],
    weightLaw: (fanIn, fanOut, p) => contribLaw(1, 'fan_avg', readBoolean(p, xavierUniformParam), fanIn, fanOut),
    rule: (fanIn, fanOut, p) => contribRule(1, 'fan_avg', readBoolean(p, xavierUniformParam), fanIn, fanOut),
    snippet: (p) =>
      `tf.contrib.layers.xavier_initializer(uniform=${readBoolean(p, xavierUniformParam) ? 'True' : 'False'})`,
    note: 'TF1’s Glorot & Bengio (2010) initializer, variance_scaling_initializer(factor=1.0, mode=FAN_AVG); its normal form carries the same ×1.3 approximate truncation correction.',
  },
];
