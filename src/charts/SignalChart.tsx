// The main chart: per-layer pooled second moment of the pre-activations (measured points and
// line) with the mean-field theory dashed over it, on a log scale, plus the verdict above. Pure:
// everything it draws comes in as props (ui/panels/SignalPanel.tsx reads the store), and what
// happens on it goes out through callbacks. It sizes itself to its container unless given a
// size. A drag's preview (see state/previewPolicy.ts) gets a "Preview" label and open, dotted
// measured marks, so it never passes for the finished run. A quiz (predict, then reveal) conceals
// everything that would give the answer away — curves, verdict, seed bands, gradients, the y-scale
// the curves would set and the words for the screen reader — and keeps the axes to guess on.

import { useEffect, useId, useMemo, useState } from 'react';
import type { KeyboardEvent, PointerEvent } from 'react';
import type { GradientStats, LayerStats, LayerTheory } from '../core/types';
import { revealSeries } from './revealSeries';
import { PinnedLegend } from './PinnedLegend';
import { PinnedPlot } from './PinnedPlot';
import type { PinnedView } from './pinnedSeries';
import { GradientLegend, GradientVerdictLine } from './GradientNotes';
import { GradientPlot } from './GradientPlot';
import { SeedBandLegend, SeedBandPlot } from './SeedBandPlot';
import type { SeedBands } from './seedBand';
import type { SignalSeries } from './signalSeries';
import { GuessLegend, GuessPlot, type GuessPoint } from './GuessPlot';
import { GUESS_FRAME, useGuessStroke } from './useGuessStroke';
import { inBlocks, streamSeries, type SignalUnit, type StreamView } from './streamSeries';
import { streamSize } from '../readings/streamVerdict';
import { measuredSeries, pointOf, theorySeries } from './signalSeries';
import { nextInspected } from './inspectKeys';
import { SignalChartHeader } from './SignalChartHeader';
import { SignalLegend } from './SignalLegend';
import { SignalPlot } from './SignalPlot';
import { SignalTooltipContent } from './SignalTooltip';
import { describeSeries } from '../readings/signalSummary';
import { PLOT_MARGIN, useSignalGeometry } from './useSignalGeometry';
import { useParentSize, type Size } from './useParentSize';
import { CONCEALED_SUMMARY, plotLabel, signalChartSummary } from './signalChartSummary';
import { useGradientView } from './useGradientView';
import { VerdictBanner } from './VerdictBanner';
import { VerdictExplanation } from './VerdictExplanation';
import { measuredVerdict, theoryVerdict } from '../readings/verdict';
import type { RunVerdict } from '../readings/runVerdict';
import { explainRun } from '../readings/verdictExplanations';
import './charts.css';
import './signalChart.css';
import './signalPreview.css';

const CONCEALED_SERIES: SignalSeries = { measured: [], theory: [], activations: [], activationsTheory: [] };
const NO_GUESS: readonly GuessPoint[] = [];

export interface SignalChartProps {
  /** Where the newest run stands: 'running' draws marks as paths; 'done' adds the plain-words explanation. */
  phase: 'idle' | 'running' | 'done' | 'error';
  /** Layers of the network shown (0 before the first run). */
  depth: number;
  layers: readonly LayerStats[];
  theory: readonly LayerTheory[];
  /** Set while the results are a drag's quick preview: a label over the plot, open dotted marks. */
  preview: { batch: number; fullBatch: number } | null;
  /** A run that ended before any layer (refused over the budget, crashed twice): said instead of a plot. */
  failure: string | null;
  showActivations: boolean;
  /** The "show gradients" box (the curve itself is drawn only when `gradientsDrawn`). */
  gradientsChecked: boolean;
  /** The box is on, the backward pass has arrived and no layer-by-layer reveal is playing. */
  gradientsDrawn: boolean;
  /** The backward pass, indexed by layer − 1 (entries missing while it streams down). */
  gradients: readonly (GradientStats | undefined)[];
  /** While the layer-by-layer animation plays, only layers 1…revealUpTo are drawn. */
  revealUpTo: number | null;
  /** The finished run's whole verdict (size, inputs, gradients); null while it runs or for a preview. */
  runVerdict?: RunVerdict | null;
  pinned: PinnedView;
  bands: SeedBands | null;
  /** A fixed size (golden tests, exports); otherwise the chart fills its container. */
  size?: Size;
  /** The chart has drawn this many layers on screen (the `simulation` timing ends here). */
  onDrawn?: (layerCount: number) => void;
  onShowActivations: (on: boolean) => void;
  onShowGradients: (on: boolean) => void;
  /** Predict, then reveal: the run's curves and verdict stay hidden (the question is asked beside the chart). */
  concealed?: boolean;
  /** A guess drawn on the chart (predict, then reveal), in values; drawn under the curves once they show. */
  guess?: readonly GuessPoint[];
  /** Set while the chart is concealed to let a viewer drag a line across the plot as their guess. */
  onGuess?: ((guess: GuessPoint[]) => void) | null;
  /**
   * What x counts (default 'layer'). 'block' draws the live residual run's stream per block from
   * `stream`, and counts a plain run's layers (and plain pins') as blocks of one (streamSeries.ts).
   */
  unit?: SignalUnit;
  /** The live residual run per block; drawn when `unit` is 'block', its theory read on either view. */
  stream?: StreamView | null;
  /** The "per block / per layer" switch, offered when a residual network is on the chart. */
  onUnit?: ((unit: SignalUnit) => void) | null;
}

export function SignalChart(props: SignalChartProps) {
  const { phase, layers, theory, preview, failure, gradients, revealUpTo, pinned, onDrawn } = props;
  const concealed = props.concealed ?? false;
  const bands = concealed ? null : props.bands;
  const onGuess = concealed ? (props.onGuess ?? null) : null;
  // The stroke while a guess is being drawn.
  const { stroke, handlers: guessHandlers } = useGuessStroke();
  const guess = stroke ?? props.guess ?? NO_GUESS;
  const unit = props.unit ?? 'layer';
  const stream = unit === 'block' ? (props.stream ?? null) : null;
  // The live run's stream even on the per-layer view: the headline judges it per block there too.
  const residualStream = props.stream ?? null;
  const depth = stream ? stream.count : props.depth;
  // The stream is one tensor per block: it has no separate activation curve.
  const showActivations = props.showActivations && !stream;
  const viewGradients = props.gradientsChecked;
  const showGradients = props.gradientsDrawn && !concealed;
  const [plotRef, measuredSize] = useParentSize<HTMLDivElement>();
  const size = props.size ?? measuredSize;
  const [activeLayer, setActiveLayer] = useState<number | null>(null);
  const summaryId = useId();

  // Compare mode: pinned configurations share the axes, which span the deepest of them all.
  const axisDepth = Math.max(depth, 1, ...pinned.pins.map((p) => p.span ?? p.config.widths.length));
  // The theory's series is kept while layers stream in, so its paths are not redrawn per write.
  const predictedSeries = useMemo(() => theorySeries(theory), [theory]);
  const series = useMemo(
    () =>
      concealed ? CONCEALED_SERIES : stream ? streamSeries(stream) : { ...measuredSeries(layers), ...predictedSeries },
    [concealed, stream, layers, predictedSeries],
  );
  const drawnSeries = useMemo(() => revealSeries(series, revealUpTo), [series, revealUpTo]);
  // Per block, the chart reads the stream exactly as the run's verdict does (streamVerdict.ts).
  const streamSized = useMemo(() => (residualStream ? streamSize(residualStream) : null), [residualStream]);
  const layerMeasured = useMemo(() => (layers.length > 0 ? measuredVerdict(layers) : null), [layers]);
  const layerPredicted = useMemo(() => (theory.length > 0 ? theoryVerdict(theory) : null), [theory]);
  const measured = concealed ? null : stream ? (streamSized?.measured ?? null) : layerMeasured;
  const predicted = concealed ? null : residualStream ? (streamSized?.theory ?? null) : layerPredicted;
  const theoryKnown = residualStream ? residualStream.theory.some((q) => q !== null) : theory.length > 0;
  const runVerdict = concealed ? null : (props.runVerdict ?? null);
  const blockGradients = stream?.gradients;
  const {
    curves: gradientCurves,
    inputs: gradientInputs,
    verdict: gradVerdict,
    complete: gradientsComplete,
  } = useGradientView(showGradients, gradients, blockGradients);
  // The gradient curve and the seed bands' edges join the pinned curves in setting the y-domain and the Inf/0 bands.
  const scaledCurves = useMemo(() => {
    const extra = showGradients ? [gradientCurves] : [];
    if (bands)
      extra.push({
        measured: [...bands.measured, ...bands.theory].map((b) => pointOf(b.layer, b.hi)),
        theory: [...bands.measured, ...bands.theory].map((b) => pointOf(b.layer, b.lo)),
      });
    if (concealed) extra.push(GUESS_FRAME);
    // After the reveal the guess stays on the scale, wherever it went.
    else if (guess.length > 0) extra.push({ measured: guess.map((p) => pointOf(p.layer, p.value)), theory: [] });
    return extra.length > 0 ? [...pinned.pins, ...extra] : pinned.pins;
  }, [showGradients, pinned.pins, gradientCurves, bands, concealed, guess]);
  const geometry = useSignalGeometry(
    size.width,
    size.height,
    axisDepth,
    series,
    showActivations,
    revealUpTo,
    scaledCurves,
    unit,
  );
  const drawn = size.width > 0 && depth > 0;

  // Closes the `simulation` timing once the layers are actually on screen. The panel hands a new
  // callback with each run, so a new run with as many layers as the last is reported too.
  useEffect(() => {
    if (drawn && layers.length > 0) onDrawn?.(layers.length);
  }, [drawn, onDrawn, layers.length]);

  // Apart from the rest of the summary, which changes with every streamed layer.
  const theorySummary = useMemo(
    () =>
      predicted
        ? describeSeries(
            'Mean-field theory',
            predictedSeries.theory.map((p) => p.raw),
            predicted,
          )
        : null,
    [predicted, predictedSeries],
  );
  const summary = useMemo(
    () =>
      concealed
        ? CONCEALED_SUMMARY
        : signalChartSummary({
            series,
            measured,
            theorySummary,
            stream: stream !== null,
            showActivations: showActivations && layers.length > 0,
            gradients: showGradients && gradVerdict ? { inputs: gradientInputs, verdict: gradVerdict } : null,
            bands,
            pins: pinned.pins,
            unit,
          }),
    [
      concealed,
      measured,
      theorySummary,
      series,
      showActivations,
      layers.length,
      pinned.pins,
      showGradients,
      gradVerdict,
      gradientInputs,
      bands,
      stream,
      unit,
    ],
  );

  const inspect = (layer: number | null) => setActiveLayer(layer === null ? null : Math.min(depth, Math.max(1, layer)));
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    inspect(geometry.layout.layerAt(e.clientX - rect.left));
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const next = nextInspected(e.key, activeLayer, depth);
    if (next === undefined) return;
    e.preventDefault();
    inspect(next);
  };

  const { layout } = geometry;
  const tooltipLayer = activeLayer !== null && activeLayer <= depth ? activeLayer : null;
  const tipPoint = tooltipLayer !== null ? series.measured[tooltipLayer - 1] : undefined;
  const tipY = tipPoint?.kind === 'ok' && tipPoint.raw !== null ? layout.y(tipPoint.raw) : layout.plotHeight / 2;
  const tipX = tooltipLayer !== null ? layout.x(tooltipLayer) : 0;
  const flip = tipX > layout.plotWidth * 0.6;

  return (
    <figure
      className="chart signal-chart"
      data-testid="signal-chart"
      data-phase={phase}
      data-preview={preview ? 'true' : undefined}
      data-unit={unit === 'block' ? 'block' : undefined}
    >
      <SignalChartHeader
        unit={unit}
        onUnit={props.onUnit ?? null}
        showActivations={showActivations}
        perBlock={stream !== null}
        gradientsChecked={viewGradients}
        onShowActivations={props.onShowActivations}
        onShowGradients={props.onShowGradients}
      />
      {failure === null && !concealed && (
        <VerdictBanner
          measured={measured}
          run={runVerdict}
          theory={predicted}
          theoryKnown={theoryKnown}
          layersDone={stream ? stream.blocks.length : layers.length}
          depth={depth}
          running={phase === 'running'}
          unit={stream ? 'block' : 'layer'}
          residual={residualStream !== null}
        />
      )}
      {failure === null && showGradients && <GradientVerdictLine verdict={gradVerdict} complete={gradientsComplete} />}
      {phase === 'done' &&
        measured &&
        (runVerdict ? (
          <VerdictExplanation
            kind={runVerdict.headline}
            text={stream ? inBlocks(explainRun(runVerdict)) : explainRun(runVerdict)}
          />
        ) : (
          <VerdictExplanation kind={measured.kind} />
        ))}
      <div className="chart-plot signal-plot" ref={plotRef}>
        {/* Over the plot's top right, so showing and hiding it never moves the page. */}
        {preview && failure === null && (
          <p
            className="chart-preview-label"
            data-testid="preview-label"
            style={{ top: PLOT_MARGIN.top + 6, right: PLOT_MARGIN.right + 6 }}
          >
            Preview · batch {preview.batch} of {preview.fullBatch}
          </p>
        )}
        {failure !== null ? (
          <p className="chart-empty chart-failure" data-testid="chart-failure" role="alert">
            {failure}
          </p>
        ) : drawn ? (
          <>
            <SignalPlot
              width={size.width}
              height={size.height}
              geometry={geometry}
              series={drawnSeries}
              activeLayer={tooltipLayer}
              marksAsPaths={phase === 'running'}
              withGradients={showGradients}
              note={
                concealed && guess.length === 0
                  ? `hidden until the question is answered${onGuess ? ' · drag across the plot to draw your guess' : ''}`
                  : undefined
              }
              unit={unit}
              ariaLabel={plotLabel({ perBlock: stream !== null, depth, showActivations, showGradients })}
              describedBy={summaryId}
              underlay={
                <>
                  {bands && <SeedBandPlot bands={bands} layout={layout} />}
                  {pinned.pins.length > 0 && <PinnedPlot pins={pinned.pins} layout={layout} />}
                  {showGradients && (
                    <GradientPlot curves={gradientCurves} layout={layout} radius={geometry.radius} unit={unit} />
                  )}
                  <GuessPlot guess={guess} layout={layout} />
                </>
              }
            />
            {!concealed && (
              <div
                className="chart-overlay"
                style={{
                  left: PLOT_MARGIN.left,
                  top: PLOT_MARGIN.top,
                  width: layout.plotWidth,
                  height: layout.plotHeight,
                }}
                tabIndex={0}
                role="group"
                aria-label={`Inspect a ${unit}: left and right arrow keys move, Home and End jump to the first and last ${unit}`}
                onPointerMove={onPointerMove}
                onPointerLeave={() => setActiveLayer(null)}
                onFocus={() => setActiveLayer((l) => l ?? 1)}
                onBlur={() => setActiveLayer(null)}
                onKeyDown={onKeyDown}
              />
            )}
            {onGuess && (
              // Pointer only: the question's radio buttons are the keyboard's way to answer.
              <div
                className="chart-overlay chart-guess-area"
                data-testid="guess-area"
                style={{
                  left: PLOT_MARGIN.left,
                  top: PLOT_MARGIN.top,
                  width: layout.plotWidth,
                  height: layout.plotHeight,
                }}
                {...guessHandlers(layout, onGuess)}
              />
            )}
            {tooltipLayer !== null && !concealed && (
              <div
                className="chart-tooltip"
                role="status"
                style={{
                  left: PLOT_MARGIN.left + tipX + (flip ? -14 : 14),
                  top: PLOT_MARGIN.top + Math.min(Math.max(tipY, 40), layout.plotHeight - 40),
                  transform: `translate(${flip ? '-100%' : '0'}, -50%)`,
                }}
              >
                <SignalTooltipContent
                  layer={tooltipLayer}
                  series={series}
                  status={stream ? undefined : layers[tooltipLayer - 1]?.status}
                  showActivations={showActivations}
                  unit={unit}
                />
              </div>
            )}
          </>
        ) : (
          <p className="chart-empty">{depth === 0 ? 'Waiting for the first run…' : ''}</p>
        )}
      </div>
      <SignalLegend
        showActivations={showActivations}
        showInf={geometry.infBand > 0}
        showZero={geometry.zeroBand > 0}
        currentName={pinned.currentName}
        stream={stream !== null}
      >
        {showGradients && <GradientLegend />}
        {guess.length > 0 && <GuessLegend />}
        {bands && <SeedBandLegend seeds={bands.seeds} predicted={bands.theory.length > 0} />}
        <PinnedLegend pins={pinned.pins} />
      </SignalLegend>
      <p className="chart-sr-only chart-summary" id={summaryId}>
        {summary}
      </p>
    </figure>
  );
}
