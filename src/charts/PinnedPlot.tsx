// Pinned configurations on the signal chart, drawn under the live curve: per pin its measured line
// (own colour, dash and marker shape) and its mean-field theory as a thinner line in the same
// pattern, plus labelled triangles where a pin overflows or hits 0.

import { useMemo } from 'react';
import { PIN_MARKERS, markedLayers, pinEdgeMarks, pinMarkPath } from './pinMarks';
import type { PinnedSeries } from './pinnedSeries';
import { seriesPath } from './signalSeries';
import type { SignalLayout } from './useSignalGeometry';
import './pinned.css';

const UP = 'M0,-7L7,5L-7,5Z';
const DOWN = 'M0,7L7,-5L-7,-5Z';
/** Half-size of a pin's marks: a little larger than the live points, which sit on top. */
const MARK_SIZE = 4.5;

interface PinnedPlotProps {
  pins: readonly PinnedSeries[];
  layout: SignalLayout;
}

export function PinnedPlot({ pins, layout }: PinnedPlotProps) {
  const { x, y, infY, zeroY } = layout;
  const drawn = useMemo(
    () =>
      pins.map((pin) => ({
        pin,
        theory: seriesPath(pin.theory, x, y),
        line: seriesPath(pin.measured, x, y),
        marks: pinMarkPath(
          pin.measured,
          markedLayers(pin.measured.length, pin.slot),
          PIN_MARKERS[pin.slot % PIN_MARKERS.length]!,
          x,
          y,
          MARK_SIZE,
        ),
      })),
    [pins, x, y],
  );
  const edges = useMemo(() => pinEdgeMarks(pins), [pins]);
  return (
    <g className="pinned-series">
      {drawn.map(({ pin, theory, line, marks }) => (
        <g
          key={pin.key}
          className={`pin-series pin-slot-${(pin.slot % PIN_MARKERS.length) + 1}`}
          data-pin={pin.slot + 1}
          data-pin-key={pin.key}
        >
          {theory !== '' && <path className="pin-theory" d={theory} />}
          {line !== '' && <path className="pin-line" d={line} />}
          {marks !== '' && (
            <path className={`pin-marks pin-marks-${PIN_MARKERS[pin.slot % PIN_MARKERS.length]!}`} d={marks} />
          )}
        </g>
      ))}
      {edges.map((edge) => {
        const inf = edge.kind === 'inf';
        const cy = inf ? infY : zeroY;
        const cx = x(edge.layer);
        return (
          <g
            key={`${edge.kind}-${edge.layer}`}
            className="pin-edge"
            data-marker={inf ? 'overflow' : 'zero'}
            data-layer={edge.layer}
          >
            {edge.slots.map((slot) => (
              <path
                key={slot}
                className={`pin-edge-mark pin-slot-${(slot % PIN_MARKERS.length) + 1}`}
                d={inf ? UP : DOWN}
                transform={`translate(${cx}, ${cy}) scale(0.75)`}
              />
            ))}
            <text className="pin-edge-label" x={cx + 8} y={cy} dy="0.32em">
              {edge.label}
            </text>
          </g>
        );
      })}
    </g>
  );
}
