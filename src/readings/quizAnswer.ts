// Predict, then reveal (quiz=1): the question a view asks and its correct answer, both from the
// settings alone. The answer is the mean-field theory's verdict on the signal's size (Poole et al.
// 2016), judged exactly as the page's verdict judges it — per layer for a plain stack, on the
// residual stream per block (streamVerdict.ts) — so the quiz can never disagree with the theory the
// reveal draws. Nothing here is typed by hand: change the settings and the answer follows.

import { architectureTheory } from '../core/architecture/theory';
import { theoryFor } from '../core/networkSpec';
import type { SimConfig } from '../core/types';
import { formatFactor } from './format';
import { streamTheorySize } from './streamVerdict';
import {
  fitGrowthFactor,
  fitWindowFor,
  overallChange,
  theoryVerdict,
  trendKind,
  type Verdict,
  type VerdictKind,
} from './verdict';

export const QUIZ_CHOICES = ['vanish', 'stay', 'explode'] as const;
export type QuizChoice = (typeof QUIZ_CHOICES)[number];

export const CHOICE_LABELS: Record<QuizChoice, string> = {
  vanish: 'It vanishes (shrinks toward 0)',
  stay: 'It stays about the same size',
  explode: 'It explodes (grows without bound)',
};

/** Each verdict on the size, as one of the three answers; null for none (too shallow to judge). */
export function choiceOf(kind: VerdictKind): QuizChoice | null {
  switch (kind) {
    case 'vanishing':
    case 'underflow':
    case 'dead':
      return 'vanish';
    case 'stable':
      return 'stay';
    case 'exploding':
    case 'overflow':
      return 'explode';
    default:
      return null;
  }
}

export interface QuizQuestion {
  /** "What will the signal do over these 30 layers?" */
  prompt: string;
  answer: QuizChoice;
  /** The theory's verdict the answer comes from. */
  theory: Verdict;
  /** 'block' for a residual network, judged on its stream. */
  unit: 'layer' | 'block';
  count: number;
  /** The theory's whole way, first to last ("87× down"), when it has one. */
  overall: string | null;
}

/** Why a view cannot be a question: said in place of one, and the chart is shown. */
export interface NoQuestion {
  reason: string;
}

function countText(count: number, unit: 'layer' | 'block'): string {
  const noun = unit === 'block' ? 'residual block' : 'layer';
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** The question for these settings, or why there is none. Cheap: the theory only, no sampling. */
export function quizQuestion(config: SimConfig): QuizQuestion | NoQuestion {
  const theory = config.architecture ? architectureTheory(config) : { layers: theoryFor(config), blocks: [] };
  // A residual network: its verdict reads the stream, block by block; the branches' layers are not the signal.
  const residual = theory.blocks.length > 0;
  const values = residual
    ? theory.blocks.map((b) => b.streamSecondMoment)
    : theory.layers.map((t) => t.preactivationSecondMoment);
  const verdict = residual ? streamTheorySize(values) : theoryVerdict(theory.layers, fitWindowFor(config.widths));
  const unit = residual ? 'block' : 'layer';
  const count = values.length;
  if (!verdict)
    return {
      reason:
        'Mean-field theory has no prediction for these weights (their mean is not zero), so there is no question to ask.',
    };
  const answer = choiceOf(verdict.kind);
  if (!answer)
    return { reason: `Too shallow for a question: ${countText(count, unit)} give the theory too few points to judge.` };
  const change = overallChange(values);
  return {
    prompt: `What will the signal do over these ${countText(count, unit)}?`,
    answer,
    theory: verdict,
    unit,
    count,
    overall: change ? change.way : null,
  };
}

/**
 * What a drawn guess says, read as the verdict reads a curve: its per-layer factor fitted over the
 * whole line, in the same bands (×0.9 … ×1/0.9 is staying). Null for a line over fewer than 2 layers.
 */
export function guessChoice(
  guess: readonly { layer: number; value: number }[],
): { choice: QuizChoice; factor: number } | null {
  if (guess.length < 2) return null;
  const first = guess[0]!.layer;
  const values: (number | null)[] = Array.from({ length: guess.at(-1)!.layer - first + 1 }, () => null);
  for (const p of guess) values[p.layer - first] = p.value;
  const factor = fitGrowthFactor(values, 'all');
  if (factor === null) return null;
  return { choice: choiceOf(trendKind(factor))!, factor };
}

export function isQuestion(q: QuizQuestion | NoQuestion): q is QuizQuestion {
  return 'answer' in q;
}

const OUTCOME: Record<QuizChoice, string> = { vanish: 'vanishes', stay: 'keeps its size', explode: 'explodes' };
const GUESS: Record<QuizChoice, string> = { vanish: 'vanish', stay: 'keep its size', explode: 'explode' };

/**
 * The reveal in plain words: right or not, what the theory says and why, with its numbers, and the
 * measurement beside it when the run has finished (one network at finite width may stray from it).
 */
export function explainAnswer(
  q: QuizQuestion,
  guess: QuizChoice,
  measured: Verdict | null,
): { correct: boolean; text: string } {
  const correct = guess === q.answer;
  const head = correct
    ? `Right: the signal ${OUTCOME[q.answer]}.`
    : `Not quite: the signal ${OUTCOME[q.answer]}; you said it would ${GUESS[guess]}.`;
  const per =
    q.theory.factor !== null
      ? `each ${q.unit} multiplies its second moment by about ${formatFactor(q.theory.factor)}`
      : null;
  const whole = q.overall ? `${q.overall} over the ${countText(q.count, q.unit)}` : null;
  const why = [per, whole].filter((s) => s !== null).join(', ');
  const theory = `Mean-field theory: ${q.theory.text}${why ? ` — ${why}` : ''}.`;
  let measurement = '';
  if (measured) {
    const agrees = choiceOf(measured.kind) === q.answer;
    measurement = agrees
      ? ` The measured run agrees: ${measured.text}.`
      : ` The measured run differs: ${measured.text}. One network at finite width strays from the mean-field average; the question follows the theory.`;
  }
  return { correct, text: `${head} ${theory}${measurement}` };
}
