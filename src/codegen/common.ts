// The Python every exported script shares: its settings, command line, per-layer records and the
// JSON it writes (Initscope's `config` + `layers` schema, plus `source`).

import { configRecord } from '../core/records';
import type { SimConfig } from '../core/types';
import { frameworkName, type CodeFramework } from './initCode';
import { pyLiteral } from './python';
import { isPlainMlp } from '../core/architecture/spec';
import { networkWords } from './architecture';

export interface ScriptOptions {
  /** Framework-specific command-line flags, as argparse lines. */
  extraArgs?: string[];
  /** A residual network: --blocks sets its size (its depth follows), not --depth. */
  residual?: boolean;
}

export function header(
  framework: CodeFramework,
  config: SimConfig,
  fileName: string,
  needs: string,
  extraUsage = '',
): string {
  const usage = `python ${fileName}${extraUsage} --width ${config.widths[0]! * 10} --out run.json`;
  const size = config.architecture?.kind === 'residual' ? '--blocks' : '--depth';
  const plain = isPlainMlp(config.architecture);
  return [
    '#!/usr/bin/env python3',
    `"""Initscope's experiment in ${frameworkName(framework)}: a seeded random ${plain ? 'deep MLP' : 'network'} at initialization.`,
    '',
    ...(plain ? [] : [`The network: a ${networkWords(config)}.`, '']),
    'It builds the same network as the app (same initializer, activation, widths, batch and input law),',
    "draws it with the framework's own random numbers, pushes one batch through it and prints each",
    "layer's statistics as Initscope's JSON. Open that file in Initscope (Open results) to see it next to",
    'the in-browser run and the theory. The numbers differ from the app bit for bit (another random',
    'generator) but agree with it within the finite-width spread.',
    '',
    `    ${usage}`,
    '',
    `${size}, --width, --batch and --seed override the settings below; --out FILE writes the JSON to a`,
    `file instead of standard output. Needs ${needs}.`,
    '"""',
  ].join('\n');
}

/** CONFIG: the app's settings as its exported config record. */
export function configBlock(config: SimConfig): string {
  return [`CONFIG = ${pyLiteral(configRecord(config))}`, "BIAS_STD = CONFIG['biasStd']"].join('\n');
}

const PLAIN_SETTINGS = [
  'def settings(args):',
  '    """CONFIG with the command line\'s overrides: --depth or --width make every layer one width."""',
  '    config = dict(CONFIG)',
  "    widths = list(CONFIG['widths'])",
  '    if args.depth is not None or args.width is not None:',
  '        depth = args.depth if args.depth is not None else len(widths)',
  '        width = args.width if args.width is not None else widths[0]',
  "        if args.width is not None and CONFIG['inputDim'] == widths[0]:",
  "            config['inputDim'] = width",
  '        widths = [width] * depth',
  "    config['widths'] = widths",
  "    config['depth'] = len(widths)",
];

// The stem exists only when the input dimension differs from the width (as in the app), and a
// named branch scale (1/sqrt(K), 1/K) follows the number of blocks.
const RESIDUAL_SETTINGS = [
  'def settings(args):',
  '    """CONFIG with the command line\'s overrides: --blocks K and --width N (stem + K·m layers of N)."""',
  '    config = dict(CONFIG)',
  "    arch = dict(CONFIG['architecture'])",
  "    width = args.width if args.width is not None else CONFIG['widths'][0]",
  "    if args.width is not None and CONFIG['inputDim'] == CONFIG['widths'][0]:",
  "        config['inputDim'] = width",
  '    if args.blocks is not None:',
  "        arch['blocks'] = args.blocks",
  "    if arch['branchScaleRule'] == '1/sqrt(K)':",
  "        arch['branchScale'] = 1 / math.sqrt(arch['blocks'])",
  "    elif arch['branchScaleRule'] == '1/K':",
  "        arch['branchScale'] = 1 / arch['blocks']",
  "    stem = 1 if config['inputDim'] != width else 0",
  "    config['architecture'] = arch",
  "    config['widths'] = [width] * (stem + arch['blocks'] * arch['branchDepth'])",
  "    config['depth'] = len(config['widths'])",
];

export function argsBlock(description: string, options: ScriptOptions = {}): string {
  const size = options.residual
    ? "parser.add_argument('--blocks', type=positive, help='number of residual blocks (the depth follows)')"
    : "parser.add_argument('--depth', type=positive, help='number of layers (all of the same width)')";
  return [
    'def parse_args(argv=None):',
    `    parser = argparse.ArgumentParser(description=${pyLiteral(description)})`,
    "    parser.add_argument('--out', help='write the JSON to this file instead of standard output')",
    `    ${size}`,
    "    parser.add_argument('--width', type=positive, help='units per layer')",
    "    parser.add_argument('--batch', type=positive, help='inputs pushed through the network')",
    "    parser.add_argument('--seed', type=seed_value, help='seed of the random numbers')",
    ...(options.extraArgs ?? []).map((line) => `    ${line}`),
    '    return parser.parse_args(argv)',
    '',
    '',
    'def positive(text):',
    '    value = int(text)',
    '    if value < 1:',
    "        raise argparse.ArgumentTypeError(f'{text} is not a whole number >= 1')",
    '    return value',
    '',
    '',
    'def seed_value(text):',
    '    value = int(text)',
    '    if not 0 <= value < 2 ** 32:',
    "        raise argparse.ArgumentTypeError(f'{text} is not a whole number 0 ... 2**32 - 1')",
    '    return value',
    '',
    '',
    ...(options.residual ? RESIDUAL_SETTINGS : PLAIN_SETTINGS),
    '    if args.batch is not None:',
    "        config['batch'] = args.batch",
    '    if args.seed is not None:',
    "        config['seed'] = args.seed",
    '    return config',
  ].join('\n');
}

/** Layer records from `moments(t)` (a dict of Python floats), and the JSON writer. */
export const RECORDS_BLOCK = [
  'def status_of(pre, weights_zero, input_zero):',
  '    """As the app says it: overflow (inf or nan), dead (zero weights or input), underflow, ok."""',
  "    if pre['nonFinite'] > 0:",
  "        return 'overflow'",
  "    if pre['fractionZero'] == 1:",
  "        return 'dead' if weights_zero or input_zero else 'underflow'",
  "    return 'ok'",
  '',
  '',
  'def layer_record(layer, n_in, n_out, weight, bias, pre, post, input_zero):',
  '    w = moments(weight)',
  '    p = moments(pre)',
  '    a = moments(post)',
  "    weights_zero = w['fractionZero'] == 1 and (bias is None or moments(bias)['fractionZero'] == 1)",
  '    return {',
  "        'layer': layer,",
  "        'fanIn': n_in,",
  "        'fanOut': n_out,",
  "        'status': status_of(p, weights_zero, input_zero),",
  "        'weights': {k: w[k] for k in ('mean', 'variance', 'min', 'max')},",
  "        'preactivation': p,",
  "        'activation': {k: a[k] for k in ('mean', 'variance', 'secondMoment', 'min', 'max', 'fractionZero')},",
  '    }',
  '',
  '',
  'def append_layer(records, n_in, n_out, weight, bias, pre, post):',
  '    """Adds the next layer\'s record (a layer fed only zeros is dead, not underflowing)."""',
  "    input_zero = bool(records) and records[-1]['activation']['fractionZero'] == 1",
  '    records.append(layer_record(len(records) + 1, n_in, n_out, weight, bias, pre, post, input_zero))',
  '',
  '',
  'def gradient_record(delta, weight_gradient):',
  '    """delta = dL/dh of a layer, for L = sum(h_L * g) with g ~ N(0, 1), as in the app."""',
  '    d = moments(delta)',
  "    status = 'overflow' if d['nonFinite'] > 0 else ('underflow' if d['fractionZero'] == 1 else 'ok')",
  "    record = {k: d[k] for k in ('secondMoment', 'mean', 'variance', 'min', 'max', 'nonFinite')}",
  "    record['weightGradientSecondMoment'] = moments(weight_gradient)['secondMoment']",
  "    record['status'] = status",
  '    return record',
  '',
  '',
  'def finite(value):',
  '    """JSON has no inf or nan: they become null, and the layer\'s status says what happened."""',
  '    if isinstance(value, float) and not math.isfinite(value):',
  '        return None',
  '    if isinstance(value, dict):',
  '        return {k: finite(v) for k, v in value.items()}',
  '    if isinstance(value, list):',
  '        return [finite(v) for v in value]',
  '    return value',
  '',
  '',
  'def write(record, out=None):',
  '    text = json.dumps(finite(record), indent=2) + "\\n"',
  '    if out:',
  "        with open(out, 'w', encoding='utf-8') as f:",
  '            f.write(text)',
  '    else:',
  '        sys.stdout.write(text)',
].join('\n');

/** The reductions `moments(t)` is written with, each a Python expression of t. */
export interface Reductions {
  mean: string;
  variance: string;
  secondMoment: string;
  min: string;
  max: string;
  fractionZero: string;
  nonFinite: string;
}

/** `moments(t)`: the prelude's statements, then a dict of the reductions as Python numbers. */
export function momentsBlock(prelude: string[], r: Reductions): string {
  const dict = [
    'return {',
    ...Object.entries(r).map(([k, expr]) => `    '${k}': ${k === 'nonFinite' ? 'int' : 'float'}(${expr}),`),
    '}',
  ];
  // A prelude ending in a block opener (`with ...:`) holds the return.
  const body = prelude.at(-1)?.endsWith(':') ? dict.map((l) => `    ${l}`) : dict;
  const lines = ['def moments(t):', '    """Pooled over every entry, as the app computes them."""'];
  return [...lines, ...[...prelude, ...body].map((l) => `    ${l}`)].join('\n');
}

/** A whole script: header, the standard imports and the framework's, then the sections. */
export function pythonScript(head: string, imports: string[], sections: string[]): string {
  const standard = ['import argparse', 'import json', 'import math', 'import sys'];
  return [head, standard.join('\n'), imports.join('\n'), sections.join('\n\n\n')].join('\n\n') + '\n';
}

export const MAIN_BLOCK = (runCall: string) =>
  [
    'def main(argv=None):',
    '    args = parse_args(argv)',
    `    write(${runCall}, args.out)`,
    '',
    '',
    "if __name__ == '__main__':",
    '    main()',
  ].join('\n');
