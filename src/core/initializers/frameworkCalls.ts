// How each initializer of the table is written in PyTorch, JAX, Keras 3 and numpy: the facts the
// code export (src/codegen) turns into scripts and the parity suite checks against the frameworks.
//
// Every entry states its law as Python expressions of the layer's fans (n_in, n_out), because an
// exported script may be run at another width. Most laws are a variance-scaling triple in Keras's
// convention (scale, mode, distribution), which JAX's and Keras's own `variance_scaling` draw
// exactly; tf.contrib's and TF.js's truncated normals are written as such a triple too, with the
// scale chosen so that the framework's σ̃ = √(scale/n)/0.87963 equals theirs. PyTorch's calls are
// listed where torch.nn.init has one; otherwise PyTorch draws the same law with nn.init.normal_,
// trunc_normal_ or uniform_.

import type { ParamValues } from '../types';
import { getInitializer } from './index';
import { pyFloat } from './paramValues';
import { calculateGain } from './torchGain';

/** The standard deviation of N(0, 1) cut to (−2, 2), the constant Keras and JAX divide by. */
export const PY_TRUNCATION = '0.87962566103423978';

export type FanMode = 'fan_in' | 'fan_out' | 'fan_avg';
export type VsDistribution = 'truncated_normal' | 'untruncated_normal' | 'uniform';

/** A law as Python: every string is an expression in n_in, n_out (and math). */
export type PyLaw =
  | { kind: 'variance_scaling'; scale: string; mode: FanMode; distribution: VsDistribution }
  | { kind: 'normal'; std: string }
  /** N(0, std²) redrawn outside ±2·std, not rescaled. */
  | { kind: 'truncated_normal'; std: string }
  | { kind: 'uniform'; limit: string }
  | { kind: 'constant'; value: string }
  | { kind: 'orthogonal'; gain: string }
  | { kind: 'identity'; gain: string }
  /** N(mean, std²) kept in the absolute range [lo, hi] (PyTorch's trunc_normal_). */
  | { kind: 'truncated_range'; mean: string; std: string; lo: string; hi: string }
  /** N(0, std²) with ⌈sparsity·n_out⌉ of each input unit's n_out weights set to 0 (PyTorch's sparse_). */
  | { kind: 'sparse'; sparsity: string; std: string };

export interface FrameworkFacts {
  law: PyLaw;
  /** The bias law where the initializer defines one (nn.Linear's default). */
  biasLimit?: string;
  /** torch.nn.init statements on `w` (a Linear weight, shape (n_out, n_in)) where PyTorch has a call for it. */
  torch?: string;
  /** Keras 3 and jax.nn.initializers names where the framework has a preset for this law. */
  keras?: string;
  jax?: string;
}

const num = (p: ParamValues, name: string, fallback: number): number => {
  const v = p[name];
  return typeof v === 'number' ? v : fallback;
};
const str = (p: ParamValues, name: string, fallback: string): string => {
  const v = p[name];
  return typeof v === 'string' ? v : fallback;
};
const bool = (p: ParamValues, name: string, fallback: boolean): boolean => {
  const v = p[name];
  return typeof v === 'boolean' ? v : fallback;
};

const vs = (scale: string, mode: FanMode, distribution: VsDistribution): PyLaw => ({
  kind: 'variance_scaling',
  scale,
  mode,
  distribution,
});
const asMode = (mode: string): FanMode => (mode === 'fan_out' || mode === 'fan_avg' ? mode : 'fan_in');
const asDistribution = (d: string): VsDistribution =>
  d === 'uniform' || d === 'untruncated_normal' ? d : 'truncated_normal';

/** tf.contrib's σ = √(1.3·factor/n), cut at ±2σ, as a Keras scale: 1.3·factor·0.87963². */
function contribLaw(factor: number, mode: FanMode, uniform: boolean): PyLaw {
  if (uniform) return vs(pyFloat(factor), mode, 'uniform');
  return vs(`1.3 * ${pyFloat(factor)} * ${PY_TRUNCATION} ** 2`, mode, 'truncated_normal');
}

/** TF.js's σ = √(scale/n) cut at ±2σ without rescaling, as a Keras scale: scale·0.87963². */
const tfjsLaw = (scale: number, mode: FanMode): PyLaw =>
  vs(`${pyFloat(scale)} * ${PY_TRUNCATION} ** 2`, mode, 'truncated_normal');

function kaimingCall(fn: string, p: ParamValues): string {
  return `nn.init.${fn}(w, a=${pyFloat(num(p, 'a', 0))}, mode='${str(p, 'mode', 'fan_in')}', nonlinearity='${str(p, 'nonlinearity', 'leaky_relu')}')`;
}

function kaimingLaw(p: ParamValues, distribution: VsDistribution): PyLaw {
  const gain = calculateGain(str(p, 'nonlinearity', 'leaky_relu'), num(p, 'a', 0));
  return vs(`${pyFloat(gain)} ** 2`, asMode(str(p, 'mode', 'fan_in')), distribution);
}

const FACTS: Record<string, (p: ParamValues) => FrameworkFacts> = {
  glorot_uniform: () => ({
    law: vs('1.0', 'fan_avg', 'uniform'),
    keras: 'GlorotUniform',
    jax: 'glorot_uniform',
    torch: 'nn.init.xavier_uniform_(w)',
  }),
  glorot_normal: () => ({ law: vs('1.0', 'fan_avg', 'truncated_normal'), keras: 'GlorotNormal', jax: 'glorot_normal' }),
  he_normal: () => ({ law: vs('2.0', 'fan_in', 'truncated_normal'), keras: 'HeNormal', jax: 'he_normal' }),
  he_uniform: () => ({
    law: vs('2.0', 'fan_in', 'uniform'),
    keras: 'HeUniform',
    jax: 'he_uniform',
    torch: "nn.init.kaiming_uniform_(w, nonlinearity='relu')",
  }),
  lecun_normal: () => ({ law: vs('1.0', 'fan_in', 'truncated_normal'), keras: 'LecunNormal', jax: 'lecun_normal' }),
  lecun_uniform: () => ({
    law: vs('1.0', 'fan_in', 'uniform'),
    keras: 'LecunUniform',
    jax: 'lecun_uniform',
    torch: "nn.init.kaiming_uniform_(w, nonlinearity='linear')",
  }),
  variance_scaling: (p) => ({
    law: vs(
      pyFloat(num(p, 'scale', 1)),
      asMode(str(p, 'mode', 'fan_in')),
      asDistribution(str(p, 'distribution', 'truncated_normal')),
    ),
  }),
  random_normal: (p) => ({ law: { kind: 'normal', std: pyFloat(num(p, 'std', 1)) } }),
  random_uniform: (p) => ({ law: { kind: 'uniform', limit: pyFloat(num(p, 'limit', 0.05)) } }),
  truncated_normal: (p) => ({ law: { kind: 'truncated_normal', std: pyFloat(num(p, 'std', 0.05)) } }),
  zeros: () => ({ law: { kind: 'constant', value: '0.0' } }),
  ones: () => ({ law: { kind: 'constant', value: '1.0' } }),
  orthogonal: (p) => ({ law: { kind: 'orthogonal', gain: pyFloat(num(p, 'gain', 1)) } }),
  identity: (p) => ({ law: { kind: 'identity', gain: pyFloat(num(p, 'gain', 1)) } }),
  // Only LSUV's orthonormal start has a law; the scripts refuse it (codegen exportProblem).
  lsuv: () => ({ law: { kind: 'orthogonal', gain: '1.0' }, torch: 'nn.init.orthogonal_(w)' }),
  torch_xavier_normal: (p) => ({
    law: vs(`${pyFloat(num(p, 'gain', 1))} ** 2`, 'fan_avg', 'untruncated_normal'),
    torch: `nn.init.xavier_normal_(w, gain=${pyFloat(num(p, 'gain', 1))})`,
  }),
  torch_xavier_uniform: (p) => ({
    law: vs(`${pyFloat(num(p, 'gain', 1))} ** 2`, 'fan_avg', 'uniform'),
    torch: `nn.init.xavier_uniform_(w, gain=${pyFloat(num(p, 'gain', 1))})`,
  }),
  torch_kaiming_normal: (p) => ({ law: kaimingLaw(p, 'untruncated_normal'), torch: kaimingCall('kaiming_normal_', p) }),
  torch_kaiming_uniform: (p) => ({ law: kaimingLaw(p, 'uniform'), torch: kaimingCall('kaiming_uniform_', p) }),
  // kaiming_uniform_(a=√5): gain² = 2/(1 + 5) = 1/3, so U(±1/√n_in); the bias has the same bound.
  torch_linear_default: () => ({
    law: vs('1.0 / 3.0', 'fan_in', 'uniform'),
    biasLimit: '1.0 / math.sqrt(n_in)',
    torch: 'nn.init.kaiming_uniform_(w, a=math.sqrt(5))',
  }),
  torch_trunc_normal: (p) => {
    const [mean, std, lo, hi] = [num(p, 'mean', 0), num(p, 'std', 1), num(p, 'a', -2), num(p, 'b', 2)].map(pyFloat) as [
      string,
      string,
      string,
      string,
    ];
    return {
      law: { kind: 'truncated_range', mean, std, lo, hi },
      torch: `nn.init.trunc_normal_(w, mean=${mean}, std=${std}, a=${lo}, b=${hi})`,
    };
  },
  torch_sparse: (p) => {
    const [sparsity, std] = [pyFloat(num(p, 'sparsity', 0.1)), pyFloat(num(p, 'std', 0.01))];
    return { law: { kind: 'sparse', sparsity, std }, torch: `nn.init.sparse_(w, sparsity=${sparsity}, std=${std})` };
  },
  tf1_variance_scaling: (p) => ({
    law: contribLaw(num(p, 'factor', 2), asMode(str(p, 'mode', 'fan_in')), bool(p, 'uniform', false)),
  }),
  tf1_xavier: (p) => ({ law: contribLaw(1, 'fan_avg', bool(p, 'uniform', true)) }),
  tfjs_he_normal: () => ({ law: tfjsLaw(2, 'fan_in') }),
  tfjs_glorot_normal: () => ({ law: tfjsLaw(1, 'fan_avg') }),
  tfjs_lecun_normal: () => ({ law: tfjsLaw(1, 'fan_in') }),
};

/** The facts for an initializer id with its (validated) parameters; throws for an unknown id. */
export function frameworkFacts(id: string, params: ParamValues): FrameworkFacts {
  const facts = FACTS[id];
  if (!facts || !getInitializer(id)) throw new Error(`no framework facts for initializer ${id}`);
  return facts(params);
}

/** Every initializer id that has framework facts (all of them: a test holds the table to that). */
export const MAPPED_INITIALIZERS: readonly string[] = Object.keys(FACTS);

/** n for a fan mode as Python, with Keras's and TF's guard against an empty layer. */
export function pyFan(mode: FanMode): string {
  return mode === 'fan_out'
    ? 'max(1.0, n_out)'
    : mode === 'fan_avg'
      ? 'max(1.0, (n_in + n_out) / 2.0)'
      : 'max(1.0, n_in)';
}
