import { describe, expect, it } from 'vitest';
import { getActivation } from '../core/activations';
import { fixedPoint, gaussianMoments } from '../core/theory';
import { collapseFactors, judgeInputs, SAME_OUTPUT, type InputsLayer } from './inputsVerdict';

const relu = getActivation('relu')!;
const tanh = getActivation('tanh')!;

const layer = (
  q: number | null,
  sigmaW2: number | null,
  sigmaB2 = 0,
  correlation: number | null = null,
): InputsLayer => ({ q, correlation, sigmaW2, sigmaB2 });

describe('collapseFactors: κ, the slope of the correlation map at c = 1, relative to the size', () => {
  it('is exactly 1 for ReLU without bias, at any size and any σ_w² (the map is scale invariant)', () => {
    for (const sw2 of [0.5, 2, 256]) {
      const layers = [1e-8, 1, 1e6].map((q) => layer(q, sw2));
      const k = collapseFactors(relu, {}, layers, 'all');
      for (const v of k) expect(v).toBeCloseTo(1, 12);
    }
  });

  it('is σ_w²q/2 / (σ_w²q/2 + σ_b²) for ReLU with a bias', () => {
    const [k] = collapseFactors(relu, {}, [layer(0.01, 1 / 3, 0.0013), layer(0.01, 1 / 3, 0.0013)], 'all');
    const half = ((1 / 3) * 0.01) / 2;
    expect(k).toBeCloseTo(half / (half + 0.0013), 12);
  });

  it('equals χ₁ at a fixed point (tanh, σ_w² = 25/9, σ_b² = 0.05)', () => {
    const fp = fixedPoint(tanh, {}, 25 / 9, 0.05)!;
    const chi1 = (25 / 9) * gaussianMoments(tanh, {}).derivSecondMoment(fp.qStar);
    const [k] = collapseFactors(tanh, {}, [layer(fp.qStar, 25 / 9, 0.05), layer(fp.qStar, 25 / 9, 0.05)], 'all');
    expect(k).toBeCloseTo(chi1, 8);
  });

  it('computes only the fit window, and nothing where q or σ_w² is unknown', () => {
    const layers = [layer(1, 2), layer(null, 2), layer(1, 2), layer(1, null), layer(1, 2)];
    expect(collapseFactors(relu, {}, layers, 'tail').map((k) => (k === null ? null : Math.round(k)))).toEqual([
      null,
      null,
      null,
      1,
    ]);
    expect(collapseFactors(relu, {}, layers, 'all').map((k) => (k === null ? null : Math.round(k)))).toEqual([
      1,
      null,
      null,
      1,
    ]);
  });
});

describe('judgeInputs', () => {
  const depth = 20;
  const series = (q: number, sw2: number, sb2: number, c: (l: number) => number | null) =>
    Array.from({ length: depth }, (_, i) => layer(q, sw2, sb2, c(i + 1)));

  it('calls a geometric collapse onto the bias ordered, from the layer where the output stops depending on the input', () => {
    // 1 − c shrinks ×1/6 per layer from 1 at the input.
    const v = judgeInputs(
      relu,
      {},
      series(0.0016, 1 / 3, 0.0013, (l) => 1 - 6 ** -(l - 1)),
      'tail',
    );
    expect(v.kind).toBe('ordered');
    expect(v.biasFrom).toBe(1);
    expect(v.sameFrom).toBe(4); // 1 − 6⁻³ = 0.9954 ≥ 0.99 > 1 − 6⁻² = 0.972
    expect(v.text).toMatch(
      /^ordered: differences between inputs shrink ×0\.1\d per layer — every input gives nearly the same output from layer 4$/,
    );
  });

  it('calls ReLU at the edge preserved even when its correlation creeps past 0.99 (polynomially)', () => {
    const v = judgeInputs(
      relu,
      {},
      series(2, 2, 0, (l) => 1 - 0.5 / l ** 2),
      'tail',
    );
    expect(v.kind).toBe('preserved');
    expect(v.factor).toBeCloseTo(1, 12);
  });

  it('calls κ > 1/0.9 chaotic, even though a batch of independent inputs shows correlation 0 throughout', () => {
    const v = judgeInputs(
      tanh,
      {},
      series(1.1785, 25 / 9, 0, () => 0.001),
      'tail',
    );
    expect(v.kind).toBe('chaotic');
    expect(v.text).toMatch(
      /^chaotic: nearby inputs are pulled apart ×1\.2\d? per layer — correlation 0\.00 at layer 20$/,
    );
  });

  it('without a theory (weights with non-zero mean), reads collapse off the correlation alone', () => {
    const collapsed = Array.from({ length: 5 }, (_, i) => layer(1, null, 0, i < 2 ? 0.5 : SAME_OUTPUT + 0.005));
    expect(judgeInputs(relu, {}, collapsed, 'tail')).toMatchObject({ kind: 'ordered', factor: null, sameFrom: 3 });
    const apart = Array.from({ length: 5 }, () => layer(1, null, 0, 0.3));
    expect(judgeInputs(relu, {}, apart, 'tail').kind).toBe('preserved');
  });

  it('is too shallow below three layers', () => {
    expect(judgeInputs(relu, {}, [layer(2, 2), layer(2, 2)], 'tail').kind).toBe('too-shallow');
  });
});
