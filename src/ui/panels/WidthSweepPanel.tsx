// The "Width sweep" card (Yang et al.'s coordinate check): the current activation's MLP at widths
// 64 … 4,096 in the standard, NTK and μP parameterizations, computed in a worker of its own when
// asked for (sweep=1 in the link), each width streamed as it is measured.

import { useDeferredValue, useEffect, useState } from 'react';
import { WidthSweepChart } from '../../charts/WidthSweepChart';
import {
  DEFAULT_SWEEP,
  PARAMETERIZATIONS,
  theorySlopes,
  type Parameterization,
  type SweepPoint,
} from '../../core/spectra/widthSweepSpec';
import { setView } from '../../state/actions';
import { useApp } from '../../state/store';
import { sweepClient } from '../../worker/spectraClient';
import './jacobianPanel.css';

const LABELS: Record<Parameterization, string> = { standard: 'Standard', ntk: 'NTK', mup: 'μP' };

type Points = Record<Parameterization, SweepPoint[]>;
const empty = (): Points => ({ standard: [], ntk: [], mup: [] });

export function WidthSweepPanel() {
  const on = useApp((s) => s.view.showSweep);
  const activation = useDeferredValue(useApp((s) => s.config.activation));
  const [state, setState] = useState<{ activation: string; points: Points; done: boolean; error?: string } | null>(
    null,
  );

  useEffect(() => {
    if (!on) return;
    const points = empty();
    return sweepClient.sweep(activation, {
      progress: () => {},
      weights: () => {},
      spectrum: () => {},
      sweepPoint: (p, point) => {
        points[p] = [...points[p], point];
        setState({ activation, points: { ...points }, done: false });
      },
      done: () => setState({ activation, points: { ...points }, done: true }),
      error: (message) => setState({ activation, points: { ...points }, done: true, error: message }),
    });
  }, [on, activation]);

  const shown = on && state?.activation === activation ? state : null;
  const status = !on ? 'off' : shown?.error ? 'error' : shown?.done ? 'done' : 'computing';
  return (
    <section
      className="card width-sweep"
      aria-labelledby="sweep-title"
      data-testid="width-sweep-panel"
      data-status={status}
    >
      <div className="card-head">
        <h2 id="sweep-title">Width sweep: standard, NTK and μP</h2>
        <button type="button" className="button" aria-pressed={on} onClick={() => setView({ showSweep: !on })}>
          {on ? 'Hide' : 'Run the width sweep'}
        </button>
      </div>
      <p className="jacobian-intro">
        The same {DEFAULT_SWEEP.hiddenLayers}-layer {activation} MLP at widths 64 … 4096: mean |activation| of each
        hidden layer (dashed) and of the output (orange) at initialization. Hidden coordinates are flat in width in
        every parameterization; μP’s 1/n read-out makes the output shrink like 1/√n (Yang &amp; Hu 2021; Yang et al.
        2022). Training steps, once added, plug into the same sweep.
      </p>
      {shown?.error ? (
        <p className="jacobian-notice" role="status">
          {shown.error}
        </p>
      ) : null}
      {status === 'computing' ? (
        <p className="jacobian-progress" role="status">
          Measuring…
        </p>
      ) : null}
      {shown ? (
        <WidthSweepChart
          sweeps={PARAMETERIZATIONS.map((p) => ({
            parameterization: p,
            label: LABELS[p],
            points: shown.points[p],
            theory: theorySlopes(p, DEFAULT_SWEEP.hiddenLayers),
          }))}
        />
      ) : null}
    </section>
  );
}
