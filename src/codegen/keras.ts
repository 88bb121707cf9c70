// The experiment in Keras 3: Dense layers with keras.initializers, on any backend. Keras 3 has no
// backend-independent gradient, so this script reports the forward pass only.

import type { SimConfig } from '../core/types';
import { activationCode } from './activationCode';
import { argsBlock, configBlock, header, MAIN_BLOCK, momentsBlock, pythonScript, RECORDS_BLOCK } from './common';
import { kerasInit } from './initCode';

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

function runBlock(config: SimConfig): string {
  const shape = "(config['batch'], config['inputDim'])";
  const input =
    config.input === 'uniform'
      ? `keras.random.uniform(${shape}, -math.sqrt(3.0), math.sqrt(3.0), seed=seeds)`
      : `keras.random.normal(${shape}, seed=seeds)`;
  return [
    'def activation(h):',
    `    return ${activationCode(config, 'keras')}`,
    '',
    '',
    'def run(config):',
    "    keras.utils.set_random_seed(config['seed'])",
    "    seeds = keras.random.SeedGenerator(config['seed'])",
    "    widths = config['widths']",
    "    fans = [config['inputDim']] + widths[:-1]",
    '    layers = []',
    '    for n_in, n_out in zip(fans, widths):',
    '        dense = keras.layers.Dense(',
    '            n_out, kernel_initializer=weight_initializer(n_in, n_out), bias_initializer=bias_initializer(n_in, n_out)',
    '        )',
    '        dense.build((None, n_in))',
    '        layers.append(dense)',
    `    signal = ${input}`,
    '    records = []',
    '    for dense, n_in, n_out in zip(layers, fans, widths):',
    '        h = dense(signal)',
    '        signal = activation(h)',
    '        append_layer(records, n_in, n_out, dense.kernel, dense.bias, h, signal)',
    "    source = {'framework': 'keras', 'version': keras.__version__, 'backend': keras.backend.backend()}",
    "    return {'config': config, 'layers': records, 'source': source}",
  ].join('\n');
}

export function kerasScript(config: SimConfig): string {
  return pythonScript(
    header('keras', config, KERAS_FILE, 'keras 3 (tested with 3.15 on the jax backend: KERAS_BACKEND=jax)'),
    ['import keras'],
    [
      configBlock(config),
      kerasInit(config),
      MOMENTS,
      RECORDS_BLOCK,
      runBlock(config),
      argsBlock("Initscope's experiment in Keras 3"),
      MAIN_BLOCK('run(settings(args))'),
    ],
  );
}
