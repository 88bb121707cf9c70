// The phase diagram's key, in HTML so its words wrap on a narrow screen: the χ₁ colour scale,
// and the hatching, line and marker each named in words.

import { CHI1_COLOUR_LIMIT, chi1Position, divergingCss } from './divergingColormap';

const TICKS = [1 / CHI1_COLOUR_LIMIT, 0.5, 0.8, 1, 1.25, 2, CHI1_COLOUR_LIMIT];

export interface PhaseLegendProps {
  /** Name only what the chart shows. */
  line: boolean;
  hatching: boolean;
  marker: boolean;
}

export function PhaseLegend({ line, hatching, marker }: PhaseLegendProps) {
  const stops = Array.from({ length: 11 }, (_, i) => divergingCss(-1 + i / 5)).join(', ');
  return (
    <div className="phase-legend">
      <div className="phase-legend-scale">
        <span className="phase-legend-title">χ₁, per layer</span>
        <span
          className="phase-legend-bar"
          style={{ background: `linear-gradient(to right, ${stops})` }}
          aria-hidden="true"
        />
        <span className="phase-legend-ticks" aria-hidden="true">
          {TICKS.map((t) => (
            <span key={t} style={{ left: `${((chi1Position(t) + 1) / 2) * 100}%` }}>
              {t}
            </span>
          ))}
        </span>
        <span className="phase-legend-ends">
          <span>← ordered</span>
          <span>preserved</span>
          <span>chaotic →</span>
        </span>
      </div>
      <ul className="phase-legend-keys">
        {line && (
          <li>
            <span className="phase-swatch phase-swatch-line" aria-hidden="true" /> critical line, χ₁ = 1
          </li>
        )}
        {hatching && (
          <li>
            <span className="phase-swatch phase-swatch-hatch" aria-hidden="true" /> hatched: no fixed point, q grows
            without bound
          </li>
        )}
        {marker && (
          <li>
            <span className="phase-swatch phase-swatch-marker" aria-hidden="true" /> current settings
          </li>
        )}
      </ul>
    </div>
  );
}
