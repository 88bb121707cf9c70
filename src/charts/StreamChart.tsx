// A residual network's stream, block by block, on a log axis: the three curves of Brock et al.'s
// (2021) signal propagation plots — the average second moment E[x²], the average squared channel
// mean and the average channel variance — with the mean-field theory of E[x²] dashed, and, when
// the backward pass ran, the stream's gradient E[(∂L/∂x)²] with its theory. Props in, SVG out.

import { scaleLinear, scaleLog } from 'd3-scale';
import { AxisBottom, AxisLeft } from './axes';
import { LegendSwatch } from './LegendSwatch';
import { layerTicks, logDomain, logTicks } from './logAxis';

export interface StreamPoint {
  block: number;
  secondMoment: number;
  channelMeanSquared: number;
  channelVariance: number;
  theory: number | null;
  gradient: number | null;
  gradientTheory: number | null;
}

export interface StreamChartProps {
  points: readonly StreamPoint[];
  /** K: the x axis runs 1…K while the blocks stream in. */
  blocks: number;
}

type Key = 'secondMoment' | 'theory' | 'channelMeanSquared' | 'channelVariance' | 'gradient' | 'gradientTheory';

/** Okabe–Ito colours (colour-blind safe) with a dash pattern and a marker as second cues. */
export const STREAM_SERIES: readonly { key: Key; label: string; colour: string; dash: string; marker: boolean }[] = [
  { key: 'secondMoment', label: 'E[x²] of the stream, measured', colour: '#0072B2', dash: '', marker: true },
  { key: 'theory', label: 'E[x²], theory (mean field)', colour: '#0072B2', dash: '6 4', marker: false },
  { key: 'channelVariance', label: 'average channel variance', colour: '#009E73', dash: '2 3', marker: false },
  {
    key: 'channelMeanSquared',
    label: 'average squared channel mean',
    colour: '#E69F00',
    dash: '8 3 2 3',
    marker: false,
  },
  { key: 'gradient', label: 'gradient E[(∂L/∂x)²], measured', colour: '#CC79A7', dash: '', marker: true },
  { key: 'gradientTheory', label: 'gradient, theory', colour: '#CC79A7', dash: '6 4', marker: false },
];

const W = 640;
const H = 300;
const M = { left: 64, right: 16, top: 12, bottom: 52 };

const usable = (v: number | null): v is number => v !== null && Number.isFinite(v) && v > 0;

/** The path through the usable points, broken where a value is 0, missing or overflowed. */
function pathOf(points: readonly StreamPoint[], key: Key, x: (b: number) => number, y: (v: number) => number): string {
  let d = '';
  let pen = false;
  for (const p of points) {
    const v = p[key];
    if (!usable(v)) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${x(p.block).toFixed(1)},${y(v).toFixed(1)}`;
    pen = true;
  }
  return d;
}

export function StreamChart({ points, blocks }: StreamChartProps) {
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const shown = STREAM_SERIES.filter((s) => points.some((p) => usable(p[s.key])));
  const [lo, hi] = logDomain(points.flatMap((p) => shown.map((s) => p[s.key])));
  const x = scaleLinear()
    .domain([1, Math.max(2, blocks)])
    .range([0, plotW]);
  const y = scaleLog().domain([lo, hi]).range([plotH, 0]).clamp(true);
  const xTicks = layerTicks(Math.max(2, blocks), plotW).map((b) => ({ value: b, label: String(b) }));
  const last = points.at(-1);
  const summary = last
    ? `After block ${last.block} of ${blocks}: E[x²] = ${last.secondMoment.toPrecision(3)}${last.theory !== null ? ` (theory ${last.theory.toPrecision(3)})` : ''}.`
    : 'No block yet.';
  return (
    <figure className="stream-chart" data-testid="stream-chart" data-blocks={points.length}>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`The residual stream per block on a log scale. ${summary}`}>
        <g transform={`translate(${M.left},${M.top})`}>
          <AxisLeft
            y={y}
            ticks={logTicks(lo, hi, 8)}
            plotHeight={plotH}
            plotWidth={plotW}
            title="second moment (log scale)"
            titleOffset={50}
          />
          <AxisBottom x={x} ticks={xTicks} plotHeight={plotH} plotWidth={plotW} title="block" />
          {shown.map((s) => (
            <g key={s.key} data-series={s.key}>
              <path
                d={pathOf(points, s.key, x, y)}
                fill="none"
                stroke={s.colour}
                strokeWidth={2}
                strokeDasharray={s.dash || undefined}
              />
              {s.marker &&
                points.map((p) => {
                  const v = p[s.key];
                  return usable(v) ? <circle key={p.block} cx={x(p.block)} cy={y(v)} r={2.5} fill={s.colour} /> : null;
                })}
            </g>
          ))}
        </g>
      </svg>
      <ul className="stream-legend">
        {shown.map((s) => (
          <li key={s.key}>
            <LegendSwatch colour={s.colour} dash={s.dash} marker={s.marker} />
            {s.label}
          </li>
        ))}
      </ul>
    </figure>
  );
}
