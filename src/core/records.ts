// The exported shape of a run: the CLI's JSON/CSV and the app's downloads come from these
// functions, so the same config and seed give the same fields and the same numbers everywhere.
// Field names under `layers[]` are a public contract (other tools parse them).

import type { LsuvLayer } from './lsuv';
import type { JacobianRecord } from './spectra/jacobianRecord';
import { architectureRecord, blockRecords, type ArchitectureRecord, type BlockRecord } from './architecture/records';
import type { BlockGradient } from './architecture/backward';
import type { BlockStats } from './architecture/blockStats';
import type { GradientStats, LayerStats, SimConfig } from './types';

export interface ConfigRecord {
  init: string;
  initParams: SimConfig['initParams'];
  activation: string;
  activationParams: SimConfig['activationParams'];
  depth: number;
  widths: number[];
  inputDim: number;
  batch: number;
  seed: number;
  biasStd: number;
  input: string;
  architecture: ArchitectureRecord;
}

export function configRecord(c: SimConfig): ConfigRecord {
  return {
    init: c.init,
    initParams: { ...c.initParams },
    activation: c.activation,
    activationParams: { ...c.activationParams },
    depth: c.widths.length,
    widths: [...c.widths],
    inputDim: c.inputDim,
    batch: c.batch,
    seed: c.seed,
    biasStd: c.biasStd,
    input: c.input,
    architecture: architectureRecord(c),
  };
}

function gradientRecord(g: GradientStats) {
  return {
    secondMoment: g.secondMoment,
    mean: g.mean,
    variance: g.variance,
    min: g.min,
    max: g.max,
    weightGradientSecondMoment: g.weightGradientSecondMoment,
    nonFinite: g.nonFinite.posInf + g.nonFinite.negInf + g.nonFinite.nan,
    status: g.status,
  };
}

/**
 * One layer without its histograms (those are for charts, not tables). `gradient` and
 * `theory.gradientSecondMoment` appear when the backward pass ran, `correlation` when
 * correlations were measured.
 */
export function layerRecord(s: LayerStats, g?: GradientStats) {
  const p = s.preactivation;
  const a = s.activation;
  const record = {
    layer: s.layer,
    ...(s.block !== undefined ? { block: s.block } : {}),
    fanIn: s.fanIn,
    fanOut: s.fanOut,
    status: s.status,
    weights: { mean: s.weights.mean, variance: s.weights.variance, min: s.weights.min, max: s.weights.max },
    preactivation: {
      mean: p.mean,
      variance: p.variance,
      secondMoment: p.secondMoment,
      min: p.min,
      max: p.max,
      fractionZero: p.fractionZero,
      nonFinite: p.nonFinite.posInf + p.nonFinite.negInf + p.nonFinite.nan,
    },
    activation: {
      mean: a.mean,
      variance: a.variance,
      secondMoment: a.secondMoment,
      min: a.min,
      max: a.max,
      fractionZero: a.fractionZero,
      fractionSaturated: a.fractionSaturated,
    },
    theory: {
      preactivationSecondMoment: s.theory.preactivationSecondMoment,
      chi1: s.theory.chi1,
      activationMean: s.theory.activationMean,
      activationVariance: s.theory.activationVariance,
      sigmaW2: s.theory.sigmaW2,
      sigmaB2: s.theory.sigmaB2,
      ...(g ? { gradientSecondMoment: g.theorySecondMoment } : {}),
    },
  };
  return {
    ...record,
    ...(g ? { gradient: gradientRecord(g) } : {}),
    ...(s.correlation ? { correlation: { measured: s.correlation.measured, theory: s.correlation.theory } } : {}),
  };
}

export type LayerRecord = ReturnType<typeof layerRecord>;

export interface RunRecord {
  config: ConfigRecord;
  layers: LayerRecord[];
  /** The input–output Jacobian's singular values at a few layers (present when asked for). */
  jacobian?: JacobianRecord[];
  /** Residual networks: one entry per block (architecture/records.ts). */
  blocks?: BlockRecord[];
  /** LSUV's scale per layer for this network (present when asked for). */
  lsuv?: LsuvLayer[];
}

/** A residual network's per-block statistics, and their gradients (indexed by block − 1). */
export interface BlockResults {
  blocks: readonly BlockStats[];
  blockGradients?: readonly (BlockGradient | undefined)[];
}

/** `gradients` is indexed by layer − 1, as the backward pass produces it (entries may be missing). */
export function runRecord(
  config: SimConfig,
  layers: readonly LayerStats[],
  gradients: readonly (GradientStats | undefined)[] = [],
  blocks?: BlockResults,
): RunRecord {
  const record: RunRecord = {
    config: configRecord(config),
    layers: layers.map((s, i) => layerRecord(s, gradients[i])),
  };
  if (config.architecture?.kind === 'residual')
    record.blocks = blockRecords(blocks?.blocks ?? [], blocks?.blockGradients);
  return record;
}

/**
 * JSON cannot hold ±Infinity or NaN. They become null; the layer's `status` ("overflow") and
 * `preactivation.nonFinite` say what happened, so nothing is silently lost.
 */
export function toJson(record: RunRecord): string {
  return JSON.stringify(record, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2);
}

/** A Jacobian record with its quantiles as named fields (p5 … p95), for the layer's CSV row. */
function jacobianCsvFields(j: JacobianRecord): Record<string, unknown> {
  const { quantiles, ...rest } = j.singularValues;
  const named = Object.fromEntries(['p5', 'p25', 'p50', 'p75', 'p95'].map((name, i) => [name, quantiles[i] ?? null]));
  return { inputs: j.inputs, singularValues: { ...rest, ...named }, theory: j.theory };
}

type Flat = Record<string, string | number | boolean | null>;

function flatten(obj: Record<string, unknown>, prefix: string, out: Flat): Flat {
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) flatten(v as Record<string, unknown>, key, out);
    else out[key] = v as Flat[string];
  }
  return out;
}

function csvCell(v: Flat[string] | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return '';
    return v === Infinity ? 'Infinity' : v === -Infinity ? '-Infinity' : String(v);
  }
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * One row per layer; nested fields flattened with dots (`preactivation.secondMoment`). The
 * columns are every field of any layer, so a layer without a gradient leaves those cells empty.
 */
export function toCsv(record: RunRecord): string {
  const rows = record.layers.map((l) => flatten(l, '', {}));
  for (const l of record.lsuv ?? []) {
    const row = rows[l.layer - 1];
    if (row)
      flatten({ lsuv: { scale: l.scale, passes: l.passes, variance: l.variance, converged: l.converged } }, '', row);
  }
  for (const j of record.jacobian ?? []) {
    const row = rows[j.layer - 1];
    if (row) flatten({ jacobian: jacobianCsvFields(j) }, '', row);
  }
  const columns = rows.length > 0 ? [...new Set(rows.flatMap((r) => Object.keys(r)))] : ['layer'];
  const lines = [columns.join(',')];
  for (const r of rows) lines.push(columns.map((c) => csvCell(r[c])).join(','));
  return lines.join('\n') + '\n';
}
