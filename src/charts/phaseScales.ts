// Pixel geometry of the phase diagram: σ_w² across, σ_b² upwards, one cell per grid value with
// the value at the cell's centre.

import type { PhaseGrid } from '../core/phaseGrid';
import type { AxisTick } from './axes';
import type { Cell } from './phaseLayout';

export interface PhaseScales {
  plotWidth: number;
  plotHeight: number;
  cellWidth: number;
  cellHeight: number;
  x: (sigmaW2: number) => number;
  y: (sigmaB2: number) => number;
  cellX: (col: number) => number;
  cellY: (row: number) => number;
  /** The cell under a point of the plot, or null outside it. */
  cellAt: (px: number, py: number) => Cell | null;
  xTicks: AxisTick[];
  yTicks: AxisTick[];
}

const tick = (value: number): AxisTick => ({ value, label: String(value) });

export function phaseScales(grid: PhaseGrid, plotWidth: number, plotHeight: number): PhaseScales {
  const cols = grid.sigmaW2.length;
  const rows = grid.sigmaB2.length;
  const cellWidth = plotWidth / cols;
  const cellHeight = plotHeight / rows;
  // The grid is evenly spaced; each value is the centre of its cell.
  const dw = cols > 1 ? grid.sigmaW2[1]! - grid.sigmaW2[0]! : 1;
  const db = rows > 1 ? grid.sigmaB2[1]! - grid.sigmaB2[0]! : 1;
  const w0 = grid.sigmaW2[0]! - dw / 2;
  const b0 = grid.sigmaB2[0]! - db / 2;
  const x = (w: number) => ((w - w0) / (dw * cols)) * plotWidth;
  const y = (b: number) => plotHeight - ((b - b0) / (db * rows)) * plotHeight;
  const wMax = grid.sigmaW2[cols - 1]!;
  const bMax = grid.sigmaB2[rows - 1]!;
  const xTicks = [0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4].filter((v) => v >= w0 && v <= wMax + dw / 2).map(tick);
  const yTicks = [0, 0.25, 0.5, 0.75, 1].filter((v) => v >= b0 && v <= bMax + db / 2).map(tick);
  return {
    plotWidth,
    plotHeight,
    cellWidth,
    cellHeight,
    x,
    y,
    cellX: (col) => (col + 0.5) * cellWidth,
    cellY: (row) => plotHeight - (row + 0.5) * cellHeight,
    cellAt: (px, py) => {
      const col = Math.floor(px / cellWidth);
      const row = Math.floor((plotHeight - py) / cellHeight);
      return col >= 0 && col < cols && row >= 0 && row < rows ? { col, row } : null;
    },
    xTicks,
    yTicks,
  };
}
