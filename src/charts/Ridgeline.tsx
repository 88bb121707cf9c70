// One ridge per layer, layer 1 at the top, like Glorot & Bengio's per-layer histograms: each
// ridge is a step outline of its histogram, scaled to its own peak so shapes compare across
// layers. In fixed mode all ridges share the value axis, so a vanishing signal narrows into a
// spike at 0 and a saturating tanh grows horns at ±1. Exact zeros (ReLU) and saturated values
// (tanh, sigmoid: see SATURATED_MARGIN) are marked apart with their share, the ridge scaled on the
// rest. Over pre-activations a dashed curve draws the theory's density N(0, q^l) for each layer.

import { area, curveStepAfter } from 'd3-shape';
import { memo, useMemo } from 'react';
import { AxisBottom } from './axes';
import { valueTicks } from './valueTicks';
import type { LayerHistogram } from './binning';
import { normalPdf } from '../core/gaussian';
import { valueRangeText, xAxisTitle } from './distributionNotes';
import { formatPercent, formatValue, plural } from '../readings/format';

/** Coordinates to 0.01 px (and shares to 4 digits): stable text for the golden files. */
function round(x: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** From this share of exact zeros on, they are marked apart and left out of the ridge's scale. */
const ZERO_SPIKE = 0.01;

/** The share of a layer's values that are exactly 0, when it is a spike worth showing apart; else null. */
function zeroShareOf(h: LayerHistogram): number | null {
  return h.finite > 0 && h.zeros !== undefined && h.zeros / h.finite >= ZERO_SPIKE && h.lo <= 0 && h.hi >= 0
    ? h.zeros / h.finite
    : null;
}

/** The share of a layer's values saturated at its bounds, when worth showing apart (as for zeros); else null. */
function saturatedShareOf(h: LayerHistogram): number | null {
  if (!h.saturated || h.finite === 0) return null;
  const share = (h.saturated.low + h.saturated.high) / h.finite;
  return share >= ZERO_SPIKE ? share : null;
}

/** x of a value on a ridge of [lo, hi], kept on the plot (an adaptive layer may stop short of a bound). */
function xOf(h: LayerHistogram, value: number, plotWidth: number): number {
  const t = h.hi > h.lo ? (value - h.lo) / (h.hi - h.lo) : 0;
  return Math.min(1, Math.max(0, t)) * plotWidth;
}

/** Points of the theory curve per ridge; enough for a smooth bell over 40 bins. */
const THEORY_POINTS = 96;
/** A theory curve far above its ridge would cover the ridges above it: it is cut here (× the peak). */
const THEORY_CAP = 1.25;

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
  /**
   * Per layer (index layer − 1), the mean-field second moment q^l of the values, which the theory
   * predicts to be N(0, q^l) (pre-activations; docs/theory.md §1.1); null where it has none.
   */
  theoryQ?: readonly (number | null)[];
  /** How the saturated values are described, e.g. "within 0.02 of ±1". */
  saturationText?: string;
}

export function Ridgeline({
  width,
  height,
  histograms,
  slots = histograms.length,
  fixedRange,
  valueName,
  theoryQ,
  saturationText = 'at the bounds',
}: RidgelineProps) {
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
            q={theoryQ?.[h.layer - 1] ?? null}
            saturationText={saturationText}
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
        {histograms.map((h, i) => {
          const share = saturatedShareOf(h);
          if (share === null) return null;
          const baseline = peak + i * step;
          const { low, high, lowBound, highBound } = h.saturated!;
          // At each bound, a bar as tall as the layer band times that bound's share, over every ridge
          // (a lower ridge's underlay would hide a mark drawn with its own ridge, and tall marks would merge).
          const bar = (count: number, bound: number, inset: number) =>
            count > 0 ? (
              <line
                className="ridge-saturated-mark"
                x1={xOf(h, bound, plotWidth) + inset}
                x2={xOf(h, bound, plotWidth) + inset}
                y1={baseline}
                y2={baseline - Math.max(1, step * 0.9 * (count / h.finite))}
              />
            ) : null;
          return (
            <g key={h.layer} className="ridge-saturated" data-layer={h.layer}>
              {bar(low, lowBound, 2)}
              {bar(high, highBound, -2)}
              <text
                className="ridge-zero-label ridge-saturated-label"
                x={plotWidth / 2}
                y={baseline - 3}
                textAnchor="middle"
              >
                {formatPercent(share)} {saturationText}
              </text>
            </g>
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
  q: number | null;
  saturationText: string;
}

/** One ridge: memoized, so a streamed frame leaves the ridges already drawn untouched. */
const Ridge = memo(function Ridge({
  h,
  baseline,
  peak,
  plotWidth,
  labelled,
  rangeLabel,
  q,
  saturationText,
}: RidgeProps) {
  // ReLU-like layers hold a spike of exact zeros (half the values) that would set the scale and
  // flatten the rest: the spike is drawn as a mark with its share, the ridge scaled on the rest.
  const zeroShare = zeroShareOf(h);
  const zeroX = h.hi > h.lo ? ((0 - h.lo) / (h.hi - h.lo)) * plotWidth : 0;
  // Saturated tanh/sigmoid values likewise: a mark at each bound that holds them, the ridge on the rest.
  const saturatedShare = saturatedShareOf(h);
  const { d, theory } = useMemo(() => {
    const bins = h.counts.length;
    const counts = [...h.counts];
    if (zeroShare !== null) {
      const b = Math.min(bins - 1, Math.max(0, Math.floor(((0 - h.lo) / (h.hi - h.lo)) * bins)));
      counts[b] = Math.max(0, counts[b]! - h.zeros!);
    }
    if (saturatedShare !== null) h.saturated!.counts.forEach((c, b) => (counts[b] = Math.max(0, counts[b]! - c)));
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
    // The theory's expected count per bin, N·Δ·pdf, on the ridge's own scale: where the sample is
    // as the theory predicts, the dashed curve runs along the steps' tops.
    let theory: string | null = null;
    if (q !== null && q > 0 && Number.isFinite(q) && h.finite > 0 && h.hi > h.lo) {
      const sd = Math.sqrt(q);
      const perBin = (h.finite * (h.hi - h.lo)) / bins / sd;
      const cap = peak * THEORY_CAP;
      const curve: string[] = [];
      for (let k = 0; k <= THEORY_POINTS; k++) {
        const v = h.lo + ((h.hi - h.lo) * k) / THEORY_POINTS;
        const y = Math.min(cap, ((perBin * normalPdf(v / sd)) / max) * peak);
        curve.push(`${k === 0 ? 'M' : 'L'}${round((k / THEORY_POINTS) * plotWidth)},${round(baseline - y)}`);
      }
      theory = curve.join('');
    }
    return { d: shape(points) ?? '', theory };
  }, [h, baseline, peak, plotWidth, zeroShare, saturatedShare, q]);
  const range = valueRangeText(h.valueRange);
  return (
    <g
      className="ridge"
      data-layer={h.layer}
      data-zero-share={zeroShare ?? undefined}
      data-saturated-share={saturatedShare === null ? undefined : round(saturatedShare, 4)}
      data-theory-q={theory === null ? undefined : round(q!, 4)}
    >
      <title>{`Layer ${h.layer}: ${plural(h.finite, 'finite value')}, ${range}${zeroShare !== null ? `, ${formatPercent(zeroShare)} exactly 0` : ''}${saturatedShare !== null ? `, ${formatPercent(saturatedShare)} ${saturationText}` : ''}${theory !== null ? `; theory N(0, ${formatValue(q!)})` : ''}`}</title>
      <path className="ridge-underlay" d={d} />
      <path className="ridge-area" d={d} />
      {zeroShare !== null && (
        <>
          <line className="ridge-zero-mark" x1={zeroX} x2={zeroX} y1={baseline} y2={baseline - peak * 0.5} />
        </>
      )}
      {theory !== null && <path className="ridge-theory" d={theory} />}
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
