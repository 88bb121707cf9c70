// The back-propagated second moment E[δ²] on the signal chart's axes: measured as hollow triangles
// on a dash-dot line, the mean-field q̃ as a thin dotted line, both vermillion. Where the backward
// pass overflows or hits 0, an outlined triangle in the Inf/0 band says "gradient Inf at layer k".
// Shape, dash and the words in the legend tell it apart from the forward curve, not colour alone.

import { memo, useMemo } from 'react';
import { MarkerLabel } from './EdgeMarkers';
import { edgeRuns, onCurve, seriesPath } from './signalSeries';
import type { GradientCurves } from './gradientSeries';
import type { SignalLayout } from './useSignalGeometry';

/** Below this plot width (a 320 px phone) "gradient Inf at layers 1–299" has no room in the band. */
const NARROW_PLOT = 180;

const r1 = (v: number): number => Math.round(v * 10) / 10;

/** Hollow up-pointing triangles of half-size `s` at every point on the curve, as one path. */
function trianglePath(curves: GradientCurves, layout: SignalLayout, s: number): string {
  const parts: string[] = [];
  for (const p of curves.measured) {
    if (!onCurve(p)) continue;
    const cx = layout.x(p.layer);
    const cy = layout.y(p.raw);
    if (!Number.isFinite(cx) || !Number.isFinite(cy)) continue;
    parts.push(`M${r1(cx)},${r1(cy - s)}L${r1(cx + s)},${r1(cy + s * 0.8)}L${r1(cx - s)},${r1(cy + s * 0.8)}Z`);
  }
  return parts.join('');
}

interface GradientPlotProps {
  curves: GradientCurves;
  layout: SignalLayout;
  radius: number;
  /** What x counts, for the markers' words. */
  unit?: 'layer' | 'block';
}

/** Memoized: while the forward layers stream, the gradient curve (of the previous run or none) is not redrawn. */
export const GradientPlot = memo(function GradientPlot({ curves, layout, radius, unit = 'layer' }: GradientPlotProps) {
  const drawn = useMemo(() => {
    const edges = edgeRuns(curves.measured, true, unit);
    return {
      line: seriesPath(curves.measured, layout.x, layout.y),
      theory: seriesPath(curves.theory, layout.x, layout.y),
      marks: trianglePath(curves, layout, Math.max(2.5, radius * 1.1)),
      edges,
    };
  }, [curves, layout, radius, unit]);
  return (
    <g className="series-gradients" data-testid="gradient-curve">
      <path className="series-line series-gradients-theory" d={drawn.theory} />
      <path className="series-line series-gradients-line" d={drawn.line} />
      <path className="gradient-point" d={drawn.marks} data-points={curves.measured.filter(onCurve).length} />
      {drawn.edges.map((run) => {
        const inf = run.kind === 'inf';
        const y = inf ? layout.infY : layout.zeroY;
        const x = layout.x(run.first);
        const anchorEnd = x > layout.plotWidth - 160;
        return (
          <g
            key={`${run.kind}-${run.first}`}
            className="gradient-edge"
            data-gradient-marker={inf ? 'overflow' : 'zero'}
            data-layer={run.first}
          >
            <path
              className="gradient-edge-mark"
              d={inf ? 'M0,-6L6,4L-6,4Z' : 'M0,6L6,-4L-6,-4Z'}
              transform={`translate(${x}, ${y})`}
            />
            {/* On a phone-width plot the band has no room left for this label; the gradient verdict above names the layer. */}
            {layout.plotWidth >= NARROW_PLOT && (
              <MarkerLabel
                className="chart-marker-label gradient-edge-label"
                x={anchorEnd ? x - 9 : x + 9}
                y={y}
                dy="0.32em"
                anchor={anchorEnd ? 'end' : 'start'}
              >
                gradient {run.label}
              </MarkerLabel>
            )}
          </g>
        );
      })}
    </g>
  );
});
