// ▲ in the band above the plot for layers that overflowed to Inf, ▼ in the band below for layers
// that hit exactly 0. A measured run of such layers is one labelled triangle at its first layer and
// a bar to its last, so 165 overflowed layers stay readable; the other series only mark where they
// leave the scale. Shape, word and layer number carry the meaning; colour only repeats it.

import type { EdgeRun } from './signalSeries';

const UP = 'M0,-7L7,5L-7,5Z';
const DOWN = 'M0,7L7,-5L-7,-5Z';
/** Below this spacing per layer, individual triangles would overlap: draw a bar instead. */
const MIN_TRIANGLE_SPACING = 16;

export type MarkerSeries = 'measured' | 'theory' | 'activations' | 'activationsTheory';

interface EdgeMarkersProps {
  runs: readonly EdgeRun[];
  x: (layer: number) => number;
  /** y of the markers in the Inf band and in the 0 band. */
  infY: number;
  zeroY: number;
  plotWidth: number;
  /** 'measured' markers are filled and labelled; the other series get smaller outlines. */
  series: MarkerSeries;
}

export function EdgeMarkers({ runs, x, infY, zeroY, plotWidth, series }: EdgeMarkersProps) {
  const measured = series === 'measured';
  const scale = measured ? 1 : 0.7;
  const spacing = x(2) - x(1);
  return (
    <g className={`chart-markers chart-markers-${series}`}>
      {runs.map((run) => {
        const inf = run.kind === 'inf';
        const y = inf ? infY : zeroY;
        const x0 = x(run.first);
        const x1 = x(run.last);
        // The other series only mark where they leave the scale; the measured run is drawn in full.
        const layers = !measured ? [run.first] : spacing >= MIN_TRIANGLE_SPACING ? range(run.first, run.last) : run.first === run.last ? [run.first] : [run.first, run.last];
        // Labels sit on the far side of the marker from the plot, clear of the curves.
        const labelY = inf ? y - 11 : y + 11;
        const anchorEnd = x0 > plotWidth - 130;
        return (
          <g key={`${run.kind}-${run.first}`} data-marker-run={`${run.first}-${run.last}`}>
            {measured && layers.length === 2 && spacing < MIN_TRIANGLE_SPACING && <line className={`chart-marker-bar chart-marker-bar-${run.kind}`} x1={x0} x2={x1} y1={y} y2={y} />}
            {layers.map((layer) => (
              <path
                key={layer}
                className={`chart-marker chart-marker-${run.kind}`}
                d={inf ? UP : DOWN}
                transform={`translate(${x(layer)}, ${y}) scale(${scale})`}
                data-layer={measured && layer === run.first ? layer : undefined}
                data-marker={measured && layer === run.first ? (inf ? 'overflow' : 'zero') : undefined}
              />
            ))}
            {run.label && (
              <text className="chart-marker-label" x={anchorEnd ? x0 + 8 : x0 - 8} y={labelY} dy={inf ? 0 : '0.71em'} textAnchor={anchorEnd ? 'end' : 'start'}>
                {run.label}
              </text>
            )}
          </g>
        );
      })}
    </g>
  );
}

function range(first: number, last: number): number[] {
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}
