// Per-layer distributions of the post-activations, from the samples the worker sends with each
// layer: a ridgeline (shapes) or a layer × value heatmap (every layer at once), with the x range
// adaptive per layer or fixed across layers. The person picks both in the header.

import { useId, useMemo } from 'react';
import { setView } from '../state/actions';
import { useApp, type HistogramMode, type HistogramRange } from '../state/store';
import { binLayers, MAX_RIDGES, subsampleLayers } from './binning';
import { leftOutNotes, rangeNote, shownNote, spreadSummary } from './distributionNotes';
import { HistogramHeatmap } from './HistogramHeatmap';
import { Ridgeline } from './Ridgeline';
import { SegmentedControl } from './SegmentedControl';
import { useParentSize } from './useParentSize';
import './charts.css';
import './distributions.css';

/** A heatmap row thinner than a pixel carries nothing; beyond this many layers rows are sampled. */
const MAX_HEATMAP_ROWS = 400;

const STYLE_OPTIONS = [
  { value: 'ridgeline', label: 'Ridgeline', hint: 'One curve per layer: compare shapes' },
  { value: 'heatmap', label: 'Heatmap', hint: 'One row per layer: see every layer at once' },
] as const satisfies readonly { value: HistogramMode; label: string; hint: string }[];

const RANGE_OPTIONS = [
  { value: 'adaptive', label: 'Adaptive', hint: "Each layer's own range: compare shapes" },
  { value: 'fixed', label: 'Fixed', hint: 'One range for all layers: see the spread shrink, grow or saturate' },
] as const satisfies readonly { value: HistogramRange; label: string; hint: string }[];

export function Distributions() {
  const samples = useApp((s) => s.run.samples);
  const config = useApp((s) => s.run.config);
  const mode = useApp((s) => s.view.histogram);
  const rangeMode = useApp((s) => s.view.histRange);
  // No useDeferredValue here: each sample is binned once (see binLayers), so a streamed update
  // costs little, and a deferred render would commit — and repaint the page — a second time.
  const [plotRef, size] = useParentSize<HTMLDivElement>();
  const notesId = useId();
  const activation = config?.activation;

  // The layers shown are picked from the run's whole depth, not from the layers received so far:
  // while a run streams, each ridge or row keeps its place and its histogram (see binLayers), so
  // a new frame only draws the layers that just arrived.
  const depth = Math.max(config?.widths.length ?? 0, samples.length);
  const indices = useMemo(() => subsampleLayers(depth, mode === 'ridgeline' ? MAX_RIDGES : MAX_HEATMAP_ROWS), [depth, mode]);
  const binned = useMemo(() => binLayers(samples, indices, rangeMode, activation), [samples, indices, rangeMode, activation]);
  const binnedValues = binned.histograms.reduce((n, h) => n + h.finite, 0);

  const notes = [shownNote(binned.histograms.length, samples.length), rangeNote(rangeMode, binned, activation), ...leftOutNotes(binned, binnedValues)].filter(
    (n): n is string => n !== null,
  );
  const empty = binned.histograms.length === 0;
  const label = `Distributions of the activations φ(h) in ${samples.length} ${samples.length === 1 ? 'layer' : 'layers'}, as a ${mode === 'ridgeline' ? 'ridgeline of histograms' : 'heatmap of layer against value'}.`;

  return (
    <figure className="chart distributions-chart" data-testid="distributions-chart" data-mode={mode} data-range={rangeMode}>
      <div className="chart-header">
        <h2 className="chart-title">Activations, layer by layer</h2>
        <div className="chart-controls">
          <SegmentedControl label="Style" options={STYLE_OPTIONS} value={mode} onChange={(histogram) => setView({ histogram })} />
          <SegmentedControl label="x range" options={RANGE_OPTIONS} value={rangeMode} onChange={(histRange) => setView({ histRange })} />
        </div>
      </div>
      <div className={`chart-plot distributions-plot distributions-${mode}`} ref={plotRef} role="img" aria-label={label} aria-describedby={notesId}>
        {empty || size.width === 0 ? (
          <p className="chart-empty">{empty ? 'No samples yet: the histograms appear as layers arrive.' : ''}</p>
        ) : mode === 'ridgeline' ? (
          <Ridgeline width={size.width} height={size.height} histograms={binned.histograms} slots={indices.length} fixedRange={binned.fixedRange} />
        ) : (
          <HistogramHeatmap width={size.width} height={size.height} histograms={binned.histograms} slots={indices.length} fixedRange={binned.fixedRange} />
        )}
      </div>
      <figcaption className="chart-notes" id={notesId}>
        {notes.map((n) => (
          <span key={n}>{n} </span>
        ))}
        <span className="chart-sr-only">{spreadSummary(binned.histograms)}</span>
      </figcaption>
    </figure>
  );
}
