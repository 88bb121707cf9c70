// "Run 8 seeds" under the signal chart: runs the shown configuration with seeds seed … seed + 7 in
// the background and draws their spread, with the spread finite-width theory predicts. The caption
// says what to look for: a narrow net wanders from seed to seed, a wide one hardly at all.

import { useEffect } from 'react';
import { cancelSeeds, runSeeds, SEED_COUNT, seedKey, useSeedRuns } from '../state/seedRunner';
import type { SimConfig } from '../core/types';
import { useApp, type SignalAxis } from '../state/store';
import './seedBandBar.css';

/** Skips and norms change the finite-width law the dashed band comes from: the measured spread alone. */
function architectureCaption(config: SimConfig, last: number, axis: SignalAxis): string {
  const where =
    config.architecture?.kind === 'residual' && axis === 'block' ? ' of the residual stream, block by block' : '';
  return `The shaded band holds the middle 80 % of seeds ${config.seed}…${last}${where}. Finite width's predicted band is derived for a plain stack of layers; with skips or a norm only the measured spread is drawn.`;
}

export function SeedBandBar() {
  const config = useApp((s) => s.run.config);
  const key = useSeedRuns((s) => s.key);
  const phase = useSeedRuns((s) => s.phase);
  const done = useSeedRuns((s) => s.runs.length);
  const error = useSeedRuns((s) => s.error);
  const axis = useApp((s) => s.view.signalAxis);
  const current = config !== null && key === seedKey(config);
  const running = current && phase === 'running';
  // Settings changed while the seeds ran: the rest of them would only keep the second worker busy.
  const stale = config !== null && key !== null && !current && phase === 'running';
  useEffect(() => {
    if (stale) cancelSeeds();
  }, [stale]);
  const last = config ? config.seed + SEED_COUNT - 1 : 0;
  return (
    <div className="seed-band-bar" data-testid="seed-band-bar">
      <button
        type="button"
        className="button"
        disabled={config === null || running}
        onClick={() => config && runSeeds(config)}
      >
        Run {SEED_COUNT} seeds
      </button>
      <p className="seed-band-caption" aria-live="polite">
        {running
          ? `Running seeds ${config.seed}…${last}: ${done} of ${SEED_COUNT} done.`
          : current && phase === 'error'
            ? error
            : current && phase === 'done'
              ? config.architecture
                ? architectureCaption(config, last, axis)
                : `The shaded band holds the middle 80 % of seeds ${config.seed}…${last}; the dashed edges are what finite width predicts for a single input, which a batch of inputs can only narrow. At width 16 even a stable initializer wanders far from the mean-field line; the band narrows as the width grows.`
              : 'One seed is one network: see how far others with the same settings land.'}
      </p>
    </div>
  );
}
