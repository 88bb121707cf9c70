// What the phase diagram's canvas paints, apart from the canvas, so it is tested without a
// browser: one rectangle per (σ_w², σ_b²) cell in the diverging colour of ln χ₁, grey where χ₁
// does not exist, and whether the cell is hatched (q never settles there).

import type { PhaseGrid } from '../core/phaseGrid';
import { chi1Position, divergingCss } from './divergingColormap';

/** Cells with no χ₁ at all (q runs away and χ₁ depends on q): a grey no phase colour uses. */
export const NO_PHASE_GREY = '#9a9a9a';

export interface PhaseCellRect {
  x: number;
  y: number;
  width: number;
  height: number;
  fill: string;
  hatched: boolean;
}

/** Row 0 (σ_b² = 0) at the bottom; half a pixel of overlap hides the seams between neighbours. */
export function phaseCellRects(grid: PhaseGrid, width: number, height: number): PhaseCellRect[] {
  const cols = grid.sigmaW2.length;
  const rows = grid.sigmaB2.length;
  const cw = width / cols;
  const ch = height / rows;
  const rects: PhaseCellRect[] = [];
  for (let row = 0; row < rows; row++) {
    const y = height - (row + 1) * ch;
    for (let col = 0; col < cols; col++) {
      const i = row * cols + col;
      const chi1 = grid.chi1[i]!;
      rects.push({
        x: col * cw,
        y,
        width: cw + 0.5,
        height: ch + 0.5,
        fill: Number.isNaN(chi1) ? NO_PHASE_GREY : divergingCss(chi1Position(chi1)),
        hatched: grid.settles[i] !== 1,
      });
    }
  }
  return rects;
}
