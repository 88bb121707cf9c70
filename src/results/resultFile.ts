// Opening a results file (JSON or CSV) written by the CLI, an exported script or the hooks helper.
// Files are untrusted: everything is checked here, in a pure function, before anything is drawn.
// The first problem is named in one line; nothing is evaluated, fetched or put in the page as markup.

import { isPlainMlp } from '../core/architecture/spec';
import { normalizeConfig, type ConfigInput } from '../core/config';
import { theoryFor } from '../core/network';
import type { LayerStatus, SimConfig } from '../core/types';
import { parseCsv } from './csv';

/** Files past these are refused before they are read through: a chart of more is unreadable anyway. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
export const MAX_LAYERS = 10_000;
const MAX_NAME = 60;

const STATUSES: readonly LayerStatus[] = ['ok', 'overflow', 'underflow', 'dead'];

export interface OpenedResult {
  /** The legend's name: the source (framework and version) and the file. */
  name: string;
  fileName: string;
  /** Per layer: the pooled second moment of the pre-activations (Infinity where it overflowed). */
  measured: number[];
  statuses: LayerStatus[];
  /** The mean-field q^l where the file's config is one the app can compute; otherwise empty. */
  theory: (number | null)[];
  /** The file's settings when they are complete and valid (then the theory is drawn), else null. */
  config: SimConfig | null;
  /** A residual network's stream per block (the CLI's and the scripts' `blocks`), or null. */
  blocks: OpenedBlocks | null;
}

export interface OpenedBlocks {
  /** E[(x^k)²] of block k = 1…K at index k − 1; Infinity where it overflowed (null in JSON). */
  stream: number[];
  /** The file's own theory q_k of the same (index k − 1), null where it has no closed form; empty when absent. */
  theory: (number | null)[];
}

export type ParseOutcome = { ok: true; result: OpenedResult } | { ok: false; problem: string };

class FileProblem extends Error {}

const fail = (problem: string): never => {
  throw new FileProblem(problem);
};

/** Printable, one line, capped: a file's words reach the page only as text, and short. */
export function cleanText(raw: string, max = MAX_NAME): string {
  const flat = raw
    // eslint-disable-next-line no-control-regex -- control characters are what is removed
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `the string ${JSON.stringify(cleanText(value, 24))}`;
  if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value} ${value}`;
  return typeof value === 'object' ? 'an object' : typeof value;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A second moment: a finite number ≥ 0, or null (JSON's stand-in for a value that overflowed). */
function secondMoment(value: unknown, where: string): number | null {
  if (value === null) return null;
  if (typeof value === 'string') {
    fail(`${where} is ${describe(value)}: numbers must be JSON numbers (the CLI writes null where a value overflowed)`);
  }
  if (typeof value !== 'number') return fail(`${where} is ${describe(value)}, not a number`);
  if (value < 0) fail(`${where} is ${value}: a second moment cannot be negative`);
  return value;
}

function statusOf(value: unknown, where: string): LayerStatus | null {
  if (value === undefined) return null;
  const hit = STATUSES.find((s) => s === value);
  if (!hit) fail(`${where} is ${describe(value)}, not one of ${STATUSES.join(', ')}`);
  return hit ?? null;
}

/** Layer i's measured value and status, with null read as an overflow (as the CLI writes it). */
function reading(value: number | null, status: LayerStatus | null): { value: number; status: LayerStatus } {
  if (value === null) return { value: Infinity, status: 'overflow' };
  return { value, status: status ?? (value === 0 ? 'underflow' : 'ok') };
}

function layersOf(raw: unknown): { measured: number[]; statuses: LayerStatus[] } {
  if (raw === undefined) fail('the field "layers" is missing (expected the CLI\'s JSON: config and layers)');
  if (!Array.isArray(raw)) fail(`"layers" is ${describe(raw)}, not a list`);
  const list = raw as unknown[];
  if (list.length === 0) fail('"layers" is empty: there is nothing to draw');
  if (list.length > MAX_LAYERS) fail(`"layers" has ${list.length} entries; at most ${MAX_LAYERS} are opened`);
  const measured: number[] = [];
  const statuses: LayerStatus[] = [];
  list.forEach((entry, i) => {
    const where = `layers[${i}]`;
    if (!isObject(entry)) fail(`${where} is ${describe(entry)}, not an object`);
    const layer = (entry as Record<string, unknown>).layer;
    if (layer !== undefined && layer !== i + 1)
      fail(`${where}.layer is ${describe(layer)}: layers must be numbered 1, 2, 3, … in order`);
    const pre = (entry as Record<string, unknown>).preactivation;
    if (!isObject(pre)) fail(`${where}.preactivation is ${pre === undefined ? 'missing' : describe(pre)}`);
    if (!('secondMoment' in (pre as object))) fail(`${where}.preactivation.secondMoment is missing`);
    const value = secondMoment((pre as Record<string, unknown>).secondMoment, `${where}.preactivation.secondMoment`);
    const r = reading(value, statusOf((entry as Record<string, unknown>).status, `${where}.status`));
    measured.push(r.value);
    statuses.push(r.status);
  });
  return { measured, statuses };
}

/** A block's value: a finite number ≥ 0, or null (an overflow, or no closed form for a theory). */
function blockMoment(value: unknown, where: string): number | null {
  if (value !== null && typeof value === 'number' && !Number.isFinite(value))
    fail(`${where} is ${value}: only finite numbers (or null) are read`);
  return secondMoment(value, where);
}

/**
 * The stream per block. Each block holds at least one layer, so a file cannot have more blocks than
 * layers. The theory is the file's: all blocks have one or none does (a half-written theory is refused
 * rather than drawn as gaps that were never computed).
 */
function blocksOf(raw: unknown, layers: number): OpenedBlocks | null {
  if (raw === undefined) return null;
  if (!Array.isArray(raw)) return fail(`"blocks" is ${describe(raw)}, not a list`);
  const list = raw as unknown[];
  if (list.length === 0) return null;
  if (list.length > layers)
    fail(`"blocks" has ${list.length} entries but "layers" only ${layers}: a block holds a layer or more`);
  const stream: number[] = [];
  const theory: (number | null)[] = [];
  const withTheory = isObject(list[0]) && list[0].theory !== undefined;
  list.forEach((entry, i) => {
    const where = `blocks[${i}]`;
    if (!isObject(entry)) fail(`${where} is ${describe(entry)}, not an object`);
    const e = entry as Record<string, unknown>;
    if (e.block !== i + 1) fail(`${where}.block is ${describe(e.block)}: blocks must be numbered 1, 2, 3, … in order`);
    if (!isObject(e.stream)) fail(`${where}.stream is ${e.stream === undefined ? 'missing' : describe(e.stream)}`);
    const stats = e.stream as Record<string, unknown>;
    if (!('secondMoment' in stats)) fail(`${where}.stream.secondMoment is missing`);
    stream.push(blockMoment(stats.secondMoment, `${where}.stream.secondMoment`) ?? Infinity);
    if ((e.theory !== undefined) !== withTheory)
      fail(
        `${where}.theory is ${withTheory ? 'missing' : 'there'} but blocks[0].theory is ${withTheory ? 'there' : 'missing'}`,
      );
    if (!withTheory) return;
    if (!isObject(e.theory)) fail(`${where}.theory is ${describe(e.theory)}, not an object`);
    const t = e.theory as Record<string, unknown>;
    if (!('streamSecondMoment' in t)) fail(`${where}.theory.streamSecondMoment is missing`);
    theory.push(blockMoment(t.streamSecondMoment, `${where}.theory.streamSecondMoment`));
  });
  return { stream, theory };
}

/** The file's config as the app's, when it is complete and valid; its theory then applies. */
function configOf(raw: unknown, depth: number): SimConfig | null {
  if (!isObject(raw) || typeof raw.init !== 'string' || typeof raw.activation !== 'string') return null;
  if (raw.architecture !== undefined && raw.architecture !== null) {
    const a = raw.architecture as Record<string, unknown>;
    if (!isObject(a) || a.kind !== 'plain' || (a.norm !== undefined && a.norm !== 'none')) return null;
  }
  const input: ConfigInput = {
    init: raw.init,
    initParams: isObject(raw.initParams) ? raw.initParams : undefined,
    activation: raw.activation,
    activationParams: isObject(raw.activationParams) ? raw.activationParams : undefined,
    width: Array.isArray(raw.widths) ? raw.widths : undefined,
    inputDim: raw.inputDim,
    batch: raw.batch,
    seed: raw.seed,
    biasStd: raw.biasStd,
    input: raw.input,
  };
  const { config, issues } = normalizeConfig(input);
  if (issues.length > 0 || config.widths.length !== depth || !isPlainMlp(config.architecture)) return null;
  return config;
}

const FRAMEWORK_NAMES: Record<string, string> = {
  pytorch: 'PyTorch',
  'pytorch-hooks': 'PyTorch hooks',
  jax: 'JAX',
  keras: 'Keras',
  numpy: 'numpy',
};

function sourceName(raw: unknown, fileName: string): string {
  const file = cleanText(fileName, 40) || 'file';
  if (!isObject(raw)) return `Initscope · ${file}`;
  const framework = typeof raw.framework === 'string' ? cleanText(raw.framework, 24) : '';
  const version = typeof raw.version === 'string' ? cleanText(raw.version, 20) : '';
  const label = FRAMEWORK_NAMES[framework] ?? (framework || 'unknown source');
  return cleanText(`${label}${version ? ` ${version}` : ''} · ${file}`);
}

function fromJson(text: string, fileName: string): OpenedResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return fail(`the file is not valid JSON (${cleanText(e instanceof Error ? e.message : String(e), 80)})`);
  }
  if (!isObject(data)) return fail(`the file holds ${describe(data)}, not an object with "layers"`);
  const { measured, statuses } = layersOf(data.layers);
  const config = configOf(data.config, measured.length);
  const theory = config ? theoryFor(config).map((t) => t.preactivationSecondMoment) : [];
  const blocks = blocksOf(data.blocks, measured.length);
  return {
    name: sourceName(data.source, fileName),
    fileName: cleanText(fileName, 80),
    measured,
    statuses,
    theory,
    config,
    blocks,
  };
}

function fromCsv(text: string, fileName: string): OpenedResult {
  const { header, rows } = parseCsv(text, MAX_LAYERS + 1);
  const column = (name: string) => header.indexOf(name);
  const pre = column('preactivation.secondMoment');
  if (column('layer') < 0 || pre < 0)
    fail('the CSV needs the columns "layer" and "preactivation.secondMoment" (the CLI\'s --format csv)');
  if (rows.length === 0) fail('the CSV has no rows: there is nothing to draw');
  if (rows.length > MAX_LAYERS) fail(`the CSV has more than ${MAX_LAYERS} rows; at most ${MAX_LAYERS} are opened`);
  const status = column('status');
  const measured: number[] = [];
  const statuses: LayerStatus[] = [];
  rows.forEach((row, i) => {
    const where = `row ${i + 2}`;
    if (row.length !== header.length) fail(`${where} has ${row.length} cells; the header has ${header.length}`);
    if (row[column('layer')] !== String(i + 1))
      fail(
        `${where}: "layer" is ${JSON.stringify(cleanText(row[column('layer')]!, 24))}; layers must be numbered 1, 2, 3, … in order`,
      );
    const cell = row[pre]!.trim();
    // The CLI's CSV writes Infinity for an overflow and leaves the cell empty for NaN.
    const value =
      cell === '' || cell === 'Infinity'
        ? null
        : /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(cell)
          ? Number(cell)
          : NaN;
    if (Number.isNaN(value))
      fail(`${where}: "preactivation.secondMoment" is ${JSON.stringify(cleanText(cell, 24))}, not a number`);
    const r = reading(
      secondMoment(value, `${where}: "preactivation.secondMoment"`),
      statusOf(status >= 0 ? row[status] || undefined : undefined, `${where}: "status"`),
    );
    measured.push(r.value);
    statuses.push(r.status);
  });
  return {
    name: cleanText(`CSV · ${cleanText(fileName, 40) || 'file'}`),
    fileName: cleanText(fileName, 80),
    measured,
    statuses,
    theory: [],
    config: null,
    blocks: null,
  };
}

/** Parses a results file's text; never throws. `fileName` only names it. */
export function parseResultFile(text: string, fileName: string): ParseOutcome {
  try {
    if (text.length > MAX_FILE_BYTES) fail(`the file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`);
    const start = text.replace(/^\uFEFF/, '').trimStart();
    if (start === '') fail('the file is empty');
    const result =
      start.startsWith('{') || start.startsWith('[') ? fromJson(start, fileName) : fromCsv(start, fileName);
    return { ok: true, result };
  } catch (e) {
    if (e instanceof FileProblem) return { ok: false, problem: e.message };
    // Anything else is our bug, still reported as a notice rather than a broken page.
    return {
      ok: false,
      problem: `the file could not be read (${cleanText(e instanceof Error ? e.message : String(e), 80)})`,
    };
  }
}
