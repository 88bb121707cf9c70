// The phase diagram's cells on a canvas: each (σ_w², σ_b²) in the diverging colour of ln χ₁, and
// hatched where q never settles. Drawn at the device's pixel density so the hatching stays crisp
// on a projector.

import { useEffect, useRef } from 'react';
import type { PhaseGrid } from '../core/phaseGrid';
import { chi1Position, divergingCss } from './divergingColormap';

/** Cells with no χ₁ at all (q runs away and χ₁ depends on q): a grey no phase colour uses. */
export const NO_PHASE_GREY = '#9a9a9a';
const HATCH_SPACING = 7;

function hatchPattern(ctx: CanvasRenderingContext2D, dpr: number): CanvasPattern | null {
  const tile = document.createElement('canvas');
  const size = Math.round(HATCH_SPACING * dpr);
  tile.width = size;
  tile.height = size;
  const t = tile.getContext('2d');
  if (!t) return null;
  t.strokeStyle = 'rgba(20, 20, 20, 0.7)';
  t.lineWidth = 1.4 * dpr;
  // One diagonal per tile, plus its wrapped corners, so tiles join into unbroken lines.
  t.beginPath();
  for (const shift of [-size, 0, size]) {
    t.moveTo(shift, size);
    t.lineTo(shift + size, 0);
  }
  t.stroke();
  return ctx.createPattern(tile, 'repeat');
}

export function PhaseCells({ grid, width, height }: { grid: PhaseGrid; width: number; height: number }) {
  const ref = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const dpr = window.devicePixelRatio || 1;
    canvas.width = Math.round(width * dpr);
    canvas.height = Math.round(height * dpr);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const cols = grid.sigmaW2.length;
    const rows = grid.sigmaB2.length;
    const cw = width / cols;
    const ch = height / rows;
    const runaway: [number, number][] = [];
    for (let row = 0; row < rows; row++) {
      // Row 0 (σ_b² = 0) at the bottom.
      const y = height - (row + 1) * ch;
      for (let col = 0; col < cols; col++) {
        const i = row * cols + col;
        const chi1 = grid.chi1[i]!;
        ctx.fillStyle = Number.isNaN(chi1) ? NO_PHASE_GREY : divergingCss(chi1Position(chi1));
        // Half a pixel of overlap hides the seams between neighbouring cells.
        ctx.fillRect(col * cw, y, cw + 0.5, ch + 0.5);
        if (grid.settles[i] !== 1) runaway.push([col * cw, y]);
      }
    }
    const hatch = hatchPattern(ctx, dpr);
    if (hatch) {
      hatch.setTransform(new DOMMatrix().scale(1 / dpr));
      ctx.fillStyle = hatch;
      for (const [x, y] of runaway) ctx.fillRect(x, y, cw + 0.5, ch + 0.5);
    }
  }, [grid, width, height]);

  return <canvas ref={ref} className="phase-cells" style={{ width, height }} aria-hidden="true" />;
}
