// The experiment in JAX: plain jax.numpy layers initialized with jax.nn.initializers, forward
// statistics and the backward pass by jax.grad.

import type { SimConfig } from '../core/types';
import { activationCode } from './activationCode';
import { argsBlock, configBlock, header, MAIN_BLOCK, momentsBlock, pythonScript, RECORDS_BLOCK } from './common';
import { hasNorm, isResidualNet, residualBlock, streamStatsBlock } from './architecture';
import { jaxInit } from './initCode';
import { jaxResidualRun } from './jaxResidual';

export const JAX_FILE = 'initscope_jax.py';

const MOMENTS = momentsBlock(['mean = jnp.mean(t)'], {
  mean: 'mean',
  variance: 'jnp.mean((t - mean) ** 2)',
  secondMoment: 'jnp.mean(t * t)',
  min: 'jnp.min(t)',
  max: 'jnp.max(t)',
  fractionZero: 'jnp.mean(t == 0)',
  nonFinite: 'jnp.sum(~jnp.isfinite(t))',
});

export function jaxInput(config: SimConfig): string {
  const shape = "(config['batch'], config['inputDim'])";
  return config.input === 'uniform'
    ? `jax.random.uniform(key_x, ${shape}, jnp.float32, -math.sqrt(3.0), math.sqrt(3.0))`
    : `jax.random.normal(key_x, ${shape}, jnp.float32)`;
}

/** normalize(x): the app's three norms at γ = 1, β = 0, written with jax.numpy (JAX has no layers). */
export const JAX_NORM = [
  'def normalize(x):',
  "    kind, eps = CONFIG['architecture']['norm'], CONFIG['architecture']['normEps']",
  "    if kind == 'rms':",
  '        return x * jax.lax.rsqrt(jnp.mean(x * x, axis=-1, keepdims=True) + eps)',
  "    # The two-pass variance: jax.nn.standardize's default algorithm='fast' is E[x²] − E[x]².",
  "    return jax.nn.standardize(x, axis=0 if kind == 'batch' else -1, epsilon=eps, algorithm='stable')",
].join('\n');

export const JAX_STREAM = streamStatsBlock(
  ['wide = x'],
  'jnp.mean(wide * wide)',
  'jnp.mean(jnp.mean(wide, axis=0) ** 2)',
);

function runBlock(config: SimConfig): string {
  const input = jaxInput(config);
  const normed = hasNorm(config) ? 'normalize(h)' : 'h';
  return [
    'def activation(h):',
    `    return ${activationCode(config, 'jax')}`,
    '',
    '',
    'def forward(params, x, shifts):',
    '    """Every pre-activation h = a @ W + b (+ a zero shift, whose gradient is dL/dh)."""',
    '    hs, signal = [], x',
    '    for (w, b), shift in zip(params, shifts):',
    '        h = signal @ w + b + shift',
    '        hs.append(h)',
    `        signal = activation(${normed})`,
    '    return hs',
    '',
    '',
    'def run(config, backward=True):',
    "    widths = config['widths']",
    "    fans = [config['inputDim']] + widths[:-1]",
    "    keys = jax.random.split(jax.random.key(config['seed']), 2 * len(widths) + 2)",
    '    params = [',
    '        (init_weight(keys[2 * i], n_in, n_out), init_bias(keys[2 * i + 1], n_in, n_out))',
    '        for i, (n_in, n_out) in enumerate(zip(fans, widths))',
    '    ]',
    '    key_x, key_g = keys[-2], keys[-1]',
    `    x = ${input}`,
    "    shifts = [jnp.zeros((config['batch'], n), jnp.float32) for n in widths]",
    '    hs = forward(params, x, shifts)',
    '    records = []',
    '    for (w, b), h, n_in, n_out in zip(params, hs, fans, widths):',
    `        append_layer(records, n_in, n_out, w, b, h, activation(${normed}))`,
    '    if backward:',
    '        g = jax.random.normal(key_g, hs[-1].shape, jnp.float32)',
    '        loss = lambda params, shifts: jnp.sum(forward(params, x, shifts)[-1] * g)',
    '        weight_grads, deltas = jax.grad(loss, argnums=(0, 1))(params, shifts)',
    '        for record, delta, (w_grad, _) in zip(records, deltas, weight_grads):',
    "            record['gradient'] = gradient_record(delta, w_grad)",
    "    source = {'framework': 'jax', 'version': jax.__version__, 'device': str(jax.devices()[0])}",
    "    return {'config': config, 'layers': records, 'source': source}",
  ].join('\n');
}

export function jaxScript(config: SimConfig): string {
  const residual = isResidualNet(config);
  return pythonScript(
    header('jax', config, JAX_FILE, "jax (tested with 0.10); it runs on JAX's default device"),
    [
      'import jax',
      'import jax.numpy as jnp',
      '',
      '# Full float32 products on every device (GPUs and TPUs may otherwise round them to TF32 or bf16).',
      "jax.config.update('jax_default_matmul_precision', 'highest')",
    ],
    [
      configBlock(config),
      jaxInit(config),
      ...(hasNorm(config) ? [JAX_NORM] : []),
      MOMENTS,
      RECORDS_BLOCK,
      ...(residual ? [residualBlock(config), JAX_STREAM, jaxResidualRun(config)] : [runBlock(config)]),
      argsBlock("Initscope's experiment in JAX", {
        residual,
        extraArgs: [
          "parser.add_argument('--forward-only', action='store_true', help='skip the backward pass (less memory)')",
        ],
      }),
      MAIN_BLOCK('run(settings(args), backward=not args.forward_only)'),
    ],
  );
}
