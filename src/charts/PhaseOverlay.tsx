// Everything drawn over the phase diagram's cells, in SVG: axes, the critical line, the phases'
// names, the current settings and the keyboard/pointer cursor.

import { line } from 'd3-shape';
import { useMemo } from 'react';
import type { PhaseGrid } from '../core/phaseGrid';
import { AxisBottom, AxisLeft } from './axes';
import { criticalSegments, phaseMask, placeLabel, type Cell, type CellPhase, type Obstacle } from './phaseLayout';
import type { PhaseScales } from './phaseScales';

const LABELS: { phase: CellPhase; title: string; detail: string }[] = [
  { phase: 'ordered', title: 'Ordered', detail: 'inputs collapse together' },
  { phase: 'chaotic', title: 'Chaotic', detail: 'nearby inputs diverge' },
  { phase: 'runaway', title: 'No fixed point', detail: 'q grows without bound' },
];
/** Rough half-size of a two-line label (15 px title over 12.5 px detail). */
const LABEL_HALF = { width: 92, height: 21 };
/** Rough half-size of a title alone: about 9.4 px per character of 15 px bold text. */
const titleHalf = (title: string) => ({ width: title.length * 4.7 + 3, height: 10 });

/** Where the current-settings marker and its word sit, for labels to keep clear of. */
function markerObstacle(scales: PhaseScales, current: { sigmaW2: number; sigmaB2: number } | null): Obstacle[] {
  if (!current) return [];
  const x = Math.min(scales.plotWidth, Math.max(0, scales.x(current.sigmaW2)));
  const y = Math.min(scales.plotHeight, Math.max(0, scales.y(current.sigmaB2)));
  return [{ x, y: y - 6, halfWidth: 80, halfHeight: 24 }];
}

export interface PhaseOverlayProps {
  grid: PhaseGrid;
  scales: PhaseScales;
  /** The current settings (null: the theory does not apply). */
  current: { sigmaW2: number; sigmaB2: number } | null;
  cursor: Cell | null;
}

function PhaseLabels({
  grid,
  scales,
  current,
}: {
  grid: PhaseGrid;
  scales: PhaseScales;
  current: PhaseOverlayProps['current'];
}) {
  const placed = useMemo(
    () =>
      LABELS.map((l) => {
        const obstacles = markerObstacle(scales, current);
        const mask = phaseMask(grid, l.phase);
        const fit = (half: { width: number; height: number }) =>
          placeLabel(mask, grid.sigmaW2.length, {
            width: scales.plotWidth,
            height: scales.plotHeight,
            cellWidth: scales.cellWidth,
            cellHeight: scales.cellHeight,
            halfWidth: half.width,
            halfHeight: half.height,
            obstacles,
          });
        // A narrow region (SELU's ordered strip) gets its name without the explanation.
        const full = fit(LABEL_HALF);
        return { ...l, at: full ?? fit(titleHalf(l.title)), withDetail: full !== null };
      }),
    [grid, scales, current],
  );
  return (
    <g className="phase-labels" aria-hidden="true">
      {placed.map(({ phase, title, detail, at, withDetail }) =>
        at === null ? null : (
          <text
            key={phase}
            className="phase-label"
            data-phase-label={phase}
            x={scales.cellX(at.col)}
            y={scales.cellY(at.row)}
            textAnchor="middle"
          >
            <tspan className="phase-label-title" x={scales.cellX(at.col)} dy={withDetail ? '-0.2em' : '0.35em'}>
              {title}
            </tspan>
            {withDetail && (
              <tspan className="phase-label-detail" x={scales.cellX(at.col)} dy="1.25em">
                {detail}
              </tspan>
            )}
          </text>
        ),
      )}
    </g>
  );
}

function CurrentMarker({ scales, current }: { scales: PhaseScales; current: { sigmaW2: number; sigmaB2: number } }) {
  const rawX = scales.x(current.sigmaW2);
  const rawY = scales.y(current.sigmaB2);
  const x = Math.min(scales.plotWidth, Math.max(0, rawX));
  const y = Math.min(scales.plotHeight, Math.max(0, rawY));
  const off = x !== rawX || y !== rawY;
  // Keep the label inside the plot: to the left of a marker near the right edge, below one near the top.
  const anchorEnd = x > scales.plotWidth - 90;
  const below = y < 26;
  return (
    <g
      className={off ? 'phase-marker phase-marker-off' : 'phase-marker'}
      data-marker="current"
      data-off-chart={off ? 'true' : 'false'}
      transform={`translate(${x}, ${y})`}
      aria-hidden="true"
    >
      <circle className="phase-marker-halo" r={9} />
      <circle className="phase-marker-ring" r={9} />
      <circle className="phase-marker-dot" r={2.5} />
      <text
        className="phase-marker-label"
        x={anchorEnd ? -14 : 14}
        y={below ? 22 : -12}
        textAnchor={anchorEnd ? 'end' : 'start'}
      >
        {off ? 'current (off the chart)' : 'current'}
      </text>
    </g>
  );
}

export function PhaseOverlay({ grid, scales, current, cursor }: PhaseOverlayProps) {
  const path = useMemo(() => {
    const draw = line<{ sigmaW2: number; sigmaB2: number }>()
      .x((p) => scales.x(p.sigmaW2))
      .y((p) => scales.y(p.sigmaB2));
    return criticalSegments(grid.critical)
      .map((segment) => (segment.length === 1 ? null : draw(segment)))
      .filter((d): d is string => d !== null)
      .join(' ');
  }, [grid, scales]);

  return (
    <>
      <rect className="phase-frame" width={scales.plotWidth} height={scales.plotHeight} />
      <AxisBottom
        x={scales.x}
        ticks={scales.xTicks}
        plotHeight={scales.plotHeight}
        plotWidth={scales.plotWidth}
        title="σ_w²  (weight variance × fan_in)"
      />
      <AxisLeft
        y={scales.y}
        ticks={scales.yTicks}
        plotHeight={scales.plotHeight}
        plotWidth={scales.plotWidth}
        title="σ_b²  (bias variance)"
        titleOffset={44}
        grid={false}
      />
      {path !== '' && (
        <g className="phase-critical" data-critical-line="true">
          <path className="phase-critical-halo" d={path} />
          <path className="phase-critical-line" d={path} />
        </g>
      )}
      <PhaseLabels grid={grid} scales={scales} current={current} />
      {current && <CurrentMarker scales={scales} current={current} />}
      {cursor && (
        <g className="phase-cursor" transform={`translate(${scales.cellX(cursor.col)}, ${scales.cellY(cursor.row)})`}>
          <rect
            className="phase-cursor-halo"
            x={-scales.cellWidth / 2}
            y={-scales.cellHeight / 2}
            width={scales.cellWidth}
            height={scales.cellHeight}
          />
          <rect
            className="phase-cursor-box"
            x={-scales.cellWidth / 2}
            y={-scales.cellHeight / 2}
            width={scales.cellWidth}
            height={scales.cellHeight}
          />
        </g>
      )}
    </>
  );
}
