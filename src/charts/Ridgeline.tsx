// One ridge per layer, layer 1 at the top, like Glorot & Bengio's per-layer histograms: each
// ridge is a step outline of its histogram, scaled to its own peak so shapes compare across
// layers. In fixed mode all ridges share the value axis, so a vanishing signal narrows into a
// spike at 0 and a saturating tanh grows horns at ±1.

import { area, curveStepAfter } from 'd3-shape';
import { memo, useMemo } from 'react';
import { AxisBottom } from './axes';
import { valueTicks } from './valueTicks';
import type { LayerHistogram } from './binning';
import { valueRangeText, xAxisTitle } from './distributionNotes';
import { formatPercent, plural } from '../readings/format';

/** From this share of exact zeros on, they are marked apart and left out of the ridge's scale. */
const ZERO_SPIKE = 0.01;

/** The share of a layer's values that are exactly 0, when it is a spike worth showing apart; else null. */
function zeroShareOf(h: LayerHistogram): number | null {
  return h.finite > 0 && h.zeros !== undefined && h.zeros / h.finite >= ZERO_SPIKE && h.lo <= 0 && h.hi >= 0 ? h.zeros / h.finite : null;
}

const MARGIN = { top: 8, right: 16, bottom: 58, left: 88 };
/** How many layer bands a ridge at its peak reaches up: shapes need height, the underlay keeps overlaps readable. */
const OVERLAP = 3.5;
/** Minimum vertical distance between two layer labels. */
const LABEL_GAP = 18;

export interface RidgelineProps {
  width: number;
  height: number;
  /** The ridges received so far: the first `histograms.length` of `slots`, in order. */
  histograms: readonly LayerHistogram[];
  /** How many ridges the finished run will have; each keeps its place while the run streams in. */
  slots?: number;
  /** The shared x range in fixed mode; null when each layer uses its own range. */
  fixedRange: [number, number] | null;
  /** What the values are, for the fixed-range x-axis title (default: the activations). */
  valueName?: string;
}

export function Ridgeline({ width, height, histograms, slots = histograms.length, fixedRange, valueName }: RidgelineProps) {
  const rangeLabels = fixedRange === null;
  const right = rangeLabels ? 104 : MARGIN.right;
  const plotWidth = Math.max(10, width - MARGIN.left - right);
  const plotHeight = Math.max(10, height - MARGIN.top - MARGIN.bottom);

  const n = Math.max(slots, histograms.length);
  const step = n > 1 ? plotHeight / (n - 1 + OVERLAP) : 0;
  const peak = n > 1 ? step * OVERLAP : plotHeight;
  const every = step > 0 ? Math.ceil(LABEL_GAP / step) : 1;
  const xTicks = useMemo(() => valueTicks(fixedRange, plotWidth), [fixedRange, plotWidth]);

  return (
    <svg className="ridgeline-svg" width={width} height={height} aria-hidden="true">
      <g transform={`translate(${MARGIN.left}, ${MARGIN.top})`}>
        <AxisBottom
          x={(px) => px}
          ticks={xTicks}
          plotHeight={plotHeight}
          plotWidth={plotWidth}
          title={xAxisTitle(fixedRange !== null, plotWidth, valueName)}
          grid={fixedRange !== null}
        />
        {histograms.map((h, i) => (
          <Ridge
            key={h.layer}
            h={h}
            baseline={peak + i * step}
            peak={peak}
            plotWidth={plotWidth}
            // Every `every`-th layer is labelled, and the last one always; the one before it yields if they would touch.
            labelled={i === n - 1 || (i % every === 0 && n - 1 - i >= every)}
            rangeLabel={rangeLabels}
          />
        ))}
        {/* The zero shares over every ridge, so a lower ridge never hides an upper one's number. */}
        {histograms.map((h, i) => {
          const share = zeroShareOf(h);
          if (share === null) return null;
          const x = h.hi > h.lo ? ((0 - h.lo) / (h.hi - h.lo)) * plotWidth : 0;
          return (
            <text key={h.layer} className="ridge-zero-label" x={x + 4} y={peak + i * step - 3}>
              {formatPercent(share)} exactly 0
            </text>
          );
        })}
      </g>
    </svg>
  );
}

interface RidgeProps {
  h: LayerHistogram;
  baseline: number;
  peak: number;
  plotWidth: number;
  labelled: boolean;
  rangeLabel: boolean;
}

/** One ridge: memoized, so a streamed frame leaves the ridges already drawn untouched. */
const Ridge = memo(function Ridge({ h, baseline, peak, plotWidth, labelled, rangeLabel }: RidgeProps) {
  // ReLU-like layers hold a spike of exact zeros (half the values) that would set the scale and
  // flatten the rest: the spike is drawn as a mark with its share, the ridge scaled on the rest.
  const zeroShare = zeroShareOf(h);
  const zeroX = h.hi > h.lo ? ((0 - h.lo) / (h.hi - h.lo)) * plotWidth : 0;
  const d = useMemo(() => {
    const bins = h.counts.length;
    const counts = [...h.counts];
    if (zeroShare !== null) {
      const b = Math.min(bins - 1, Math.max(0, Math.floor(((0 - h.lo) / (h.hi - h.lo)) * bins)));
      counts[b] = Math.max(0, counts[b]! - h.zeros!);
    }
    let max = 1;
    for (const c of counts) if (c > max) max = c;
    // Each bin as [left edge, height]; a closing point at the right edge ends the last step.
    const points: [number, number][] = counts.map((c, b) => [(b / bins) * plotWidth, (c / max) * peak]);
    points.push([plotWidth, points.at(-1)?.[1] ?? 0]);
    const shape = area<[number, number]>()
      .x((p) => p[0])
      .y0(baseline)
      .y1((p) => baseline - p[1])
      .curve(curveStepAfter);
    return shape(points) ?? '';
  }, [h, baseline, peak, plotWidth, zeroShare]);
  const range = valueRangeText(h.valueRange);
  return (
    <g className="ridge" data-layer={h.layer} data-zero-share={zeroShare ?? undefined}>
      <title>{`Layer ${h.layer}: ${plural(h.finite, 'finite value')}, ${range}${zeroShare !== null ? `, ${formatPercent(zeroShare)} exactly 0` : ''}`}</title>
      <path className="ridge-underlay" d={d} />
      <path className="ridge-area" d={d} />
      {zeroShare !== null && (
        <>
          <line className="ridge-zero-mark" x1={zeroX} x2={zeroX} y1={baseline} y2={baseline - peak * 0.5} />
        </>
      )}
      {labelled && (
        <text className="chart-tick-label" x={-8} y={baseline} textAnchor="end">
          layer {h.layer}
        </text>
      )}
      {labelled && rangeLabel && (
        <text className="chart-range-label" x={plotWidth + 8} y={baseline}>
          {range}
        </text>
      )}
    </g>
  );
});
