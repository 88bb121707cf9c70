// Legend entries of the pinned configurations, inside the signal chart's legend (so the export
// draws them too): each pin's swatch — its dash and marker in its colour — and its name in words.

import { PIN_MARKERS, markerPath } from './pinMarks';
import type { PinnedSeries } from './pinnedSeries';
import './pinned.css';

const PHASE_WORDS = { waiting: ' (waiting to run)', running: ' (running…)', error: ' (not run)', done: '' } as const;

/** The pin's line and one of its marks, as in the plot. */
export function PinSwatch({ slot }: { slot: number }) {
  const shape = PIN_MARKERS[slot % PIN_MARKERS.length]!;
  return (
    <svg
      className={`legend-swatch pin-slot-${(slot % PIN_MARKERS.length) + 1}`}
      width={30}
      height={14}
      viewBox="0 0 30 14"
      aria-hidden="true"
    >
      <line className="pin-line" x1={0} x2={30} y1={7} y2={7} />
      <path className={`pin-marks pin-marks-${shape}`} d={markerPath(shape, 15, 7, 4)} />
    </svg>
  );
}

export function PinnedLegend({ pins }: { pins: readonly PinnedSeries[] }) {
  if (pins.length === 0) return null;
  return (
    <>
      {pins.map((pin) => (
        <li key={pin.key} className="legend-pin" data-pin={pin.slot + 1}>
          <PinSwatch slot={pin.slot} />
          {pin.kind === 'file' ? `file: ${pin.name}` : `pin ${pin.slot + 1}: ${pin.name}${PHASE_WORDS[pin.phase]}`}
        </li>
      ))}
      <li>
        <svg className="legend-swatch" width={30} height={14} viewBox="0 0 30 14" aria-hidden="true">
          <line className="legend-pin-theory" x1={0} x2={30} y1={7} y2={7} />
        </svg>
        thin, in a pin’s pattern: its theory
      </li>
    </>
  );
}
