// Does it train? The network on screen — the same seed, the same initial weights — trained on a
// generated data set, with every pin trained on the same data and minibatches and drawn on the
// same axes. Connects the training store to the pure step charts (src/charts/StepChart.tsx).

import { useMemo } from 'react';
import { ActivationHeatmap } from '../../charts/ActivationHeatmap';
import { StepChart, type StepSeries } from '../../charts/StepChart';
import { useParentSize } from '../../charts/useParentSize';
import { viridisCss } from '../../charts/colormap';
import { MAGNITUDE_BINS } from '../../core/training/monitor';
import type { HistoryEntry } from '../../core/training/types';
import { configNames } from '../../readings/pinNames';
import { formatValue } from '../../readings/format';
import { useApp } from '../../state/store';
import { setTraining, useTraining, type TrainRun } from '../../state/training';
import { TrainingControls } from './TrainingControls';
import './training.css';

const RUN_COLORS = ['var(--chart-measured)', 'var(--pin-1)', 'var(--pin-2)', 'var(--pin-3)', 'var(--pin-4)'];

function runSeries(
  runs: readonly TrainRun[],
  names: readonly string[],
  pick: (h: HistoryEntry) => number | null | undefined,
  dashed = false,
  suffix = '',
): StepSeries[] {
  return runs.map((r, i) => ({
    id: `${i}${suffix}`,
    label: `${names[i]}${suffix ? ` · ${suffix}` : ''}`,
    color: RUN_COLORS[i % RUN_COLORS.length]!,
    dashed,
    points: r.history.map((h) => ({ step: h.step, value: pick(h) ?? null })),
  }));
}

/** One line per hidden layer of the live run, coloured from the first layer (dark) to the last (light). */
function layerSeries(run: TrainRun | undefined, pick: (h: HistoryEntry, layer: number) => number | null): StepSeries[] {
  if (!run) return [];
  const depth = run.network.widths.length;
  return Array.from({ length: depth }, (_, l) => ({
    id: `layer${l + 1}`,
    label: `layer ${l + 1}`,
    color: viridisCss(depth === 1 ? 0.5 : l / (depth - 1)),
    points: run.history.map((h) => ({ step: h.step, value: pick(h, l) })),
  }));
}

function runStatus(run: TrainRun, steps: number, name: string): string {
  if (run.error) return `${name}: ${run.error}`;
  if (run.final?.diverged) return `${name}: diverged at step ${run.final.divergedAt}`;
  const last = run.history.at(-1);
  const loss = last ? `, train loss ${formatValue(last.trainLoss, 3)}` : '';
  const acc = last?.testAccuracy !== undefined ? `, test accuracy ${Math.round(last.testAccuracy * 100)} %` : '';
  if (run.final) return `${name}: done in ${(run.elapsedMs / 1000).toFixed(1)} s${loss}${acc}`;
  return `${name}: step ${run.step} of ${steps}${loss}`;
}

export function TrainingPanel() {
  const open = useTraining((s) => s.choice.open);
  return (
    <section className="card training-panel" aria-labelledby="training-title" data-testid="training-panel">
      <div className="training-head">
        <h2 id="training-title">Does it train?</h2>
        <button type="button" className="button" aria-pressed={open} onClick={() => setTraining({ open: !open })}>
          {open ? 'Stop training' : 'Train this network'}
        </button>
      </div>
      {open ? (
        <TrainingBody />
      ) : (
        <p className="field-help">
          Trains the network above — the same seed, the same initial weights — and every pinned configuration on the
          same data and minibatches.
        </p>
      )}
    </section>
  );
}

function TrainingBody() {
  const { runs, settings, refusal, choice } = useTraining((s) => s);
  const pins = useApp((s) => s.compare.pins);
  // Runs change with every flush of progress; their networks only when new runs start (with new settings).
  const names = useMemo(
    () => (runs.length > 1 ? configNames(runs.map((r) => r.network)) : ['This network']),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [runs.length, settings],
  );
  const [ref, size] = useParentSize<HTMLDivElement>();
  const steps = settings?.steps ?? choice.steps;
  const width = Math.max(260, size.width);
  const half = width >= 720 ? Math.floor((width - 16) / 2) : width;
  const classes = settings?.dataset !== 'teacher';
  const live = runs[0];
  const depth = live?.network.widths.length ?? 1;
  const heatLayer = Math.min(Math.max(1, choice.heatmapLayer), depth);
  const diverged = (r: TrainRun | undefined) => (r?.final?.diverged ? `diverged at step ${r.final.divergedAt}` : null);

  // The charts change only with new evaluations, not with every step the progress bars count.
  const historyKey = runs.map((r) => r.history.length).join(',');
  const charts = useMemo(
    () => ({
      loss: [
        ...runSeries(runs, names, (h) => h.trainLoss, false, 'train'),
        ...runSeries(runs, names, (h) => h.testLoss, true, 'test'),
      ],
      accuracy: runSeries(runs, names, (h) => h.testAccuracy),
      gradient: layerSeries(live, (h, l) => h.gradientNorm[l] ?? null),
      ratio: layerSeries(live, (h, l) => h.updateRatio[l] ?? null),
      dead: layerSeries(live, (h, l) => Math.max(h.deadFraction[l] ?? 0, h.saturatedFraction[l] ?? 0)),
      heat: (live?.history ?? []).flatMap((h) => {
        const hist = h.histograms?.[heatLayer - 1];
        return hist ? [{ step: h.step, zero: hist.zero, counts: hist.counts }] : [];
      }),
    }),
    // historyKey stands for the histories' contents: they only grow, and a new start makes new runs.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [historyKey, names, heatLayer, settings],
  );

  return (
    <>
      <TrainingControls depth={depth} />
      {refusal && (
        <p className="field-error" role="alert">
          {refusal}
        </p>
      )}
      <ul className="training-status" aria-live="polite">
        {runs.map((r, i) => (
          <li
            key={i}
            data-run={i}
            data-diverged={r.final?.diverged ? 'true' : 'false'}
            data-done={r.final ? 'true' : 'false'}
            data-elapsed-ms={r.final ? Math.round(r.elapsedMs) : undefined}
          >
            <span className="training-swatch" style={{ background: RUN_COLORS[i % RUN_COLORS.length] }} />
            {runStatus(r, steps, names[i] ?? '')}
            <progress max={steps} value={r.final ? steps : r.step} aria-label={`${names[i]} progress`} />
          </li>
        ))}
      </ul>
      {pins.length === 0 && (
        <p className="field-help">Pin a configuration under the signal chart to train it side by side.</p>
      )}
      <div ref={ref} className="training-charts">
        <StepChart
          width={half}
          height={260}
          title="Loss (solid: training set, dashed: test set)"
          yTitle="loss"
          series={charts.loss}
          steps={steps}
          yScale="log"
          note={diverged(live)}
        />
        {classes ? (
          <StepChart
            width={half}
            height={260}
            title="Test accuracy"
            yTitle="accuracy"
            series={charts.accuracy}
            steps={steps}
            yScale="linear"
            yDomain={[0, 1]}
          />
        ) : null}
        <StepChart
          width={half}
          height={240}
          title={`Gradient norm per layer (${names[0]})`}
          yTitle="‖∂L/∂W‖"
          series={charts.gradient}
          steps={steps}
          yScale="log"
          legend={false}
        />
        <StepChart
          width={half}
          height={240}
          title="Update-to-weight ratio per layer"
          yTitle="log₁₀ std(ΔW)/std(W)"
          series={charts.ratio}
          steps={steps}
          yScale="linear"
          reference={{ value: -3, label: '10⁻³ (makemore’s rule of thumb)' }}
          legend={false}
        />
        <StepChart
          width={half}
          height={240}
          title="Dead or saturated units per layer"
          yTitle="fraction"
          series={charts.dead}
          steps={steps}
          yScale="linear"
          yDomain={[0, 1]}
          legend={false}
        />
        <ActivationHeatmap
          width={half}
          height={240}
          title={`Activations of layer ${heatLayer} over training`}
          columns={charts.heat}
          steps={steps}
          lo={MAGNITUDE_BINS.lo}
          hi={MAGNITUDE_BINS.hi}
        />
      </div>
      <p className="field-help">
        Per-layer lines run from layer 1 (dark) to layer {depth} (light); a unit is dead when φ′ = 0 on the whole
        minibatch, saturated when |φ′| {'<'} 0.05. Data: {settings?.dataset ?? choice.dataset}; the same data seed and
        minibatch order for every run.
      </p>
    </>
  );
}
