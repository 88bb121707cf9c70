// Per-layer distributions of the post-activations, from the samples the worker sends with each
// layer: a ridgeline (shapes) or a layer × value heatmap (every layer at once), with the x range
// adaptive per layer or fixed across layers. The person picks both in the header.

import { useDeferredValue, useId, useMemo, useState } from 'react';
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

type Source = 'activations' | 'gradients';

const SOURCE_OPTIONS = [
  { value: 'activations', label: 'Activations', hint: 'The forward pass: φ(h) at each layer' },
  { value: 'gradients', label: 'Gradients', hint: 'The backward pass: δ = ∂L/∂h at each layer (Glorot & Bengio, Fig. 7)' },
] as const satisfies readonly { value: Source; label: string; hint: string }[];

/** One empty list, so "no gradients yet" is the same array on every render and binning stays cached. */
const NONE: readonly Float32Array[] = [];

const RANGE_OPTIONS = [
  { value: 'adaptive', label: 'Adaptive', hint: "Each layer's own range: compare shapes" },
  { value: 'fixed', label: 'Fixed', hint: 'One range for all layers: see the spread shrink, grow or saturate' },
] as const satisfies readonly { value: HistogramRange; label: string; hint: string }[];

export function Distributions() {
  const [source, setSource] = useState<Source>('activations');
  // Deferred, like the other panels below the signal chart: binning the newest layers and drawing
  // their ridges happens in React's background renders, which yield to input and to the signal
  // chart, so a streamed frame never waits for the histograms.
  const forward = useDeferredValue(useApp((s) => s.run.samples));
  // The backward pass arrives from the top layer down, so its samples have holes until it reaches
  // layer 1: they are shown once complete, binned once per sample like the forward ones.
  const backward = useDeferredValue(useApp((s) => (s.run.gradientSamples[0] !== undefined ? s.run.gradientSamples : NONE)));
  const gradients = source === 'gradients';
  const samples = gradients ? backward : forward;
  const config = useDeferredValue(useApp((s) => s.run.config));
  const mode = useApp((s) => s.view.histogram);
  const rangeMode = useApp((s) => s.view.histRange);
  const [plotRef, size] = useParentSize<HTMLDivElement>();
  const notesId = useId();
  // The activation's output range frames the forward values only.
  const activation = gradients ? undefined : config?.activation;
  const valueName = gradients ? 'gradient δ = ∂L/∂h' : undefined;

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
  const label = `Distributions of the ${gradients ? 'back-propagated gradients δ' : 'activations φ(h)'} in ${samples.length} ${samples.length === 1 ? 'layer' : 'layers'}, as a ${mode === 'ridgeline' ? 'ridgeline of histograms' : 'heatmap of layer against value'}.`;

  return (
    <figure className="chart distributions-chart" data-testid="distributions-chart" data-mode={mode} data-range={rangeMode} data-source={source}>
      <div className="chart-header">
        <h2 className="chart-title">{gradients ? 'Gradients' : 'Activations'}, layer by layer</h2>
        <div className="chart-controls">
          <SegmentedControl label="Values" options={SOURCE_OPTIONS} value={source} onChange={setSource} />
          <SegmentedControl label="Style" options={STYLE_OPTIONS} value={mode} onChange={(histogram) => setView({ histogram })} />
          <SegmentedControl label="x range" options={RANGE_OPTIONS} value={rangeMode} onChange={(histRange) => setView({ histRange })} />
        </div>
      </div>
      <div className={`chart-plot distributions-plot distributions-${mode}`} ref={plotRef} role="img" aria-label={label} aria-describedby={notesId}>
        {empty || size.width === 0 ? (
          <p className="chart-empty">{empty ? (gradients ? 'No gradients yet: they appear once the backward pass reaches layer 1.' : 'No samples yet: the histograms appear as layers arrive.') : ''}</p>
        ) : mode === 'ridgeline' ? (
          <Ridgeline width={size.width} height={size.height} histograms={binned.histograms} slots={indices.length} fixedRange={binned.fixedRange} valueName={valueName} />
        ) : (
          <HistogramHeatmap width={size.width} height={size.height} histograms={binned.histograms} slots={indices.length} fixedRange={binned.fixedRange} valueName={valueName} />
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
