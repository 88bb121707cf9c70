// The experiment in plain numpy, in the style of the classic snippets: each weight matrix drawn
// by hand from its law, float32 products, forward statistics only (numpy has no autograd).

import type { SimConfig } from '../core/types';
import { activationCode, needsErf } from './activationCode';
import { argsBlock, configBlock, header, MAIN_BLOCK, momentsBlock, pythonScript, RECORDS_BLOCK } from './common';
import { hasNorm, isResidualNet, residualBlock, streamStatsBlock } from './architecture';
import { numpyInit } from './initCode';
import { numpyResidualRun } from './numpyResidual';

export const NUMPY_FILE = 'initscope_numpy.py';

const MOMENTS = momentsBlock(['t = np.asarray(t, dtype=np.float64)', "with np.errstate(all='ignore'):"], {
  mean: 't.mean()',
  variance: 't.var()',
  secondMoment: 'np.mean(t * t)',
  min: 't.min()',
  max: 't.max()',
  fractionZero: 'np.mean(t == 0)',
  nonFinite: 'np.sum(~np.isfinite(t))',
});

const HELPERS = [
  'def truncated_normal(rng, std, shape):',
  '    """N(0, std²) with every draw outside ±2·std drawn again (no rescaling)."""',
  '    w = rng.standard_normal(shape)',
  '    outside = np.abs(w) > 2',
  '    while outside.any():',
  '        w[outside] = rng.standard_normal(int(outside.sum()))',
  '        outside = np.abs(w) > 2',
  '    return w * std',
  '',
  '',
  'def truncated_range(rng, mean, std, lo, hi, shape):',
  '    # N(mean, std^2) with every draw outside [lo, hi] drawn again.',
  '    w = mean + std * rng.standard_normal(shape)',
  '    outside = (w < lo) | (w > hi)',
  '    while outside.any():',
  '        w[outside] = mean + std * rng.standard_normal(int(outside.sum()))',
  '        outside = (w < lo) | (w > hi)',
  '    return w',
  '',
  '',
  'def orthogonal(rng, n_in, n_out):',
  '    """Haar-orthogonal: QR of a Gaussian matrix with the signs of R\'s diagonal (Mezzadri 2007)."""',
  '    a = rng.standard_normal((max(n_in, n_out), min(n_in, n_out)))',
  '    q, r = np.linalg.qr(a)',
  '    q *= np.sign(np.diag(r))',
  '    return q if n_in >= n_out else q.T',
].join('\n');

const ERF = [
  '# numpy has no erf: math.erf element by element (slow, exact).',
  'erf = np.vectorize(math.erf, otypes=[np.float64])',
].join('\n');

export function numpyInput(config: SimConfig): string {
  return config.input === 'uniform'
    ? "rng.uniform(-math.sqrt(3.0), math.sqrt(3.0), (config['batch'], config['inputDim']))"
    : "rng.standard_normal((config['batch'], config['inputDim']))";
}

/** normalize(x): the app's three norms at γ = 1, β = 0, statistics in float64, out in float32. */
export const NUMPY_NORM = [
  'def normalize(x):',
  "    kind, eps = CONFIG['architecture']['norm'], CONFIG['architecture']['normEps']",
  '    x = np.asarray(x, dtype=np.float64)',
  "    axis = 0 if kind == 'batch' else -1",
  "    centred = x if kind == 'rms' else x - x.mean(axis=axis, keepdims=True)",
  "    with np.errstate(all='ignore'):",
  '        return (centred / np.sqrt(np.mean(centred * centred, axis=axis, keepdims=True) + eps)).astype(np.float32)',
].join('\n');

/** layer_weights(rng, config, i, n_in, n_out): W and b of linear layer i, drawn as the app draws them. */
export function numpyWeights(config: SimConfig): string {
  const fixup = config.architecture?.kind === 'residual' && config.architecture.fixup;
  return [
    'def layer_weights(rng, config, i, n_in, n_out):',
    '    W = draw_weight(rng, n_in, n_out).astype(np.float32)',
    '    b = draw_bias(rng, n_in, n_out).astype(np.float32)',
    ...(fixup
      ? [
          '    scale = fixup_multiplier(config, i)',
          '    if scale is not None:',
          '        W, b = (W * np.float32(scale)).astype(np.float32), np.zeros_like(b)',
        ]
      : []),
    '    return W, b',
  ].join('\n');
}

export const NUMPY_STREAM = streamStatsBlock(
  ['wide = np.asarray(x, dtype=np.float64)'],
  'np.mean(wide * wide)',
  'np.mean(wide.mean(axis=0) ** 2)',
);

export function numpyActivation(config: SimConfig): string {
  return [
    'def activation(h):',
    '    with np.errstate(over="ignore"):',
    `        return (${activationCode(config, 'numpy')}).astype(np.float32)`,
  ].join('\n');
}

/** activation(), then run()'s first lines: the generator, the widths and the fans. */
export function numpyRunStart(config: SimConfig): string[] {
  return [
    numpyActivation(config),
    '',
    '',
    'def run(config):',
    "    rng = np.random.default_rng(config['seed'])",
    "    widths = config['widths']",
    "    fans = [config['inputDim']] + widths[:-1]",
  ];
}

function runBlock(config: SimConfig): string {
  const input = numpyInput(config);
  return [
    ...numpyRunStart(config),
    `    signal = ${input}.astype(np.float32)`,
    '    records = []',
    '    for i, (n_in, n_out) in enumerate(zip(fans, widths)):',
    '        W, b = layer_weights(rng, config, i, n_in, n_out)',
    '        with np.errstate(all="ignore"):',
    '            h = signal @ W + b',
    `        signal = activation(${hasNorm(config) ? 'normalize(h)' : 'h'})`,
    '        append_layer(records, n_in, n_out, W, b, h, signal)',
    "    source = {'framework': 'numpy', 'version': np.__version__}",
    "    return {'config': config, 'layers': records, 'source': source}",
  ].join('\n');
}

export function numpyScript(config: SimConfig): string {
  const residual = isResidualNet(config);
  return pythonScript(
    header('numpy', config, NUMPY_FILE, 'numpy'),
    ['import numpy as np'],
    [
      configBlock(config),
      HELPERS,
      ...(needsErf(config) ? [ERF] : []),
      numpyInit(config),
      ...(hasNorm(config) ? [NUMPY_NORM] : []),
      MOMENTS,
      RECORDS_BLOCK,
      ...(residual ? [residualBlock(config), NUMPY_STREAM] : []),
      numpyWeights(config),
      residual ? numpyResidualRun(config) : runBlock(config),
      argsBlock("Initscope's experiment in numpy", { residual }),
      MAIN_BLOCK('run(settings(args))'),
    ],
  );
}
