// The weight and bias initialization of one layer, written for each framework from the facts
// table (core/initializers/frameworkCalls.ts): the framework's own call where it has one for the
// law, otherwise its generic normal / truncated normal / uniform calls with the same law, and a
// comment naming the original call whenever the framework is not the initializer's own.

import { getInitializer } from '../core/initializers';
import {
  frameworkFacts,
  PY_TRUNCATION,
  pyFan,
  type FrameworkFacts,
  type PyLaw,
} from '../core/initializers/frameworkCalls';
import type { Framework, SimConfig } from '../core/types';
import { indentLines, pyComment } from './python';

export type CodeFramework = 'pytorch' | 'jax' | 'keras' | 'numpy';

/** The initializer table's frameworks whose calls are Keras's or PyTorch's own. */
const OWN: Record<Framework, CodeFramework | null> = {
  keras: 'keras',
  basic: 'keras',
  torch: 'pytorch',
  tf1: null,
  tfjs: null,
};

/** Whether the framework draws this initializer with a call of its own rather than by its law. */
function hasOwnCall(owner: Framework, facts: FrameworkFacts, framework: CodeFramework): boolean {
  if (framework === 'numpy') return false;
  if (OWN[owner] === framework) return true;
  return Boolean(framework === 'pytorch' ? facts.torch : framework === 'jax' ? facts.jax : facts.keras);
}

/** The comment over the initialization: the app's initializer, its original call and its law. */
export function initComment(config: SimConfig, framework: CodeFramework): string {
  const spec = getInitializer(config.init);
  if (!spec) throw new Error(`unknown initializer ${config.init}`);
  const facts = frameworkFacts(config.init, config.initParams);
  const fanIn = config.inputDim;
  const fanOut = config.widths[0] ?? fanIn;
  const lines = [
    `Initializer: ${spec.label} — ${spec.snippet(config.initParams)}`,
    `Its law, for a layer of ${fanIn} inputs and ${fanOut} outputs: ${spec.rule(fanIn, fanOut, config.initParams)}`,
  ];
  if (!hasOwnCall(spec.framework, facts, framework))
    lines.push(`${frameworkName(framework)} has no call for it; the lines below draw the same law.`);
  return pyComment(lines.join('\n'));
}

export function frameworkName(framework: CodeFramework): string {
  return { pytorch: 'PyTorch', jax: 'JAX', keras: 'Keras', numpy: 'numpy' }[framework];
}

/** Python statements giving `std` or `limit` for a variance-scaling law. */
function vsNumbers(law: Extract<PyLaw, { kind: 'variance_scaling' }>): {
  lines: string[];
  kind: 'truncated' | 'normal' | 'uniform';
} {
  const n = `n = ${pyFan(law.mode)}`;
  if (law.distribution === 'uniform')
    return { lines: [n, `limit = math.sqrt(3.0 * ${law.scale} / n)`], kind: 'uniform' };
  if (law.distribution === 'untruncated_normal')
    return { lines: [n, `std = math.sqrt(${law.scale} / n)`], kind: 'normal' };
  return { lines: [n, `std = math.sqrt(${law.scale} / n) / ${PY_TRUNCATION}`], kind: 'truncated' };
}

// ---- PyTorch: statements on `w`, a Linear weight of shape (n_out, n_in), under torch.no_grad().

function torchLaw(law: PyLaw): string[] {
  switch (law.kind) {
    case 'variance_scaling': {
      const { lines, kind } = vsNumbers(law);
      const call =
        kind === 'uniform'
          ? 'nn.init.uniform_(w, -limit, limit)'
          : kind === 'normal'
            ? 'nn.init.normal_(w, 0.0, std)'
            : 'nn.init.trunc_normal_(w, 0.0, std, -2 * std, 2 * std)';
      return [...lines, call];
    }
    case 'normal':
      return [`nn.init.normal_(w, 0.0, ${law.std})`];
    case 'truncated_normal':
      return [`std = ${law.std}`, 'nn.init.trunc_normal_(w, 0.0, std, -2 * std, 2 * std)'];
    case 'uniform':
      return [`nn.init.uniform_(w, -${law.limit}, ${law.limit})`];
    case 'constant':
      return [`nn.init.constant_(w, ${law.value})`];
    case 'orthogonal':
      return [`nn.init.orthogonal_(w, gain=${law.gain})`];
    case 'identity':
      return [`nn.init.eye_(w).mul_(${law.gain})`];
    case 'truncated_range':
      return [`nn.init.trunc_normal_(w, ${law.mean}, ${law.std}, ${law.lo}, ${law.hi})`];
    case 'sparse':
      return [`nn.init.sparse_(w, ${law.sparsity}, ${law.std})`];
  }
}

export function torchInit(config: SimConfig): string {
  const facts = frameworkFacts(config.init, config.initParams);
  const weight = facts.torch ? [facts.torch] : torchLaw(facts.law);
  const bias = facts.biasLimit
    ? [`limit = ${facts.biasLimit}`, 'nn.init.uniform_(b, -limit, limit)']
    : config.biasStd > 0
      ? ['nn.init.normal_(b, 0.0, BIAS_STD)']
      : ['nn.init.zeros_(b)'];
  return [
    initComment(config, 'pytorch'),
    'def init_weight(w, n_in, n_out):',
    indentLines(weight.join('\n'), '    '),
    '',
    '',
    'def init_bias(b, n_in, n_out):',
    indentLines(bias.join('\n'), '    '),
  ].join('\n');
}

// ---- JAX: a function of (key, n_in, n_out) returning the (n_in, n_out) kernel.

function jaxInitializer(facts: FrameworkFacts): string {
  const law = facts.law;
  if (facts.jax) return `jax.nn.initializers.${facts.jax}()`;
  switch (law.kind) {
    case 'variance_scaling': {
      const distribution = law.distribution === 'untruncated_normal' ? 'normal' : law.distribution;
      return `jax.nn.initializers.variance_scaling(${law.scale}, '${law.mode}', '${distribution}')`;
    }
    case 'normal':
      return `jax.nn.initializers.normal(stddev=${law.std})`;
    case 'truncated_normal':
      return `jax.nn.initializers.truncated_normal(stddev=${law.std})`;
    case 'uniform':
      return `symmetric_uniform(${law.limit})`;
    case 'constant':
      return law.value === '0.0'
        ? 'jax.nn.initializers.zeros'
        : law.value === '1.0'
          ? 'jax.nn.initializers.ones'
          : `jax.nn.initializers.constant(${law.value})`;
    case 'orthogonal':
      return `jax.nn.initializers.orthogonal(scale=${law.gain})`;
    case 'identity':
      return `scaled_identity(${law.gain})`;
    case 'truncated_range':
      return `truncated_range(${law.mean}, ${law.std}, ${law.lo}, ${law.hi})`;
    case 'sparse':
      return `sparse_normal(${law.sparsity}, ${law.std})`;
  }
}

const JAX_HELPERS: Record<string, string> = {
  symmetric_uniform: [
    'def symmetric_uniform(limit):',
    '    # jax.nn.initializers.uniform(scale) draws from [0, scale); this is U(-limit, limit).',
    '    return lambda key, shape, dtype=jnp.float32: jax.random.uniform(key, shape, dtype, -limit, limit)',
  ].join('\n'),
  scaled_identity: [
    'def scaled_identity(gain):',
    '    return lambda key, shape, dtype=jnp.float32: gain * jnp.eye(*shape, dtype=dtype)',
  ].join('\n'),
  truncated_range: [
    'def truncated_range(mean, std, lo, hi):',
    "    # PyTorch's trunc_normal_: N(mean, std^2) kept in the absolute range [lo, hi].",
    '    def init(key, shape, dtype=jnp.float32):',
    '        z = jax.random.truncated_normal(key, (lo - mean) / std, (hi - mean) / std, shape, dtype)',
    '        return mean + std * z',
    '',
    '    return init',
  ].join('\n'),
  sparse_normal: [
    'def sparse_normal(sparsity, std):',
    "    # PyTorch's sparse_: N(0, std^2), then ceil(sparsity * n_out) of each input unit's weights set to 0.",
    '    def init(key, shape, dtype=jnp.float32):',
    '        key_w, key_mask = jax.random.split(key)',
    '        n_in, n_out = shape',
    '        zeros = min(n_out, math.ceil(sparsity * n_out))',
    '        ranks = jnp.argsort(jnp.argsort(jax.random.uniform(key_mask, shape), axis=1), axis=1)',
    '        return jnp.where(ranks < zeros, 0.0, std * jax.random.normal(key_w, shape, dtype))',
    '',
    '    return init',
  ].join('\n'),
};

export function jaxInit(config: SimConfig): string {
  const facts = frameworkFacts(config.init, config.initParams);
  const initializer = jaxInitializer(facts);
  const helpers = Object.entries(JAX_HELPERS)
    .filter(([name]) => initializer.startsWith(name))
    .map(([, code]) => code + '\n\n\n');
  const bias = facts.biasLimit
    ? [`limit = ${facts.biasLimit}`, 'return jax.random.uniform(key, (n_out,), jnp.float32, -limit, limit)']
    : config.biasStd > 0
      ? ['return BIAS_STD * jax.random.normal(key, (n_out,), jnp.float32)']
      : ['return jnp.zeros((n_out,), jnp.float32)'];
  return [
    helpers.join('') + initComment(config, 'jax'),
    `WEIGHT_INIT = ${initializer}`,
    '',
    '',
    'def init_weight(key, n_in, n_out):',
    '    return WEIGHT_INIT(key, (n_in, n_out), jnp.float32)',
    '',
    '',
    'def init_bias(key, n_in, n_out):',
    indentLines(bias.join('\n'), '    '),
  ].join('\n');
}

// ---- Keras 3: a fresh initializer object per layer (keras.utils.set_random_seed makes it repeatable).

function kerasInitializer(facts: FrameworkFacts): string {
  const law = facts.law;
  if (facts.keras) return `keras.initializers.${facts.keras}()`;
  switch (law.kind) {
    case 'variance_scaling':
      return `keras.initializers.VarianceScaling(scale=${law.scale}, mode='${law.mode}', distribution='${law.distribution}')`;
    case 'normal':
      return `keras.initializers.RandomNormal(mean=0.0, stddev=${law.std})`;
    case 'truncated_normal':
      return `keras.initializers.TruncatedNormal(mean=0.0, stddev=${law.std})`;
    case 'uniform':
      return `keras.initializers.RandomUniform(minval=-${law.limit}, maxval=${law.limit})`;
    case 'constant':
      return law.value === '0.0'
        ? 'keras.initializers.Zeros()'
        : law.value === '1.0'
          ? 'keras.initializers.Ones()'
          : `keras.initializers.Constant(${law.value})`;
    case 'orthogonal':
      return `keras.initializers.Orthogonal(gain=${law.gain})`;
    case 'identity':
      return `keras.initializers.Identity(gain=${law.gain})`;
    case 'truncated_range':
      return `TruncatedRange(${law.mean}, ${law.std}, ${law.lo}, ${law.hi})`;
    case 'sparse':
      return `SparseNormal(${law.sparsity}, ${law.std})`;
  }
}

const KERAS_HELPERS: Record<string, string> = {
  TruncatedRange: [
    'class TruncatedRange(keras.initializers.Initializer):',
    "    # PyTorch's trunc_normal_: N(mean, std^2) kept in [lo, hi], by the inverse CDF as PyTorch draws it.",
    '    def __init__(self, mean, std, lo, hi):',
    '        self.mean, self.std, self.lo, self.hi = mean, std, lo, hi',
    '',
    '    def __call__(self, shape, dtype=None):',
    '        cdf = lambda x: 0.5 * (1 + math.erf((x - self.mean) / (self.std * math.sqrt(2.0))))',
    '        u = keras.random.uniform(shape, 2 * cdf(self.lo) - 1, 2 * cdf(self.hi) - 1, dtype=dtype)',
    '        return keras.ops.clip(self.mean + self.std * math.sqrt(2.0) * keras.ops.erfinv(u), self.lo, self.hi)',
  ].join('\n'),
  SparseNormal: [
    'class SparseNormal(keras.initializers.Initializer):',
    "    # PyTorch's sparse_: N(0, std^2), then ceil(sparsity * n_out) of each input unit's weights set to 0.",
    '    def __init__(self, sparsity, std):',
    '        self.sparsity, self.std = sparsity, std',
    '',
    '    def __call__(self, shape, dtype=None):',
    '        o = keras.ops',
    '        n_in, n_out = shape',
    '        zeros = min(n_out, math.ceil(self.sparsity * n_out))',
    '        ranks = o.argsort(o.argsort(keras.random.uniform(shape), axis=1), axis=1)',
    '        return o.where(ranks < zeros, 0.0, keras.random.normal(shape, stddev=self.std, dtype=dtype))',
  ].join('\n'),
};

export function kerasInit(config: SimConfig): string {
  const facts = frameworkFacts(config.init, config.initParams);
  const initializer = kerasInitializer(facts);
  const helpers = Object.entries(KERAS_HELPERS)
    .filter(([name]) => initializer.startsWith(name))
    .map(([, code]) => code + '\n\n\n');
  const bias = facts.biasLimit
    ? [`limit = ${facts.biasLimit}`, 'return keras.initializers.RandomUniform(minval=-limit, maxval=limit)']
    : config.biasStd > 0
      ? ['return keras.initializers.RandomNormal(mean=0.0, stddev=BIAS_STD)']
      : ['return keras.initializers.Zeros()'];
  return [
    helpers.join('') + initComment(config, 'keras'),
    'def weight_initializer(n_in, n_out):',
    `    return ${initializer}`,
    '',
    '',
    'def bias_initializer(n_in, n_out):',
    indentLines(bias.join('\n'), '    '),
  ].join('\n');
}

// ---- numpy: the law drawn by hand, as the classic snippets do; W has shape (n_in, n_out).

function numpyLaw(law: PyLaw): string[] {
  const shape = '(n_in, n_out)';
  switch (law.kind) {
    case 'variance_scaling': {
      const { lines, kind } = vsNumbers(law);
      const draw =
        kind === 'uniform'
          ? `return rng.uniform(-limit, limit, ${shape})`
          : kind === 'normal'
            ? `return rng.standard_normal(${shape}) * std`
            : `return truncated_normal(rng, std, ${shape})`;
      return [...lines, draw];
    }
    case 'normal':
      return [`return rng.standard_normal(${shape}) * ${law.std}`];
    case 'truncated_normal':
      return [`return truncated_normal(rng, ${law.std}, ${shape})`];
    case 'uniform':
      return [`return rng.uniform(-${law.limit}, ${law.limit}, ${shape})`];
    case 'constant':
      return [`return np.full(${shape}, ${law.value})`];
    case 'orthogonal':
      return [`return ${law.gain} * orthogonal(rng, n_in, n_out)`];
    case 'identity':
      return [`return ${law.gain} * np.eye(n_in, n_out)`];
    case 'truncated_range':
      return [`return truncated_range(rng, ${law.mean}, ${law.std}, ${law.lo}, ${law.hi}, ${shape})`];
    case 'sparse':
      return [
        `w = rng.standard_normal(${shape}) * ${law.std}`,
        `zeros = min(n_out, math.ceil(${law.sparsity} * n_out))`,
        'for row in w:',
        '    row[rng.permutation(n_out)[:zeros]] = 0.0',
        'return w',
      ];
  }
}

export function numpyInit(config: SimConfig): string {
  const facts = frameworkFacts(config.init, config.initParams);
  const bias = facts.biasLimit
    ? [`limit = ${facts.biasLimit}`, 'return rng.uniform(-limit, limit, n_out)']
    : config.biasStd > 0
      ? ['return rng.standard_normal(n_out) * BIAS_STD']
      : ['return np.zeros(n_out)'];
  return [
    initComment(config, 'numpy'),
    'def draw_weight(rng, n_in, n_out):',
    indentLines(numpyLaw(facts.law).join('\n'), '    '),
    '',
    '',
    'def draw_bias(rng, n_in, n_out):',
    indentLines(bias.join('\n'), '    '),
  ].join('\n');
}
