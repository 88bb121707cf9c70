// Layer × value heatmap: one row per layer (layer 1 at the top), one cell per bin, the share of
// the layer's values in log-scaled viridis. The cells are drawn on a canvas one pixel each and
// stretched by CSS, which stays cheap for 2000 layers; axes and legend are SVG.

import { useEffect, useMemo, useRef, useState } from 'react';
import type { PointerEvent } from 'react';
import { AxisBottom } from './axes';
import { valueTicks } from './valueTicks';
import type { LayerHistogram } from './binning';
import { viridisCss } from './colormap';
import { heatmapPixels, shareExtent } from './heatmapPixels';
import { valueRangeText, xAxisTitle } from './distributionNotes';
import { formatPercent, formatValue } from '../readings/format';

const MARGIN = { top: 8, right: 16, bottom: 58, left: 88 };
/** Room for the colour key under the axis: one line, or two when the words wrap. */
const legendHeight = (width: number): number => (width < 560 ? 66 : 34);
const ROW_LABEL_GAP = 20;

export interface HistogramHeatmapProps {
  width: number;
  height: number;
  /** The rows received so far: the first `histograms.length` of `slots`, in order. */
  histograms: readonly LayerHistogram[];
  /** Rows of the finished run; while a run streams, the rows fill in from the top in place. */
  slots?: number;
  fixedRange: [number, number] | null;
  /** What the values are, for the fixed-range x-axis title (default: the activations). */
  valueName?: string;
}

export function HistogramHeatmap({
  width,
  height,
  histograms,
  slots = histograms.length,
  fixedRange,
  valueName,
}: HistogramHeatmapProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [hover, setHover] = useState<{ row: number; bin: number } | null>(null);
  const plotWidth = Math.max(10, width - MARGIN.left - MARGIN.right);
  const plotHeight = Math.max(10, height - MARGIN.top - MARGIN.bottom - legendHeight(width));
  const bins = histograms[0]?.counts.length ?? 1;
  const rows = Math.max(slots, histograms.length);
  const [minShare, maxShare] = useMemo(() => shareExtent(histograms), [histograms]);

  useEffect(() => {
    const ctx = canvasRef.current?.getContext('2d');
    if (!ctx || histograms.length === 0) return;
    const image = ctx.createImageData(bins, rows);
    image.data.set(heatmapPixels(histograms, bins, rows, [minShare, maxShare]));
    ctx.putImageData(image, 0, 0);
  }, [histograms, bins, rows, minShare, maxShare]);

  const rowHeight = plotHeight / Math.max(rows, 1);
  const every = Math.ceil(ROW_LABEL_GAP / Math.max(rowHeight, 1e-9));
  const xTicks = useMemo(() => valueTicks(fixedRange, plotWidth), [fixedRange, plotWidth]);

  const onPointerMove = (e: PointerEvent<HTMLCanvasElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    const row = Math.floor(((e.clientY - rect.top) / rect.height) * rows);
    const bin = Math.floor(((e.clientX - rect.left) / rect.width) * bins);
    setHover(row >= 0 && row < histograms.length && bin >= 0 && bin < bins ? { row, bin } : null);
  };
  const hovered = hover ? histograms[hover.row] : undefined;

  return (
    <div className="heatmap" style={{ width, height }}>
      <canvas
        ref={canvasRef}
        className="heatmap-canvas"
        width={bins}
        height={Math.max(rows, 1)}
        style={{ left: MARGIN.left, top: MARGIN.top, width: plotWidth, height: plotHeight }}
        onPointerMove={onPointerMove}
        onPointerLeave={() => setHover(null)}
        aria-hidden="true"
      />
      <svg className="heatmap-svg" width={width} height={height} aria-hidden="true">
        <g transform={`translate(${MARGIN.left}, ${MARGIN.top})`}>
          <rect className="heatmap-frame" width={plotWidth} height={plotHeight} />
          <AxisBottom
            x={(px) => px}
            ticks={xTicks}
            plotHeight={plotHeight}
            plotWidth={plotWidth}
            title={xAxisTitle(fixedRange !== null, plotWidth, valueName)}
          />
          {histograms.map((h, r) =>
            r === rows - 1 || (r % every === 0 && rows - 1 - r >= every) ? (
              <text
                key={h.layer}
                className="chart-tick-label"
                x={-8}
                y={(r + 0.5) * rowHeight}
                dy="0.32em"
                textAnchor="end"
              >
                layer {h.layer}
              </text>
            ) : null,
          )}
        </g>
      </svg>
      <ColourLegend top={MARGIN.top + plotHeight + MARGIN.bottom} minShare={minShare} maxShare={maxShare} />
      {hover && hovered && (
        <div
          className="chart-tooltip"
          style={{
            left: MARGIN.left + ((hover.bin + 0.5) / bins) * plotWidth,
            top: MARGIN.top + (hover.row + 0.5) * rowHeight,
            transform: 'translate(12px, -50%)',
          }}
        >
          <p className="chart-tooltip-title">Layer {hovered.layer}</p>
          <p>
            values {formatValue(hovered.lo + (hover.bin / bins) * (hovered.hi - hovered.lo))} to{' '}
            {formatValue(hovered.lo + ((hover.bin + 1) / bins) * (hovered.hi - hovered.lo))}:{' '}
            {hovered.finite > 0 ? formatPercent(hovered.counts[hover.bin]! / hovered.finite) : '—'} of the layer
          </p>
          <p className="muted">layer range {valueRangeText(hovered.valueRange)}</p>
        </div>
      )}
    </div>
  );
}

/** The colour key, in HTML so its words wrap on a narrow screen. */
function ColourLegend({ top, minShare, maxShare }: { top: number; minShare: number; maxShare: number }) {
  const stops = Array.from({ length: 11 }, (_, i) => viridisCss(i / 10)).join(', ');
  return (
    <div className="heatmap-legend" style={{ top, left: MARGIN.left, right: MARGIN.right }}>
      <span className="heatmap-legend-scale">
        <span>{formatPercent(minShare)}</span>
        <span className="heatmap-legend-bar" style={{ background: `linear-gradient(to right, ${stops})` }} />
        <span>{formatPercent(maxShare)}</span>
      </span>
      <span className="heatmap-legend-title">share of the layer's values per bin (log scale; blank: none)</span>
    </div>
  );
}
