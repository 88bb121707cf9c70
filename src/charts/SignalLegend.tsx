// Legend of the signal chart, in words, with the same mark shapes and dashes as the plot.

import type { ReactNode } from 'react';

interface SignalLegendProps {
  showActivations: boolean;
  showInf: boolean;
  showZero: boolean;
  /** With pinned configurations: the live one's name, so the legend says which curve is which. */
  currentName?: string | null;
  /** Entries of the pinned configurations, after the live ones. */
  children?: ReactNode;
  /** The live run is drawn as its residual stream per block. */
  stream?: boolean;
}

function Swatch({ children }: { children: ReactNode }) {
  return (
    <svg className="legend-swatch" width={30} height={14} viewBox="0 0 30 14" aria-hidden="true">
      {children}
    </svg>
  );
}

export function SignalLegend({
  showActivations,
  showInf,
  showZero,
  currentName = null,
  children,
  stream = false,
}: SignalLegendProps) {
  return (
    <ul className="chart-legend">
      <li className="series-measured">
        <Swatch>
          <line className="series-line" x1={0} x2={30} y1={7} y2={7} />
          <circle className="signal-point" cx={15} cy={7} r={4} />
        </Swatch>
        {currentName === null
          ? stream
            ? 'measured (residual stream)'
            : 'measured (pre-activation)'
          : `current: ${currentName}, measured`}
      </li>
      <li>
        <Swatch>
          <line className="series-line series-theory" x1={0} x2={30} y1={7} y2={7} />
        </Swatch>
        {stream ? 'theory (stream recursion)' : 'theory (mean field)'}
      </li>
      {showActivations && (
        <>
          <li className="series-activations">
            <Swatch>
              <line className="series-line" x1={0} x2={30} y1={7} y2={7} />
              <rect className="series-square" x={11} y={3} width={8} height={8} />
            </Swatch>
            activations, measured
          </li>
          <li>
            <Swatch>
              <line className="series-line series-activations-theory" x1={0} x2={30} y1={7} y2={7} />
            </Swatch>
            activations, theory
          </li>
        </>
      )}
      {children}
      {showInf && (
        <li>
          <Swatch>
            <path className="chart-marker chart-marker-inf" d="M15,1L22,13L8,13Z" />
          </Swatch>
          overflow to Inf
        </li>
      )}
      {showZero && (
        <li>
          <Swatch>
            <path className="chart-marker chart-marker-zero" d="M15,13L22,1L8,1Z" />
          </Swatch>
          exactly 0 (underflow or dead)
        </li>
      )}
    </ul>
  );
}
