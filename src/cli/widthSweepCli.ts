// `--width-sweep[=64,256,1024]`: the coordinate check (Yang & Hu 2021; Yang et al. 2022) from the
// command line, the same sweep the app's width-sweep card runs (core/spectra/widthSweep.ts), printed
// as JSON: per parameterization, per hidden layer and the output, the mean |activation| at each
// width, the least-squares log–log slope with its standard error, and the theory's slope.

import { getActivation } from '../core/activations';
import { BUDGET, ENGINE_FLOPS_PER_SECOND, formatFlops, formatSeconds, WEIGHT_DRAW_FLOPS } from '../core/budget';
import { LIMITS } from '../core/limits';
import { quote } from '../core/params';
import {
  DEFAULT_SWEEP,
  logLogSlope,
  PARAMETERIZATIONS,
  SWEEP_WIDTHS,
  theorySlopes,
  widthSweep,
  type Parameterization,
  type SweepSettings,
} from '../core/spectra/widthSweep';
import { UsageError } from './args';

/** How a parameterization is written on the command line; `sp` and `standard` are the same. */
const PARAMETERIZATION_NAMES: Record<string, Parameterization> = {
  sp: 'standard',
  standard: 'standard',
  ntk: 'ntk',
  mup: 'mup',
};

/** Three points at least: a slope's standard error needs a residual degree of freedom. */
export const MIN_SWEEP_WIDTHS = 3;

export interface WidthSweepRequest {
  widths: number[];
  parameterizations: Parameterization[];
}

/** `--width-sweep` alone: the app's widths; `--width-sweep=LIST`: that many distinct widths, in increasing order. */
export function parseSweepWidths(value: string | undefined): number[] {
  if (value === undefined) return [...SWEEP_WIDTHS];
  const { min, max } = LIMITS.width;
  const allowed = `a comma list of at least ${MIN_SWEEP_WIDTHS} different whole numbers ${min}…${max}`;
  const parts = value.split(',').map((s) => s.trim());
  const widths = parts.map(Number);
  const bad = parts.findIndex(
    (s, i) => s === '' || !Number.isInteger(widths[i]) || widths[i]! < min || widths[i]! > max,
  );
  if (bad >= 0)
    throw new UsageError(
      `--width-sweep: entry ${bad + 1} (${quote(parts[bad])}) is not a whole number ${min}…${max}; expected ${allowed}`,
    );
  const sorted = [...new Set(widths)].sort((a, b) => a - b);
  if (sorted.length < MIN_SWEEP_WIDTHS)
    throw new UsageError(`--width-sweep ${quote(value)} has ${sorted.length} different widths; expected ${allowed}`);
  return sorted;
}

/** `--parameterization sp|ntk|mup|all` (default all). */
export function parseParameterization(value: string | undefined): Parameterization[] {
  const key = value?.trim().toLowerCase() ?? '';
  if (key === 'all') return [...PARAMETERIZATIONS];
  const one = PARAMETERIZATION_NAMES[key];
  if (!one) throw new UsageError(`--parameterization ${quote(value)} is not one of sp, ntk, mup, all`);
  return [one];
}

/**
 * Work of the sweep: per width n and parameterization, 2·B·(d_in·n + (L−1)·n² + n·d_out) for the
 * products and every weight drawn at WEIGHT_DRAW_FLOPS, as core/budget.ts counts a run.
 */
export function sweepFlops(settings: Omit<SweepSettings, 'parameterization'>, parameterizations: number): number {
  let total = 0;
  for (const n of settings.widths) {
    const weights = settings.inputDim * n + (settings.hiddenLayers - 1) * n * n + n * settings.outputDim;
    total += 2 * settings.batch * weights + WEIGHT_DRAW_FLOPS * weights;
  }
  return total * parameterizations;
}

export interface SweepLine {
  /** 'layer 1' … 'layer L' for hidden layers, 'output' for the read-out. */
  line: string;
  meanAbs: number[];
  slope: number;
  slopeStandardError: number;
  theorySlope: number;
}

export interface SweepRecord {
  activation: string;
  hiddenLayers: number;
  inputDim: number;
  outputDim: number;
  batch: number;
  seed: number;
  parameterizations: { parameterization: Parameterization; widths: number[]; lines: SweepLine[] }[];
}

/** Runs the sweep for the given settings; refuses up front past the budget. */
export function runWidthSweep(
  settings: Omit<SweepSettings, 'parameterization'>,
  parameterizations: Parameterization[],
): SweepRecord {
  if (!getActivation(settings.activation))
    throw new UsageError(`--activation ${quote(settings.activation)} is not a known activation`);
  const flops = sweepFlops(settings, parameterizations.length);
  if (flops > BUDGET.flops) {
    throw new UsageError(
      `--width-sweep up to width ${Math.max(...settings.widths)} with --depth ${settings.hiddenLayers} and --batch ${settings.batch} needs ${formatFlops(flops)} (about ${formatSeconds(flops / ENGINE_FLOPS_PER_SECOND)} here); the limit is ${formatFlops(BUDGET.flops)} — try fewer or smaller widths`,
    );
  }
  const record: SweepRecord = { ...pick(settings), parameterizations: [] };
  for (const parameterization of parameterizations) {
    const points = [...widthSweep({ ...settings, parameterization })];
    const widths = points.map((p) => p.width);
    const theory = theorySlopes(parameterization, settings.hiddenLayers);
    const line = (name: string, meanAbs: number[], theorySlope: number): SweepLine => {
      const fit = logLogSlope(widths, meanAbs);
      return { line: name, meanAbs, slope: fit.slope, slopeStandardError: fit.standardError, theorySlope };
    };
    const lines = theory.hidden.map((t, l) =>
      line(
        `layer ${l + 1}`,
        points.map((p) => p.hidden[l]!),
        t,
      ),
    );
    lines.push(
      line(
        'output',
        points.map((p) => p.output),
        theory.output,
      ),
    );
    record.parameterizations.push({ parameterization, widths, lines });
  }
  return record;
}

function pick(s: Omit<SweepSettings, 'parameterization'>) {
  return {
    activation: s.activation,
    hiddenLayers: s.hiddenLayers,
    inputDim: s.inputDim,
    outputDim: s.outputDim,
    batch: s.batch,
    seed: s.seed,
  };
}

export { DEFAULT_SWEEP };
