// The mean-field theory at the current settings, read out: the phase in a word, one sentence in
// plain words, and q*, χ₁, ξ_q, ξ_c with what each means. Solved by the phase worker.

import type { ParamValues } from '../core/types';
import { CRITICAL_LN_TOLERANCE } from '../core/theoryPoint';
import type { RunEvidence } from '../readings/runEvidence';
import { notApplicableReading, readTheory, type TheoryReading } from '../readings/theoryReading';
import type { TheorySite } from './theorySite';
import { useTheoryPoint } from './panels/useTheoryPoint';
import './theoryPanel.css';

export interface TheoryPanelProps {
  activation: string;
  activationParams: ParamValues;
  site: TheorySite;
  depth: number;
  /** What the run shows (per-layer χ₁, measured correlations), for the sentence's words. */
  evidence?: RunEvidence;
}

/** Up to four significant digits without trailing zeros: "3", "0.05", "1.333". */
const value = (v: number): string => String(Number(v.toPrecision(4)));

function siteText(site: Extract<TheorySite, { kind: 'site' }>): string {
  const at = `σ_w² = ${value(site.sigmaW2)}, σ_b² = ${value(site.sigmaB2)}`;
  if (site.uniform) return `${at} in every layer.`;
  return `σ_w² differs by layer (${value(site.minSigmaW2)} to ${value(site.maxSigmaW2)}): shown for layer ${site.layer}, the one with the median σ_w² (${at}).`;
}

function Reading({ reading, stale }: { reading: TheoryReading; stale: boolean }) {
  return (
    <div className={stale ? 'theory-reading is-stale' : 'theory-reading'} aria-busy={stale}>
      <p className="theory-phase" data-testid="theory-phase" data-phase={reading.phase}>
        <span className="theory-phase-badge">{reading.label}</span>
        {stale && <span className="muted"> updating…</span>}
      </p>
      <p className="theory-sentence" data-testid="theory-sentence">
        {reading.sentence}
      </p>
      {reading.facts.length > 0 && (
        <dl className="theory-facts">
          {reading.facts.map((f) => (
            <div key={f.symbol}>
              <dt>
                <span className="theory-symbol">{f.symbol}</span> <span className="theory-meaning">{f.meaning}</span>
              </dt>
              <dd data-fact={f.symbol}>{f.value}</dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}

export function TheoryPanel({ activation, activationParams, site, depth, evidence }: TheoryPanelProps) {
  const sigmaW2 = site.kind === 'site' ? site.sigmaW2 : null;
  const sigmaB2 = site.kind === 'site' ? site.sigmaB2 : 0;
  const state = useTheoryPoint(activation, activationParams, sigmaW2, sigmaB2);

  let body;
  if (site.kind === 'none') body = <p className="muted">Waiting for the first run…</p>;
  else if (site.kind === 'not-applicable') body = <Reading reading={notApplicableReading(site.layer)} stale={false} />;
  else if (state?.status === 'ready')
    body = <Reading reading={readTheory(state.point, depth, evidence)} stale={false} />;
  else if (state?.status === 'error') body = <p role="alert">The theory could not be solved: {state.message}</p>;
  else if (state?.status === 'computing' && state.stale)
    body = <Reading reading={readTheory(state.stale, depth, evidence)} stale />;
  else
    body = (
      <p className="muted" role="status">
        Solving the mean-field theory…
      </p>
    );

  return (
    <section className="theory-panel" aria-labelledby="theory-panel-title" data-testid="theory-panel">
      <h3 id="theory-panel-title">At the current settings</h3>
      {site.kind === 'site' && <p className="theory-site">{siteText(site)}</p>}
      <div aria-live="polite">{body}</div>
      <p className="theory-footnote">
        “Critical” here means χ₁ within {Math.round(CRITICAL_LN_TOLERANCE * 100)} % of 1 (|ln χ₁| &lt;{' '}
        {CRITICAL_LN_TOLERANCE}): the correlation depth ξ_c is then over 50 layers. Mean-field theory: infinitely wide
        layers, Gaussian inputs of unit variance.
      </p>
    </section>
  );
}
