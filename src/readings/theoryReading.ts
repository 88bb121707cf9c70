// The mean-field theory at the current settings, read out in plain words: which phase the network
// is in, one sentence on what that does to inputs and gradients, and the numbers behind it.
// ξ_c is an asymptotic e-folding depth near the fixed point, not a number of layers after which
// anything is done: the sentences say so, and what this network of finite depth actually does
// (how χ₁ changes on the way to q*, where the correlation between inputs goes) is read from the
// run (runEvidence.ts), each qualitative word chosen there by a stated rule.

import { formatFactor, formatValue } from './format';
import { phaseOfChi1, type Phase, type TheoryPoint } from '../core/theoryPoint';
import {
  chi1Path,
  correlationTrend,
  gradientVerb,
  lastCorrelation,
  nearlyIdentical,
  NEARLY_IDENTICAL,
  type RunEvidence,
} from './runEvidence';

export type ReadingPhase = Phase | 'runaway' | 'not-applicable';

export interface TheoryFact {
  /** Symbol as printed: "q*", "χ₁", "ξ_c" … */
  symbol: string;
  value: string;
  /** What it is, in words (shown next to the number and read to screen readers). */
  meaning: string;
}

export interface TheoryReading {
  phase: ReadingPhase;
  /** One or two words: "Ordered", "Critical", "Chaotic", "No fixed point", "Not applicable". */
  label: string;
  sentence: string;
  facts: TheoryFact[];
}

const LABELS: Record<ReadingPhase, string> = {
  ordered: 'Ordered',
  critical: 'Critical',
  chaotic: 'Chaotic',
  runaway: 'No fixed point',
  'not-applicable': 'Not applicable',
};

/**
 * A depth scale beyond a million layers is shown as such: exactly on the critical line it is
 * infinite, and the 10¹⁵ that −1/ln(1 − 10⁻¹⁶) gives there is rounding, not a depth.
 */
const DIVERGES = 1e6;

/** Three significant digits ("3.63", "4900", "0.194"). */
const num = (v: number): string => formatValue(v, 3);
/** A depth scale in a sentence: "3.6", "12", or "> 10⁶". */
const shortDepth = (v: number): string => (v >= DIVERGES ? '> 10⁶' : formatValue(v, 2));
/** A depth scale: "3.63", "∞", or "> 10⁶". */
const depth = (v: number | null): string =>
  v === null ? '—' : v === Infinity ? '∞' : v >= DIVERGES ? '> 10⁶' : num(v);

export function notApplicableReading(layer: number): TheoryReading {
  return {
    phase: 'not-applicable',
    label: LABELS['not-applicable'],
    sentence: `Mean-field theory does not apply: the weights of layer ${layer} share a non-zero mean, so all units move together instead of averaging out, and there is no fixed point to describe.`,
    facts: [],
  };
}

function runawayReading(point: TheoryPoint): TheoryReading {
  const chi1 = point.qIndependentChi1;
  const phase = chi1 !== null ? phaseOfChi1(chi1) : null;
  const facts: TheoryFact[] = [
    { symbol: 'q*', value: 'none', meaning: 'the pre-activation variance grows without bound' },
  ];
  if (chi1 === null || phase === null) {
    return {
      phase: 'runaway',
      label: LABELS.runaway,
      sentence:
        'No fixed point: the signal’s size grows without bound with depth, so there is no steady regime for the order/chaos theory to describe (χ₁ and the depth scales are undefined).',
      facts,
    };
  }
  const gradients = phase === 'critical' ? 'keep their size' : chi1 > 1 ? 'grow' : 'shrink';
  facts.push({
    symbol: 'χ₁',
    value: num(chi1),
    meaning: 'per-layer factor on gradients (the same at every size for this activation)',
  });
  // Not "chaotic" even when χ₁ > 1: without a fixed point, a homogeneous φ's correlation map does
  // not depend on σ_w² at all, so χ₁ speaks only for the gradients.
  return {
    phase: 'runaway',
    label: LABELS.runaway,
    sentence: `No fixed point: the signal’s size grows without bound with depth, but for this activation χ₁ = ${formatValue(chi1, 3)} does not depend on the size, so gradients ${gradients} (${formatFactor(chi1)} per layer).`,
    facts,
  };
}

/**
 * The reading of a solved point. `layers` is the network's depth, to say how many depth scales it
 * spans; `run`, when there is one, what this network's layers do (see runEvidence.ts).
 * A fixed point that repels (the orbit from q = 1 runs away from it) counts as no fixed point.
 */
export function readTheory(point: TheoryPoint, layers: number, run?: RunEvidence): TheoryReading {
  const s = point.scales;
  if (!s || !point.settles) return runawayReading(point);
  const phase = phaseOfChi1(s.chi1) ?? 'critical';
  // Without bias the signal may fade to q* = 0, where the correlation map is 0/0: a homogeneous φ's
  // map does not depend on q at all, and a smooth φ's tends to the linear c ↦ c as q → 0. Either
  // way correlations do not collapse at the rate −1/ln χ₁, so ξ_c is not shown.
  const fading = s.qStar === 0 && !s.everyQFixed && point.sigmaW2 > 0;
  const facts: TheoryFact[] = [
    {
      symbol: 'q*',
      value: s.everyQFixed ? 'every q' : num(s.qStar),
      meaning: 'fixed point of the pre-activation variance',
    },
    {
      symbol: 'χ₁',
      value: num(s.chi1),
      meaning: 'per-layer factor on gradients and on small differences between inputs, at the fixed point',
    },
    {
      symbol: 'ξ_q',
      value: depth(s.xiQ),
      meaning: 'depth over which the signal’s distance from q* shrinks by a factor e, near q*',
    },
    {
      symbol: 'ξ_c',
      value: fading ? '—' : depth(s.xiC),
      meaning: 'depth over which the correlation’s distance from its fixed point shrinks by a factor e, near it',
    },
  ];
  // c* of an odd φ without bias is 0 up to the root finder's tolerance.
  if (phase === 'chaotic' && s.cStar !== null)
    facts.push({
      symbol: 'c*',
      value: s.cStar < 1e-6 ? '0' : num(s.cStar),
      meaning: 'correlation two different inputs settle at',
    });
  if (!fading && s.xiC !== null && s.xiC > 0 && s.xiC < DIVERGES) {
    facts.push({
      symbol: 'L / ξ_c',
      value: num(layers / s.xiC),
      meaning: `this network’s ${layers} layers in units of ξ_c`,
    });
  }
  const sentence = fading
    ? fadingSentence(phase, s.chi1, point.qIndependentChi1 !== null, run)
    : sentenceFor(phase, s, point.sigmaW2, run);
  return { phase, label: LABELS[phase], sentence, facts };
}

/** " — it moves from 0.00 at layer 1 to 0.53 at layer 50 in this run" or "". */
function correlationAside(run: RunEvidence | undefined): string {
  const trend = correlationTrend(run);
  return trend ? ` — it ${trend.text}` : '';
}

function fadingSentence(phase: Phase, chi1: number, homogeneous: boolean, run: RunEvidence | undefined): string {
  const factor = formatFactor(chi1);
  if (homogeneous) {
    // q ↦ χ₁·q here (E[φ²] = E[φ′²]·q for ReLU, leaky ReLU and linear), so q shrinks like the gradients.
    return `${LABELS[phase]}: the signal shrinks ${factor} per layer towards 0 (q* = 0) and so do gradients; for this activation the correlation between two inputs does not depend on the signal’s size, so no correlation depth ξ_c applies${correlationAside(run)}.`;
  }
  // χ₁ at q* = 0 is only the limit of the per-layer χ₁, which a smooth φ may approach slowly (tanh at
  // σ_w² = 1: q ≈ 1/(2l)) or from either side (GELU from above): the gradients of this network
  // follow the product of the per-layer values.
  const path = run && chi1Path(run);
  const limit = `χ₁ tends to ${formatValue(chi1, 3)} there`;
  const trend = correlationTrend(run);
  const correlation = trend
    ? `the correlation between two inputs ${trend.text}`
    : 'the correlation between two inputs follows no depth scale';
  if (!path) {
    return `${LABELS[phase]}: the signal fades towards 0 (q* = 0); ${limit}, but not on the way, so the per-layer factor on gradients changes with depth and no correlation depth ξ_c applies.`;
  }
  const verb = gradientVerb(path.mean);
  const gradients =
    verb === 'keep their size'
      ? `keep their size (${formatFactor(path.mean)} per layer on average)`
      : `${verb} towards the input, ${formatFactor(path.mean)} per layer on average`;
  return `${LABELS[phase]}: the signal fades towards 0 (q* = 0); ${limit}, but here it is ${formatValue(path.first, 2)} at layer 1 and ${formatValue(path.last, 2)} at layer ${run.chi1.length}, so gradients ${gradients}; ${correlation}, and no correlation depth ξ_c applies.`;
}

/** The critical line's every-q case: no depth scale, yet correlations may creep polynomially. */
function everyQSentence(factor: string, run: RunEvidence | undefined): string {
  const head = `Critical: every q is a fixed point, so each layer keeps the signal’s size exactly, whatever it starts at; gradients keep theirs too (${factor} per layer). No depth scale ξ_c applies`;
  const trend = correlationTrend(run);
  if (!trend)
    return `${head}: the correlation between two inputs changes at most polynomially with depth, not geometrically.`;
  if (!trend.moved) return `${head}: the correlation between two inputs ${trend.text}.`;
  return `${head}, yet the correlation between two inputs still creeps towards 1, polynomially rather than geometrically: it ${trend.text}.`;
}

/** What the run shows of an ordered network's inputs collapsing, or "". */
function orderedEvidence(run: RunEvidence | undefined): string {
  const hit = nearlyIdentical(run);
  if (hit)
    return ` In this run inputs are nearly identical (correlation ${formatValue(hit.value, 3)} ≥ ${NEARLY_IDENTICAL}) by layer ${hit.layer}.`;
  const last = lastCorrelation(run);
  return last
    ? ` In this run the correlation between inputs is ${formatValue(last.value, 2)} at layer ${last.layer}.`
    : '';
}

function sentenceFor(
  phase: Phase,
  s: NonNullable<TheoryPoint['scales']>,
  sigmaW2: number,
  run: RunEvidence | undefined,
): string {
  const xiC = s.xiC ?? Infinity;
  const factor = formatFactor(s.chi1);
  if (s.everyQFixed) return everyQSentence(factor, run);
  if (sigmaW2 === 0) {
    return 'Ordered (frozen): with zero weights each layer passes on only its bias, so every input gives the same output from the first layer on.';
  }
  const efold = xiC < DIVERGES ? ` by a factor e every ξ_c = ${shortDepth(xiC)} layers near it` : ' very slowly';
  switch (phase) {
    case 'ordered':
      return `Ordered phase: the correlation between any two inputs is drawn to 1, their difference shrinking${efold}; gradients shrink ${factor} per layer.${orderedEvidence(run)}`;
    case 'critical': {
      const scale =
        xiC >= DIVERGES
          ? 'the correlation depth scale diverges'
          : `the correlation depth scale ξ_c = ${formatValue(xiC, 2)} layers is long (it diverges at χ₁ = 1)`;
      return `Critical: signals neither collapse nor scatter; ${scale}, so deep networks stay trainable; gradients ${factor} per layer.`;
    }
    case 'chaotic': {
      const c = s.cStar;
      const target =
        c === null
          ? 'drift apart'
          : c < 0.005
            ? 'decorrelate completely (c* = 0)'
            : `decorrelate to c* = ${formatValue(c, 2)}`;
      const when = xiC < DIVERGES ? `, approaching it by a factor e every ξ_c = ${shortDepth(xiC)} layers` : '';
      return `Chaotic phase: nearby inputs ${target}${when}; gradients grow ${factor} per layer.`;
    }
  }
}
