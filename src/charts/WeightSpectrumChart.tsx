// A layer's weight spectrum against the Marchenko–Pastur law: a histogram of the eigenvalues of
// the normalized Gram matrix (as a density) with the law's density for the same aspect ratio
// drawn over it. Orthogonal weights stack at 1, the contrast. Props in, SVG out.

import { scaleLinear } from 'd3-scale';
import { marchenkoPasturDensity, marchenkoPasturEdges } from '../core/spectra/marchenkoPastur';
import { formatValue } from '../readings/format';

export interface WeightSpectrumChartProps {
  layer: number;
  fanIn: number;
  fanOut: number;
  ratio: number;
  eigenvalues: Float64Array;
}

const W = 640;
const H = 220;
const M = { left: 52, right: 14, top: 12, bottom: 40 };
const BINS = 40;

export function WeightSpectrumChart({ layer, fanIn, fanOut, ratio, eigenvalues }: WeightSpectrumChartProps) {
  const { lo, hi } = marchenkoPasturEdges(ratio);
  const top = Math.max(hi, eigenvalues.length > 0 ? eigenvalues[eigenvalues.length - 1]! : 0) * 1.05;
  const x = scaleLinear()
    .domain([0, top])
    .range([M.left, W - M.right]);
  const width = top / BINS;
  const counts = new Array<number>(BINS).fill(0);
  for (const v of eigenvalues) counts[Math.min(BINS - 1, Math.max(0, Math.floor(v / width)))]!++;
  const densities = counts.map((c) => c / Math.max(1, eigenvalues.length) / width);
  const curve = Array.from({ length: 200 }, (_, i) => lo + ((hi - lo) * (i + 0.5)) / 200);
  const curveTop = Math.max(...curve.map((v) => marchenkoPasturDensity(v, ratio)));
  // A spike (orthogonal weights) would flatten the law's curve: cap the axis at 1.5× the curve's peak.
  const yTop = Math.max(curveTop * 1.5, Math.min(Math.max(...densities), curveTop * 1.5)) * 1.05;
  const y = scaleLinear()
    .domain([0, yTop])
    .range([H - M.bottom, M.top]);
  const path = curve.map((v, i) => `${i === 0 ? 'M' : 'L'}${x(v)},${y(marchenkoPasturDensity(v, ratio))}`).join('');
  const ticks = x.ticks(6);

  return (
    <figure className="weight-spectrum-chart">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={`Eigenvalues of layer ${layer}'s weights (${fanIn} × ${fanOut}) against the Marchenko–Pastur law for ratio ${formatValue(ratio, 3)}`}
      >
        {densities.map((d, b) => {
          const h = Math.min(d, yTop);
          return h > 0 ? (
            <rect
              key={b}
              x={x(b * width)}
              width={Math.max(0, x((b + 1) * width) - x(b * width) - 1)}
              y={y(h)}
              height={y(0) - y(h)}
              className="weight-bar"
            />
          ) : null;
        })}
        <path d={path} fill="none" className="mp-curve" strokeWidth={2.5} />
        <line x1={M.left} x2={W - M.right} y1={H - M.bottom} y2={H - M.bottom} className="axis-line" />
        {ticks.map((t) => (
          <g key={t} transform={`translate(${x(t)},${H - M.bottom})`}>
            <line y2={5} className="axis-line" />
            <text y={18} textAnchor="middle" className="tick-label">
              {formatValue(t, 2)}
            </text>
          </g>
        ))}
        <text x={(M.left + W - M.right) / 2} y={H - 4} textAnchor="middle" className="axis-label">
          eigenvalue λ of the Gram matrix / (max(fan_in, fan_out)·Var w)
        </text>
      </svg>
      <figcaption>
        Layer {layer}’s {fanIn} × {fanOut} weights: bars, the eigenvalues (density); line, the Marchenko–Pastur law for
        y = {formatValue(ratio, 3)} on [{formatValue(lo, 3)}, {formatValue(hi, 3)}] (Marchenko &amp; Pastur 1967).
        Orthogonal weights put every eigenvalue at 1.
      </figcaption>
    </figure>
  );
}
