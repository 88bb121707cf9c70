// The verdict on a whole run, in three parts — the signal's size, input information, gradients —
// and a headline that combines them honestly: "stable" only when the size is stable, the inputs are
// preserved and the gradients (when the backward pass ran) are stable; otherwise the first problem a
// person should fix, in that order: a forward signal that leaves range or vanishes/explodes, then
// inputs that collapse or decorrelate, then gradients. Each part is judged on the measurement, with
// the mean-field theory beside it. The page and the CLI both call judgeRun, so they agree.

import { getActivation } from '../core/activations';
import type { BlockResults, RunRecord } from '../core/records';
import type { GradientStats, LayerStats } from '../core/types';
import { formatFactor, formatValue } from './format';
import { gradientVerdict } from './gradientVerdict';
import {
  judgeInputs,
  measuredInputsLayers,
  theoryInputsLayers,
  type InputsKind,
  type InputsVerdict,
} from './inputsVerdict';
import {
  fitNoise,
  fitWindowFor,
  trendKind,
  judgeSignal,
  measuredVerdict,
  overallChange,
  theoryVerdict,
  type FitWindow,
  type Verdict,
  type VerdictKind,
} from './verdict';
import { streamGradient, streamSize } from './streamVerdict';
import { namingBlocks } from './blockNames';

/** The CLI's and the page's vocabulary (data-verdict-gradient). 'dead' is reported as vanishing: every gradient is 0. */
export type GradientKind = Exclude<VerdictKind, 'dead'>;
export type HeadlineKind = VerdictKind | InputsKind;
export type HeadlineSource = 'size' | 'inputs' | 'gradient' | 'all';

export interface GradientPart {
  measured: Verdict;
  kind: GradientKind;
  theory: Verdict | null;
  /** Mean-field χ₁ = σ_w²·E[φ′(√q z)²], geometric mean over the fit window. */
  chi1: number | null;
}

export interface RunVerdict {
  size: { measured: Verdict; theory: Verdict | null };
  inputs: { measured: InputsVerdict; theory: InputsVerdict | null };
  /** null when the backward pass did not run (or has not finished). */
  gradient: GradientPart | null;
  headline: HeadlineKind;
  /** Which part the headline comes from ('all': everything is fine). */
  source: HeadlineSource;
  /** e.g. "ordered: the bias has taken over by layer 5 — every input gives … ; gradients vanish ×0.16 per layer toward the input" */
  text: string;
  /** One sentence per part on which measurement and theory disagree. */
  disagreements: string[];
  /** φ′(0) of the activation: what an underflow does to the gradients (verdictExplanations.ts). */
  slopeAtZero: number;
}

/** The run as the verdict needs it: the activation (for κ) and the layers' widths (for the fit window). */
export interface RunInput {
  activation: string;
  activationParams: Record<string, number | string | boolean>;
  widths: readonly number[];
  /** Residual blocks or normalization: the plain stack's correlation map (κ) does not describe them. */
  architecture?: unknown;
}

export function gradientKindOf(v: Verdict): GradientKind {
  return v.kind === 'dead' ? 'vanishing' : v.kind;
}

function tailGeometricMean(values: readonly (number | null)[], window: FitWindow): number | null {
  const from = window === 'tail' ? Math.floor(values.length / 2) : 0;
  let sum = 0;
  let n = 0;
  for (const v of values.slice(from)) {
    if (v === null || !Number.isFinite(v) || v <= 0) continue;
    sum += Math.log(v);
    n++;
  }
  return n > 0 ? Math.exp(sum / n) : null;
}

const TRENDS: readonly VerdictKind[] = ['vanishing', 'stable', 'exploding'];

/**
 * A measured trend that cannot tell which side of a band edge it is on. The mean-field factor g
 * predicts the mean E[v]; one network's ln v is a random walk whose steps have variance s², so its
 * expected slope is ln g − s²/2 (fitNoise). When the measured slope lies within two standard errors
 * of that (a 95 % band) and the two fall on different sides of an edge — e.g. fan_avg through a
 * funnel, ×1.115 per layer by theory and ×1.10 ± 0.02 measured, against the edge at ×1.11 — the
 * measurement does not decide, and the expected factor's side is taken, which the text says. A
 * measurement that rules the theory out keeps its own verdict, and so does one that agrees with the
 * drift-corrected theory (width 16: ×0.73 measured, ×0.86 expected, both vanishing).
 */
function reconcile(
  measured: Verdict,
  theory: Verdict | null,
  values: readonly (number | null)[],
  theoryValues: readonly (number | null)[],
  window: FitWindow,
): Verdict {
  if (!theory || !TRENDS.includes(measured.kind) || !TRENDS.includes(theory.kind)) return measured;
  const noise = fitNoise(values, window, theoryValues);
  if (measured.factor === null || theory.factor === null || noise === null) return measured;
  const expected = Math.exp(Math.log(theory.factor) - noise.stepVariance / 2);
  const kind = trendKind(expected);
  if (kind === measured.kind || Math.abs(Math.log(measured.factor / expected)) > 2 * noise.lnError) return measured;
  return {
    ...measured,
    kind,
    text: `${kind}: ${formatFactor(measured.factor)} per layer, within its error (±${formatValue(200 * noise.lnError, 2)} %) of the theory's ${formatFactor(expected)}`,
  };
}

function gradientPart(
  layers: readonly LayerStats[],
  gradients: readonly (GradientStats | undefined)[],
  window: FitWindow,
): GradientPart | null {
  const raw = gradientVerdict(
    Array.from(gradients, (g) => (g ? { value: g.secondMoment, status: g.status } : undefined)),
    window,
  );
  if (!raw) return null;
  // From the top layer down, as gradientVerdict judges them.
  const down = [...gradients].reverse();
  const theorySeries = down.map((g) => g?.theorySecondMoment ?? null);
  // A theory gradient of 0 under zero weights is a dead network, not an underflow.
  const zeroWeights = layers.some((l) => l.theory.sigmaW2 === 0);
  const theoryStatuses = theorySeries.map((v) => (v === 0 && zeroWeights ? 'dead' : v === null ? 'ok' : 'ok'));
  const theory = theorySeries.some((v) => v !== null)
    ? judgeSignal(theorySeries, zeroWeights ? theoryStatuses : undefined, window)
    : null;
  const measured = reconcile(
    raw,
    theory,
    down.map((g) => (g && g.status === 'ok' ? g.secondMoment : null)),
    theorySeries,
    window,
  );
  const chi1 = tailGeometricMean(
    layers.map((l) => l.theory.chi1),
    window,
  );
  return { measured, kind: gradientKindOf(measured), theory, chi1 };
}

/** "gradients vanish ×0.16 per layer toward the input" */
export function gradientPhrase(g: GradientPart): string {
  const per = g.measured.factor !== null ? ` ${formatFactor(g.measured.factor)} per layer` : '';
  switch (g.measured.kind) {
    case 'vanishing':
      return `gradients vanish${per} toward the input`;
    case 'exploding':
      return `gradients explode${per} toward the input`;
    case 'stable':
      return `gradients stable${per}`;
    case 'dead':
      return g.measured.text;
    default:
      return `gradients: ${g.measured.text}`;
  }
}

/**
 * A stable per-layer factor can hide a slow fall: tanh at the edge of chaos without bias has
 * q ≈ 1/(2l), ×0.98 per layer at layer 50 but 87× down from layer 1. The kind stays (the fit is what
 * a deeper network keeps doing) and the text adds the whole way when it spans a factor of 10 or more.
 */
function withOverallChange(v: Verdict, values: readonly (number | null)[]): Verdict {
  if (v.kind !== 'stable') return v;
  const change = overallChange(values);
  if (!change || (change.ratio > 0.1 && change.ratio < 10)) return v;
  return { ...v, text: `${v.text}, but ${change.way} over ${values.length} layers` };
}

const sizeSentence = (v: Verdict): string => v.text;

function headlineOf(
  size: Verdict,
  inputs: InputsVerdict,
  gradient: GradientPart | null,
): { headline: HeadlineKind; source: HeadlineSource } {
  if (size.kind !== 'stable') return { headline: size.kind, source: 'size' };
  if (inputs.kind === 'ordered' || inputs.kind === 'chaotic') return { headline: inputs.kind, source: 'inputs' };
  if (gradient && gradient.kind !== 'stable' && gradient.kind !== 'too-shallow')
    return { headline: gradient.kind, source: 'gradient' };
  return { headline: 'stable', source: 'all' };
}

function headlineText(
  source: HeadlineSource,
  size: Verdict,
  inputs: InputsVerdict,
  gradient: GradientPart | null,
): string {
  const grad = gradient && gradient.kind !== 'too-shallow' ? gradientPhrase(gradient) : null;
  const withGradient = (text: string) => (grad && gradient!.kind !== 'stable' ? `${text}; ${grad}` : text);
  switch (source) {
    case 'size':
      return withGradient(sizeSentence(size));
    case 'inputs': {
      if (inputs.kind === 'ordered') {
        const bias = inputs.biasFrom !== null ? `the bias has taken over by layer ${inputs.biasFrom}` : null;
        const same =
          inputs.sameFrom !== null ? `every input gives nearly the same output from layer ${inputs.sameFrom}` : null;
        const story = [bias, same].filter((s) => s !== null).join(' — ');
        return withGradient(story ? `ordered: ${story}` : inputs.text);
      }
      return withGradient(inputs.text);
    }
    case 'gradient': {
      const per = gradient!.measured.factor !== null ? ` ${formatFactor(gradient!.measured.factor)} per layer` : '';
      const what =
        gradient!.measured.kind === 'dead'
          ? gradient!.measured.text
          : `${gradient!.kind} gradients:${per} toward the input`;
      return `${what} — the forward signal is ${size.text}`;
    }
    default: {
      const parts = [sizeSentence(size), 'inputs stay distinct'];
      if (grad) parts.push(grad);
      return parts.join('; ');
    }
  }
}

const PART_NAMES = { size: 'the size', inputs: 'input information', gradient: 'the gradients' } as const;

function disagreement(
  part: keyof typeof PART_NAMES,
  measured: { kind: string; text: string },
  theory: { kind: string; text: string } | null,
  theoryName: string,
): string | null {
  if (!theory || theory.kind === measured.kind) return null;
  return `Measurement and ${theoryName} disagree on ${PART_NAMES[part]}: measured ${measured.text}, theory ${theory.text}.`;
}

/** Why a single network may stray from the mean field, when the settings make it likely. */
function disagreementReason(widths: readonly number[]): string | null {
  const narrowest = Math.min(...widths);
  const reasons: string[] = [];
  // ln q of one network wanders by about √(5/N) per ReLU layer (see verdict.ts), a factor e at N = 16 within 3 layers.
  if (narrowest < 64) reasons.push(`at width ${narrowest} one network strays far from the mean-field average`);
  if (widths.length < 10) reasons.push(`${widths.length} layers give few points to fit`);
  return reasons.length > 0
    ? `Likely why: ${reasons.join(', and ')}. The verdict follows the measurement.`
    : 'The verdict follows the measurement.';
}

/**
 * The run's verdict. `gradients` is indexed by layer − 1 (the backward pass's order); pass an
 * empty array when the backward pass did not run.
 */
export function judgeRun(
  run: RunInput,
  layers: readonly LayerStats[],
  gradients: readonly (GradientStats | undefined)[] = [],
  blocks?: BlockResults,
): RunVerdict {
  const act = getActivation(run.activation);
  if (!act) throw new Error(`unknown activation ${run.activation}`);
  const window = fitWindowFor(run.widths);
  const sizeTheory = theoryVerdict(
    layers.map((l) => l.theory),
    window,
  );
  const sizeValues = layers.map((l) => (l.status === 'ok' ? l.preactivation.secondMoment : null));
  const sizeTheoryValues = layers.map((l) => l.theory.preactivationSecondMoment);
  const size = {
    measured: withOverallChange(
      reconcile(measuredVerdict(layers, window), sizeTheory, sizeValues, sizeTheoryValues, window),
      sizeValues,
    ),
    theory: sizeTheory && withOverallChange(sizeTheory, sizeTheoryValues),
  };
  const hasTheory = layers.some((l) => l.theory.preactivationSecondMoment !== null);
  // With skips or norms only the measured correlation is judged (it cannot show chaos, see inputsVerdict.ts).
  const plain = run.architecture === undefined;
  const measuredInputs = measuredInputsLayers(layers).map((l) => (plain ? l : { ...l, sigmaW2: null }));
  const judgedInputs = judgeInputs(act, run.activationParams, measuredInputs, window);
  // A residual network's chart counts blocks: its inputs sentence names the block, not the layer.
  const residual = layers.some((l) => l.block !== undefined);
  const inputs = {
    measured: residual ? { ...judgedInputs, text: namingBlocks(judgedInputs.text, layers) } : judgedInputs,
    theory: hasTheory && plain ? judgeInputs(act, run.activationParams, theoryInputsLayers(layers), window) : null,
  };
  let gradient = gradients.length > 0 ? gradientPart(layers, gradients, window) : null;
  // A residual network is judged on its stream, block by block (streamVerdict.ts says why).
  const stream = blocks && streamSize(blocks);
  if (stream) {
    const sized = withOverallChange(
      stream.measured,
      blocks.blocks.map((b) => b.stream.secondMoment),
    );
    size.measured = { ...sized, text: sized.text.replace(/ layers$/, ' blocks') };
    size.theory = stream.theory;
    const g = streamGradient(blocks);
    if (g) gradient = { measured: g.measured, kind: gradientKindOf(g.measured), theory: g.theory, chi1: null };
  }
  const { headline, source } = headlineOf(size.measured, inputs.measured, gradient);
  // A residual network's size and gradients are set beside the stream recursion (docs/residual.md).
  const theoryName = stream ? 'the stream recursion' : 'mean-field theory';
  const disagreements = [
    disagreement('size', size.measured, size.theory, theoryName),
    disagreement('inputs', inputs.measured, inputs.theory, theoryName),
    gradient
      ? disagreement(
          'gradient',
          { kind: gradient.kind, text: gradient.measured.text },
          gradient.theory && { kind: gradientKindOf(gradient.theory), text: gradient.theory.text },
          theoryName,
        )
      : null,
  ].filter((s): s is string => s !== null);
  if (disagreements.length > 0) disagreements.push(disagreementReason(run.widths)!);
  const slopeAtZero = act.make(run.activationParams).df(0);
  return {
    size,
    inputs,
    gradient,
    headline,
    source,
    text: stream
      ? namingBlocks(headlineText(source, size.measured, inputs.measured, gradient), layers).replace(
          /per layer/g,
          'per block',
        )
      : headlineText(source, size.measured, inputs.measured, gradient),
    disagreements,
    slopeAtZero,
  };
}

/** The fixed vocabulary of the CLI's JSON and the page's data-verdict* attributes. */
export interface VerdictRecord {
  size: VerdictKind;
  inputs: InputsKind;
  gradient?: GradientKind;
  headline: HeadlineKind;
}

export function verdictRecord(v: RunVerdict): VerdictRecord {
  return {
    size: v.size.measured.kind,
    inputs: v.inputs.measured.kind,
    ...(v.gradient ? { gradient: v.gradient.kind } : {}),
    headline: v.headline,
  };
}

/** The verdict's sentences, part by part, for the CLI's JSON (`verdictText`) and table. */
export interface VerdictTextRecord {
  size: string;
  inputs: string;
  gradient?: string;
  headline: string;
  disagreements?: string[];
}

export function verdictTextRecord(v: RunVerdict): VerdictTextRecord {
  return {
    size: v.size.measured.text,
    inputs: v.inputs.measured.text,
    ...(v.gradient ? { gradient: v.gradient.measured.text } : {}),
    headline: v.text,
    ...(v.disagreements.length > 0 ? { disagreements: v.disagreements } : {}),
  };
}

/** A run's export record with the verdict after its config: what the CLI prints and the page downloads. */
export function withVerdict(
  record: RunRecord,
  v: RunVerdict,
): RunRecord & { verdict: VerdictRecord; verdictText: VerdictTextRecord } {
  const { config, layers, ...rest } = record;
  return { config, verdict: verdictRecord(v), verdictText: verdictTextRecord(v), ...rest, layers };
}
