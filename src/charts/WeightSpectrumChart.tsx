// A layer's weight spectrum against the Marchenko–Pastur law: a histogram of the eigenvalues of
// the normalized Gram matrix (as a density) with the law for the same aspect ratio drawn over it,
// averaged over each bar's bin — the height the bar should have. The density itself is unbounded
// at λ₋ = 0 when the matrix is square (p ~ 1/√λ, integrable), so drawn pointwise it shoots up at
// the left edge and squashes everything else; its bin averages are finite and compare like with
// like. Orthogonal weights stack at 1, the contrast. Props in, SVG out.

import { scaleLinear } from 'd3-scale';
import { marchenkoPasturCdf, marchenkoPasturEdges } from '../core/spectra/marchenkoPastur';
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

/** The law's mean density over each of BINS bins of `width` from 0: (F(b₊) − F(b₋))/width. */
export function lawPerBin(ratio: number, width: number): number[] {
  return Array.from(
    { length: BINS },
    (_, b) => (marchenkoPasturCdf((b + 1) * width, ratio) - marchenkoPasturCdf(b * width, ratio)) / width,
  );
}

/** A histogram outline: flat across each bin with mass, vertical between neighbours, down to 0 at its ends. */
function stepPath(heights: readonly number[], edge: (b: number) => number, y: (v: number) => number): string {
  let d = '';
  let open = false;
  heights.forEach((h, b) => {
    if (h <= 0) {
      if (open) d += `V${y(0)}`;
      open = false;
      return;
    }
    d += open ? `V${y(h)}H${edge(b + 1)}` : `M${edge(b)},${y(0)}V${y(h)}H${edge(b + 1)}`;
    open = true;
  });
  return open ? `${d}V${y(0)}` : d;
}

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
  const law = lawPerBin(ratio, width);
  const lawTop = Math.max(...law);
  // A spike (orthogonal weights) would flatten the law: cap the axis at 1.5× the law's tallest bin.
  const yTop = Math.max(lawTop, Math.min(Math.max(...densities), lawTop * 1.5)) * 1.05;
  const y = scaleLinear()
    .domain([0, yTop])
    .range([H - M.bottom, M.top]);
  const path = stepPath(law, (b) => x(b * width), y);
  const square = lo < 1e-3;
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
        y = {formatValue(ratio, 3)} on [{formatValue(lo, 3)}, {formatValue(hi, 3)}] (Marchenko &amp; Pastur 1967),
        averaged over each bar’s range.
        {square &&
          ' Its density grows like 1/√λ toward 0 for a square matrix, without bound but with finite area, so its first bin is its tallest.'}{' '}
        Orthogonal weights put every eigenvalue at 1.
      </figcaption>
    </figure>
  );
}
