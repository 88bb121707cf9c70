// The residual network in PyTorch: torch.nn.Linear branches around the stream, the norm modules of
// pytorch.ts, per-layer and per-block statistics, and autograd for dL/dh of every layer and
// dL/dx^k of the stream, L = Σ x^K·g with g ~ N(0, 1) as in the app.

import type { SimConfig } from '../core/types';
import { activationCode } from './activationCode';
import { hasNorm, normSites } from './architecture';
import { torchInput, torchRunStart } from './pytorch';

export function torchResidualRun(config: SimConfig): string {
  const norm = hasNorm(config);
  const { pre, post } = normSites(config);
  return [
    ...torchRunStart(config),
    '    stem, blocks, m = residual_shape(config)',
    "    alpha = config['architecture']['branchScale']",
    ...(norm ? ["    norms = [norm_layer(config['widths'][-1], device) for _ in range(blocks)]"] : []),
    `    activation = ${activationCode(config, 'pytorch')}`,
    "    batch = config['batch']",
    `    x = ${torchInput(config)}`,
    '    records, pres, streams, block_records = [], [], [], []',
    '',
    '    def keep(t, kept):',
    '        if backward:',
    '            t.retain_grad()',
    '        kept.append(t)',
    '',
    '    with torch.set_grad_enabled(backward):',
    '        if stem:',
    '            linear = layers[0]',
    '            x = linear(x)',
    '            keep(x, pres)',
    '            append_block_layer(records, 0, linear.in_features, linear.out_features, linear.weight, linear.bias, x, x, False)',
    '        for k in range(blocks):',
    `            u = ${pre ? 'norms[k](x)' : 'x'}`,
    '            input_zero = False',
    '            for j in range(m):',
    '                linear = layers[stem + k * m + j]',
    '                h = linear(u)',
    '                keep(h, pres)',
    '                u = activation(h) if j < m - 1 else h',
    '                input_zero = append_block_layer(',
    '                    records, k + 1, linear.in_features, linear.out_features, linear.weight, linear.bias, h, u, input_zero',
    '                )',
    `            x = ${post ? 'norms[k](x + alpha * h)' : 'x + alpha * h'}`,
    '            keep(x, streams)',
    '            block_records.append(block_record(k + 1, x, h))',
    '        if backward:',
    '            g = torch.randn(x.shape, device=device)',
    '            (x * g).sum().backward()',
    '            for record, h, linear in zip(records, pres, layers):',
    "                record['gradient'] = gradient_record(h.grad, linear.weight.grad)",
    '            for record, stream in zip(block_records, streams):',
    "                record['gradient'] = {'streamSecondMoment': moments(stream.grad)['secondMoment']}",
    "    source = {'framework': 'pytorch', 'version': torch.__version__, 'device': str(device)}",
    "    return {'config': config, 'layers': records, 'blocks': with_theory(config, block_records), 'source': source}",
  ].join('\n');
}
