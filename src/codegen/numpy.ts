// The experiment in plain numpy, in the style of the classic snippets: each weight matrix drawn
// by hand from its law, float32 products, forward statistics only (numpy has no autograd).

import type { SimConfig } from '../core/types';
import { activationCode, needsErf } from './activationCode';
import { argsBlock, configBlock, header, MAIN_BLOCK, momentsBlock, pythonScript, RECORDS_BLOCK } from './common';
import { numpyInit } from './initCode';

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

function runBlock(config: SimConfig): string {
  const input =
    config.input === 'uniform'
      ? "rng.uniform(-math.sqrt(3.0), math.sqrt(3.0), (config['batch'], config['inputDim']))"
      : "rng.standard_normal((config['batch'], config['inputDim']))";
  return [
    'def activation(h):',
    '    with np.errstate(over="ignore"):',
    `        return (${activationCode(config, 'numpy')}).astype(np.float32)`,
    '',
    '',
    'def run(config):',
    "    rng = np.random.default_rng(config['seed'])",
    "    widths = config['widths']",
    "    fans = [config['inputDim']] + widths[:-1]",
    `    signal = ${input}.astype(np.float32)`,
    '    records = []',
    '    for n_in, n_out in zip(fans, widths):',
    '        W = draw_weight(rng, n_in, n_out).astype(np.float32)',
    '        b = draw_bias(rng, n_in, n_out).astype(np.float32)',
    '        with np.errstate(all="ignore"):',
    '            h = signal @ W + b',
    '        signal = activation(h)',
    '        append_layer(records, n_in, n_out, W, b, h, signal)',
    "    source = {'framework': 'numpy', 'version': np.__version__}",
    "    return {'config': config, 'layers': records, 'source': source}",
  ].join('\n');
}

export function numpyScript(config: SimConfig): string {
  return pythonScript(
    header('numpy', config, NUMPY_FILE, 'numpy'),
    ['import numpy as np'],
    [
      configBlock(config),
      HELPERS,
      ...(needsErf(config) ? [ERF] : []),
      numpyInit(config),
      MOMENTS,
      RECORDS_BLOCK,
      runBlock(config),
      argsBlock("Initscope's experiment in numpy"),
      MAIN_BLOCK('run(settings(args))'),
    ],
  );
}
