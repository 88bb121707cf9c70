// "How alike do two different inputs become?" The mean pair correlation c^l of the batch's
// pre-activations per layer (points) with the mean-field correlation map iterated from layer 1
// (dashed), and one sentence reading where c ends up (correlationReading.ts). Pure: the layers
// come in as props (ui/panels/CorrelationPanel.tsx reads the store).

import { scaleLinear } from 'd3-scale';
import { useId, useMemo } from 'react';
import { AxisBottom, AxisLeft } from './axes';
import { layerTicks } from './logAxis';
import { extendMarkPath, extendSeriesPath, useGrowingPath } from './growingPath';
import { readCorrelation } from '../readings/correlationReading';
import type { SeriesPoint } from './signalSeries';
import { useParentSize, type Size } from './useParentSize';
import type { LayerStats } from '../core/types';
import './charts.css';
import './signalChart.css';

const MARGIN = { top: 10, right: 24, bottom: 50, left: 88 };
const HEIGHT = 230;

const layerPoints = new WeakMap<LayerStats, Record<'measured' | 'theory', SeriesPoint>>();

/**
 * Correlations may be 0 or negative, so every finite value is a point (unlike the log-scale
 * series). A layer's points are made once and kept with it, so that a streamed run's paths are
 * extended with the new layers rather than drawn anew (growingPath.ts).
 */
const points = (layers: readonly LayerStats[], pick: 'measured' | 'theory'): SeriesPoint[] =>
  layers.map((l) => {
    let p = layerPoints.get(l);
    if (!p) {
      const point = (c: number | null | undefined): SeriesPoint => ({
        layer: l.layer,
        raw: c !== null && c !== undefined && Number.isFinite(c) ? c : null,
        kind: 'ok',
      });
      p = { measured: point(l.correlation?.measured), theory: point(l.correlation?.theory) };
      layerPoints.set(l, p);
    }
    return p[pick];
  });

const below = (points: readonly SeriesPoint[]): boolean => points.some((p) => p.raw !== null && p.raw < -0.05);

export interface CorrelationChartProps {
  layers: readonly LayerStats[];
  /** Layers of the run shown: the x axis spans them while layers stream in. */
  depth: number;
  /** A fixed width (golden tests, exports); otherwise the chart fills its container. */
  size?: Pick<Size, 'width'>;
}

export function CorrelationChart({ layers, depth, size: fixedSize }: CorrelationChartProps) {
  const [plotRef, measuredSize] = useParentSize<HTMLDivElement>();
  const size = fixedSize ?? measuredSize;
  const summaryId = useId();

  const measured = useMemo(() => points(layers, 'measured'), [layers]);
  const theory = useMemo(() => points(layers, 'theory'), [layers]);
  const hasTheory = theory.some((p) => p.raw !== null);
  const reading = useMemo(
    () => readCorrelation((hasTheory ? theory : measured).map((p) => p.raw)),
    [hasTheory, theory, measured],
  );
  const measuredReading = useMemo(() => readCorrelation(measured.map((p) => p.raw)), [measured]);
  // Anti-correlated inputs need the lower half of the axis; otherwise 0…1 gives c its full height.
  const negative = below(measured) || below(theory);

  const plotWidth = Math.max(10, size.width - MARGIN.left - MARGIN.right);
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  // The scales change with the size, the depth and the sign of c only, not with each new layer.
  const scales = useMemo(() => {
    const xs = scaleLinear()
      .domain([0.5, Math.max(depth, 1) + 0.5])
      .range([0, plotWidth]);
    const ys = scaleLinear()
      .domain([negative ? -1 : 0, 1])
      .range([plotHeight, 0]);
    return {
      x: (l: number) => xs(l),
      y: (v: number) => ys(v),
      radius: Math.min(4, Math.max(1.5, plotWidth / Math.max(depth, 1) / 3)),
      xTicks: layerTicks(Math.max(depth, 1), plotWidth).map((v) => ({ value: v, label: String(v) })),
      yTicks: (negative ? [-1, -0.5, 0, 0.5, 1] : [0, 0.25, 0.5, 0.75, 1]).map((v) => ({ value: v, label: String(v) })),
    };
  }, [depth, plotWidth, plotHeight, negative]);
  const { x, y, radius } = scales;
  const drawing = {
    ...scales,
    line: useGrowingPath(measured, [scales], (previous, from, points) =>
      extendSeriesPath(previous, points, from, x, y),
    ),
    theory: useGrowingPath(theory, [scales], (previous, from, points) =>
      extendSeriesPath(previous, points, from, x, y),
    ),
    marks: useGrowingPath(measured, [scales], (previous, from, points) =>
      extendMarkPath(previous, points, from, x, y, radius, 'circle'),
    ),
  };

  const none = measured.every((p) => p.raw === null);
  return (
    <figure className="chart correlation-chart" data-testid="correlation-chart" data-correlation-phase={reading.phase}>
      <div className="chart-header">
        <h2 className="chart-title">How alike do two different inputs become?</h2>
      </div>
      <p className="correlation-reading" data-testid="correlation-reading">
        {none ? 'Waiting for layers with two different non-zero inputs (batch 2 or more).' : reading.text}
      </p>
      <div className="chart-plot correlation-plot" ref={plotRef} style={{ height: HEIGHT }}>
        {size.width > 0 && !none && (
          <svg
            width={size.width}
            height={HEIGHT}
            role="img"
            aria-label={`Mean correlation c between the pre-activations of two different inputs, for each of ${depth} layers, measured and as the mean-field correlation map predicts.`}
            aria-describedby={summaryId}
          >
            <g transform={`translate(${MARGIN.left}, ${MARGIN.top})`}>
              <AxisLeft
                y={drawing.y}
                ticks={drawing.yTicks}
                plotHeight={plotHeight}
                plotWidth={plotWidth}
                title="correlation c"
                titleOffset={56}
              />
              <AxisBottom
                x={drawing.x}
                ticks={drawing.xTicks}
                plotHeight={plotHeight}
                plotWidth={plotWidth}
                title="layer"
              />
              <path className="series-line series-measured-line" d={drawing.line} />
              <path className="series-line series-theory" d={drawing.theory} />
              <path className="signal-point" d={drawing.marks} />
            </g>
          </svg>
        )}
      </div>
      <ul className="chart-legend">
        <li className="series-measured">measured mean pair correlation (● points)</li>
        <li>theory: correlation map (dashed)</li>
      </ul>
      <p className="chart-sr-only" id={summaryId}>
        Measured: {measuredReading.text} {hasTheory ? `Theory: ${reading.text}` : 'The theory does not apply here.'}
      </p>
    </figure>
  );
}
