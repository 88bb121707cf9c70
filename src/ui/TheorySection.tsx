// The "Theory" card: the order/chaos phase diagram of the current activation next to the readout
// of the theory at the current settings. Picking a point on the diagram switches to a Keras
// variance-scaling initializer with that σ_w² (fan_in, truncated normal: the realized variance is
// exactly scale/fan_in) and σ_b = √σ_b²; the URL and the signal chart follow by themselves.

import { useCallback, useMemo } from 'react';
import { PhaseDiagram } from '../charts/PhaseDiagram';
import { updateConfig } from '../state/actions';
import { useApp } from '../state/store';
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
  const config = useApp((s) => s.config);
  const runConfig = useApp((s) => s.run.config);
  const theory = useApp((s) => s.run.theory);
  // The run's settings, so the diagram, its marker and the readout describe the chart beside them.
  const shown = runConfig ?? config;
  const site = useMemo(() => theorySite(theory), [theory]);
  const current = useMemo(() => (site.kind === 'site' ? { sigmaW2: site.sigmaW2, sigmaB2: site.sigmaB2 } : null), [site]);
  const onApply = useCallback((w: number, b: number) => applyPhasePoint(w, b), []);

  return (
    <section className="card theory-section" aria-labelledby="theory-title" data-testid="theory-section">
      <h2 id="theory-title">Theory: order and chaos</h2>
      <div className="theory-layout">
        <PhaseDiagram activation={shown.activation} activationParams={shown.activationParams} current={current} onApply={onApply} />
        <TheoryPanel activation={shown.activation} activationParams={shown.activationParams} site={site} depth={shown.widths.length} />
      </div>
    </section>
  );
}
