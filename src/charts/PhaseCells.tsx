// The phase diagram's cells on a canvas: each (σ_w², σ_b²) in the diverging colour of ln χ₁, and
// hatched where q never settles. Drawn at the device's pixel density so the hatching stays crisp
// on a projector.

import { useEffect, useRef } from 'react';
import type { PhaseGrid } from '../core/phaseGrid';
import { phaseCellRects } from './phaseCellFill';
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
    const rects = phaseCellRects(grid, width, height);
    for (const r of rects) {
      ctx.fillStyle = r.fill;
      ctx.fillRect(r.x, r.y, r.width, r.height);
    }
    const hatch = hatchPattern(ctx, dpr);
    if (hatch) {
      hatch.setTransform(new DOMMatrix().scale(1 / dpr));
      ctx.fillStyle = hatch;
      for (const r of rects) if (r.hatched) ctx.fillRect(r.x, r.y, r.width, r.height);
    }
  }, [grid, width, height]);

  return <canvas ref={ref} className="phase-cells" style={{ width, height }} aria-hidden="true" />;
}
