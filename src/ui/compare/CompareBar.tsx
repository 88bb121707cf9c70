// Compare mode's controls, under the signal chart: pin the current configuration (up to four, each
// drawn next to the live curve and kept in the link), and the pinned ones with how far their run
// is, what it showed, and a button to unpin each.

import { useId } from 'react';
import { PinSwatch } from '../../charts/PinnedLegend';
import type { PinnedSeries } from '../../charts/pinnedSeries';
import { usePinned } from '../panels/usePinned';
import { MAX_PINS, pinCurrent, pinRefusal, unpin } from '../../state/pins';
import { useApp } from '../../state/store';
import './compare.css';

/** Where the pin's run stands, in words: the verdict once it is done. */
function statusText(pin: PinnedSeries): string {
  switch (pin.phase) {
    case 'waiting':
      return 'waiting to run';
    case 'running':
      return 'running…';
    case 'error':
      return pin.error ?? 'the run failed';
    case 'done':
      return pin.verdict?.text ?? 'no layers';
  }
}

export function CompareBar() {
  const refusal = useApp(pinRefusal);
  // Opened results files have their own bar (ResultsBar); here only the pinned configurations.
  const pins = usePinned().pins.filter((p) => p.kind !== 'file');
  const reasonId = useId();
  return (
    <section className="compare-bar" aria-label="Compare configurations">
      <div className="compare-actions">
        <button
          type="button"
          className="button"
          disabled={refusal !== null}
          aria-describedby={reasonId}
          title="Keep this configuration on the chart while you change the settings"
          onClick={() => pinCurrent()}
        >
          Pin this configuration
        </button>
        <span id={reasonId} className="compare-reason" data-testid="pin-reason">
          {refusal ??
            (pins.length === 0
              ? `Pin up to ${MAX_PINS} configurations to draw them next to the current one.`
              : `${pins.length} of ${MAX_PINS} pinned.`)}
        </span>
      </div>
      {pins.length > 0 && (
        <ul className="compare-pins" aria-label="Pinned configurations">
          {pins.map((pin) => {
            const name = `pin ${pin.slot + 1}: ${pin.name}`;
            return (
              <li key={pin.key} className="compare-pin" data-pin={pin.slot + 1} data-phase={pin.phase}>
                <PinSwatch slot={pin.slot} />
                <span className="compare-pin-text">
                  <span className="compare-pin-name">{name}</span>
                  <span className="compare-pin-status">{statusText(pin)}</span>
                </span>
                <button
                  type="button"
                  className="button-quiet"
                  aria-label={`Unpin ${name}`}
                  onClick={() => unpin(pin.key)}
                >
                  Unpin
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
