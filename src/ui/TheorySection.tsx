// The "Theory" card: the order/chaos phase diagram of the current activation next to the readout
// of the theory at the current settings. Picking a point on the diagram switches to a Keras
// variance-scaling initializer with that σ_w² (fan_in, truncated normal: the realized variance is
// exactly scale/fan_in) and σ_b = √σ_b²; the URL and the signal chart follow by themselves.

import { useCallback, useDeferredValue, useMemo } from 'react';
import { updateConfig } from '../state/actions';
import { useApp } from '../state/store';
import { runEvidence } from '../readings/runEvidence';
import { PhasePanel } from './panels/PhasePanel';
import { TheoryPanel } from './TheoryPanel';
import { theorySite } from './theorySite';

/** σ_b to six significant digits: a short link, with σ_b² within 1e-6 relative of the point picked. */
export function biasStdFor(sigmaB2: number): number {
  return sigmaB2 > 0 ? Number(Math.sqrt(sigmaB2).toPrecision(6)) : 0;
}

export function applyPhasePoint(sigmaW2: number, sigmaB2: number): void {
  updateConfig({
    init: 'variance_scaling',
    initParams: { scale: sigmaW2, mode: 'fan_in', distribution: 'truncated_normal' },
    biasStd: biasStdFor(sigmaB2),
  });
}

export function TheorySection() {
  // Deferred: a run's start redraws this card in React's background renders, after the signal
  // chart and without holding up input.
  const config = useDeferredValue(useApp((s) => s.config));
  const runConfig = useDeferredValue(useApp((s) => s.run.config));
  const theory = useDeferredValue(useApp((s) => s.run.theory));
  const layers = useDeferredValue(useApp((s) => s.run.layers));
  const done = useDeferredValue(useApp((s) => s.run.phase === 'done'));
  // The readout's words about this network come from its run: the per-layer χ₁ at once, the
  // measured correlations once the run is complete (a stream or a preview has only some layers).
  const evidence = useMemo(() => runEvidence(theory, done ? layers : []), [theory, layers, done]);
  // The run's settings, so the diagram, its marker and the readout describe the chart beside them.
  const shown = runConfig ?? config;
  // Each run brings its own normalized config: the same parameters in a new object would redraw the
  // phase diagram (memoized on its props) for nothing.
  const paramsKey = JSON.stringify(shown.activationParams);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by content on purpose
  const activationParams = useMemo(() => shown.activationParams, [paramsKey]);
  const site = useMemo(() => theorySite(theory), [theory]);
  // Keyed by the numbers, not by the site object: every run brings a new theory array, and a new
  // marker object would make the phase diagram place its labels again for the same point.
  const sigmaW2 = site.kind === 'site' ? site.sigmaW2 : null;
  const sigmaB2 = site.kind === 'site' ? site.sigmaB2 : null;
  const current = useMemo(
    () => (sigmaW2 !== null && sigmaB2 !== null ? { sigmaW2, sigmaB2 } : null),
    [sigmaW2, sigmaB2],
  );
  const onApply = useCallback((w: number, b: number) => applyPhasePoint(w, b), []);

  return (
    <section className="card theory-section" aria-labelledby="theory-title" data-testid="theory-section">
      <h2 id="theory-title">Theory: order and chaos</h2>
      <div className="theory-layout">
        <PhasePanel
          activation={shown.activation}
          activationParams={activationParams}
          current={current}
          onApply={onApply}
        />
        <TheoryPanel
          activation={shown.activation}
          activationParams={activationParams}
          site={site}
          depth={shown.widths.length}
          evidence={evidence}
        />
      </div>
    </section>
  );
}
