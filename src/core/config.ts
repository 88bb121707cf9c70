// Turns loosely typed input (CLI flags, URL keys, worker messages) into a complete SimConfig.
// Never throws: each bad value becomes an Issue naming the field, what was wrong and what is used
// instead. Strict callers (the CLI) refuse on any issue; lenient ones (the URL) show them as notices.

import { ACTIVATIONS, getActivation } from './activations';
import {
  normalizeArchitecture,
  type ArchitectureField,
  type ArchitectureInput,
  type ArchitectureIssue,
} from './architecture/config';
import { INITIALIZERS, getInitializer } from './initializers';
import { DEFAULTS, LIMITS, type LimitedField } from './limits';
import { defaultsOf, formatRange, parseNumber, parseParam, quote } from './params';
import type { InputDistribution, ParamSpec, ParamValues, SimConfig } from './types';

export interface ConfigInput extends ArchitectureInput {
  init?: unknown;
  initParams?: Record<string, unknown>;
  activation?: unknown;
  activationParams?: Record<string, unknown>;
  depth?: unknown;
  /** One number, or a list (array or "a,b,c") giving each layer's width; a list sets depth. */
  width?: unknown;
  inputDim?: unknown;
  batch?: unknown;
  seed?: unknown;
  biasStd?: unknown;
  input?: unknown;
}

export type IssueField =
  LimitedField | ArchitectureField | 'init' | 'activation' | 'width' | 'input' | `param:${string}`;

export interface Issue {
  field: IssueField;
  /** e.g. `100000 is outside 1…2000` */
  problem: string;
  /** What is used instead, as text, e.g. `2000`. */
  using: string;
}

export interface Normalized {
  config: SimConfig;
  issues: Issue[];
}

const INPUTS: readonly InputDistribution[] = ['normal', 'uniform'];

function wholeNumber(field: LimitedField, raw: unknown, fallback: number, issues: Issue[]): number {
  if (raw === undefined) return fallback;
  const { min, max } = LIMITS[field];
  const v = parseNumber(raw);
  if (v === null) {
    issues.push({
      field,
      problem: `${quote(raw)} is not a number (allowed ${formatRange(min, max)})`,
      using: String(fallback),
    });
    return fallback;
  }
  if (!Number.isInteger(v)) {
    const rounded = Math.min(max, Math.max(min, Math.round(v)));
    issues.push({
      field,
      problem: `${v} is not a whole number (allowed ${formatRange(min, max)})`,
      using: String(rounded),
    });
    return rounded;
  }
  if (v < min || v > max) {
    const clamped = Math.min(max, Math.max(min, v));
    issues.push({
      field,
      problem: `${v} is ${v < min ? 'below' : 'above'} ${v < min ? min : max} (allowed ${formatRange(min, max)})`,
      using: String(clamped),
    });
    return clamped;
  }
  return v;
}

function parseWidths(raw: unknown, issues: Issue[]): number[] | null {
  // An array is always a list (even of one); a string is a list only when it has a comma.
  const parts = Array.isArray(raw)
    ? raw.map(String)
    : typeof raw === 'string' && raw.includes(',')
      ? raw.split(',')
      : null;
  if (parts === null || parts.length === 0) return null;
  if (parts.length > LIMITS.depth.max) {
    issues.push({
      field: 'width',
      problem: `a list of ${parts.length} widths is longer than ${LIMITS.depth.max} layers`,
      using: `the first ${LIMITS.depth.max}`,
    });
    parts.length = LIMITS.depth.max;
  }
  const out: number[] = [];
  for (const [i, p] of parts.entries()) {
    if (p.trim() === '') {
      issues.push({
        field: 'width',
        problem: `entry ${i + 1} of the width list is empty`,
        using: String(DEFAULTS.width),
      });
      out.push(DEFAULTS.width);
      continue;
    }
    const local: Issue[] = [];
    const w = wholeNumber('width', p, DEFAULTS.width, local);
    for (const issue of local) issues.push({ ...issue, problem: `entry ${i + 1} of the width list: ${issue.problem}` });
    out.push(w);
  }
  return out;
}

function normalizeParams(
  specs: readonly ParamSpec[],
  raw: Record<string, unknown> | undefined,
  issues: Issue[],
): ParamValues {
  const values = defaultsOf(specs);
  if (!raw) return values;
  for (const spec of specs) {
    if (!(spec.name in raw) || raw[spec.name] === undefined) continue;
    const r = parseParam(spec, raw[spec.name]);
    if (r.ok) {
      values[spec.name] = r.value;
    } else {
      values[spec.name] = r.fallback;
      issues.push({ field: `param:${spec.name}`, problem: r.message, using: String(r.fallback) });
    }
  }
  return values;
}

function pickId<T>(
  raw: unknown,
  field: 'init' | 'activation',
  fallback: string,
  lookup: (id: string) => T | undefined,
  all: () => string[],
  issues: Issue[],
): string {
  if (raw === undefined) return fallback;
  const id = typeof raw === 'string' ? raw.trim().toLowerCase() : '';
  if (lookup(id) !== undefined) return id;
  issues.push({
    field,
    problem: `${quote(raw)} is not a known ${field === 'init' ? 'initializer' : 'activation'} (choices: ${all().join(', ')})`,
    using: fallback,
  });
  return fallback;
}

const initializerIds = () => INITIALIZERS.map((s) => s.id);
const activationIds = () => ACTIVATIONS.map((s) => s.id);

export function normalizeConfig(input: ConfigInput): Normalized {
  const issues: Issue[] = [];
  const init = pickId(input.init, 'init', DEFAULTS.init, getInitializer, initializerIds, issues);
  const activation = pickId(input.activation, 'activation', DEFAULTS.activation, getActivation, activationIds, issues);
  const initSpec = getInitializer(init);
  const actSpec = getActivation(activation);
  const initParams = normalizeParams(initSpec?.params ?? [], input.initParams, issues);
  const activationParams = normalizeParams(actSpec?.params ?? [], input.activationParams, issues);

  const list = parseWidths(input.width, issues);
  let widths: number[];
  if (list) {
    widths = list;
  } else {
    const width = wholeNumber('width', input.width, DEFAULTS.width, issues);
    const depth = wholeNumber('depth', input.depth, DEFAULTS.depth, issues);
    widths = new Array<number>(depth).fill(width);
  }
  const first = widths[0] ?? DEFAULTS.width;
  const inputDim = wholeNumber('inputDim', input.inputDim, first, issues);
  const batchAsked = wholeNumber('batch', input.batch, DEFAULTS.batch, issues);
  const seed = wholeNumber('seed', input.seed, DEFAULTS.seed, issues);
  const shape = { widths, fromList: list !== null, inputDim, batch: batchAsked };
  const archIssues: ArchitectureIssue[] = [];
  const { architecture, widths: archWidths, batch } = normalizeArchitecture(input, shape, archIssues);
  issues.push(...archIssues);
  widths = archWidths;

  // LSUV rescales a plain stack layer by layer; a residual stream or a norm changes what each
  // layer's output variance means, and the engine does not run it there.
  let initId = init;
  let params = initParams;
  if (architecture && initSpec?.dataDependent) {
    issues.push({
      field: 'init',
      problem: `${init} rescales plain networks layer by layer; it is not available with residual blocks or normalization`,
      using: DEFAULTS.init,
    });
    initId = DEFAULTS.init;
    params = normalizeParams(getInitializer(initId)?.params ?? [], undefined, []);
  }

  let biasStd: number = DEFAULTS.biasStd;
  if (input.biasStd !== undefined) {
    const spec: ParamSpec = {
      kind: 'number',
      name: 'biasStd',
      label: 'bias σ_b',
      default: DEFAULTS.biasStd,
      ...LIMITS.biasStd,
      help: '',
    };
    const r = parseParam(spec, input.biasStd);
    if (r.ok) biasStd = r.value as number;
    else {
      biasStd = r.fallback as number;
      issues.push({ field: 'biasStd', problem: r.message, using: String(r.fallback) });
    }
  }

  let inputDist: InputDistribution = DEFAULTS.input;
  if (input.input !== undefined) {
    const s = typeof input.input === 'string' ? input.input.trim().toLowerCase() : '';
    const hit = INPUTS.find((x) => x === s);
    if (hit) inputDist = hit;
    else
      issues.push({
        field: 'input',
        problem: `${quote(input.input)} is not one of ${INPUTS.join(', ')}`,
        using: DEFAULTS.input,
      });
  }

  return {
    config: {
      init: initId,
      initParams: params,
      activation,
      activationParams,
      widths,
      inputDim,
      batch,
      seed,
      biasStd,
      input: inputDist,
      ...(architecture ? { architecture } : {}),
    },
    issues,
  };
}
