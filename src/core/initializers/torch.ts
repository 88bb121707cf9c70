// PyTorch torch.nn.init and the nn.Linear default. PyTorch stores a Linear weight as (out, in),
// but its fan_in is still `in`, so the laws below apply unchanged to our (in, out) kernels. Its
// normal initializers are NOT truncated.

import type { ParamValues, WeightLaw } from '../types';
import { fmt, pyFloat, readEnum, readNumber } from './paramValues';
import type { EnumParam, NumberParam } from './paramValues';
import type { InitializerSpec } from './spec';
import { calculateGain, gainExpression, TORCH_NONLINEARITIES } from './torchGain';

const gainParam: NumberParam = {
  kind: 'number',
  name: 'gain',
  label: 'Gain',
  default: 1,
  min: 0,
  max: 100,
  help: 'Multiplies the standard deviation (torch.nn.init.calculate_gain gives the usual values).',
};
const slopeParam: NumberParam = {
  kind: 'number',
  name: 'a',
  label: 'Negative slope',
  default: 0,
  min: 0,
  max: 100,
  help: 'Slope of the leaky ReLU for x < 0; used only when the nonlinearity is leaky_relu.',
};
const modeParam: EnumParam = {
  kind: 'enum',
  name: 'mode',
  label: 'Fan used',
  default: 'fan_in',
  choices: ['fan_in', 'fan_out'],
  help: 'fan_in preserves the forward signal, fan_out the backward gradients.',
};
const nonlinearityParam: EnumParam = {
  kind: 'enum',
  name: 'nonlinearity',
  label: 'Nonlinearity for the gain',
  default: 'leaky_relu',
  choices: TORCH_NONLINEARITIES,
  help: 'Chooses the gain via calculate_gain; with a = 0, leaky_relu gives √2 (He).',
};

function xavierStd(fanIn: number, fanOut: number, gain: number): number {
  return gain * Math.sqrt(2 / Math.max(1, fanIn + fanOut));
}

interface Kaiming {
  gain: number;
  fan: number;
  slope: number;
  nonlinearity: string;
  mode: string;
}

function kaiming(fanIn: number, fanOut: number, p: ParamValues): Kaiming {
  const slope = readNumber(p, slopeParam);
  const nonlinearity = readEnum(p, nonlinearityParam);
  const mode = readEnum(p, modeParam);
  return {
    gain: calculateGain(nonlinearity, slope),
    fan: Math.max(1, mode === 'fan_out' ? fanOut : fanIn),
    slope,
    nonlinearity,
    mode,
  };
}

function kaimingSnippet(fn: string, p: ParamValues): string {
  return `torch.nn.init.${fn}(w, a=${readNumber(p, slopeParam)}, mode='${readEnum(p, modeParam)}', nonlinearity='${readEnum(p, nonlinearityParam)}')`;
}

/** nn.Linear's bias and weight law: U(±1/√fan_in), or 0 for an empty layer as in PyTorch. */
function linearDefaultLaw(fanIn: number): WeightLaw {
  const bound = fanIn > 0 ? 1 / Math.sqrt(fanIn) : 0;
  return { kind: 'uniform', lo: -bound, hi: bound };
}

export const TORCH_INITIALIZERS: readonly InitializerSpec[] = [
  {
    id: 'torch_xavier_normal',
    label: 'Xavier normal (PyTorch, untruncated)',
    framework: 'torch',
    params: [gainParam],
    weightLaw: (fanIn, fanOut, p) => ({
      kind: 'normal',
      mean: 0,
      std: xavierStd(fanIn, fanOut, readNumber(p, gainParam)),
    }),
    rule: (fanIn, fanOut, p) => {
      const gain = readNumber(p, gainParam);
      return `σ = gain·√(2 / (fan_in + fan_out)) = ${fmt(gain)}·√(2/${fanIn + fanOut}) = ${fmt(xavierStd(fanIn, fanOut, gain))}; untruncated`;
    },
    snippet: (p) => `torch.nn.init.xavier_normal_(w, gain=${pyFloat(readNumber(p, gainParam))})`,
    note: 'Glorot & Bengio (2010) variance gain²·2/(fan_in + fan_out) for linear or tanh-like units, drawn from an untruncated normal (unlike Keras GlorotNormal).',
  },
  {
    id: 'torch_xavier_uniform',
    label: 'Xavier uniform (PyTorch)',
    framework: 'torch',
    params: [gainParam],
    weightLaw: (fanIn, fanOut, p) => {
      const bound = Math.sqrt(3) * xavierStd(fanIn, fanOut, readNumber(p, gainParam));
      return { kind: 'uniform', lo: -bound, hi: bound };
    },
    rule: (fanIn, fanOut, p) => {
      const gain = readNumber(p, gainParam);
      const bound = Math.sqrt(3) * xavierStd(fanIn, fanOut, gain);
      return `a = gain·√(6 / (fan_in + fan_out)) = ${fmt(gain)}·√(6/${fanIn + fanOut}) = ${fmt(bound)}; U(−a, a)`;
    },
    snippet: (p) => `torch.nn.init.xavier_uniform_(w, gain=${pyFloat(readNumber(p, gainParam))})`,
    note: 'Glorot & Bengio (2010) normalized init, U(±gain·√(6/(fan_in + fan_out))), meant for linear or tanh-like units.',
  },
  {
    id: 'torch_kaiming_normal',
    label: 'Kaiming normal (PyTorch, untruncated)',
    framework: 'torch',
    params: [slopeParam, modeParam, nonlinearityParam],
    weightLaw: (fanIn, fanOut, p) => {
      const k = kaiming(fanIn, fanOut, p);
      return { kind: 'normal', mean: 0, std: k.gain / Math.sqrt(k.fan) };
    },
    rule: (fanIn, fanOut, p) => {
      const k = kaiming(fanIn, fanOut, p);
      return `σ = gain / √${k.mode} = ${fmt(k.gain)}/√${k.fan} = ${fmt(k.gain / Math.sqrt(k.fan))}, gain = ${gainExpression(k.nonlinearity, k.slope, k.gain)}; untruncated`;
    },
    snippet: (p) => kaimingSnippet('kaiming_normal_', p),
    note: 'He et al. (2015) in PyTorch: variance gain²/fan with gain from calculate_gain, untruncated; the defaults (a = 0, leaky_relu) give gain √2, i.e. He init for ReLU.',
  },
  {
    id: 'torch_kaiming_uniform',
    label: 'Kaiming uniform (PyTorch)',
    framework: 'torch',
    params: [slopeParam, modeParam, nonlinearityParam],
    weightLaw: (fanIn, fanOut, p) => {
      const k = kaiming(fanIn, fanOut, p);
      const bound = (Math.sqrt(3) * k.gain) / Math.sqrt(k.fan);
      return { kind: 'uniform', lo: -bound, hi: bound };
    },
    rule: (fanIn, fanOut, p) => {
      const k = kaiming(fanIn, fanOut, p);
      const bound = (Math.sqrt(3) * k.gain) / Math.sqrt(k.fan);
      return `bound = √3·gain / √${k.mode} = √3·${fmt(k.gain)}/√${k.fan} = ${fmt(bound)}, gain = ${gainExpression(k.nonlinearity, k.slope, k.gain)}; U(−bound, bound)`;
    },
    snippet: (p) => kaimingSnippet('kaiming_uniform_', p),
    note: 'He et al. (2015) scaling in PyTorch with a uniform law of variance gain²/fan; nn.Linear uses it with a = √5, which is far below He.',
  },
  {
    id: 'torch_linear_default',
    label: 'nn.Linear default (PyTorch)',
    framework: 'torch',
    params: [],
    weightLaw: (fanIn) => linearDefaultLaw(fanIn),
    biasLaw: (fanIn) => linearDefaultLaw(fanIn),
    rule: (fanIn) => {
      const bound = fanIn > 0 ? 1 / Math.sqrt(fanIn) : 0;
      return `bound = 1 / √fan_in = 1/√${fanIn} = ${fmt(bound)} for weights and bias; U(−bound, bound), Var = 1/(3·fan_in) = ${fmt((bound * bound) / 3)}`;
    },
    snippet: () => 'torch.nn.Linear(in_features, out_features)  # default reset_parameters()',
    note: 'What nn.Linear does unless told otherwise: kaiming_uniform_ with a = √5, i.e. U(±1/√fan_in), and the same bound for the bias; that is σ_w² = 1/3, so deep ReLU or tanh stacks shrink quickly.',
  },
];
