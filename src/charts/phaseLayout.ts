// Geometry of the phase diagram that does not need a DOM: which phase each cell is in, where a
// region's name fits, the critical line as drawable pieces, and the cell nearest a setting.

import type { CriticalPoint, PhaseGrid } from '../core/phaseGrid';
import { phaseOfChi1, type Phase } from '../core/theoryPoint';

export type CellPhase = Phase | 'runaway';

export interface Cell {
  /** Column (σ_w² index) and row (σ_b² index, 0 = σ_b² = 0 at the bottom). */
  col: number;
  row: number;
}

export function cellIndex(grid: PhaseGrid, cell: Cell): number {
  return cell.row * grid.sigmaW2.length + cell.col;
}

/** 'runaway' where q does not settle; otherwise the phase of χ₁ (critical within e^±0.02). */
export function cellPhase(grid: PhaseGrid, index: number): CellPhase {
  if (grid.settles[index] !== 1) return 'runaway';
  return phaseOfChi1(grid.chi1[index]!) ?? 'runaway';
}

export function phaseMask(grid: PhaseGrid, phase: CellPhase): boolean[] {
  return Array.from(grid.chi1, (_, i) => cellPhase(grid, i) === phase);
}

/** A box in plot pixels, by its centre and half-sizes. */
export interface Obstacle {
  x: number;
  y: number;
  halfWidth: number;
  halfHeight: number;
}

export interface LabelBox {
  /** Plot size and cell size in pixels. */
  width: number;
  height: number;
  cellWidth: number;
  cellHeight: number;
  /** Half the label's width and height in pixels. */
  halfWidth: number;
  halfHeight: number;
  /** Marks a label must not cover (the current-settings marker). */
  obstacles?: readonly Obstacle[];
}

/** The cell has a neighbour (sides or corners) inside the region. */
function touchesRegion(mask: readonly boolean[], cols: number, rows: number, { col, row }: Cell): boolean {
  for (let r = Math.max(0, row - 1); r <= Math.min(rows - 1, row + 1); r++) {
    for (let c = Math.max(0, col - 1); c <= Math.min(cols - 1, col + 1); c++) {
      if (mask[r * cols + c]) return true;
    }
  }
  return false;
}

/**
 * The cell of a region where a label centred on it has the most room: the largest factor by which
 * the label's box can grow before it touches a cell outside the region, an obstacle or the plot's edge. null
 * when even the label at its own size (factor 1) fits nowhere.
 */
export function placeLabel(mask: readonly boolean[], cols: number, box: LabelBox): Cell | null {
  const rows = Math.round(mask.length / cols);
  const centre = (c: Cell) => ({ x: (c.col + 0.5) * box.cellWidth, y: box.height - (c.row + 0.5) * box.cellHeight });
  const half = { halfWidth: box.cellWidth / 2, halfHeight: box.cellHeight / 2 };
  const outside: Obstacle[] = [...(box.obstacles ?? [])];
  const sum = { x: 0, y: 0, n: 0 };
  mask.forEach((inside, i) => {
    const cell = { col: i % cols, row: Math.floor(i / cols) };
    const c = centre(cell);
    if (inside) Object.assign(sum, { x: sum.x + c.x, y: sum.y + c.y, n: sum.n + 1 });
    // Only outside cells touching the region can limit a label: the straight run of cells from a
    // label's centre to any other outside cell crosses the region's border at a touching cell that
    // is no farther in either direction. Skipping the rest gives the same room, an order faster.
    else if (touchesRegion(mask, cols, rows, cell)) outside.push({ ...c, ...half });
  });
  // Among equally roomy places, the one nearest the region's centre of mass.
  const offCentre = (p: { x: number; y: number }) => Math.hypot(p.x - sum.x / sum.n, p.y - sum.y / sum.n);
  let best: Cell | null = null;
  let bestRoom = 1;
  let bestOffCentre = Infinity;
  for (let row = 0; row < rows; row++) {
    for (let col = 0; col < cols; col++) {
      if (!mask[row * cols + col]) continue;
      const { x, y } = centre({ col, row });
      let room = Math.min(
        x / box.halfWidth,
        (box.width - x) / box.halfWidth,
        y / box.halfHeight,
        (box.height - y) / box.halfHeight,
      );
      for (const o of outside) {
        if (room < bestRoom) break;
        const fit = Math.max(
          (Math.abs(o.x - x) - o.halfWidth) / box.halfWidth,
          (Math.abs(o.y - y) - o.halfHeight) / box.halfHeight,
        );
        if (fit < room) room = fit;
      }
      const tie = Math.abs(room - bestRoom) <= 1e-9;
      if ((room > bestRoom && !tie) || (tie && offCentre({ x, y }) < bestOffCentre)) {
        bestRoom = room;
        bestOffCentre = offCentre({ x, y });
        best = { col, row };
      }
    }
  }
  return best;
}

/** The critical line as runs of consecutive samples where it lies within the chart. */
export function criticalSegments(critical: readonly CriticalPoint[]): { sigmaW2: number; sigmaB2: number }[][] {
  const segments: { sigmaW2: number; sigmaB2: number }[][] = [];
  let current: { sigmaW2: number; sigmaB2: number }[] = [];
  for (const c of critical) {
    if (c.sigmaW2 === null) {
      if (current.length > 0) segments.push(current);
      current = [];
    } else {
      current.push({ sigmaW2: c.sigmaW2, sigmaB2: c.sigmaB2 });
    }
  }
  if (current.length > 0) segments.push(current);
  return segments;
}

function nearestIndex(values: readonly number[], v: number): number {
  let best = 0;
  values.forEach((x, i) => {
    if (Math.abs(x - v) < Math.abs(values[best]! - v)) best = i;
  });
  return best;
}

/** The cell closest to a setting (clamped to the chart). */
export function nearestCell(grid: PhaseGrid, sigmaW2: number, sigmaB2: number): Cell {
  return { col: nearestIndex(grid.sigmaW2, sigmaW2), row: nearestIndex(grid.sigmaB2, sigmaB2) };
}

/** Moves a cell by (dc, dr), staying on the chart. */
export function moveCell(grid: PhaseGrid, cell: Cell, dc: number, dr: number): Cell {
  const clamp = (v: number, n: number) => Math.min(n - 1, Math.max(0, v));
  return { col: clamp(cell.col + dc, grid.sigmaW2.length), row: clamp(cell.row + dr, grid.sigmaB2.length) };
}
