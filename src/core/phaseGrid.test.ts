import { describe, expect, it } from 'vitest';
import { getActivation, type ActivationSpec } from './activations';
import { createFixedPointSolver } from './fixedPointTable';
import { buildPhaseGrid, phaseGridSteps, PHASE_AXES, type PhaseGrid } from './phaseGrid';
import { criticalSigmaW2, fixedPoint } from './theory';

const act = (id: string): ActivationSpec => getActivation(id)!;
const grids = new Map<string, PhaseGrid>();
const gridOf = (id: string): PhaseGrid => {
  if (!grids.has(id)) grids.set(id, buildPhaseGrid(act(id), {}));
  return grids.get(id)!;
};
const cell = (g: PhaseGrid, sigmaW2: number, sigmaB2: number) => {
  const i = g.sigmaW2.findIndex((w) => Math.abs(w - sigmaW2) < 1e-12);
  const j = g.sigmaB2.findIndex((b) => Math.abs(b - sigmaB2) < 1e-12);
  expect(i).toBeGreaterThanOrEqual(0);
  expect(j).toBeGreaterThanOrEqual(0);
  const at = j * g.sigmaW2.length + i;
  return { chi1: g.chi1[at]!, qStar: g.qStar[at]!, settles: g.settles[at] === 1 };
};
const lineAt = (g: PhaseGrid, sigmaB2: number): number | null | undefined =>
  g.critical.find((c) => c.sigmaB2 === sigmaB2)?.sigmaW2;

describe('the tabulated fixed-point solver', () => {
  // Every activation, on a spread of cells: the same fixed point as fixedPoint(), the reference.
  const ids = [
    'tanh',
    'relu',
    'leaky_relu',
    'selu',
    'elu',
    'gelu',
    'silu',
    'softplus',
    'sigmoid',
    'hard_tanh',
    'sin',
    'linear',
  ];
  it.each(ids)('agrees with fixedPoint for %s', (id) => {
    const solve = createFixedPointSolver(act(id), {});
    for (const sigmaW2 of [0.3, 1, 1.7, 2, 2.9, 4]) {
      for (const sigmaB2 of [0, 0.05, 0.45, 1]) {
        const fast = solve(sigmaW2, sigmaB2);
        const reference = fixedPoint(act(id), {}, sigmaW2, sigmaB2);
        // Where q runs away the table may see a repelling fixed point the octave scan misses.
        const where = `${id} at (${sigmaW2}, ${sigmaB2})`;
        expect(fast !== null && fast.stable, where).toBe(reference !== null && reference.stable);
        if (!fast || !reference || !reference.stable) continue;
        expect(fast.qStar).toBeCloseTo(reference.qStar, 9);
        expect(Math.abs(fast.chi1 - reference.chi1)).toBeLessThanOrEqual(1e-9 * Math.max(1, reference.chi1));
      }
    }
  });
});

describe('the tanh phase diagram', () => {
  it('has its critical line through the reference values (vector 12)', () => {
    const g = gridOf('tanh');
    expect(lineAt(g, 0)).toBeCloseTo(1, 5);
    for (const [sigmaB2, sigmaW2] of [
      [0.01, 1.424205],
      [0.05, 1.760955],
      [0.1, 1.986073],
      [1.0, 3.443211],
    ] as const) {
      const w = lineAt(g, sigmaB2);
      expect(w, `σ_b² = ${sigmaB2}`).not.toBeNull();
      expect(Math.abs(w! - sigmaW2)).toBeLessThan(1e-5 * sigmaW2);
    }
  });

  it('matches criticalSigmaW2 at every row', () => {
    const g = gridOf('tanh');
    for (const b of [0.25, 0.5, 0.75]) expect(lineAt(g, b)).toBeCloseTo(criticalSigmaW2(act('tanh'), {}, b)!, 8);
  });

  it('colours cells by χ₁ at the fixed point (docs/theory.md §3, σ_b² = 0.05)', () => {
    const g = gridOf('tanh');
    for (const [sigmaW2, chi1, qStar] of [
      [1, 0.759, 0.19359],
      [2, 1.0477, 0.72176],
      [3, 1.2089, 1.42801],
      [4, 1.3424, 2.19549],
    ] as const) {
      const c = cell(g, sigmaW2, 0.05);
      expect(c.settles).toBe(true);
      expect(c.chi1).toBeCloseTo(chi1, 3);
      expect(c.qStar).toBeCloseTo(qStar, 4);
    }
  });

  it('is ordered left of the line and chaotic right of it, in every row', () => {
    const g = gridOf('tanh');
    g.sigmaB2.forEach((b, j) => {
      const line = lineAt(g, b)!;
      g.sigmaW2.forEach((w, i) => {
        const chi1 = g.chi1[j * g.sigmaW2.length + i]!;
        if (w < line - 1e-9) expect(chi1, `(${w}, ${b})`).toBeLessThan(1);
        if (w > line + 1e-9) expect(chi1, `(${w}, ${b})`).toBeGreaterThan(1);
      });
    });
    expect(g.settles.every((s) => s === 1)).toBe(true);
  });

  it('samples the line more densely where it is steep, near σ_b² = 0', () => {
    const bs = gridOf('tanh').critical.map((c) => c.sigmaB2);
    expect(bs).toEqual([...bs].sort((a, b) => a - b));
    expect(bs.filter((b) => b > 0 && b < PHASE_AXES.sigmaB2[1]!).length).toBeGreaterThanOrEqual(4);
  });
});

describe('other activations', () => {
  it('ReLU: the line is σ_w² = 2 at every σ_b²; beyond it q runs away, with χ₁ = σ_w²/2 still known', () => {
    const g = gridOf('relu');
    expect(g.critical.every((c) => c.sigmaW2 === 2)).toBe(true);
    // Below the line the bias sets the level: q* = σ_b²/(1 − σ_w²/2) (docs/theory.md §3, the torch-default floor).
    const below = cell(g, 1, 0.5);
    expect(below.settles).toBe(true);
    expect(below.qStar).toBeCloseTo(0.5 / (1 - 1 / 2), 10);
    expect(below.chi1).toBeCloseTo(0.5, 12);
    const beyond = cell(g, 3, 0.5);
    expect(beyond.settles).toBe(false);
    expect(beyond.qStar).toBeNaN();
    expect(beyond.chi1).toBeCloseTo(1.5, 12);
    // He without bias: every q is a fixed point.
    expect(cell(g, 2, 0).settles).toBe(true);
  });

  it('sigmoid: every cell is ordered and the line lies far to the right', () => {
    const g = gridOf('sigmoid');
    expect(g.critical.every((c) => c.sigmaW2 === null)).toBe(true);
    expect(g.chi1.every((c) => c < 1)).toBe(true);
    expect(g.criticalBeyond).toBeCloseTo(criticalSigmaW2(act('sigmoid'), {}, 0)!, 8);
    expect(g.criticalBeyond!).toBeGreaterThan(100);
  });

  it('GELU: no line at small σ_b², where q runs away before χ₁ reaches 1', () => {
    const g = gridOf('gelu');
    expect(lineAt(g, 0)).toBeNull();
    expect(lineAt(g, 0.05)).toBeNull();
    expect(g.criticalBeyond).toBeNull();
    expect(cell(g, 4, 0).settles).toBe(false);
    expect(cell(g, 4, 0).chi1).toBeNaN();
    // A thin chaotic sliver before q runs away at larger σ_b²: χ₁ = 1 there is a real crossing.
    const w = lineAt(g, 0.5)!;
    expect(w).toBeGreaterThan(1.9);
    expect(fixedPoint(act('gelu'), {}, w, 0.5)!.chi1).toBeCloseTo(1, 6);
  });

  it('SELU: LeCun (σ_w² = 1, no bias) is mildly chaotic, χ₁ = 1.071575 (docs/theory.md §3)', () => {
    const c = cell(gridOf('selu'), 1, 0);
    expect(c.qStar).toBeCloseTo(1, 9);
    expect(c.chi1).toBeCloseTo(1.071575, 6);
  });
});

describe('phaseGridSteps', () => {
  it('reports progress row by row up to the total, then returns the grid', () => {
    const steps = phaseGridSteps(act('linear'), {});
    const seen: number[] = [];
    let next = steps.next();
    while (!next.done) {
      seen.push(next.value.done / next.value.total);
      next = steps.next();
    }
    expect(seen.length).toBe(PHASE_AXES.sigmaB2.length);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen.at(-1)).toBe(1);
    expect(next.value.activation).toBe('linear');
    expect(next.value.critical.every((c) => c.sigmaW2 === 1)).toBe(true);
  });
});
