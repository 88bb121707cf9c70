// Per-layer distributions of the outputs φ(h), the pre-activations h or the gradients δ, from the
// samples the worker sends with each layer: a ridgeline (shapes) or a layer × value heatmap (every layer at once), with the x range
// adaptive per layer or fixed across layers. The person picks both in the header. Pure: the
// samples and the choices come in as props (ui/panels/DistributionsPanel.tsx reads the store).

import { useId, useMemo } from 'react';
import { binLayers, MAX_RIDGES, subsampleLayers } from './binning';
import {
  leftOutNotes,
  rangeNote,
  saturationNote,
  saturationText,
  shownNote,
  spreadSummary,
  theoryNote,
} from './distributionNotes';
import { HistogramHeatmap } from './HistogramHeatmap';
import { Ridgeline } from './Ridgeline';
import { SegmentedControl } from './SegmentedControl';
import { useParentSize, type Size } from './useParentSize';
import './charts.css';
import './distributions.css';

export type HistogramMode = 'ridgeline' | 'heatmap';
export type HistogramRange = 'adaptive' | 'fixed';
export type DistributionSource = 'activations' | 'preactivations' | 'gradients';

/** A heatmap row thinner than a pixel carries nothing; beyond this many layers rows are sampled. */
const MAX_HEATMAP_ROWS = 400;

const STYLE_OPTIONS = [
  { value: 'ridgeline', label: 'Ridgeline', hint: 'One curve per layer: compare shapes' },
  { value: 'heatmap', label: 'Heatmap', hint: 'One row per layer: see every layer at once' },
] as const satisfies readonly { value: HistogramMode; label: string; hint: string }[];

const SOURCE_OPTIONS = [
  { value: 'activations', label: 'Outputs φ(h)', hint: 'The forward pass: the activations φ(h) at each layer' },
  {
    value: 'preactivations',
    label: 'Pre-activations h',
    hint: 'The forward pass before φ: h at each layer, with the theory’s N(0, q) drawn over it',
  },
  {
    value: 'gradients',
    label: 'Gradients',
    hint: 'The backward pass: δ = ∂L/∂h at each layer (Glorot & Bengio, Fig. 7)',
  },
] as const satisfies readonly { value: DistributionSource; label: string; hint: string }[];

const RANGE_OPTIONS = [
  { value: 'adaptive', label: 'Adaptive', hint: "Each layer's own range: compare shapes" },
  { value: 'fixed', label: 'Fixed', hint: 'One range for all layers: see the spread shrink, grow or saturate' },
] as const satisfies readonly { value: HistogramRange; label: string; hint: string }[];

export interface DistributionsProps {
  /** Per layer, a sample of φ(h) values (layers that have not arrived are missing). */
  forward: readonly Float32Array[];
  /** Per layer, the same units' pre-activations h (layers that have not arrived are missing). */
  preactivations: readonly Float32Array[];
  /** Per layer (index layer − 1), the mean-field q^l: the theory's h is N(0, q^l). Null where it has none. */
  theoryQ: readonly (number | null)[];
  /** Per layer, a sample of δ values; empty until the backward pass has reached layer 1. */
  backward: readonly Float32Array[];
  /** Layers of the run shown, so streamed layers keep their place. */
  depth: number;
  /** The activation's id: its output range frames the forward values. */
  activation: string | undefined;
  source: DistributionSource;
  mode: HistogramMode;
  rangeMode: HistogramRange;
  /** A fixed size (golden tests, exports); otherwise the chart fills its container. */
  size?: Size;
  onSource: (source: DistributionSource) => void;
  onMode: (mode: HistogramMode) => void;
  onRange: (range: HistogramRange) => void;
}

export function Distributions(props: DistributionsProps) {
  const { source, mode, rangeMode, onSource, onMode, onRange } = props;
  const gradients = source === 'gradients';
  const pre = source === 'preactivations';
  const samples = gradients ? props.backward : pre ? props.preactivations : props.forward;
  const [plotRef, measuredSize] = useParentSize<HTMLDivElement>();
  const size = props.size ?? measuredSize;
  const notesId = useId();
  // The activation's output range frames (and its saturation marks) its outputs only.
  const activation = source === 'activations' ? props.activation : undefined;
  const valueName = gradients ? 'gradient δ = ∂L/∂h' : pre ? 'pre-activation h' : undefined;
  const theoryQ = pre ? props.theoryQ : undefined;

  // The layers shown are picked from the run's whole depth, not from the layers received so far:
  // while a run streams, each ridge or row keeps its place and its histogram (see binLayers), so
  // a new frame only draws the layers that just arrived.
  const depth = Math.max(props.depth, samples.length);
  const indices = useMemo(
    () => subsampleLayers(depth, mode === 'ridgeline' ? MAX_RIDGES : MAX_HEATMAP_ROWS),
    [depth, mode],
  );
  const binned = useMemo(
    () => binLayers(samples, indices, rangeMode, activation),
    [samples, indices, rangeMode, activation],
  );
  const binnedValues = binned.histograms.reduce((n, h) => n + h.finite, 0);

  const notes = [
    shownNote(binned.histograms.length, samples.length),
    rangeNote(rangeMode, binned, activation),
    pre ? theoryNote(binned.histograms, props.theoryQ) : null,
    saturationNote(binned.histograms, activation),
    ...leftOutNotes(binned, binnedValues),
  ].filter((n): n is string => n !== null);
  const empty = binned.histograms.length === 0;
  const plot = {
    width: size.width,
    height: size.height,
    histograms: binned.histograms,
    slots: indices.length,
    fixedRange: binned.fixedRange,
    valueName,
  };
  const what = gradients ? 'back-propagated gradients δ' : pre ? 'pre-activations h' : 'activations φ(h)';
  const label = `Distributions of the ${what} in ${samples.length} ${samples.length === 1 ? 'layer' : 'layers'}, as a ${mode === 'ridgeline' ? 'ridgeline of histograms' : 'heatmap of layer against value'}.`;

  return (
    <figure
      className="chart distributions-chart"
      data-testid="distributions-chart"
      data-mode={mode}
      data-range={rangeMode}
      data-source={source}
    >
      <div className="chart-header">
        <h2 className="chart-title">
          {gradients ? 'Gradients' : pre ? 'Pre-activations' : 'Activations'}, layer by layer
        </h2>
        <div className="chart-controls">
          <SegmentedControl label="Values" options={SOURCE_OPTIONS} value={source} onChange={onSource} />
          <SegmentedControl label="Style" options={STYLE_OPTIONS} value={mode} onChange={onMode} />
          <SegmentedControl label="x range" options={RANGE_OPTIONS} value={rangeMode} onChange={onRange} />
        </div>
      </div>
      <div
        className={`chart-plot distributions-plot distributions-${mode}`}
        ref={plotRef}
        role="img"
        aria-label={label}
        aria-describedby={notesId}
      >
        {empty || size.width === 0 ? (
          <p className="chart-empty">
            {empty
              ? gradients
                ? 'No gradients yet: they appear once the backward pass reaches layer 1.'
                : 'No samples yet: the histograms appear as layers arrive.'
              : ''}
          </p>
        ) : mode === 'ridgeline' ? (
          <Ridgeline {...plot} theoryQ={theoryQ} saturationText={saturationText(activation)} />
        ) : (
          <HistogramHeatmap {...plot} />
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
