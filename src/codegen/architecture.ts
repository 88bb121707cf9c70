// What every exported script of a residual or normalized network shares (Python): the network's
// shape, Fixup's multipliers, and the per-block records of the CLI's `blocks` array. The networks
// follow the app's definitions (docs/residual.md): a plain network is Linear → Norm → φ; a residual
// one is an optional stem, then K blocks x^k = x^{k−1} + α·F_k(N(x^{k−1})) (pre-norm) or
// x^k = N(x^{k−1} + α·F_k(x^{k−1})) (post-norm), F_k = m linear layers with φ between them.

import { architectureTheory } from '../core/architecture/theory';
import { isPlainMlp, NORM_NAMES } from '../core/architecture/spec';
import { pyLiteral } from './python';
import type { SimConfig } from '../core/types';

export const isResidualNet = (config: SimConfig): boolean => config.architecture?.kind === 'residual';

/** A plain network with a norm after each linear layer. */
export const isNormedPlain = (config: SimConfig): boolean =>
  !isPlainMlp(config.architecture) && config.architecture?.kind === 'plain';

export const hasNorm = (config: SimConfig): boolean => (config.architecture?.norm ?? 'none') !== 'none';

/** Where a residual network normalizes: before its branches (pre) or after each sum (post), or neither. */
export function normSites(config: SimConfig): { pre: boolean; post: boolean } {
  const position = hasNorm(config) ? config.architecture!.normPosition : null;
  return { pre: position === 'pre', post: position === 'post' };
}

/** The network in a few words, for the script's docstring. */
export function networkWords(config: SimConfig): string {
  const a = config.architecture;
  if (!a || isPlainMlp(a)) return 'deep MLP';
  const norm = a.norm === 'none' ? '' : ` with ${NORM_NAMES[a.norm]}`;
  if (a.kind === 'plain') return `deep MLP${norm} after every linear layer`;
  const position = a.norm === 'none' ? '' : ` (${a.normPosition}-norm)`;
  return `residual network of ${a.blocks} blocks${norm}${position}`;
}

/** The Python all residual scripts share; `stream_stats(x)` comes from the framework's file. */
const RESIDUAL_BLOCK = [
  'def residual_shape(config):',
  '    """(stem, K, m): a stem layer maps the input to the width only when their dimensions differ."""',
  "    arch = config['architecture']",
  "    stem = 1 if config['inputDim'] != config['widths'][0] else 0",
  "    return stem, arch['blocks'], arch['branchDepth']",
  '',
  '',
  'def fixup_multiplier(config, i):',
  '    """Fixup (Zhang et al. 2019) for linear layer i (0-based): None when it does not apply, else the',
  '    weights\' multiplier, 0 for a branch\'s last layer and K^(-1/(2m-2)) for the others (biases 0)."""',
  '    stem, blocks, m = residual_shape(config)',
  "    if not config['architecture']['fixup'] or i < stem:",
  '        return None',
  '    if (i - stem) % m == m - 1:',
  '        return 0.0',
  '    return blocks ** (-1 / (2 * m - 2))',
  '',
  '',
  'def append_block_layer(records, block, n_in, n_out, weight, bias, pre, post, input_zero):',
  '    """Adds a residual layer\'s record (block 0 is the stem); True when its output is all zeros."""',
  '    record = layer_record(len(records) + 1, n_in, n_out, weight, bias, pre, post, input_zero)',
  "    record['block'] = block",
  '    records.append(record)',
  "    return record['activation']['fractionZero'] == 1",
  '',
  '',
  'def block_record(block, stream, branch):',
  '    """The stream x^k after block k (Brock et al. 2021\'s three curves) and F_k\'s output, before alpha."""',
  "    return {'block': block, 'stream': stream_stats(stream), 'branch': {'secondMoment': moments(branch)['secondMoment']}}",
].join('\n');

/**
 * `stream_stats(x)`: E[x²], the channels' mean² averaged, and their (biased) variance averaged, the
 * last as the difference of the first two as the app computes it. `prelude` ends with `wide`, the
 * stream in the widest float the device has; the two expressions reduce it.
 */
export function streamStatsBlock(prelude: string[], secondMoment: string, channelMeanSquared: string): string {
  return [
    'def stream_stats(x):',
    ...prelude.map((l) => `    ${l}`),
    `    second = float(${secondMoment})`,
    `    mean_squared = float(${channelMeanSquared})`,
    '    if not math.isfinite(second):',
    "        return {'secondMoment': math.inf, 'channelMeanSquared': math.inf, 'channelVariance': math.inf}",
    "    return {'secondMoment': second, 'channelMeanSquared': mean_squared, 'channelVariance': max(0.0, second - mean_squared)}",
  ].join('\n');
}

/**
 * The app's mean-field theory of each block (src/core/architecture/theory.ts) for exactly the
 * emitted settings, and `with_theory`, which puts it into the block records as the CLI does. The
 * theory depends on K (α follows it), on the width (a fixed-std initializer's σ_w² = n·σ²) and on
 * the input dimension (the stem); the script cannot recompute it, so when --blocks or --width
 * change any of them the records are written without a theory rather than with another network's.
 */
export function blockTheoryBlock(config: SimConfig): string {
  const rows = architectureTheory(config).blocks.map((b) => [
    b.streamSecondMoment,
    b.branchSecondMoment,
    b.gradientStreamSecondMoment,
  ]);
  return [
    '# Per block k = 1...K: the theory of E[(x^k)^2], of E[F_k^2] and of E[(dL/dx^k)^2] (None: no closed',
    "# form), computed by the app for CONFIG's blocks, widths and input dimension only.",
    `BLOCK_THEORY = ${pyLiteral(rows)}`,
    '',
    '',
    'def with_theory(config, block_records):',
    '    """The records with the CLI\'s `theory` field, when config is the network BLOCK_THEORY belongs to."""',
    "    if config['widths'] != CONFIG['widths'] or config['inputDim'] != CONFIG['inputDim']:",
    '        return block_records',
    '    out = []',
    '    for record, (stream, branch, gradient) in zip(block_records, BLOCK_THEORY):',
    "        theory = {'streamSecondMoment': stream, 'branchSecondMoment': branch}",
    "        if 'gradient' in record:",
    "            theory['gradientStreamSecondMoment'] = gradient",
    "        fields = {k: record[k] for k in ('block', 'stream', 'branch')}",
    "        out.append({**fields, 'theory': theory, **{k: v for k, v in record.items() if k not in fields}})",
    '    return out',
  ].join('\n');
}

/** The residual helpers and this network's block theory. */
export const residualBlock = (config: SimConfig): string => [RESIDUAL_BLOCK, blockTheoryBlock(config)].join('\n\n\n');
