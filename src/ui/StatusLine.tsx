// One line under the chart: size of the network, weights drawn, time taken — plus a progress
// bar when a run takes long enough to notice (the runner decides that), and the run's error.
// While a drag's preview is shown, the line says in words that it is one and what follows.

import type { SimConfig } from '../core/types';
import { useRunProgress } from '../state/runProgress';
import { useApp } from '../state/store';
import { formatCount, formatDuration } from '../readings/format';

/** Σ fan_in·fan_out over the layers: how many weights one run draws. */
export function weightCount(config: SimConfig): number {
  let total = 0;
  let fanIn = config.inputDim;
  for (const fanOut of config.widths) {
    total += fanIn * fanOut;
    fanIn = fanOut;
  }
  return total;
}

function sizeText(config: SimConfig): string {
  const depth = config.widths.length;
  const weights = weightCount(config);
  return `${depth} ${depth === 1 ? 'layer' : 'layers'} · ${formatCount(weights)} ${weights === 1 ? 'weight' : 'weights'}`;
}

export function StatusLine() {
  const config = useApp((s) => s.config);
  const runConfig = useApp((s) => s.run.config);
  const elapsedMs = useApp((s) => s.run.elapsedMs);
  const kernel = useApp((s) => s.run.kernel);
  const error = useApp((s) => s.run.error);
  const preview = useApp((s) => s.run.preview);
  // A run that ended before any layer shows its message in the chart itself: not twice.
  const anyLayer = useApp((s) => s.run.layers.length > 0);
  const { phase, fraction, showBar } = useRunProgress();

  const depth = config.widths.length;
  // While a run is in flight it is for the current settings; a finished run reports its own.
  const text =
    phase === 'done' && runConfig
      ? `${sizeText(runConfig)} · ${formatDuration(elapsedMs)}`
      : phase === 'running'
        ? `${sizeText(config)} · running…`
        : sizeText(config);

  return (
    <div className="status-line">
      {preview ? (
        <p className="status-text" data-testid="status-preview">
          <strong>Preview</strong> · batch {preview.batch} of {preview.fullBatch} · full run when you stop
        </p>
      ) : (
        <p className="status-text" title={kernel ? `Matrix multiply: ${kernel}` : undefined}>
          {text}
        </p>
      )}
      {showBar && (
        <progress
          className="run-progress"
          max={1}
          value={fraction}
          aria-label="Simulation progress"
          aria-valuetext={`${Math.round(fraction * depth)} of ${depth} layers`}
        >
          {Math.round(fraction * depth)} of {depth} layers
        </progress>
      )}
      <span className="visually-hidden" role="status">
        {phase === 'done' ? `Finished in ${formatDuration(elapsedMs)}` : ''}
      </span>
      {phase === 'error' && error && anyLayer && (
        <p className="status-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
