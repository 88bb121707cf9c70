// The order/chaos phase diagram of one activation (Poole et al. 2016, Schoenholz et al. 2017):
// χ₁ at the fixed point q* over a grid of (σ_w², σ_b²), and the critical line χ₁ = 1 on it.
// Computed a row at a time (a generator), so a worker can report progress and answer other
// requests between rows.
import type { ActivationSpec } from './activations';
import { createFixedPointSolver, type FixedPointSolver } from './fixedPointTable';
import { criticalSigmaW2 } from './theory';
import { bracketedRoot } from './theory/roots';
import type { ParamValues } from './types';

export interface PhaseAxes {
  /** Column values, increasing and positive. */
  sigmaW2: readonly number[];
  /** Row values, increasing and non-negative. */
  sigmaB2: readonly number[];
}

/**
 * σ_w² = 0.1 … 4 in steps of 0.1 and σ_b² = 0 … 1 in steps of 0.05: every practical initializer
 * (LeCun 1, He 2, tanh gain 5/3 → 25/9) and the critical lines of tanh, ReLU, SELU, ELU, sin and
 * hard-tanh fall inside, and every cell is a short, exact value for a link.
 */
export const PHASE_AXES: PhaseAxes = {
  sigmaW2: Array.from({ length: 40 }, (_, i) => (i + 1) / 10),
  sigmaB2: Array.from({ length: 21 }, (_, j) => j / 20),
};

/**
 * Extra σ_b² samples of the critical line between the first two rows, where it is steepest
 * (tanh: σ_w² goes from 1 to 1.42 between σ_b² = 0 and 0.01); a polyline through the rows alone
 * would cut that corner.
 */
const STEEP_START = [0.0025, 0.005, 0.01, 0.02, 0.03, 0.04];
/** The refined crossing must be a real one: a jump of q* between two fixed points also changes the sign. */
const CROSSING_CHECK = 1e-6;

export interface CriticalPoint {
  sigmaB2: number;
  /** Where χ₁ = 1 along this σ_b², or null when that is not within the grid's σ_w² range. */
  sigmaW2: number | null;
}

export interface PhaseGrid {
  activation: string;
  activationParams: ParamValues;
  sigmaW2: number[];
  sigmaB2: number[];
  /**
   * χ₁ per cell, row-major (index j·columns + i for sigmaB2[j], sigmaW2[i]). NaN where q never
   * settles, except for homogeneous φ, whose χ₁ = σ_w²·E[φ′²] does not depend on q.
   */
  chi1: Float64Array;
  /** q* per cell; NaN where q never settles. */
  qStar: Float64Array;
  /** 1 where the orbit from q = 1 settles at a stable fixed point, 0 where q grows without bound. */
  settles: Uint8Array;
  /** The critical line at each row's σ_b² and a few more near σ_b² = 0, by increasing σ_b². */
  critical: CriticalPoint[];
  /** When the line misses the chart although the ordered phase reaches its right edge: its σ_w² at the first row (sigmoid: 103). */
  criticalBeyond: number | null;
}

export interface PhaseProgress {
  done: number;
  total: number;
}

/** χ₁ − 1 at the fixed point q settles at; NaN where it runs away (as in criticalSigmaW2). */
function excessOf(solve: FixedPointSolver, sigmaB2: number): (sigmaW2: number) => number {
  return (sigmaW2) => {
    const fp = solve(sigmaW2, sigmaB2);
    return fp && fp.settles ? fp.chi1 - 1 : NaN;
  };
}

/** Halvings of a column gap when looking for a chaotic sliver: finds one 6e-6 wide. */
const SLIVER_HALVINGS = 14;

function refineCrossing(
  excess: (w: number) => number,
  lo: number,
  hi: number,
  gLo: number,
  gHi: number,
): number | null {
  const root = bracketedRoot(excess, lo, hi, gLo, gHi, { relTol: 1e-12 });
  return Math.abs(excess(root)) < CROSSING_CHECK ? root : null;
}

/**
 * Between an ordered column and one where q runs away, χ₁ may still reach 1 just before the
 * fixed point escapes to infinity (GELU at σ_b² = 0.5: chaotic for σ_w² in 1.961 … 1.99). That
 * sliver touches the runaway edge, so halving towards the edge must land in it if it is there.
 */
function crossingBeforeRunaway(excess: (w: number) => number, lo: number, gLo: number, hi: number): number | null {
  for (let k = 0; k < SLIVER_HALVINGS; k++) {
    const mid = 0.5 * (lo + hi);
    const g = excess(mid);
    if (g >= 0) return refineCrossing(excess, lo, mid, gLo, g);
    if (Number.isNaN(g)) {
      hi = mid;
    } else {
      lo = mid;
      gLo = g;
    }
  }
  return null;
}

/**
 * The first σ_w² along a row where χ₁ − 1 turns from negative to non-negative, refined. σ_w² = 0
 * (q* = σ_b², χ₁ = 0) starts the row below the line.
 */
function firstCrossing(
  columns: readonly number[],
  excessAtColumn: readonly number[],
  excess: (w: number) => number,
): number | null {
  let prevW = 0;
  let prevG = -1;
  for (let i = 0; i < columns.length; i++) {
    const w = columns[i]!;
    const g = excessAtColumn[i]!;
    if (prevG < 0 && g >= 0) return refineCrossing(excess, prevW, w, prevG, g);
    if (prevG < 0 && Number.isNaN(g)) return crossingBeforeRunaway(excess, prevW, prevG, w);
    prevW = w;
    prevG = g;
  }
  return null;
}

export function* phaseGridSteps(
  act: ActivationSpec,
  p: ParamValues,
  axes: PhaseAxes = PHASE_AXES,
): Generator<PhaseProgress, PhaseGrid> {
  const columns = [...axes.sigmaW2];
  const rows = [...axes.sigmaB2];
  const extra = act.homogeneous ? [] : STEEP_START.filter((b) => b > rows[0]! && b < (rows[1] ?? Infinity));
  const total = rows.length + extra.length;
  const solve = createFixedPointSolver(act, p);
  const size = columns.length * rows.length;
  const chi1 = new Float64Array(size).fill(NaN);
  const qStar = new Float64Array(size).fill(NaN);
  const settles = new Uint8Array(size);
  const critical: CriticalPoint[] = [];
  const homogeneousCritical = act.homogeneous ? criticalSigmaW2(act, p, 0) : null;
  const maxW = columns[columns.length - 1]!;
  const inRange = (w: number | null): number | null => (w !== null && w <= maxW ? w : null);

  for (let j = 0; j < rows.length; j++) {
    const b = rows[j]!;
    const excessRow: number[] = [];
    for (let i = 0; i < columns.length; i++) {
      const w = columns[i]!;
      const fp = solve(w, b);
      const at = j * columns.length + i;
      const settled = fp !== null && fp.settles;
      if (settled) {
        chi1[at] = fp.chi1;
        qStar[at] = fp.qStar;
        settles[at] = 1;
      } else if (act.homogeneous && homogeneousCritical !== null) {
        chi1[at] = w / homogeneousCritical;
      }
      excessRow.push(settled ? fp.chi1 - 1 : NaN);
    }
    const line = act.homogeneous ? homogeneousCritical : firstCrossing(columns, excessRow, excessOf(solve, b));
    critical.push({ sigmaB2: b, sigmaW2: inRange(line) });
    yield { done: j + 1, total };
  }
  for (const [k, b] of extra.entries()) {
    const excess = excessOf(solve, b);
    critical.push({ sigmaB2: b, sigmaW2: inRange(firstCrossing(columns, columns.map(excess), excess)) });
    yield { done: rows.length + k + 1, total };
  }
  critical.sort((a, c) => a.sigmaB2 - c.sigmaB2);

  let criticalBeyond: number | null = null;
  const lastInFirstRow = columns.length - 1;
  if (critical.every((c) => c.sigmaW2 === null)) {
    if (act.homogeneous) criticalBeyond = homogeneousCritical;
    // Only when the ordered phase runs off the right edge; elsewhere q runs away before χ₁ reaches 1.
    else if (settles[lastInFirstRow] === 1 && chi1[lastInFirstRow]! < 1)
      criticalBeyond = criticalSigmaW2(act, p, rows[0]!);
  }
  return {
    activation: act.id,
    activationParams: { ...p },
    sigmaW2: columns,
    sigmaB2: rows,
    chi1,
    qStar,
    settles,
    critical,
    criticalBeyond,
  };
}

/** The whole grid at once (tests, the main-thread fallback). */
export function buildPhaseGrid(act: ActivationSpec, p: ParamValues, axes: PhaseAxes = PHASE_AXES): PhaseGrid {
  const steps = phaseGridSteps(act, p, axes);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
