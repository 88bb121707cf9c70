import { describe, expect, it } from 'vitest';
import { getActivation } from '../core/activations';
import { buildPhaseGrid, type PhaseGrid } from '../core/phaseGrid';
import { cellIndex, cellPhase, criticalSegments, moveCell, nearestCell, phaseMask, placeLabel } from './phaseLayout';
import { cellReadout, criticalLineText, describePhaseGrid, gridValue } from './phaseText';

const grids = new Map<string, PhaseGrid>();
const gridOf = (id: string): PhaseGrid => {
  if (!grids.has(id)) grids.set(id, buildPhaseGrid(getActivation(id)!, {}));
  return grids.get(id)!;
};

describe('placeLabel', () => {
  const box = { width: 100, height: 50, cellWidth: 10, cellHeight: 10, halfWidth: 15, halfHeight: 5 };
  it('centres a label where its region leaves it the most room', () => {
    // 10 × 5 cells; the region is the left 6 columns.
    const mask = Array.from({ length: 50 }, (_, i) => i % 10 < 6);
    const at = placeLabel(mask, 10, box)!;
    expect(at.col).toBeGreaterThanOrEqual(1);
    expect(at.col).toBeLessThanOrEqual(4);
    expect(at.row).toBe(2);
  });

  it('keeps clear of an obstacle such as the current-settings marker', () => {
    const everywhere = Array.from({ length: 50 }, () => true);
    const free = placeLabel(everywhere, 10, box)!;
    const marker = { x: (free.col + 0.5) * 10, y: 50 - (free.row + 0.5) * 10, halfWidth: 12, halfHeight: 12 };
    const moved = placeLabel(everywhere, 10, { ...box, obstacles: [marker] })!;
    const cx = (moved.col + 0.5) * 10;
    const cy = 50 - (moved.row + 0.5) * 10;
    expect(Math.abs(cx - marker.x) >= 15 + 12 || Math.abs(cy - marker.y) >= 5 + 12).toBe(true);
  });

  it('gives up when the region is too narrow for the label', () => {
    const mask = Array.from({ length: 50 }, (_, i) => i % 10 === 9);
    expect(placeLabel(mask, 10, box)).toBeNull();
  });
});

describe('criticalSegments', () => {
  it('splits the line where it leaves the chart', () => {
    const segments = criticalSegments([
      { sigmaB2: 0, sigmaW2: null },
      { sigmaB2: 0.5, sigmaW2: 1.9 },
      { sigmaB2: 0.6, sigmaW2: 1.95 },
      { sigmaB2: 0.7, sigmaW2: null },
      { sigmaB2: 0.8, sigmaW2: 1.97 },
    ]);
    expect(segments.map((s) => s.length)).toEqual([2, 1]);
  });
});

describe('cells of the tanh diagram', () => {
  it('are ordered left of the line and chaotic right of it, and read out in words', () => {
    const g = gridOf('tanh');
    const left = nearestCell(g, 1, 0.05);
    const right = nearestCell(g, 3, 0.05);
    expect(cellPhase(g, cellIndex(g, left))).toBe('ordered');
    expect(cellPhase(g, cellIndex(g, right))).toBe('chaotic');
    expect(cellReadout(g, left)).toBe('σ_w² = 1, σ_b² = 0.05: χ₁ = 0.759, ordered (q* = 0.194)');
    expect(phaseMask(g, 'runaway').some(Boolean)).toBe(false);
  });

  it('moves a cursor cell by cell without leaving the chart', () => {
    const g = gridOf('tanh');
    expect(moveCell(g, { col: 0, row: 0 }, -1, -1)).toEqual({ col: 0, row: 0 });
    expect(moveCell(g, { col: 39, row: 20 }, 1, 5)).toEqual({ col: 39, row: 20 });
    expect(moveCell(g, { col: 3, row: 3 }, 1, -1)).toEqual({ col: 4, row: 2 });
    expect(nearestCell(g, 256, -1)).toEqual({ col: 39, row: 0 });
  });

  it('summarises the diagram, the critical line included', () => {
    const text = describePhaseGrid(gridOf('tanh'), 'tanh');
    expect(text).toContain('σ_w² from 0.1 to 4');
    expect(text).toMatch(/\d+ % ordered, \d+ % preserved \(edge of chaos\), \d+ % chaotic\./);
    expect(text).toContain('runs from σ_w² = 1.00 at σ_b² = 0 to σ_w² = 3.44 at σ_b² = 1.');
  });
});

describe('other activations in words', () => {
  it('ReLU: a vertical line, and hatched cells that still know their χ₁', () => {
    const g = gridOf('relu');
    expect(criticalLineText(g)).toBe('The critical line χ₁ = 1 is σ_w² = 2.00 at every σ_b² shown.');
    expect(cellReadout(g, nearestCell(g, 3, 0.5))).toBe(
      'σ_w² = 3, σ_b² = 0.5: no fixed point, q grows without bound, χ₁ = 1.50',
    );
  });

  it('sigmoid: the line is beyond the chart', () => {
    expect(criticalLineText(gridOf('sigmoid'))).toMatch(
      /^The critical line χ₁ = 1 lies beyond this chart: at σ_b² = 0 it is at σ_w² = 103, so every setting shown is ordered\.$/,
    );
  });

  it('GELU: the line exists only where q does not run away first', () => {
    expect(criticalLineText(gridOf('gelu'))).toMatch(/Where the line is missing, q runs away before χ₁ reaches 1\.$/);
  });

  it('writes grid values short and exact', () => {
    expect(gridValue(0.30000000000000004)).toBe('0.3');
    expect(gridValue(0.15)).toBe('0.15');
  });
});
