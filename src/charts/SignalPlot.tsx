// The SVG of the signal chart: log y (second moment) against linear x (layer 1 … depth). The
// geometry (d3 scales, paths, ticks) comes from useSignalGeometry; this file only draws. Inf and 0
// live in their own bands above and below the log scale, so a value that left float range is
// drawn as what it is.

import type { ReactNode } from 'react';
import { AxisBottom, AxisLeft } from './axes';
import { EdgeMarkers } from './EdgeMarkers';
import { extendMarkPath, useGrowingPath } from './growingPath';
import { onCurve, type SignalSeries } from './signalSeries';
import { PLOT_MARGIN, type SignalGeometry } from './useSignalGeometry';

interface SignalPlotProps {
  width: number;
  height: number;
  geometry: SignalGeometry;
  series: SignalSeries;
  /** Layer under the pointer or keyboard focus. */
  activeLayer: number | null;
  /** Draw each series' points as one path (while a run streams) instead of one element per layer. */
  marksAsPaths?: boolean;
  ariaLabel: string;
  /** id of the element holding the text summary. */
  describedBy: string;
  /** Drawn under the live series, in plot coordinates (the pinned configurations of compare mode). */
  underlay?: ReactNode;
  /** The back-propagated gradients share the axis, so its title names them too. */
  withGradients?: boolean;
  /** Said across the middle of the plot (a concealed quiz), in place of the note that no value fits the log scale. */
  note?: string;
  /** What x counts: a residual network's blocks (its stream x^k) or linear layers. */
  unit?: 'layer' | 'block';
}

function yTitle(unit: 'layer' | 'block', withGradients: boolean): string {
  // Per block the curve is the residual stream x^k, what the next block and the read-out see.
  if (unit === 'block')
    return withGradients ? 'stream E[x²] and E[δ²], log scale' : 'stream second moment E[x²], log scale';
  return withGradients ? 'second moment E[h²] and E[δ²], log scale' : 'second moment E[h²], log scale';
}

export function SignalPlot({
  width,
  height,
  geometry,
  series,
  activeLayer,
  marksAsPaths = false,
  ariaLabel,
  describedBy,
  underlay,
  withGradients = false,
  note,
  unit = 'layer',
}: SignalPlotProps) {
  const { layout, visible, infBand, zeroBand, yTicks, xTicks, paths, markers, radius, hasCurve } = geometry;
  const { x, y, plotWidth, plotHeight } = layout;
  const squareSide = radius * 1.8;
  // Each streamed write re-renders the chart, through the whole backward pass too: the marks are
  // extended with the new layers' only, and kept as they are when nothing new arrived
  // (growingPath.ts: redrawing 1000 marks per write was most of the page's garbage on deep runs).
  const showActivations = visible.includes('activations');
  const measuredMarks = useGrowingPath(
    marksAsPaths ? series.measured : null,
    [x, y, radius],
    (previous, from, points) => extendMarkPath(previous, points, from, x, y, radius, 'circle'),
  );
  const activationMarks = useGrowingPath(
    marksAsPaths && showActivations ? series.activations : null,
    [x, y, squareSide],
    (previous, from, points) => extendMarkPath(previous, points, from, x, y, squareSide / 2, 'square'),
  );
  return (
    <svg
      className="signal-svg"
      width={width}
      height={height}
      role="img"
      aria-label={ariaLabel}
      aria-describedby={describedBy}
    >
      <g transform={`translate(${PLOT_MARGIN.left}, ${PLOT_MARGIN.top})`}>
        <AxisLeft
          y={y}
          ticks={yTicks}
          plotHeight={plotHeight}
          plotWidth={plotWidth}
          title={yTitle(unit, withGradients)}
          titleOffset={70}
        />
        <AxisBottom x={x} ticks={xTicks} plotHeight={plotHeight} plotWidth={plotWidth} title={unit} />
        {infBand > 0 && (
          <g className="chart-band">
            <line className="chart-band-edge" x1={0} x2={plotWidth} y1={infBand} y2={infBand} />
            <text className="chart-tick-label" x={-8} y={layout.infY} dy="0.32em" textAnchor="end">
              Inf
            </text>
          </g>
        )}
        {zeroBand > 0 && (
          <g className="chart-band">
            <line
              className="chart-band-edge"
              x1={0}
              x2={plotWidth}
              y1={plotHeight - zeroBand}
              y2={plotHeight - zeroBand}
            />
            <text className="chart-tick-label" x={-8} y={layout.zeroY} dy="0.32em" textAnchor="end">
              0
            </text>
          </g>
        )}
        {(note !== undefined || !hasCurve) && (
          <text
            className="chart-axis-title"
            x={plotWidth / 2}
            y={(infBand + plotHeight - zeroBand) / 2}
            textAnchor="middle"
          >
            {note ?? 'no value between 0 and Inf to plot on the log scale'}
          </text>
        )}
        {activeLayer !== null && (
          <line className="chart-crosshair" x1={x(activeLayer)} x2={x(activeLayer)} y1={0} y2={plotHeight} />
        )}
        {underlay}
        {visible.includes('activationsTheory') && (
          <path className="series-line series-activations-theory" d={paths.activationsTheory} />
        )}
        {showActivations && (
          <g className="series-activations">
            <path className="series-line" d={paths.activations} />
            {marksAsPaths && <path className="series-square" d={activationMarks} />}
            {!marksAsPaths &&
              series.activations
                .filter(onCurve)
                .map((p) => (
                  <rect
                    key={p.layer}
                    className="series-square"
                    x={x(p.layer) - squareSide / 2}
                    y={y(p.raw) - squareSide / 2}
                    width={squareSide}
                    height={squareSide}
                  />
                ))}
          </g>
        )}
        {/* Theory between the measured line and its points: visible even where the two agree. */}
        <path className="series-line series-measured-line" d={paths.measured} />
        <path className="series-line series-theory" d={paths.theory} />
        <g className="series-measured">
          {marksAsPaths && <path className="signal-point" d={measuredMarks} />}
          {!marksAsPaths &&
            series.measured
              .filter(onCurve)
              .map((p) => (
                <circle
                  key={p.layer}
                  className="signal-point"
                  cx={x(p.layer)}
                  cy={y(p.raw)}
                  r={radius}
                  data-layer={p.layer}
                />
              ))}
        </g>
        {/* Measured markers last, on top of the others. */}
        {[...visible].reverse().map((id) => (
          <EdgeMarkers
            key={id}
            runs={markers[id] ?? []}
            x={x}
            infY={layout.infY}
            zeroY={layout.zeroY}
            plotWidth={plotWidth}
            series={id}
          />
        ))}
        {activeLayer !== null && <ActivePoint layer={activeLayer} series={series} x={x} y={y} />}
      </g>
    </svg>
  );
}

function ActivePoint({
  layer,
  series,
  x,
  y,
}: {
  layer: number;
  series: SignalSeries;
  x: (l: number) => number;
  y: (v: number) => number;
}) {
  const p = series.measured[layer - 1];
  if (!p || !onCurve(p)) return null;
  return <circle className="signal-point-active" cx={x(layer)} cy={y(p.raw)} r={8} />;
}
