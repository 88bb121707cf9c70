// The width sweep (coordinate check): for each parameterization, mean |activation| against width
// on log–log axes, one line per hidden layer and one for the output, with each line's fitted slope
// next to the theory's. Props in, SVG out; points arrive one width at a time.

import { scaleLog } from 'd3-scale';
import { logLogSlope, type Parameterization, type SweepPoint } from '../core/spectra/widthSweepSpec';
import { formatFixedSigned, formatLogTick } from '../readings/format';

export interface WidthSweepChartProps {
  sweeps: readonly {
    parameterization: Parameterization;
    label: string;
    points: readonly SweepPoint[];
    theory: { hidden: number[]; output: number };
  }[];
}

const W = 300;
const H = 230;
// The right margin holds half of the last tick label, "4096", which is centred on the axis's end.
const M = { left: 46, right: 18, top: 12, bottom: 38 };
const HIDDEN = ['#999999', '#6a6a6a', '#3d3d3d', '#1f1f1f'];
const OUTPUT = '#D55E00';

function SweepPanel({ label, points, theory }: WidthSweepChartProps['sweeps'][number]) {
  const x = scaleLog()
    .domain([64, 4096])
    .range([M.left, W - M.right]);
  const values = points.flatMap((p) => [...p.hidden, p.output]).filter((v) => v > 0);
  const lo = values.length ? Math.min(...values) : 0.01;
  const hi = values.length ? Math.max(...values) : 1;
  const y = scaleLog()
    .domain([lo / 1.5, hi * 1.5])
    .range([H - M.bottom, M.top]);
  const series = [
    ...(points[0]?.hidden.map((_, l) => points.map((p) => p.hidden[l]!)) ?? []),
    points.map((p) => p.output),
  ];
  const widths = points.map((p) => p.width);
  const fits = points.length >= 3 ? series.map((s) => logLogSlope(widths, s).slope) : [];
  const expected = [...theory.hidden, theory.output];
  return (
    <figure className="sweep-panel">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={`${label}: mean absolute activation against width, log–log`}
      >
        <line x1={M.left} x2={W - M.right} y1={H - M.bottom} y2={H - M.bottom} className="axis-line" />
        <line x1={M.left} x2={M.left} y1={M.top} y2={H - M.bottom} className="axis-line" />
        {[64, 256, 1024, 4096].map((t) => (
          <text key={t} x={x(t)} y={H - M.bottom + 16} textAnchor="middle" className="tick-label">
            {t}
          </text>
        ))}
        {y
          .ticks(4)
          .filter((t) => Math.abs(Math.log10(t) - Math.round(Math.log10(t))) < 1e-9)
          .map((t) => (
            <text key={t} x={M.left - 6} y={y(t) + 4} textAnchor="end" className="tick-label">
              {formatLogTick(t)}
            </text>
          ))}
        <text x={(M.left + W - M.right) / 2} y={H - 4} textAnchor="middle" className="axis-label">
          width n
        </text>
        {series.map((s, i) => {
          const output = i === series.length - 1;
          const d = s.map((v, j) => `${j === 0 ? 'M' : 'L'}${x(widths[j]!)},${y(v)}`).join('');
          return (
            <path
              key={i}
              d={d}
              fill="none"
              stroke={output ? OUTPUT : HIDDEN[i % HIDDEN.length]}
              strokeWidth={output ? 3 : 1.5}
              strokeDasharray={output ? '' : '4 2'}
            />
          );
        })}
      </svg>
      <figcaption>
        <strong>{label}</strong>
        <ul>
          {fits.map((slope, i) => (
            <li key={i} data-line={i === fits.length - 1 ? 'output' : `hidden-${i + 1}`}>
              {i === fits.length - 1 ? 'output' : `layer ${i + 1}`}: slope {formatFixedSigned(slope)} (theory{' '}
              {formatFixedSigned(expected[i]!)})
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}

export function WidthSweepChart({ sweeps }: WidthSweepChartProps) {
  return (
    <div className="width-sweep-chart">
      {sweeps.map((s) => (
        <SweepPanel key={s.parameterization} {...s} />
      ))}
    </div>
  );
}
