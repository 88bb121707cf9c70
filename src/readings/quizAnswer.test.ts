// The quiz's answer is the theory's verdict on the size, read off the settings: checked against the
// verdict the page itself computes from the run's theory (judgeRun's size part) on presets that
// cover every kind, residual streams included, and on the edges where there is no question.

import { describe, expect, it } from 'vitest';
import { simulateArchitecture } from '../core/architecture/run';
import { simulateWithGradients } from '../core/backward';
import { normalizeConfig } from '../core/config';
import type { SimConfig } from '../core/types';
import { PRESETS } from '../state/presets';
import { presetConfig } from '../state/presets/presetRun';
import { choiceOf, explainAnswer, guessChoice, isQuestion, quizQuestion, type QuizChoice } from './quizAnswer';
import { judgeRun } from './runVerdict';
import type { VerdictKind } from './verdict';

function preset(id: string): SimConfig {
  const p = PRESETS.find((x) => x.id === id);
  if (!p) throw new Error(`no preset ${id}`);
  return presetConfig(p);
}

function question(config: SimConfig) {
  const q = quizQuestion(config);
  if (!isQuestion(q)) throw new Error(`no question: ${q.reason}`);
  return q;
}

/** The size verdict's theory part as the page shows it after the run (the run's own theory). */
function pageTheoryKind(config: SimConfig): VerdictKind | undefined {
  if (config.architecture) {
    const r = simulateArchitecture(config, { backward: false });
    return judgeRun(config, r.layers, [], r.blocks ? { blocks: r.blocks, blockGradients: [] } : undefined).size.theory
      ?.kind;
  }
  const r = simulateWithGradients(config);
  return judgeRun(config, r.layers).size.theory?.kind;
}

describe('choiceOf', () => {
  it('maps every verdict on the size to one of the three answers, or to none', () => {
    const cases: [VerdictKind, QuizChoice | null][] = [
      ['vanishing', 'vanish'],
      ['underflow', 'vanish'],
      ['dead', 'vanish'],
      ['stable', 'stay'],
      ['exploding', 'explode'],
      ['overflow', 'explode'],
      ['too-shallow', null],
    ];
    for (const [kind, choice] of cases) expect(choiceOf(kind), kind).toBe(choice);
  });
});

describe('quizQuestion', () => {
  // One preset per answer and per way of reaching it: a trend, a value leaving float range, a dead
  // network, and residual streams whose verdict is per block (exploding under He, bounded under 1/√K).
  const cases: [string, QuizChoice, 'layer' | 'block'][] = [
    ['xavier-relu', 'vanish', 'layer'],
    ['he-relu', 'stay', 'layer'],
    ['normal-exploding', 'explode', 'layer'],
    ['zeros', 'vanish', 'layer'],
    ['xavier-tanh', 'stay', 'layer'],
    ['funnel-fan-out', 'explode', 'layer'],
    ['plain-batchnorm', 'stay', 'layer'],
    ['resnet-he', 'explode', 'block'],
    ['resnet-sqrt-k', 'stay', 'block'],
    ['rezero', 'stay', 'block'],
    ['fixup', 'stay', 'block'],
  ];
  for (const [id, answer, unit] of cases) {
    it(`${id}: ${answer}, per ${unit}, as the page's theory verdict says`, () => {
      const config = preset(id);
      const q = question(config);
      expect(q.answer).toBe(answer);
      expect(q.unit).toBe(unit);
      expect(choiceOf(pageTheoryKind(config)!)).toBe(answer);
      expect(q.prompt).toMatch(new RegExp(`over these ${q.count} (layers|residual blocks)\\?$`));
    });
  }

  it('follows the settings: the same net turns from stay to vanish to explode with σ_w', () => {
    const at = (scale: number) =>
      question(
        normalizeConfig({
          init: 'random_normal',
          initParams: { std: scale },
          activation: 'linear',
          depth: 20,
          width: 64,
          inputDim: 64,
        }).config,
      );
    expect(at(1 / 8).answer).toBe('stay');
    expect(at(0.1).answer).toBe('vanish');
    expect(at(0.2).answer).toBe('explode');
  });

  it('asks nothing of a net too shallow to judge, nor of weights whose mean is not zero', () => {
    const shallow = quizQuestion(normalizeConfig({ depth: 2 }).config);
    expect(isQuestion(shallow)).toBe(false);
    expect('reason' in shallow && shallow.reason).toMatch(/Too shallow.*2 layers/);
    const ones = quizQuestion(normalizeConfig({ init: 'ones', depth: 10 }).config);
    expect(isQuestion(ones)).toBe(false);
    expect('reason' in ones && ones.reason).toMatch(/no prediction/);
    expect(isQuestion(quizQuestion(normalizeConfig({ depth: 3 }).config))).toBe(true);
  });
});

describe('explainAnswer', () => {
  it('says right or not with the theory numbers, and when the measured run strays from the theory', () => {
    const q = question(preset('xavier-relu'));
    const right = explainAnswer(q, 'vanish', null);
    expect(right.correct).toBe(true);
    expect(right.text).toMatch(
      /^Right: the signal vanishes\. Mean-field theory: vanishing: ×0\.50 per layer — each layer multiplies/,
    );
    const wrong = explainAnswer(q, 'stay', { kind: 'stable', factor: 1, text: 'stable: ×1.0 per layer' });
    expect(wrong.correct).toBe(false);
    expect(wrong.text).toMatch(/^Not quite: the signal vanishes; you said it would keep its size\./);
    expect(wrong.text).toMatch(/measured run differs: stable/);
  });
});

describe('guessChoice', () => {
  const line = (from: number, factor: number, n: number) =>
    Array.from({ length: n }, (_, i) => ({ layer: from + i, value: factor ** i }));
  it('reads a drawn line in the verdict bands, over the layers it spans', () => {
    const vanish = guessChoice(line(1, 0.5, 30));
    expect(vanish?.choice).toBe('vanish');
    expect(vanish?.factor).toBeCloseTo(0.5, 12);
    expect(guessChoice(line(1, 1.05, 30))?.choice).toBe('stay');
    const explode = guessChoice(line(5, 2, 10));
    expect(explode?.choice).toBe('explode');
    expect(explode?.factor).toBeCloseTo(2, 12);
    // A line with gaps (a fast stroke) is fitted on the layers it has.
    expect(guessChoice(line(1, 0.8, 30).filter((p) => p.layer % 3 === 0))?.factor).toBeCloseTo(0.8, 12);
  });
  it('reads nothing from a dot', () => {
    expect(guessChoice([{ layer: 4, value: 1 }])).toBeNull();
    expect(guessChoice([])).toBeNull();
  });
});
