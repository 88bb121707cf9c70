// The "Jacobian spectra" card: the input–output Jacobian's singular values at layers 1, L/4, L/2
// and L of the network on screen, computed in the spectra worker when the person asks for them
// (jacobian=1 in the link), streamed depth by depth, refused up front past the budget.

import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { JacobianSpectrumChart, type SpectrumView } from '../../charts/JacobianSpectrumChart';
import { WeightSpectrumChart } from '../../charts/WeightSpectrumChart';
import { jacobianLayers } from '../../core/spectra/jacobian';
import { jacobianOverBudget } from '../../core/spectra/jacobianBudget';
import type { SimConfig } from '../../core/types';
import { setView } from '../../state/actions';
import { useApp } from '../../state/store';
import type { SpectrumMessage, WeightSpectrumMessage } from '../../worker/spectraProtocol';
import { spectraClient } from '../../worker/spectraClient';
import './jacobianPanel.css';

type PanelState =
  | { status: 'computing'; spectra: SpectrumView[]; layer: number; depth: number; weights?: WeightSpectrumMessage }
  | { status: 'done'; spectra: SpectrumView[]; weights?: WeightSpectrumMessage }
  | { status: 'refused' | 'error'; message: string };

function viewOf(s: SpectrumMessage): SpectrumView {
  return {
    layer: s.layer,
    values: s.values,
    finite: s.finite,
    meanSquare: s.summary.meanSquare,
    theoryMeanSquare: s.theory.meanSquare,
    q05: s.summary.quantiles[0]!,
    q95: s.summary.quantiles[4]!,
    relativeVariance: s.summary.relativeVariance,
    theoryRelativeVariance: s.theory.relativeVariance,
  };
}

/** Why the spectra cannot be computed for a config, in words, or null when they can. */
export function jacobianRefusal(config: SimConfig): string | null {
  if (config.architecture)
    return 'The Jacobian’s spectra are computed for plain MLPs only: residual blocks and normalization are not part of the product ∏ D·W.';
  return jacobianOverBudget(config, jacobianLayers, 1, 'words');
}

function useJacobianSpectra(config: SimConfig, on: boolean): PanelState | null {
  const [state, setState] = useState<{ config: SimConfig; value: PanelState } | null>(null);
  const refusal = useMemo(() => (on ? jacobianRefusal(config) : null), [config, on]);
  useEffect(() => {
    if (!on || refusal) return;
    const spectra: SpectrumView[] = [];
    const depth = config.widths.length;
    let weights: WeightSpectrumMessage | undefined;
    return spectraClient.request(config, {
      progress: (layer) =>
        setState({ config, value: { status: 'computing', spectra: [...spectra], layer, depth, weights } }),
      weights: (w) => {
        weights = w;
        setState({ config, value: { status: 'computing', spectra: [...spectra], layer: 0, depth, weights } });
      },
      spectrum: (s) => {
        spectra.push(viewOf(s));
        setState({ config, value: { status: 'computing', spectra: [...spectra], layer: s.layer, depth, weights } });
      },
      done: () => setState({ config, value: { status: 'done', spectra: [...spectra], weights } }),
      error: (message) => setState({ config, value: { status: 'error', message } }),
    });
  }, [config, on, refusal]);
  if (!on) return null;
  if (refusal) return { status: 'refused', message: refusal };
  // Until the worker's first reply for these settings, they are being computed.
  return state?.config === config
    ? state.value
    : { status: 'computing', spectra: [], layer: 0, depth: config.widths.length };
}

export function JacobianPanel() {
  const on = useApp((s) => s.view.showJacobian);
  const config = useDeferredValue(useApp((s) => s.config));
  const state = useJacobianSpectra(config, on);
  const depth = config.widths.length;

  return (
    <section
      className="card jacobian-panel"
      aria-labelledby="jacobian-title"
      data-testid="jacobian-panel"
      data-status={on ? (state?.status ?? 'computing') : 'off'}
    >
      <div className="card-head">
        <h2 id="jacobian-title">Jacobian spectra: dynamical isometry</h2>
        <button type="button" className="button" aria-pressed={on} onClick={() => setView({ showJacobian: !on })}>
          {on ? 'Hide' : 'Compute the singular values'}
        </button>
      </div>
      <p className="jacobian-intro">
        J = ∂x<sup>l</sup>/∂x<sup>0</sup> = ∏ D<sub>l</sub>W<sub>l</sub> for the batch’s first input, at layers{' '}
        {jacobianLayers(depth).join(', ')}. Its mean squared singular value follows ∏χ₁; its spread does not: with
        orthogonal weights and tanh near χ₁ = 1 the values stay near 1, with Gaussian weights or ReLU they spread out
        with depth (Pennington, Schoenholz &amp; Ganguli 2017).
      </p>
      {state?.status === 'refused' || state?.status === 'error' ? (
        <p className="jacobian-notice" role="status">
          {state.message}
        </p>
      ) : null}
      {state?.status === 'computing' ? (
        <p className="jacobian-progress" role="status">
          Multiplying layer {state.layer} of {state.depth}…
        </p>
      ) : null}
      {state && (state.status === 'computing' || state.status === 'done') && state.spectra.length > 0 ? (
        <JacobianSpectrumChart spectra={state.spectra} depth={depth} />
      ) : null}
      {state && (state.status === 'computing' || state.status === 'done') && state.weights ? (
        <WeightSpectrumChart {...state.weights} />
      ) : null}
    </section>
  );
}
