// The experiment in Keras 3: Dense layers with keras.initializers, on any backend. Keras 3 has no
// backend-independent gradient, so this script reports the forward pass only.

import type { SimConfig } from '../core/types';
import { activationCode } from './activationCode';
import { argsBlock, configBlock, header, MAIN_BLOCK, momentsBlock, pythonScript, RECORDS_BLOCK } from './common';
import { hasNorm, isResidualNet, residualBlock, streamStatsBlock } from './architecture';
import { kerasInit } from './initCode';
import { kerasResidualRun } from './kerasResidual';

export const KERAS_FILE = 'initscope_keras.py';

const MOMENTS = momentsBlock(['o = keras.ops', 't = o.convert_to_tensor(t)', 'mean = o.mean(t)'], {
  mean: 'mean',
  variance: 'o.mean((t - mean) ** 2)',
  secondMoment: 'o.mean(t * t)',
  min: 'o.min(t)',
  max: 'o.max(t)',
  fractionZero: "o.mean(o.cast(o.equal(t, 0), 'float32'))",
  nonFinite: "o.sum(o.cast(o.logical_not(o.isfinite(t)), 'int32'))",
});

export function kerasInput(config: SimConfig): string {
  const shape = "(config['batch'], config['inputDim'])";
  return config.input === 'uniform'
    ? `keras.random.uniform(${shape}, -math.sqrt(3.0), math.sqrt(3.0), seed=seeds)`
    : `keras.random.normal(${shape}, seed=seeds)`;
}

/** norm_layer(): Keras's own normalization layer, ε passed explicitly; called with training=True. */
export const KERAS_NORM = [
  'def norm_layer():',
  '    # Keras defaults to epsilon=1e-3 (BatchNormalization, LayerNormalization) and 1e-6',
  '    # (RMSNormalization); the app uses normEps. training=True makes BatchNormalization use the',
  '    # batch statistics (biased variance) rather than its moving averages.',
  "    kind, eps = CONFIG['architecture']['norm'], CONFIG['architecture']['normEps']",
  "    if kind == 'batch':",
  '        return keras.layers.BatchNormalization(epsilon=eps)',
  "    if kind == 'layer':",
  '        return keras.layers.LayerNormalization(epsilon=eps)',
  '    return keras.layers.RMSNormalization(epsilon=eps)',
].join('\n');

/** dense_layers(config, seeds): the Dense layers, built and initialized as the app draws them. */
export function kerasBuild(config: SimConfig): string {
  const fixup = config.architecture?.kind === 'residual' && config.architecture.fixup;
  return [
    'def dense_layers(config):',
    "    fans = [config['inputDim']] + config['widths'][:-1]",
    '    layers = []',
    "    for i, (n_in, n_out) in enumerate(zip(fans, config['widths'])):",
    '        dense = keras.layers.Dense(',
    '            n_out, kernel_initializer=weight_initializer(n_in, n_out), bias_initializer=bias_initializer(n_in, n_out)',
    '        )',
    '        dense.build((None, n_in))',
    ...(fixup
      ? [
          '        scale = fixup_multiplier(config, i)',
          '        if scale is not None:',
          '            dense.kernel.assign(keras.ops.multiply(dense.kernel.value, scale))',
          '            dense.bias.assign(keras.ops.zeros(dense.bias.shape))',
        ]
      : []),
    '        layers.append(dense)',
    '    return layers',
  ].join('\n');
}

export const KERAS_STREAM = streamStatsBlock(
  ['o = keras.ops', 'wide = o.convert_to_tensor(x)'],
  'o.mean(wide * wide)',
  'o.mean(o.mean(wide, axis=0) ** 2)',
);

/** activation(), then run()'s first lines: the seeds. */
export function kerasRunStart(config: SimConfig): string[] {
  return [
    'def activation(h):',
    `    return ${activationCode(config, 'keras')}`,
    '',
    '',
    'def run(config):',
    "    keras.utils.set_random_seed(config['seed'])",
    "    seeds = keras.random.SeedGenerator(config['seed'])",
  ];
}

function runBlock(config: SimConfig): string {
  const input = kerasInput(config);
  const norm = hasNorm(config);
  return [
    ...kerasRunStart(config),
    "    widths = config['widths']",
    "    fans = [config['inputDim']] + widths[:-1]",
    '    layers = dense_layers(config)',
    ...(norm ? ['    norms = [norm_layer() for _ in layers]'] : []),
    `    signal = ${input}`,
    '    records = []',
    '    for i, (dense, n_in, n_out) in enumerate(zip(layers, fans, widths)):',
    '        h = dense(signal)',
    `        signal = activation(${norm ? 'norms[i](h, training=True)' : 'h'})`,
    '        append_layer(records, n_in, n_out, dense.kernel, dense.bias, h, signal)',
    "    source = {'framework': 'keras', 'version': keras.__version__, 'backend': keras.backend.backend()}",
    "    return {'config': config, 'layers': records, 'source': source}",
  ].join('\n');
}

export function kerasScript(config: SimConfig): string {
  const residual = isResidualNet(config);
  return pythonScript(
    header('keras', config, KERAS_FILE, 'keras 3 (tested with 3.15 on the jax backend: KERAS_BACKEND=jax)'),
    ['import keras'],
    [
      configBlock(config),
      kerasInit(config),
      ...(hasNorm(config) ? [KERAS_NORM] : []),
      MOMENTS,
      RECORDS_BLOCK,
      ...(residual ? [residualBlock(config), KERAS_STREAM] : []),
      kerasBuild(config),
      residual ? kerasResidualRun(config) : runBlock(config),
      argsBlock("Initscope's experiment in Keras 3", { residual }),
      MAIN_BLOCK('run(settings(args))'),
    ],
  );
}
