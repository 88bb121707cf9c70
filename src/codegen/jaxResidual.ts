// The residual network in JAX: a pure forward function of the parameters and of zero "shifts"
// added to every pre-activation h and to every stream x^k, so that one jax.grad gives dL/dW, dL/dh
// and dL/dx^k at once, L = Σ x^K·g with g ~ N(0, 1) as in the app.

import type { SimConfig } from '../core/types';
import { activationCode } from './activationCode';
import { normSites } from './architecture';
import { jaxInput } from './jax';

export function jaxResidualRun(config: SimConfig): string {
  const { pre, post } = normSites(config);
  const fixup = config.architecture!.fixup;
  return [
    'def activation(h):',
    `    return ${activationCode(config, 'jax')}`,
    '',
    '',
    'def forward(config, params, x, shifts, stream_shifts):',
    '    """Every pre-activation h (+ its zero shift), what follows it, each stream x^k and branch F_k."""',
    '    stem, blocks, m = residual_shape(config)',
    "    alpha = config['architecture']['branchScale']",
    '    hs, posts, streams, branches = [], [], [], []',
    '    if stem:',
    '        w, b = params[0]',
    '        x = x @ w + b + shifts[0]',
    '        hs.append(x)',
    '        posts.append(x)',
    '    for k in range(blocks):',
    `        u = ${pre ? 'normalize(x)' : 'x'}`,
    '        for j in range(m):',
    '            i = stem + k * m + j',
    '            w, b = params[i]',
    '            h = u @ w + b + shifts[i]',
    '            u = activation(h) if j < m - 1 else h',
    '            hs.append(h)',
    '            posts.append(u)',
    `        x = ${post ? 'normalize(x + alpha * h)' : 'x + alpha * h'} + stream_shifts[k]`,
    '        streams.append(x)',
    '        branches.append(h)',
    '    return hs, posts, streams, branches',
    '',
    '',
    'def run(config, backward=True):',
    "    widths = config['widths']",
    "    fans = [config['inputDim']] + widths[:-1]",
    '    stem, blocks, m = residual_shape(config)',
    "    keys = jax.random.split(jax.random.key(config['seed']), 2 * len(widths) + 2)",
    '    params = []',
    '    for i, (n_in, n_out) in enumerate(zip(fans, widths)):',
    '        w, b = init_weight(keys[2 * i], n_in, n_out), init_bias(keys[2 * i + 1], n_in, n_out)',
    ...(fixup
      ? [
          '        scale = fixup_multiplier(config, i)',
          '        if scale is not None:',
          '            w, b = w * scale, jnp.zeros_like(b)',
        ]
      : []),
    '        params.append((w, b))',
    '    key_x, key_g = keys[-2], keys[-1]',
    `    x = ${jaxInput(config)}`,
    "    shifts = [jnp.zeros((config['batch'], n), jnp.float32) for n in widths]",
    "    stream_shifts = [jnp.zeros((config['batch'], widths[-1]), jnp.float32) for _ in range(blocks)]",
    '    hs, posts, streams, branches = forward(config, params, x, shifts, stream_shifts)',
    '    records = []',
    '    input_zero = False',
    '    for i, ((w, b), h, post, n_in, n_out) in enumerate(zip(params, hs, posts, fans, widths)):',
    '        block = 0 if i < stem else (i - stem) // m + 1',
    '        if i >= stem and (i - stem) % m == 0:',
    '            input_zero = False',
    '        input_zero = append_block_layer(records, block, n_in, n_out, w, b, h, post, input_zero)',
    '    block_records = [block_record(k + 1, s, f) for k, (s, f) in enumerate(zip(streams, branches))]',
    '    if backward:',
    '        g = jax.random.normal(key_g, streams[-1].shape, jnp.float32)',
    '        loss = lambda params, shifts, stream_shifts: jnp.sum(forward(config, params, x, shifts, stream_shifts)[2][-1] * g)',
    '        weight_grads, deltas, stream_deltas = jax.grad(loss, argnums=(0, 1, 2))(params, shifts, stream_shifts)',
    '        for record, delta, (w_grad, _) in zip(records, deltas, weight_grads):',
    "            record['gradient'] = gradient_record(delta, w_grad)",
    '        for record, delta in zip(block_records, stream_deltas):',
    "            record['gradient'] = {'streamSecondMoment': moments(delta)['secondMoment']}",
    "    source = {'framework': 'jax', 'version': jax.__version__, 'device': str(jax.devices()[0])}",
    "    return {'config': config, 'layers': records, 'blocks': with_theory(config, block_records), 'source': source}",
  ].join('\n');
}
