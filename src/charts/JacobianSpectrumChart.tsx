// The Jacobian's singular values, one histogram per depth on a shared log axis, each with a
// dashed mark at the theory's root mean square √(∏χ₁); under it a table of the measured mean
// square against the theory and the spread against free probability. Props in, SVG out.

import { scaleLinear } from 'd3-scale';
import { formatLogTick, formatValue } from '../readings/format';
import { LegendSwatch } from './LegendSwatch';
import { binSpectra, resolutionFloor } from './spectrumBins';

export interface SpectrumView {
  layer: number;
  values: Float64Array;
  finite: boolean;
  meanSquare: number;
  theoryMeanSquare: number | null;
  q05: number;
  q95: number;
  relativeVariance: number;
  theoryRelativeVariance: number | null;
}

export interface JacobianSpectrumChartProps {
  spectra: readonly SpectrumView[];
  depth: number;
}

/** Okabe–Ito colours (colour-blind safe), with dash patterns as a second cue. */
const COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7'];
const DASHES = ['', '6 3', '2 3', '8 3 2 3'];
const W = 640;
const H = 260;
const M = { left: 52, right: 14, top: 12, bottom: 40 };

function formatOrDash(v: number | null, digits = 3): string {
  return v === null || Number.isNaN(v) ? '—' : formatValue(v, digits);
}

/** A spread of 10⁻¹⁵ is rounding in Var(σ²) = E[σ⁴] − E[σ²]²: shown as 0. */
function formatSpread(v: number | null): string {
  return v !== null && Math.abs(v) < 1e-9 ? '0' : formatOrDash(v);
}

/** A singular value, or "< floor" below the resolution floor, where it is rounding noise. */
function formatSigma(v: number, floor: number): string {
  return v > floor ? formatValue(v, 4) : `< ${formatValue(floor, 1)}`;
}

export function JacobianSpectrumChart({ spectra, depth }: JacobianSpectrumChartProps) {
  const shown = spectra.filter((s) => s.finite);
  const bins = binSpectra(shown);
  const x = scaleLinear()
    .domain(bins ? [bins.lo, bins.hi] : [-1, 1])
    .range([M.left, W - M.right]);
  const top = Math.max(0.05, ...(bins?.curves.flatMap((c) => c.fractions) ?? [0]));
  const y = scaleLinear()
    .domain([0, top * 1.08])
    .range([H - M.bottom, M.top]);
  const step = bins ? (bins.hi - bins.lo) / bins.curves[0]!.fractions.length : 0;
  const ticks = bins ? logTicks(bins.lo, bins.hi) : [];

  return (
    <div className="jacobian-chart">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={`Histograms of the Jacobian's singular values at layers ${spectra.map((s) => s.layer).join(', ')} of ${depth}, on a log axis`}
      >
        <line x1={M.left} x2={W - M.right} y1={H - M.bottom} y2={H - M.bottom} className="axis-line" />
        {ticks.map((k) => (
          <g key={k} transform={`translate(${x(k)},${H - M.bottom})`}>
            <line y2={5} className="axis-line" />
            <text y={18} textAnchor="middle" className="tick-label">
              {formatLogTick(10 ** k)}
            </text>
          </g>
        ))}
        <text x={(M.left + W - M.right) / 2} y={H - 4} textAnchor="middle" className="axis-label">
          singular value σ of the Jacobian (log scale)
        </text>
        <text
          transform={`translate(14,${(H - M.bottom + M.top) / 2}) rotate(-90)`}
          textAnchor="middle"
          className="axis-label"
        >
          share of values
        </text>
        {bins?.curves.map((curve, i) => {
          const colour = COLOURS[i % COLOURS.length]!;
          const d = curve.fractions
            .map((f, b) => `${b === 0 ? 'M' : 'L'}${x(bins.lo + b * step)},${y(f)}H${x(bins.lo + (b + 1) * step)}`)
            .join('');
          const theory = shown[i]?.theoryMeanSquare;
          const rms = theory !== null && theory !== undefined && theory > 0 ? Math.log10(theory) / 2 : null;
          return (
            <g key={curve.layer} data-layer={curve.layer}>
              <path d={d} fill="none" stroke={colour} strokeWidth={2} strokeDasharray={DASHES[i % DASHES.length]} />
              {rms !== null && rms >= bins.lo && rms <= bins.hi && (
                <line
                  x1={x(rms)}
                  x2={x(rms)}
                  y1={M.top}
                  y2={H - M.bottom}
                  stroke={colour}
                  strokeDasharray="3 4"
                  strokeWidth={1.5}
                  opacity={0.8}
                />
              )}
            </g>
          );
        })}
      </svg>
      <ul className="jacobian-legend">
        {shown.map((s, i) => (
          <li key={s.layer}>
            <LegendSwatch colour={COLOURS[i % COLOURS.length]!} dash={DASHES[i % DASHES.length]} />
            layer {s.layer}
            {(bins?.curves[i]?.unresolved ?? 0) > 0
              ? ` (${bins!.curves[i]!.unresolved} of ${s.values.length} below ${formatValue(resolutionFloor(s.values), 1)}, not drawn)`
              : ''}
          </li>
        ))}
        <li className="jacobian-legend-note">dotted: √(∏χ₁), the theory’s root mean square</li>
        {bins?.curves.some((c) => c.unresolved > 0) ? (
          <li className="jacobian-legend-note">
            values under 2·10⁻⁸·σ_max are float64 rounding noise (σ² from the eigenvalues of JᵀJ)
          </li>
        ) : null}
      </ul>
      <table className="jacobian-table">
        <caption>
          Mean squared singular value against the theory’s ∏χ₁, and the spread Var(σ²)/E[σ²]² against free probability
        </caption>
        <thead>
          <tr>
            <th scope="col">layer</th>
            <th scope="col">E[σ²]</th>
            <th scope="col">theory ∏χ₁</th>
            <th scope="col">σ 5 %…95 %</th>
            <th scope="col">spread</th>
            <th scope="col">free probability</th>
          </tr>
        </thead>
        <tbody>
          {spectra.map((s) => (
            <tr key={s.layer} data-layer={s.layer}>
              <th scope="row">{s.layer}</th>
              {s.finite ? (
                <>
                  <td>{formatValue(s.meanSquare, 4)}</td>
                  <td>{formatOrDash(s.theoryMeanSquare, 4)}</td>
                  <td>
                    {formatSigma(s.q05, resolutionFloor(s.values))} … {formatSigma(s.q95, resolutionFloor(s.values))}
                  </td>
                  <td>{formatSpread(s.relativeVariance)}</td>
                  <td>{formatSpread(s.theoryRelativeVariance)}</td>
                </>
              ) : (
                <td colSpan={5}>overflowed: the product left float64’s range</td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Tick positions (log10 σ): whole decades, or ±log10 2 and 5 between them when the domain spans under two. */
export function logTicks(lo: number, hi: number): number[] {
  const decades: number[] = [];
  for (let k = Math.ceil(lo); k <= Math.floor(hi); k++) decades.push(k);
  const stride = Math.ceil(decades.length / 8);
  if (decades.length >= 2) return decades.filter((k) => k % stride === 0);
  const out: number[] = [];
  for (let k = Math.floor(lo); k <= Math.ceil(hi); k++) {
    for (const m of [1, 2, 5]) {
      const t = k + Math.log10(m);
      if (t >= lo && t <= hi) out.push(t);
    }
  }
  return out;
}
