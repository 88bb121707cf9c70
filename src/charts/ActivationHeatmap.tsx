// The activations of one layer over training (the "colorful dimension" of fastai's course): one
// column per evaluation, one row per quarter-decade of |a| (log₁₀ 10⁻⁶ … 10²), the share of the
// minibatch's activations in that row in log-scaled viridis, plus a bottom row for exact zeros
// (dead ReLUs). A signal collapsing toward 0 or blowing up shows as the colour moving down or up.

import { memo, useEffect, useRef } from 'react';
import { AxisBottom, AxisLeft } from './axes';
import { logPosition, viridisRGB } from './colormap';
import { formatLogTick } from '../readings/format';

export interface HeatmapColumn {
  step: number;
  /** Fraction exactly 0. */
  zero: number;
  /** Fractions per log₁₀|a| bin, low to high. */
  counts: readonly number[];
}

export interface ActivationHeatmapProps {
  width: number;
  height: number;
  title: string;
  columns: readonly HeatmapColumn[];
  steps: number;
  /** log₁₀|a| range of the bins. */
  lo: number;
  hi: number;
}

const MARGIN = { top: 26, right: 14, bottom: 48, left: 62 };

/** Memoized: the panel re-renders with every progress tick, the chart only when its data change. */
export const ActivationHeatmap = memo(function ActivationHeatmap({
  width,
  height,
  title,
  columns,
  steps,
  lo,
  hi,
}: ActivationHeatmapProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const plotWidth = Math.max(10, width - MARGIN.left - MARGIN.right);
  const plotHeight = Math.max(10, height - MARGIN.top - MARGIN.bottom);
  const bins = columns[0]?.counts.length ?? 1;
  const rows = bins + 1;

  useEffect(() => {
    const ctx = canvasRef.current?.getContext('2d');
    if (!ctx) return;
    ctx.clearRect(0, 0, plotWidth, rows);
    if (columns.length === 0) return;
    const image = ctx.createImageData(Math.max(1, Math.round(plotWidth)), rows);
    let min = 1;
    for (const c of columns) for (const v of [c.zero, ...c.counts]) if (v > 0 && v < min) min = v;
    const px = image.width;
    for (let i = 0; i < columns.length; i++) {
      const c = columns[i]!;
      // Each column covers from its step to the next evaluation's.
      const x0 = Math.floor((c.step / Math.max(1, steps)) * px);
      const x1 = Math.max(
        x0 + 1,
        Math.floor(((columns[i + 1]?.step ?? c.step + (steps - c.step || 1)) / Math.max(1, steps)) * px),
      );
      const shares = [c.zero, ...c.counts];
      shares.forEach((share, r) => {
        if (share <= 0) return;
        const [red, green, blue] = viridisRGB(logPosition(share, min, 1));
        const row = rows - 1 - r;
        for (let x = x0; x < Math.min(x1, px); x++) image.data.set([red, green, blue, 255], (row * px + x) * 4);
      });
    }
    ctx.putImageData(image, 0, 0);
  }, [columns, steps, plotWidth, rows]);

  // The bins fill the rows above the bottom one, which holds the exact zeros.
  const y = (k: number) => plotHeight * (bins / rows) * (1 - (k - lo) / (hi - lo));
  const yTicks = [];
  // The lowest bin edge is left unlabelled: the zeros' row label sits just below it.
  for (let k = Math.ceil(lo) + 2; k <= hi; k += 2) yTicks.push({ value: k, label: formatLogTick(10 ** k) });
  const xTicks = [0, Math.round(steps / 2), steps].map((v) => ({ value: v, label: String(v) }));
  return (
    <div className="activation-heatmap" style={{ width, height }}>
      <canvas
        ref={canvasRef}
        width={Math.max(1, Math.round(plotWidth))}
        height={rows}
        style={{ left: MARGIN.left, top: MARGIN.top, width: plotWidth, height: plotHeight }}
        role="img"
        aria-label={`${title}: share of activations per magnitude over the steps`}
      />
      <svg
        className="step-chart"
        width={width}
        height={height}
        style={{ position: 'absolute', left: 0, top: 0, pointerEvents: 'none' }}
      >
        <text className="step-chart-title" x={MARGIN.left} y={16}>
          {title}
        </text>
        <g transform={`translate(${MARGIN.left}, ${MARGIN.top})`}>
          <AxisLeft
            y={y}
            ticks={yTicks}
            plotHeight={plotHeight}
            plotWidth={plotWidth}
            title="|activation|"
            titleOffset={48}
            grid={false}
          />
          <text className="chart-tick-label" x={-8} y={plotHeight - plotHeight / rows / 2} dy="0.32em" textAnchor="end">
            0
          </text>
          <AxisBottom
            x={(v) => (v / Math.max(1, steps)) * plotWidth}
            ticks={xTicks}
            plotHeight={plotHeight}
            plotWidth={plotWidth}
            title="training step"
          />
        </g>
      </svg>
    </div>
  );
});
