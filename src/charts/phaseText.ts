// The phase diagram in words: a summary for screen readers (and the tests), and the readout of
// the cell under the cursor.

import type { PhaseGrid } from '../core/phaseGrid';
import { formatValue } from '../readings/format';
import { cellIndex, cellPhase, criticalSegments, type Cell, type CellPhase } from './phaseLayout';

// The verdict's words for input information (readings/inputsVerdict.ts): ordered, preserved, chaotic.
const PHASE_WORDS: Record<CellPhase, string> = {
  ordered: 'ordered',
  critical: 'preserved (edge of chaos)',
  chaotic: 'chaotic',
  runaway: 'no fixed point',
};

/** Short exact text of a grid value for links and labels: "0.1", "1.5", "0.05". */
export const gridValue = (v: number): string => String(Number(v.toPrecision(6)));

/** Two or three significant digits, as read off a chart. */
const read = (v: number): string => formatValue(v, 3);

/** Where the critical line runs, in words. */
export function criticalLineText(grid: PhaseGrid): string {
  const points = criticalSegments(grid.critical).flat();
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last) {
    if (grid.criticalBeyond !== null) {
      return `The critical line χ₁ = 1 lies beyond this chart: at σ_b² = ${gridValue(grid.sigmaB2[0]!)} it is at σ_w² = ${read(grid.criticalBeyond)}, so every setting shown is ordered.`;
    }
    return 'There is no critical line here: q runs away (hatched) before χ₁ reaches 1.';
  }
  const gaps = grid.critical.some((c) => c.sigmaW2 === null)
    ? ' Where the line is missing, q runs away before χ₁ reaches 1.'
    : '';
  if (first === last || Math.abs(first.sigmaW2 - last.sigmaW2) < 1e-9) {
    return `The critical line χ₁ = 1 is σ_w² = ${read(first.sigmaW2)} at every σ_b² shown.${gaps}`;
  }
  return `The critical line χ₁ = 1 runs from σ_w² = ${read(first.sigmaW2)} at σ_b² = ${gridValue(first.sigmaB2)} to σ_w² = ${read(last.sigmaW2)} at σ_b² = ${gridValue(last.sigmaB2)}.${gaps}`;
}

function share(grid: PhaseGrid, phase: CellPhase): number {
  let n = 0;
  for (let i = 0; i < grid.chi1.length; i++) if (cellPhase(grid, i) === phase) n++;
  return Math.round((100 * n) / grid.chi1.length);
}

export function describePhaseGrid(grid: PhaseGrid, activationLabel: string): string {
  const w = grid.sigmaW2;
  const b = grid.sigmaB2;
  const parts = (['ordered', 'critical', 'chaotic', 'runaway'] as const)
    .map((p) => [p, share(grid, p)] as const)
    .filter(([, s]) => s > 0)
    .map(([p, s]) => `${s} % ${PHASE_WORDS[p]}`);
  return (
    `Phase diagram of ${activationLabel}: colour shows χ₁ at the fixed point for σ_w² from ${gridValue(w[0]!)} to ${gridValue(w.at(-1)!)} across ` +
    `and σ_b² from ${gridValue(b[0]!)} to ${gridValue(b.at(-1)!)} upwards. Of the settings shown, ${parts.join(', ')}. ${criticalLineText(grid)}`
  );
}

/** e.g. "σ_w² = 1.5, σ_b² = 0.05: χ₁ = 0.939, ordered (q* = 0.418)". */
export function cellReadout(grid: PhaseGrid, cell: Cell): string {
  const i = cellIndex(grid, cell);
  const where = `σ_w² = ${gridValue(grid.sigmaW2[cell.col]!)}, σ_b² = ${gridValue(grid.sigmaB2[cell.row]!)}`;
  const phase = cellPhase(grid, i);
  const chi1 = grid.chi1[i]!;
  if (phase === 'runaway') {
    const gradient = Number.isFinite(chi1) ? `, χ₁ = ${read(chi1)}` : '';
    return `${where}: no fixed point, q grows without bound${gradient}`;
  }
  return `${where}: χ₁ = ${read(chi1)}, ${PHASE_WORDS[phase]} (q* = ${read(grid.qStar[i]!)})`;
}
