// ▲ in the band above the plot for layers that overflowed to Inf, ▼ in the band below for layers
// that hit exactly 0. A measured run of such layers is one labelled triangle at its first layer and
// a bar to its last, so 165 overflowed layers stay readable; the other series only mark where they
// leave the scale. Shape, word and layer number carry the meaning; colour only repeats it.

import { useLayoutEffect, useRef, type ReactNode } from 'react';
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
        const layers = !measured
          ? [run.first]
          : spacing >= MIN_TRIANGLE_SPACING
            ? range(run.first, run.last)
            : run.first === run.last
              ? [run.first]
              : [run.first, run.last];
        // Labels sit on the far side of the marker from the plot, clear of the curves.
        const labelY = inf ? y - 11 : y + 11;
        const anchorEnd = x0 > plotWidth - 130;
        return (
          <g key={`${run.kind}-${run.first}`} data-marker-run={`${run.first}-${run.last}`}>
            {measured && layers.length === 2 && spacing < MIN_TRIANGLE_SPACING && (
              <line className={`chart-marker-bar chart-marker-bar-${run.kind}`} x1={x0} x2={x1} y1={y} y2={y} />
            )}
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
              <MarkerLabel
                x={anchorEnd ? x0 + 8 : x0 - 8}
                y={labelY}
                dy={inf ? 0 : '0.71em'}
                anchor={anchorEnd ? 'end' : 'start'}
              >
                {run.label}
              </MarkerLabel>
            )}
          </g>
        );
      })}
    </g>
  );
}

/** Room kept between a label and the edge of the chart. */
const EDGE_GAP = 2;

interface MarkerLabelProps {
  x: number;
  y: number;
  dy: number | string;
  anchor: 'start' | 'end';
  className?: string;
  children: ReactNode;
}

/**
 * A run's label, kept between the plot's left edge (the axis labels live left of it) and the SVG's
 * right edge: on a narrow phone a label anchored at its marker could run off the chart. Its width
 * depends on the font, so it is measured after layout and shifted back in (a transform React never
 * sets). Its coordinates are the plot's, so the plot's left edge is x = 0 of its screen matrix.
 */
export function MarkerLabel({ x, y, dy, anchor, className = 'chart-marker-label', children }: MarkerLabelProps) {
  const ref = useRef<SVGTextElement>(null);
  useLayoutEffect(() => {
    const text = ref.current;
    const frame = text?.ownerSVGElement?.getBoundingClientRect();
    if (!text || !frame) return;
    text.removeAttribute('transform');
    const plotLeft = text.getScreenCTM()?.e ?? frame.left;
    const box = text.getBoundingClientRect();
    const tooFarRight = box.right - (frame.right - EDGE_GAP);
    const tooFarLeft = plotLeft - box.left;
    const shift = tooFarLeft > 0 ? tooFarLeft : tooFarRight > 0 ? -Math.min(tooFarRight, box.left - plotLeft) : 0;
    if (shift !== 0) text.setAttribute('transform', `translate(${shift}, 0)`);
  });
  return (
    <text ref={ref} className={className} x={x} y={y} dy={dy} textAnchor={anchor}>
      {children}
    </text>
  );
}

function range(first: number, last: number): number[] {
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}
