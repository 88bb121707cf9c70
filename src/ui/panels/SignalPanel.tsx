// The signal chart connected to the store: the shown run, the view's switches, the pinned
// configurations and the seed bands go in as props; the chart's callbacks set the view and close
// the run's `simulation` timing (state/runner.ts notifyDrawn) once its layers are on screen.
// With quiz=1 the question comes first and the chart keeps its curves hidden until it is answered.

import { useCallback, useMemo } from 'react';
import { useStore } from 'zustand';
import { SignalChart } from '../../charts/SignalChart';
import { isQuestion, quizQuestion } from '../../readings/quizAnswer';
import type { SignalUnit, StreamView } from '../../charts/streamSeries';
import { residualShape } from '../../core/architecture/spec';
import { architectureTheory } from '../../core/architecture/theory';
import type { SimConfig } from '../../core/types';
import { judgeRun } from '../../readings/runVerdict';
import { setView } from '../../state/actions';
import { openedStore } from '../../state/openedResults';
import { notifyDrawn } from '../../state/runner';
import { useApp } from '../../state/store';
import { QuizCard } from '../quiz/QuizCard';
import { drawGuess, useQuiz } from '../quiz/quizState';
import { usePinned } from './usePinned';
import { useSeedBands } from './useSeedBands';

const showActivations = (on: boolean) => setView({ showActivations: on });
const showGradients = (on: boolean) => setView({ showGradients: on });
const setUnit = (signalAxis: SignalUnit) => setView({ signalAxis });

const isResidual = (c: SimConfig | null | undefined): boolean => c?.architecture?.kind === 'residual';

/** The blocks whose every linear layer is among layers 1…revealUpTo (the reveal animation counts layers). */
function blocksRevealed(config: SimConfig, revealUpTo: number | null): number | null {
  if (revealUpTo === null || !config.architecture) return revealUpTo;
  const shape = residualShape(config.architecture, config.inputDim, config.widths[0]!);
  return Math.max(0, Math.floor((revealUpTo - shape.stem) / shape.branchDepth));
}

export function SignalPanel() {
  const runId = useApp((s) => s.run.id);
  const phase = useApp((s) => s.run.phase);
  const depth = useApp((s) => s.run.config?.widths.length ?? 0);
  const layers = useApp((s) => s.run.layers);
  const theory = useApp((s) => s.run.theory);
  const preview = useApp((s) => s.run.preview);
  // A run that ended before any layer (refused over the budget, or crashed twice): say why here.
  const failure = useApp((s) => (s.run.phase === 'error' && s.run.layers.length === 0 ? s.run.error : null));
  const activations = useApp((s) => s.view.showActivations);
  const gradients = useApp((s) => s.run.gradients);
  const config = useApp((s) => s.run.config);
  const blocks = useApp((s) => s.run.blocks);
  const blockGradients = useApp((s) => s.run.blockGradients);
  // The whole verdict once the run (backward pass included) is done: the CLI's, from the same function.
  const runVerdict = useMemo(
    () =>
      phase === 'done' && config && !preview && layers.length === config.widths.length
        ? judgeRun(config, layers, gradients, { blocks, blockGradients })
        : null,
    [phase, config, preview, layers, gradients, blocks, blockGradients],
  );
  const gradientsChecked = useApp((s) => s.view.showGradients);
  // Hidden while the layer-by-layer animation plays: the backward pass comes after every layer.
  const gradientsDrawn = useApp((s) => s.view.showGradients && s.run.gradients.length > 0 && s.revealUpTo === null);
  const revealUpTo = useApp((s) => s.revealUpTo);
  const axis = useApp((s) => s.view.signalAxis);
  const pins = useApp((s) => s.compare.pins);
  const residualFileOpen = useStore(openedStore, (s) => s.files.some((f) => f.blocks !== null));
  // The switch is offered, and "per block" applies, once a residual network (run, pin or file) is on the chart.
  const residualShown = isResidual(config) || pins.some(isResidual) || residualFileOpen;
  const unit: SignalUnit = residualShown ? axis : 'layer';
  // Built on either view: per layer, the banner still reads the stream's theory, as the headline does.
  const liveStream = config !== null && isResidual(config);
  // The stream's theory is known from the start, like the per-layer theory the run's first reply brings.
  const streamTheory = useMemo(
    () => (liveStream && config ? architectureTheory(config).blocks.map((b) => b.streamSecondMoment) : null),
    [liveStream, config],
  );
  const stream = useMemo<StreamView | null>(
    () =>
      streamTheory && config?.architecture
        ? { blocks, count: config.architecture.blocks, theory: streamTheory, gradients: blockGradients }
        : null,
    [streamTheory, config, blocks, blockGradients],
  );
  const pinned = usePinned(unit);
  const bands = useSeedBands(unit);
  // One callback per run, so the chart reports the drawn layers of each run (see SignalChart).
  const onDrawn = useCallback((layerCount: number) => notifyDrawn(runId, layerCount), [runId]);
  const quiz = useApp((s) => s.view.quiz);
  const settings = useApp((s) => s.config);
  // From the settings, not the run: the question is there before the run that answers it.
  const question = useMemo(() => (quiz ? quizQuestion(settings) : null), [quiz, settings]);
  const revealed = useQuiz((s) => s.revealed);
  const guess = useQuiz((s) => s.guess);
  const asking = question !== null && isQuestion(question);

  return (
    <>
      {question && <QuizCard question={question} measured={runVerdict?.size.measured ?? null} />}
      <SignalChart
        concealed={asking && !revealed}
        guess={asking ? guess : undefined}
        onGuess={asking ? drawGuess : null}
        phase={phase}
        depth={depth}
        layers={layers}
        theory={theory}
        preview={preview}
        failure={failure}
        showActivations={activations}
        gradientsChecked={gradientsChecked}
        gradientsDrawn={gradientsDrawn}
        gradients={gradients}
        runVerdict={runVerdict}
        revealUpTo={unit === 'block' && stream && config ? blocksRevealed(config, revealUpTo) : revealUpTo}
        pinned={pinned}
        bands={bands}
        onDrawn={onDrawn}
        onShowActivations={showActivations}
        onShowGradients={showGradients}
        unit={unit}
        stream={stream}
        onUnit={residualShown ? setUnit : null}
      />
    </>
  );
}
