// One ridge per layer, layer 1 at the top, like Glorot & Bengio's per-layer histograms: each
// ridge is a step outline of its histogram, scaled to its own peak so shapes compare across
// layers. In fixed mode all ridges share the value axis, so a vanishing signal narrows into a
// spike at 0 and a saturating tanh grows horns at ±1.

import { area, curveStepAfter } from 'd3-shape';
import { useMemo } from 'react';
import { AxisBottom } from './axes';
import { valueTicks } from './valueTicks';
import type { LayerHistogram } from './binning';
import { valueRangeText } from './distributionNotes';
import { plural } from './format';

const MARGIN = { top: 8, right: 16, bottom: 58, left: 88 };
/** How many layer bands a ridge at its peak reaches up: shapes need height, the underlay keeps overlaps readable. */
const OVERLAP = 3.5;
/** Minimum vertical distance between two layer labels. */
const LABEL_GAP = 18;

export interface RidgelineProps {
  width: number;
  height: number;
  histograms: readonly LayerHistogram[];
  /** The shared x range in fixed mode; null when each layer uses its own range. */
  fixedRange: [number, number] | null;
}

interface Ridge {
  h: LayerHistogram;
  baseline: number;
  d: string;
  labelled: boolean;
}

export function Ridgeline({ width, height, histograms, fixedRange }: RidgelineProps) {
  const rangeLabels = fixedRange === null;
  const right = rangeLabels ? 104 : MARGIN.right;
  const plotWidth = Math.max(10, width - MARGIN.left - right);
  const plotHeight = Math.max(10, height - MARGIN.top - MARGIN.bottom);

  const ridges = useMemo((): Ridge[] => {
    const n = histograms.length;
    const step = n > 1 ? plotHeight / (n - 1 + OVERLAP) : 0;
    const peak = n > 1 ? step * OVERLAP : plotHeight;
    const every = step > 0 ? Math.ceil(LABEL_GAP / step) : 1;
    return histograms.map((h, i) => {
      const bins = h.counts.length;
      const max = Math.max(1, ...h.counts);
      const baseline = peak + i * step;
      // Each bin as [left edge, height]; a closing point at the right edge ends the last step.
      const points: [number, number][] = h.counts.map((c, b) => [(b / bins) * plotWidth, (c / max) * peak]);
      points.push([plotWidth, points.at(-1)?.[1] ?? 0]);
      const shape = area<[number, number]>()
        .x((p) => p[0])
        .y0(baseline)
        .y1((p) => baseline - p[1])
        .curve(curveStepAfter);
      // Every `every`-th layer is labelled, and the last one always; the one before it yields if they would touch.
      const labelled = i === n - 1 || (i % every === 0 && n - 1 - i >= every);
      return { h, baseline, d: shape(points) ?? '', labelled };
    });
  }, [histograms, plotWidth, plotHeight]);

  const xTicks = useMemo(() => valueTicks(fixedRange, plotWidth), [fixedRange, plotWidth]);

  return (
    <svg className="ridgeline-svg" width={width} height={height} aria-hidden="true">
      <g transform={`translate(${MARGIN.left}, ${MARGIN.top})`}>
        <AxisBottom
          x={(px) => px}
          ticks={xTicks}
          plotHeight={plotHeight}
          plotWidth={plotWidth}
          title={fixedRange ? 'activation value φ(h)' : "position within each layer's own range"}
          grid={fixedRange !== null}
        />
        {ridges.map(({ h, baseline, d, labelled }) => (
          <g key={h.layer} className="ridge" data-layer={h.layer}>
            <title>{`Layer ${h.layer}: ${plural(h.finite, 'finite value')}, ${valueRangeText(h.valueRange)}`}</title>
            <path className="ridge-underlay" d={d} />
            <path className="ridge-area" d={d} />
            {labelled && (
              <text className="chart-tick-label" x={-8} y={baseline} textAnchor="end">
                layer {h.layer}
              </text>
            )}
            {labelled && rangeLabels && (
              <text className="chart-range-label" x={plotWidth + 8} y={baseline}>
                {valueRangeText(h.valueRange)}
              </text>
            )}
          </g>
        ))}
      </g>
    </svg>
  );
}
