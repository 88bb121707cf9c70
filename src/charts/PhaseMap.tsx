// The interactive part of the phase diagram: sizes itself to its container, draws cells and
// overlay, and lets a pointer or the keyboard pick a cell. Arrow keys move the cursor (Shift:
// five cells), Enter or Space applies it; a click applies the cell under the pointer.

import { useId, useMemo, useState } from 'react';
import type { KeyboardEvent, MouseEvent } from 'react';
import type { PhaseGrid } from '../core/phaseGrid';
import { PhaseCells } from './PhaseCells';
import { moveCell, nearestCell, type Cell } from './phaseLayout';
import { PhaseOverlay } from './PhaseOverlay';
import { phaseScales } from './phaseScales';
import { cellReadout, describePhaseGrid } from './phaseText';
import { useParentSize, type Size } from './useParentSize';

const MARGIN = { top: 10, right: 18, bottom: 54, left: 64 };
const ARROWS: Record<string, [number, number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, 1],
  ArrowDown: [0, -1],
};

export interface PhaseMapProps {
  grid: PhaseGrid;
  activationLabel: string;
  current: { sigmaW2: number; sigmaB2: number } | null;
  onApply: (sigmaW2: number, sigmaB2: number) => void;
  /** A fixed size (golden tests); otherwise the map fills its container. */
  size?: Size;
}

export function PhaseMap({ grid, activationLabel, current, onApply, size: fixedSize }: PhaseMapProps) {
  const [plotRef, measuredSize] = useParentSize<HTMLDivElement>();
  const size = fixedSize ?? measuredSize;
  const [cursor, setCursor] = useState<Cell | null>(null);
  const summaryId = useId();
  const readoutId = useId();
  const plotWidth = Math.max(10, size.width - MARGIN.left - MARGIN.right);
  const plotHeight = Math.max(10, size.height - MARGIN.top - MARGIN.bottom);
  const scales = useMemo(() => phaseScales(grid, plotWidth, plotHeight), [grid, plotWidth, plotHeight]);
  const summary = useMemo(() => describePhaseGrid(grid, activationLabel), [grid, activationLabel]);
  const shown = cursor && cursor.col < grid.sigmaW2.length && cursor.row < grid.sigmaB2.length ? cursor : null;

  const apply = (cell: Cell) => onApply(grid.sigmaW2[cell.col]!, grid.sigmaB2[cell.row]!);
  const cellUnder = (e: MouseEvent<HTMLDivElement>): Cell | null => {
    const rect = e.currentTarget.getBoundingClientRect();
    return scales.cellAt(e.clientX - rect.left, e.clientY - rect.top);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const from = shown ?? (current ? nearestCell(grid, current.sigmaW2, current.sigmaB2) : { col: 0, row: 0 });
    const arrow = ARROWS[e.key];
    if (arrow) {
      const step = e.shiftKey ? 5 : 1;
      setCursor(moveCell(grid, from, arrow[0] * step, arrow[1] * step));
    } else if (e.key === 'Home' || e.key === 'End') {
      setCursor({ ...from, col: e.key === 'Home' ? 0 : grid.sigmaW2.length - 1 });
    } else if (e.key === 'Enter' || e.key === ' ') {
      apply(from);
      setCursor(from);
    } else if (e.key === 'Escape') {
      setCursor(null);
    } else {
      return;
    }
    e.preventDefault();
  };

  const readout = shown
    ? `${cellReadout(grid, shown)}. Click or press Enter to use these settings.`
    : 'Point at the diagram, or focus it and use the arrow keys, to read χ₁ at any setting.';

  return (
    <div className="phase-map">
      <div className="chart-plot phase-plot" ref={plotRef}>
        {size.width > 0 && (
          <>
            <div className="phase-cells-frame" style={{ left: MARGIN.left, top: MARGIN.top }}>
              <PhaseCells grid={grid} width={plotWidth} height={plotHeight} />
            </div>
            <svg
              width={size.width}
              height={size.height}
              role="img"
              aria-label={`Phase diagram of ${activationLabel}`}
              aria-describedby={summaryId}
            >
              <g transform={`translate(${MARGIN.left}, ${MARGIN.top})`}>
                <PhaseOverlay grid={grid} scales={scales} current={current} cursor={shown} />
              </g>
            </svg>
            <div
              className="chart-overlay phase-overlay"
              data-testid="phase-diagram-overlay"
              style={{ left: MARGIN.left, top: MARGIN.top, width: plotWidth, height: plotHeight }}
              tabIndex={0}
              role="group"
              aria-label="Pick σ_w² and σ_b²: arrow keys move (Shift: 5 steps), Enter applies, Escape clears"
              aria-describedby={readoutId}
              onPointerMove={(e) => setCursor(cellUnder(e))}
              onPointerLeave={(e) => {
                if (document.activeElement !== e.currentTarget) setCursor(null);
              }}
              onClick={(e) => {
                const cell = cellUnder(e);
                if (cell) apply(cell);
              }}
              onFocus={() =>
                setCursor(
                  (c) => c ?? (current ? nearestCell(grid, current.sigmaW2, current.sigmaB2) : { col: 0, row: 0 }),
                )
              }
              onBlur={() => setCursor(null)}
              onKeyDown={onKeyDown}
            />
          </>
        )}
      </div>
      <p className="phase-readout" id={readoutId} aria-live="polite" data-testid="phase-readout">
        {readout}
      </p>
      <p className="chart-sr-only" id={summaryId}>
        {summary}
      </p>
    </div>
  );
}
