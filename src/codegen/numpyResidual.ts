// The residual network in numpy: float32 products around the stream, the norms of numpy.ts,
// forward statistics per layer and per block (numpy has no autograd).

import type { SimConfig } from '../core/types';
import { normSites } from './architecture';
import { numpyInput, numpyRunStart } from './numpy';

export function numpyResidualRun(config: SimConfig): string {
  const { pre, post } = normSites(config);
  return [
    ...numpyRunStart(config),
    '    stem, blocks, m = residual_shape(config)',
    "    alpha = np.float32(config['architecture']['branchScale'])",
    `    x = ${numpyInput(config)}.astype(np.float32)`,
    '    params = [layer_weights(rng, config, i, n_in, n_out) for i, (n_in, n_out) in enumerate(zip(fans, widths))]',
    '    records, block_records = [], []',
    "    with np.errstate(all='ignore'):",
    '        if stem:',
    '            W, b = params[0]',
    '            x = x @ W + b',
    '            append_block_layer(records, 0, fans[0], widths[0], W, b, x, x, False)',
    '        for k in range(blocks):',
    `            u = ${pre ? 'normalize(x)' : 'x'}`,
    '            input_zero = False',
    '            for j in range(m):',
    '                i = stem + k * m + j',
    '                W, b = params[i]',
    '                h = u @ W + b',
    '                u = activation(h) if j < m - 1 else h',
    '                input_zero = append_block_layer(records, k + 1, fans[i], widths[i], W, b, h, u, input_zero)',
    `            x = ${post ? 'normalize(x + alpha * h)' : 'x + alpha * h'}`,
    '            block_records.append(block_record(k + 1, x, h))',
    "    source = {'framework': 'numpy', 'version': np.__version__}",
    "    return {'config': config, 'layers': records, 'blocks': with_theory(config, block_records), 'source': source}",
  ].join('\n');
}
