import { describe, expect, it } from 'vitest';
import type { ActivationSpec } from '../activations';
import { getActivation } from '../activations';
import { criticalSigmaW2, fixedPoint } from './fixedPoint';
import { expectQuoted } from './quoted.testutil';

function act(id: string): ActivationSpec {
  const spec = getActivation(id);
  if (!spec) throw new Error(`missing activation ${id}`);
  return spec;
}

describe('fixedPoint(act, p, sigmaW2, sigmaB2)', () => {
  it('finds the chaotic tanh fixed point of torch gain 5/3 (vector 7)', () => {
    const fp = fixedPoint(act('tanh'), {}, 25 / 9, 0);
    expectQuoted(fp?.qStar, '1.178480', 'q*');
    expectQuoted(fp?.chi1, '1.209831', 'χ₁');
    expect(fp?.stable).toBe(true);
  });

  // Reference table 4.4: [id, σ_w², σ_b², q*, slope, χ₁, stable]. The rows with q* = 1 were set up
  // so that q = 1 is a fixed point, but their σ_w² is rounded to 7 digits (and the table's own
  // σ_w² and χ₁ agree to only ~2e-6: sin's σ_w² = 2/(1 − e⁻²) is 2.3130353, quoted 2.313040), so
  // q* is compared to 1e-5 and χ₁ to 3e-6 relative there. Slopes are quoted to 4 decimals.
  const table: [string, number, number, string, string, string, boolean][] = [
    ['tanh', 25 / 9, 0, '1.178480', '0.4309', '1.209831', true],
    ['tanh', 2, 0, '0.617965', '0.5525', '1.105529', true],
    ['tanh', 1.760955, 0.05, '0.570048', '0.5182', '1.000000', true],
    ['selu', 1, 0, '1', '0.7826', '1.071575', true],
    ['elu', 1.55052, 0, '1', '0.8910', '1.035905', true],
    ['gelu', 2.351718, 0, '1', '1.1441', '1.072033', false],
    ['silu', 2.810762, 0, '1', '1.1726', '1.066635', false],
    ['sigmoid', 1, 0, '0.264687', '0.0495', '0.055721', true],
    ['sin', 2.31304, 0, '1', '0.3130', '1.313035', true],
    ['hard_tanh', 1.93776, 0, '1', '0.3851', '1.322892', true],
  ];

  it.each(table)('%s at σ_w² = %s, σ_b² = %s matches table 4.4', (id, sigmaW2, sigmaB2, qStar, slope, chi1, stable) => {
    const fp = fixedPoint(act(id), {}, sigmaW2, sigmaB2);
    if (qStar === '1') {
      expect(Math.abs(fp!.qStar - 1), 'q*').toBeLessThan(1e-5);
      expect(Math.abs(fp!.chi1 / Number(chi1) - 1), 'χ₁').toBeLessThan(3e-6);
    } else {
      expectQuoted(fp?.qStar, qStar, 'q*');
      expectQuoted(fp?.chi1, chi1, 'χ₁');
    }
    expectQuoted(fp?.slope, slope, 'slope');
    expect(fp?.stable).toBe(stable);
    expect(fp?.everyQFixed).toBe(false);
  });

  it('finds the fixed points of SELU with the torch gain and of the torch-default MLPs', () => {
    expectQuoted(fixedPoint(act('selu'), {}, 9 / 16, 0)?.qStar, '0.023034');
    // ReLU: q* = σ_b²/(1 − σ_w²/2) = 2/(5·512) exactly.
    expect(fixedPoint(act('relu'), {}, 1 / 3, 1 / 1536)?.qStar).toBeCloseTo(2 / (5 * 512), 15);
    expectQuoted(fixedPoint(act('tanh'), {}, 1 / 3, 1 / 1536)?.qStar, '9.75613e-4');
  });

  it('reports the homogeneous cases: every q fixed, only 0 fixed, or none', () => {
    expect(fixedPoint(act('relu'), {}, 2, 0)).toEqual({ qStar: 1, slope: 1, chi1: 1, stable: true, everyQFixed: true });
    const leaky = fixedPoint(act('leaky_relu'), { negative_slope: 0.2 }, 2 / 1.04, 0);
    expect(leaky).toMatchObject({ qStar: 1, slope: 1, everyQFixed: true });
    expect(fixedPoint(act('linear'), {}, 1, 0)).toMatchObject({ qStar: 1, chi1: 1, everyQFixed: true });
    expect(fixedPoint(act('relu'), {}, 1, 0)).toMatchObject({ qStar: 0, slope: 0.5, chi1: 0.5, stable: true });
    expect(fixedPoint(act('relu'), {}, 3, 0)).toMatchObject({ qStar: 0, slope: 1.5, stable: false });
    expect(fixedPoint(act('relu'), {}, 3, 0.1)).toBeNull();
  });

  it('lets the signal die out where q = 0 is the attractor', () => {
    // tanh at σ_w² = 1, σ_b = 0 is exactly critical: q ~ 1/(2l) → 0, slope and χ₁ → 1.
    const critical = fixedPoint(act('tanh'), {}, 1, 0);
    expect(critical?.qStar).toBe(0);
    expect(critical?.slope).toBeCloseTo(1, 9);
    expect(critical?.chi1).toBeCloseTo(1, 9);
    expect(critical?.stable).toBe(true);
    // GELU with He: near 0 it acts like x/2, so q ↦ q/2.
    const gelu = fixedPoint(act('gelu'), {}, 2, 0);
    expect(gelu).toMatchObject({ qStar: 0, stable: true });
    expect(gelu?.slope).toBeCloseTo(0.5, 9);
    // ELU with He grows without bound: its only fixed point, 0, repels.
    expect(fixedPoint(act('elu'), {}, 2, 0)).toMatchObject({ qStar: 0, stable: false });
  });

  it('rejects unusable σ values', () => {
    expect(fixedPoint(act('tanh'), {}, NaN, 0)).toBeNull();
    expect(fixedPoint(act('tanh'), {}, 1, -1)).toBeNull();
    expect(fixedPoint(act('tanh'), {}, Infinity, 0)).toBeNull();
  });
});

describe('criticalSigmaW2(act, p, sigmaB2)', () => {
  it('reproduces the tanh order-to-chaos line (vector 12) with χ₁ = 1 there', () => {
    const line: [number, string, string][] = [
      [0.01, '1.424205', '0.273301'],
      [0.05, '1.760955', '0.570048'],
      [0.1, '1.986073', '0.805799'],
      [0.3, '2.505127', '1.461169'],
      [1.0, '3.443211', '3.036396'],
      [2.0, '4.266396', '4.830586'],
    ];
    for (const [sigmaB2, sigmaW2, qStar] of line) {
      const critical = criticalSigmaW2(act('tanh'), {}, sigmaB2);
      expectQuoted(critical, sigmaW2, `σ_w² at σ_b² = ${sigmaB2}`);
      const fp = fixedPoint(act('tanh'), {}, critical!, sigmaB2);
      expectQuoted(fp?.qStar, qStar, `q* at σ_b² = ${sigmaB2}`);
      expect(Math.abs(fp!.chi1 - 1)).toBeLessThan(1e-9);
    }
    expect(criticalSigmaW2(act('tanh'), {}, 0)).toBeCloseTo(1, 6);
  });

  it('is 1/E[φ′²] for homogeneous activations and null without a crossing', () => {
    expect(criticalSigmaW2(act('relu'), {}, 0)).toBe(2);
    expect(criticalSigmaW2(act('leaky_relu'), { negative_slope: 0.2 }, 0.1)).toBeCloseTo(2 / 1.04, 14);
    expect(criticalSigmaW2(act('gelu'), {}, 0)).toBeNull();
    expect(criticalSigmaW2(act('tanh'), {}, NaN)).toBeNull();
  });
});
