// Lines against training steps: the loss (log axis), the accuracy, and per-layer statistics
// (gradient norm, update-to-weight ratio, dead units). Pure: series in, SVG out. Each series is
// one run (the live one, a pin) or one layer; a reference line (e.g. makemore's 10⁻³ ratio) is
// drawn dashed across the plot.

import { memo } from 'react';
import { scaleLinear, scaleLog } from 'd3-scale';
import { line } from 'd3-shape';
import { AxisBottom, AxisLeft, type AxisTick } from './axes';
import { logDomain, logTicks } from './logAxis';
import { formatValue } from '../readings/format';
import './stepChart.css';

export interface StepPoint {
  step: number;
  /** null where the value is undefined (a gap in the line). */
  value: number | null;
}

export interface StepSeries {
  id: string;
  label: string;
  /** A CSS colour (a custom property such as var(--chart-measured) works). */
  color: string;
  dashed?: boolean;
  points: readonly StepPoint[];
}

export interface StepChartProps {
  width: number;
  height: number;
  title: string;
  yTitle: string;
  series: readonly StepSeries[];
  /** The x axis runs from 0 to this many steps, whatever has arrived. */
  steps: number;
  yScale: 'log' | 'linear';
  /** A fixed y range for a linear axis (e.g. [0, 1] for accuracy); otherwise fitted. */
  yDomain?: [number, number];
  reference?: { value: number; label: string };
  /** Shown over the plot (e.g. "diverged at step 40"). */
  note?: string | null;
  /** Legend under the plot: false for many per-layer lines, which a colour key explains. */
  legend?: boolean;
}

const MARGIN = { top: 26, right: 14, bottom: 48, left: 62 };

function stepTicks(steps: number, plotWidth: number): AxisTick[] {
  return scaleLinear()
    .domain([0, steps])
    .ticks(Math.max(2, Math.floor(plotWidth / 70)))
    .map((v) => ({ value: v, label: String(v) }));
}

function linearDomain(series: readonly StepSeries[], reference?: number): [number, number] {
  let lo = reference ?? Infinity;
  let hi = reference ?? -Infinity;
  for (const s of series)
    for (const p of s.points) {
      if (p.value === null || !Number.isFinite(p.value)) continue;
      lo = Math.min(lo, p.value);
      hi = Math.max(hi, p.value);
    }
  if (!(lo <= hi)) return [0, 1];
  if (hi - lo < 1e-9) return [lo - 0.5, hi + 0.5];
  const pad = (hi - lo) * 0.05;
  return [lo - pad, hi + pad];
}

/** Memoized: the panel re-renders with every progress tick, the chart only when its data change. */
export const StepChart = memo(function StepChart({
  width,
  height,
  title,
  yTitle,
  series,
  steps,
  yScale,
  yDomain,
  reference,
  note,
  legend = true,
}: StepChartProps) {
  const legendRows = legend ? series.length : 0;
  const plotWidth = Math.max(10, width - MARGIN.left - MARGIN.right);
  const plotHeight = Math.max(10, height - MARGIN.top - MARGIN.bottom - legendRows * 18);
  const x = scaleLinear()
    .domain([0, Math.max(1, steps)])
    .range([0, plotWidth]);
  const values = series.flatMap((s) => s.points.map((p) => p.value));
  let y: (v: number) => number;
  let ticks: AxisTick[];
  if (yScale === 'log') {
    const [lo, hi] = logDomain(reference ? [...values, reference.value] : values, 1);
    const s = scaleLog().domain([lo, hi]).range([plotHeight, 0]);
    y = (v) => s(v);
    ticks = logTicks(lo, hi, Math.max(3, Math.floor(plotHeight / 28)));
  } else {
    const s = scaleLinear()
      .domain(yDomain ?? linearDomain(series, reference?.value))
      .range([plotHeight, 0]);
    y = (v) => s(v);
    ticks = s.ticks(Math.max(3, Math.floor(plotHeight / 32))).map((v) => ({ value: v, label: formatValue(v) }));
  }
  const path = line<StepPoint>()
    .defined((p) => p.value !== null && Number.isFinite(p.value) && (yScale === 'linear' || p.value > 0))
    .x((p) => x(p.step))
    .y((p) => y(p.value!));

  return (
    <svg className="step-chart" width={width} height={height} role="img" aria-label={title}>
      <text className="step-chart-title" x={MARGIN.left} y={16}>
        {title}
      </text>
      <g transform={`translate(${MARGIN.left}, ${MARGIN.top})`}>
        <AxisLeft y={y} ticks={ticks} plotHeight={plotHeight} plotWidth={plotWidth} title={yTitle} titleOffset={48} />
        <AxisBottom
          x={(v) => x(v)}
          ticks={stepTicks(steps, plotWidth)}
          plotHeight={plotHeight}
          plotWidth={plotWidth}
          title="training step"
        />
        {series.map((s) => (
          <path
            key={s.id}
            className="step-chart-line"
            d={path(s.points as StepPoint[]) ?? ''}
            stroke={s.color}
            strokeDasharray={s.dashed ? '6 4' : undefined}
            data-series={s.id}
          >
            <title>{s.label}</title>
          </path>
        ))}
        {reference && (
          <g className="step-chart-reference">
            <line x1={0} x2={plotWidth} y1={y(reference.value)} y2={y(reference.value)} />
            <text x={4} y={y(reference.value) - 5}>
              {reference.label}
            </text>
          </g>
        )}
        {note && (
          <text className="step-chart-note" x={plotWidth / 2} y={plotHeight / 2} textAnchor="middle">
            {note}
          </text>
        )}
      </g>
      {legend && (
        <g className="step-chart-legend" transform={`translate(${MARGIN.left}, ${height - legendRows * 18 + 4})`}>
          {series.map((s, i) => (
            <g key={s.id} transform={`translate(0, ${i * 18})`}>
              <line x1={0} x2={22} y1={6} y2={6} stroke={s.color} strokeDasharray={s.dashed ? '6 4' : undefined} />
              <text x={28} y={10}>
                {s.label}
              </text>
            </g>
          ))}
        </g>
      )}
    </svg>
  );
});
