// Width-independent and structured initializers, with Keras semantics and Keras calls as the
// framework equivalent. random_normal deliberately defaults to std 1, the "N(0, 1), not knowing
// better" start, rather than Keras's 0.05.

import { KERAS_TRUNCATION_CORRECTION } from './keras';
import { fmt, pyFloat, readNumber } from './paramValues';
import type { NumberParam } from './paramValues';
import type { InitializerSpec } from './spec';

function numberParam(name: string, label: string, defaultValue: number, help: string): NumberParam {
  return { kind: 'number', name, label, default: defaultValue, min: 0, max: 100, help };
}

const normalStd = numberParam(
  'std',
  'Standard deviation',
  1,
  'Standard deviation of every weight, whatever the width.',
);
const uniformLimit = numberParam('limit', 'Limit', 0.05, 'Weights are uniform on (−limit, limit).');
const truncatedStd = numberParam(
  'std',
  'Standard deviation before the cut',
  0.05,
  'σ of the normal that is cut at ±2σ.',
);
const orthogonalGain = numberParam(
  'gain',
  'Gain',
  1,
  'Multiplies the orthogonal matrix; its singular values all equal the gain.',
);
const identityGain = numberParam('gain', 'Gain', 1, 'Value on the diagonal.');

export const BASIC_INITIALIZERS: readonly InitializerSpec[] = [
  {
    id: 'random_normal',
    label: 'Plain normal N(0, σ²)',
    framework: 'basic',
    params: [normalStd],
    weightLaw: (_fanIn, _fanOut, p) => ({ kind: 'normal', mean: 0, std: readNumber(p, normalStd) }),
    rule: (fanIn, _fanOut, p) => {
      const std = readNumber(p, normalStd);
      return `w ~ N(0, σ²) with σ = ${fmt(std)} at any width, so σ_w² = fan_in·σ² = ${fanIn}·${fmt(std * std)} = ${fmt(fanIn * std * std)}`;
    },
    snippet: (p) => `keras.initializers.RandomNormal(mean=0.0, stddev=${pyFloat(readNumber(p, normalStd))})`,
    note: 'A fixed-scale Gaussian that ignores the width of the layer, so the signal grows or shrinks by fan_in·σ² per layer unless that happens to suit the activation.',
  },
  {
    id: 'random_uniform',
    label: 'Plain uniform U(−limit, limit)',
    framework: 'basic',
    params: [uniformLimit],
    weightLaw: (_fanIn, _fanOut, p) => {
      const limit = readNumber(p, uniformLimit);
      return { kind: 'uniform', lo: -limit, hi: limit };
    },
    rule: (fanIn, _fanOut, p) => {
      const limit = readNumber(p, uniformLimit);
      return `w ~ U(−${fmt(limit)}, ${fmt(limit)}) at any width: Var = limit²/3 = ${fmt((limit * limit) / 3)}, σ_w² = ${fmt((fanIn * limit * limit) / 3)}`;
    },
    snippet: (p) => {
      const limit = pyFloat(readNumber(p, uniformLimit));
      return `keras.initializers.RandomUniform(minval=-${limit}, maxval=${limit})`;
    },
    note: 'Keras’s plain uniform default (±0.05), blind to the width, so its σ_w² = fan_in·limit²/3 suits only one layer size.',
  },
  {
    id: 'truncated_normal',
    label: 'Plain truncated normal (±2σ, no correction)',
    framework: 'basic',
    params: [truncatedStd],
    weightLaw: (_fanIn, _fanOut, p) => {
      const std = readNumber(p, truncatedStd);
      return { kind: 'truncated_normal', mean: 0, std, bound: 2 * std };
    },
    rule: (_fanIn, _fanOut, p) => {
      const std = readNumber(p, truncatedStd);
      return `w ~ N(0, ${fmt(std)}²) redrawn outside ±2σ = ±${fmt(2 * std)}, not rescaled: realized std = ${fmt(std)}·0.87963 = ${fmt(std * KERAS_TRUNCATION_CORRECTION)}`;
    },
    snippet: (p) => `keras.initializers.TruncatedNormal(mean=0.0, stddev=${pyFloat(readNumber(p, truncatedStd))})`,
    note: 'Keras’s TruncatedNormal: a fixed-scale normal cut at ±2σ with no correction, so its realized standard deviation is 0.8796σ.',
  },
  {
    id: 'zeros',
    label: 'All zeros',
    framework: 'basic',
    params: [],
    weightLaw: () => ({ kind: 'constant', value: 0 }),
    rule: () => 'w = 0',
    snippet: () => 'keras.initializers.Zeros()',
    note: 'Every weight zero: all units compute the same thing and, without a bias, the signal is gone after the first layer; a baseline, not a way to start hidden layers.',
  },
  {
    id: 'ones',
    label: 'All ones',
    framework: 'basic',
    params: [],
    weightLaw: () => ({ kind: 'constant', value: 1 }),
    rule: (fanIn) => `w = 1: every unit gets the sum of its ${fanIn} inputs`,
    snippet: () => 'keras.initializers.Ones()',
    note: 'Every weight one: all units are identical copies of the sum of their inputs, so the layer has rank one and the scale grows with fan_in.',
  },
  {
    id: 'orthogonal',
    label: 'Random orthogonal',
    framework: 'basic',
    params: [orthogonalGain],
    weightLaw: (_fanIn, _fanOut, p) => ({ kind: 'orthogonal', gain: readNumber(p, orthogonalGain) }),
    rule: (fanIn, fanOut, p) => {
      const gain = readNumber(p, orthogonalGain);
      const shape = fanIn >= fanOut ? 'orthonormal columns' : 'orthonormal rows';
      const big = Math.max(fanIn, fanOut);
      return `W = gain·Q, Q Haar-orthogonal ${fanIn}×${fanOut} (${shape}); E[w²] = gain²/max(fan_in, fan_out) = ${fmt(gain * gain)}/${big} = ${fmt((gain * gain) / big)}`;
    },
    snippet: (p) => `keras.initializers.Orthogonal(gain=${pyFloat(readNumber(p, orthogonalGain))})`,
    note: 'Saxe et al. (2014): a random orthogonal matrix keeps the length of every input exactly (on square layers), so the layer Jacobians of a linear net stay isometric at any depth.',
  },
  {
    id: 'identity',
    label: 'Identity',
    framework: 'basic',
    params: [identityGain],
    weightLaw: (_fanIn, _fanOut, p) => ({ kind: 'identity', gain: readNumber(p, identityGain) }),
    rule: (fanIn, fanOut, p) =>
      `W = gain·eye(fan_in, fan_out) = ${fmt(readNumber(p, identityGain))}·eye(${fanIn}, ${fanOut})`,
    snippet: (p) => `keras.initializers.Identity(gain=${pyFloat(readNumber(p, identityGain))})`,
    note: 'Each input unit passes straight to the output unit with the same index (cut or zero-padded on rectangular layers); it has no randomness, so every seed gives the same network.',
  },
];
