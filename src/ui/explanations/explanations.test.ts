import { describe, expect, it } from 'vitest';
import { judgeSignal } from '../../readings/verdict';
import { INITIALIZERS } from '../../core/initializers';
import { initializerOrigin } from './initializerOrigins';
import { explainVerdict, VERDICT_EXPLANATIONS } from '../../readings/verdictExplanations';

/** Sentences end in . ! or ? followed by a space or the end; "3.4 × 10³⁸" has no space after its dot. */
function sentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+/).filter((s) => s.trim() !== '');
}

const geometric = (g: number, n = 20) => Array.from({ length: n }, (_, i) => g ** i);

describe('verdict explanations', () => {
  it('cover every verdict the judge can give, in exactly two sentences', () => {
    const produced = [
      judgeSignal(geometric(0.5)),
      judgeSignal(geometric(2)),
      judgeSignal(geometric(1)),
      judgeSignal([1, 1e20, Infinity, Infinity]),
      judgeSignal([1, 1e-30, 0, 0]),
      judgeSignal([0, 0, 0]),
      judgeSignal([1, 1]),
    ].map((v) => v.kind);
    expect(new Set(produced)).toEqual(new Set(Object.keys(VERDICT_EXPLANATIONS)));
    for (const kind of produced) expect(sentences(explainVerdict(kind))).toHaveLength(2);
  });

  it('say which way the signal goes', () => {
    expect(explainVerdict('vanishing')).toMatch(/less than one/);
    expect(explainVerdict('exploding')).toMatch(/more than one/);
    expect(explainVerdict('overflow')).toMatch(/infinite/);
    expect(explainVerdict('underflow')).toMatch(/exactly zero/);
  });
});

describe('initializer origins', () => {
  it('exist for every initializer and add to its note rather than repeat it', () => {
    for (const spec of INITIALIZERS) {
      const origin = initializerOrigin(spec.id);
      expect(origin, spec.id).toBeDefined();
      if (!origin) continue;
      expect(origin.assumes.length, spec.id).toBeGreaterThan(60);
      expect(origin.sources.length, spec.id).toBeGreaterThan(0);
      expect(origin.assumes).not.toContain(spec.note);
    }
  });

  it('cite the papers the rules come from, as text without links', () => {
    const cited = (id: string) => initializerOrigin(id)?.sources.join(' ') ?? '';
    expect(cited('glorot_uniform')).toContain('Glorot & Bengio (2010)');
    expect(cited('he_normal')).toContain('He, Zhang, Ren & Sun (2015)');
    expect(cited('lecun_normal')).toMatch(/LeCun.*1998.*Klambauer.*2017/);
    expect(cited('orthogonal')).toContain('Saxe');
    expect(initializerOrigin('torch_linear_default')?.assumes).toContain('a = √5');
    expect(initializerOrigin('tfjs_he_normal')?.assumes).toContain('0.774');
    expect(initializerOrigin('tf1_variance_scaling')?.assumes).toContain('1.3');
    for (const spec of INITIALIZERS) expect(JSON.stringify(initializerOrigin(spec.id))).not.toMatch(/https?:|www\./);
  });
});
