// The residual network in Keras 3: Dense branches around the stream and Keras's normalization
// layers, forward statistics per layer and per block (Keras 3 has no backend-independent gradient).

import type { SimConfig } from '../core/types';
import { hasNorm, normSites } from './architecture';
import { kerasInput, kerasRunStart } from './keras';

export function kerasResidualRun(config: SimConfig): string {
  const norm = hasNorm(config);
  const { pre, post } = normSites(config);
  return [
    ...kerasRunStart(config),
    '    stem, blocks, m = residual_shape(config)',
    "    alpha = config['architecture']['branchScale']",
    '    layers = dense_layers(config)',
    ...(norm ? ['    norms = [norm_layer() for _ in range(blocks)]'] : []),
    `    x = ${kerasInput(config)}`,
    '    records, block_records = [], []',
    '    if stem:',
    '        dense = layers[0]',
    '        x = dense(x)',
    '        append_block_layer(records, 0, dense.kernel.shape[0], dense.units, dense.kernel, dense.bias, x, x, False)',
    '    for k in range(blocks):',
    `        u = ${pre ? 'norms[k](x, training=True)' : 'x'}`,
    '        input_zero = False',
    '        for j in range(m):',
    '            dense = layers[stem + k * m + j]',
    '            h = dense(u)',
    '            u = activation(h) if j < m - 1 else h',
    '            input_zero = append_block_layer(',
    '                records, k + 1, dense.kernel.shape[0], dense.units, dense.kernel, dense.bias, h, u, input_zero',
    '            )',
    `        x = ${post ? 'norms[k](x + alpha * h, training=True)' : 'x + alpha * h'}`,
    '        block_records.append(block_record(k + 1, x, h))',
    "    source = {'framework': 'keras', 'version': keras.__version__, 'backend': keras.backend.backend()}",
    "    return {'config': config, 'layers': records, 'blocks': with_theory(config, block_records), 'source': source}",
  ].join('\n');
}
