// Command-line flags → ConfigInput. Every mistake becomes a UsageError carrying one line that
// names the flag, the bad value and what is allowed; main() prints it and exits with code 2.

import { getActivation } from '../core/activations';
import { PARAM_KEYS, paramFlag } from '../core/paramKeys';
import type { ConfigInput, Issue } from '../core/config';
import { getInitializer } from '../core/initializers';
import { DEFAULTS } from '../core/limits';
import { quote } from '../core/params';
import { MAX_JACOBIAN_INPUTS } from '../core/spectra/jacobian';
import type { Preset } from '../state/presets';
import { findPreset, presetNeeds, underPreset } from './presetFlag';
import { CODE_FRAMEWORKS, type CodeFramework } from '../codegen';
import { PARAMETERIZATIONS, type Parameterization } from '../core/spectra/widthSweepSpec';
import { parseParameterization, parseSweepWidths, type WidthSweepRequest } from './widthSweepCli';

export class UsageError extends Error {}

export const FORMATS = ['table', 'csv', 'json'] as const;
export type Format = (typeof FORMATS)[number];

export interface CliRequest {
  input: ConfigInput;
  format: Format;
  help: boolean;
  /** Also run the backward pass and report each layer's gradient. */
  backward: boolean;
  /** Also report each layer's pre-activation correlation between inputs (needs --batch ≥ 2). */
  correlations: boolean;
  /** Threads for the forward pass; the output is the same bits for any count. */
  threads: number;
  /** Also report the input–output Jacobian's singular values at layers 1, L/4, L/2 and L. */
  jacobian: boolean;
  /** Inputs whose Jacobians are pooled (the batch's first ones). */
  jacobianInputs: number;
  /** Also report LSUV's scale per layer (Mishkin & Matas 2016) for this network. */
  lsuv: boolean;
  /** --preset: its settings are the base the other flags override (presetFlag.ts). */
  preset?: Preset;
  /** Print this framework's script for the settings instead of running them. */
  emit: CodeFramework | null;
  /** --width-sweep: run the width sweep (these widths, these parameterizations) instead of one network. */
  widthSweep: WidthSweepRequest | null;
}

/** More threads than this never pays: the work per layer is split by weight blocks and batch rows. */
export const MAX_THREADS = 64;

function parseThreads(value: string | undefined): number {
  const t = Number(value?.trim());
  if (!value?.trim() || !Number.isInteger(t) || t < 1 || t > MAX_THREADS) {
    throw new UsageError(`--threads ${quote(value)} is not a whole number 1…${MAX_THREADS}`);
  }
  return t;
}

function parseJacobianInputs(value: string | undefined): number {
  const t = Number(value?.trim());
  if (!value?.trim() || !Number.isInteger(t) || t < 1 || t > MAX_JACOBIAN_INPUTS) {
    throw new UsageError(`--jacobian-inputs ${quote(value)} is not a whole number 1…${MAX_JACOBIAN_INPUTS}`);
  }
  return t;
}

/** Flags that take a value, mapped to the ConfigInput field they set. */
const CONFIG_FLAGS: Record<string, keyof ConfigInput> = {
  init: 'init',
  activation: 'activation',
  depth: 'depth',
  width: 'width',
  'input-dim': 'inputDim',
  batch: 'batch',
  seed: 'seed',
  'bias-std': 'biasStd',
  input: 'input',
  blocks: 'blocks',
  'branch-depth': 'branchDepth',
  norm: 'norm',
  'norm-position': 'normPosition',
  'norm-eps': 'normEps',
  'branch-scale': 'branchScale',
};

/** Architecture switches (a flag alone means true). */
const ARCHITECTURE_SWITCHES: Record<string, 'residual' | 'fixup'> = { residual: 'residual', fixup: 'fixup' };

/** Initializer and activation parameters, by flag (param names use underscores). */
const PARAM_FLAGS = PARAM_KEYS.map((k) => paramFlag(k.param));
// --width-sweep is one too: alone it means the default widths, and its list comes after '='.
const BOOLEAN_FLAGS = new Set([
  ...PARAM_KEYS.filter((k) => k.switch).map((k) => paramFlag(k.param)),
  ...['help', 'backward', 'correlations', 'jacobian', 'lsuv', 'residual', 'fixup', 'width-sweep'],
]);

/** The flags the width sweep reads; --depth is its number of hidden layers. */
const SWEEP_FLAGS = new Set([
  'width-sweep',
  'parameterization',
  'activation',
  'depth',
  'batch',
  'seed',
  'input-dim',
  'format',
  'help',
]);

export function flagFor(field: Issue['field'], usedWidths: boolean): string {
  if (field.startsWith('param:')) return `--${paramFlag(field.slice(6))}`;
  if (field === 'width' && usedWidths) return '--widths';
  const hit = Object.entries(CONFIG_FLAGS).find(([, f]) => f === field);
  return `--${hit ? hit[0] : field}`;
}

interface RawFlag {
  name: string;
  value: string | undefined;
}

function tokenize(argv: readonly string[]): RawFlag[] {
  const flags: RawFlag[] = [];
  for (let i = 0; i < argv.length; i++) {
    const tok = argv[i]!;
    const previous = flags.at(-1);
    // `--uniform false` reads naturally but a boolean flag takes its value only after '='.
    if (
      previous &&
      previous.value === undefined &&
      BOOLEAN_FLAGS.has(previous.name) &&
      argv[i - 1] === `--${previous.name}` &&
      !tok.startsWith('--')
    ) {
      throw new UsageError(
        `--${previous.name} takes no separate value (got ${quote(tok)}): write --${previous.name} or --${previous.name}=false`,
      );
    }
    if (!tok.startsWith('--') || tok === '--')
      throw new UsageError(`unexpected argument ${quote(tok)} (flags look like --depth 50)`);
    const eq = tok.indexOf('=');
    const name = eq >= 0 ? tok.slice(2, eq) : tok.slice(2);
    if (eq >= 0) {
      flags.push({ name, value: tok.slice(eq + 1) });
    } else if (BOOLEAN_FLAGS.has(name)) {
      flags.push({ name, value: undefined });
    } else {
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith('--') && next.length > 2))
        throw new UsageError(`--${name} needs a value`);
      flags.push({ name, value: next });
      i++;
    }
  }
  return flags;
}

export function parseArgs(argv: readonly string[]): CliRequest & { usedWidths: boolean } {
  const input: ConfigInput = {};
  const params: Record<string, string> = {};
  let format: Format = 'table';
  let help = false;
  let backward = false;
  let correlations = false;
  let threads = 1;
  let jacobian = false;
  let jacobianInputs = 1;
  let lsuv = false;
  let emit: CodeFramework | null = null;
  let sweepWidths: number[] | null = null;
  let parameterizations: Parameterization[] = [...PARAMETERIZATIONS];
  let usedWidths = false;
  let preset: Preset | undefined;
  const seen = new Set<string>();

  for (const { name, value } of tokenize(argv)) {
    if (seen.has(name)) throw new UsageError(`--${name} is given twice`);
    seen.add(name);
    if (name === 'help') {
      help = value === undefined || value !== 'false';
    } else if (name === 'backward') {
      backward = value === undefined || value !== 'false';
    } else if (name === 'correlations') {
      correlations = value === undefined || value !== 'false';
    } else if (name === 'jacobian') {
      jacobian = value === undefined || value !== 'false';
    } else if (name === 'lsuv') {
      lsuv = value === undefined || value !== 'false';
    } else if (name === 'width-sweep') {
      sweepWidths = value === 'false' ? null : parseSweepWidths(value);
    } else if (name === 'parameterization') {
      parameterizations = parseParameterization(value);
    } else if (name === 'jacobian-inputs') {
      jacobianInputs = parseJacobianInputs(value);
    } else if (name === 'threads') {
      threads = parseThreads(value);
    } else if (name === 'preset') {
      const found = findPreset(value);
      if (typeof found === 'string') throw new UsageError(found);
      preset = found;
    } else if (name === 'emit') {
      const framework = CODE_FRAMEWORKS.find((x) => x === value?.trim().toLowerCase());
      if (!framework) throw new UsageError(`--emit ${quote(value)} is not one of ${CODE_FRAMEWORKS.join(', ')}`);
      emit = framework;
    } else if (name === 'format') {
      const f = FORMATS.find((x) => x === value?.trim().toLowerCase());
      if (!f) throw new UsageError(`--format ${quote(value)} is not one of ${FORMATS.join(', ')}`);
      format = f;
    } else if (name === 'widths') {
      usedWidths = true;
      input.width = (value ?? '').split(',');
    } else if (name in ARCHITECTURE_SWITCHES) {
      input[ARCHITECTURE_SWITCHES[name]!] = value ?? 'true';
    } else if (name in CONFIG_FLAGS) {
      (input as Record<string, unknown>)[CONFIG_FLAGS[name]!] = value;
    } else if (PARAM_FLAGS.includes(name)) {
      params[PARAM_KEYS.find((k) => paramFlag(k.param) === name)!.param] = value ?? 'true';
    } else {
      throw new UsageError(`unknown flag --${name} (see --help)`);
    }
  }
  if (usedWidths && seen.has('width')) throw new UsageError('--width and --widths cannot be used together');
  if (usedWidths && seen.has('depth'))
    throw new UsageError('--depth cannot be used with --widths (the list sets the depth)');
  if (seen.has('depth') && seen.has('residual') && input.residual !== 'false') {
    throw new UsageError(
      '--depth cannot be used with --residual (the depth is the stem, if any, plus --blocks × --branch-depth)',
    );
  }

  if (seen.has('jacobian-inputs') && !jacobian) throw new UsageError('--jacobian-inputs needs --jacobian');
  if (seen.has('parameterization') && !sweepWidths) throw new UsageError('--parameterization needs --width-sweep');
  if (sweepWidths) {
    const other = [...seen].find((n) => !SWEEP_FLAGS.has(n));
    if (other)
      throw new UsageError(
        `--${other} does not apply to --width-sweep (it reads --activation, --depth as hidden layers, --batch, --seed, --input-dim, --parameterization)`,
      );
    if (format !== 'json' && seen.has('format'))
      throw new UsageError(`--width-sweep prints JSON only (got --format ${format})`);
  }
  if (preset) {
    underPreset(preset, input, params, seen);
    const needs = presetNeeds(preset, seen);
    backward ||= needs.backward;
    correlations ||= needs.correlations;
  }
  splitParams(input, params);
  const widthSweep = sweepWidths ? { widths: sweepWidths, parameterizations } : null;
  return {
    input,
    format,
    help,
    backward,
    correlations,
    threads,
    jacobian,
    jacobianInputs,
    lsuv,
    emit,
    widthSweep,
    usedWidths,
    ...(preset ? { preset } : {}),
  };
}

/** Sends each parameter to the initializer or the activation that declares it. */
function splitParams(input: ConfigInput, params: Record<string, string>): void {
  const initId = typeof input.init === 'string' ? input.init.trim().toLowerCase() : DEFAULTS.init;
  const actId = typeof input.activation === 'string' ? input.activation.trim().toLowerCase() : DEFAULTS.activation;
  const initSpec = getInitializer(initId);
  const actSpec = getActivation(actId);
  input.initParams = {};
  input.activationParams = {};
  for (const [name, value] of Object.entries(params)) {
    if (initSpec?.params.some((p) => p.name === name)) input.initParams[name] = value;
    else if (actSpec?.params.some((p) => p.name === name)) input.activationParams[name] = value;
    else if (initSpec && actSpec) {
      const own = [...initSpec.params, ...actSpec.params].map((p) => `--${p.name.replace(/_/g, '-')}`);
      throw new UsageError(
        `--${name.replace(/_/g, '-')} does not apply to ${initId} with ${actId} (${own.length ? `their parameters: ${own.join(', ')}` : 'they take no parameters'})`,
      );
    }
  }
}
