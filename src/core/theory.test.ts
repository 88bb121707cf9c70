import { describe, expect, it } from 'vitest';
import type { ActivationSpec } from './activations';
import { getActivation } from './activations';
import type { TheoryLayer } from './theory';
import { meanFieldBackward, meanFieldForward } from './theory';
import { expectQuoted } from './theory/quoted.testutil';

function act(id: string): ActivationSpec {
  const spec = getActivation(id);
  if (!spec) throw new Error(`missing activation ${id}`);
  return spec;
}

function uniform(depth: number, sigmaW2: number, sigmaB2 = 0): TheoryLayer[] {
  return Array.from({ length: depth }, () => ({ sigmaW2, sigmaB2 }));
}

function qSequence(id: string, sigmaW2: number, sigmaB2: number, depth: number, p = {}): number[] {
  return meanFieldForward(act(id), p, uniform(depth, sigmaW2, sigmaB2)).map((t) => t.preactivationSecondMoment ?? NaN);
}

describe('meanFieldForward(act, p, layers, inputSecondMoment)', () => {
  // docs/theory.md §1.1 and §4.6: q¹, q², q³, q⁵, q¹⁰, q²⁰, q⁵⁰ for inputs with E[x²] = 1.
  const worked: [string, string, number, number, string[]][] = [
    ['ReLU, He', 'relu', 2, 0, ['2', '2', '2', '2', '2', '2', '2']],
    ['ReLU, σ_w² = 1', 'relu', 1, 0, ['1', '0.5', '0.25', '0.0625', '1.953125e-3', '1.907349e-6', '1.776e-15']],
    ['tanh, σ_w² = 1', 'tanh', 1, 0, ['1', '0.394294', '0.236450', '0.127905', '0.0580118', '0.0272862', '0.0104307']],
    [
      'tanh, σ_w² = 25/9',
      'tanh',
      25 / 9,
      0,
      ['2.777778', '1.601810', '1.333890', '1.204890', '1.178870', '1.178480', '1.178480'],
    ],
    ['SELU, σ_w² = 1', 'selu', 1, 0, ['1', '1', '1', '1', '1', '1', '1']],
    [
      'SELU, σ_w² = 9/16',
      'selu',
      9 / 16,
      0,
      ['0.5625', '0.357758', '0.249124', '0.145205', '0.0665600', '0.0349784', '0.0238607'],
    ],
    ['GELU, σ_w² = 2', 'gelu', 2, 0, ['2', '1.844170', '1.687790', '1.374800', '0.626483', '5.38772e-3', '5.1e-12']],
    ['SiLU, σ_w² = 2', 'silu', 2, 0, ['2', '1.598310', '1.231900', '0.635953', '0.0437368', '4.55671e-5', '4.2e-14']],
    ['ELU, σ_w² = 2', 'elu', 2, 0, ['2', '2.400230', '2.830980', '3.773290', '6.498190', '12.9470', '35.7312']],
    [
      'sigmoid, σ_w² = 1',
      'sigmoid',
      1,
      0,
      ['1', '0.293379', '0.266092', '0.264690', '0.264687', '0.264687', '0.264687'],
    ],
    [
      'ReLU, torch default',
      'relu',
      1 / 3,
      1 / 1536,
      ['0.333984', '0.0563151', '0.0100369', '1.03835e-3', '7.81283e-4', '7.8125e-4', '7.8125e-4'],
    ],
    [
      'tanh, torch default',
      'tanh',
      1 / 3,
      1 / 1536,
      ['0.333984', '0.0713683', '0.0215945', '3.13244e-3', '9.84263e-4', '9.75613e-4', '9.75613e-4'],
    ],
  ];
  const layersShown = [1, 2, 3, 5, 10, 20, 50];

  // The table carries 6 significant digits; a trailing 0 is padding (30-digit quadrature gives
  // GELU q² = 1.8441657442 for the quoted 1.844170 and SiLU 1.5983063039 for 1.598310). So each
  // entry is compared to half a unit in its 6th significant digit (at most 5e-6 relative), or in
  // its last digit when that is looser (5.1e-12).
  it.each(worked)('reproduces the worked numbers for %s', (_name, id, sigmaW2, sigmaB2, quoted) => {
    const q = qSequence(id, sigmaW2, sigmaB2, 50);
    layersShown.forEach((l, i) => expectQuoted(q[l - 1], quoted[i]!, `q^${l}`, 6));
  });

  it('follows tanh at σ_w² = 1 to q¹⁰⁰ and q¹⁰⁰⁰ (vector 6)', () => {
    const q = qSequence('tanh', 1, 0, 1000);
    expectQuoted(q[99], '0.00512072', 'q^100');
    expectQuoted(q[999], '5.01667e-4', 'q^1000');
  });

  it('gives the post-activation moments of ReLU/He (vector 4) and χ₁ = 1', () => {
    const [first] = meanFieldForward(act('relu'), {}, uniform(3, 2));
    expect(first?.activationSecondMoment).toBe(1);
    expectQuoted(first?.activationMean, '0.5641896');
    expectQuoted(first?.activationVariance, '0.681690');
    expect(first?.chi1).toBe(1);
    expect(first).toMatchObject({ sigmaW2: 2, sigmaB2: 0 });
  });

  it('uses the input second moment and each layer’s own σ_w², σ_b²', () => {
    const layers: TheoryLayer[] = [
      { sigmaW2: 2, sigmaB2: 0.1 },
      { sigmaW2: 1, sigmaB2: 0 },
    ];
    const [l1, l2] = meanFieldForward(act('linear'), {}, layers, 3);
    expect(l1?.preactivationSecondMoment).toBeCloseTo(6.1, 14);
    expect(l2?.preactivationSecondMoment).toBeCloseTo(6.1, 14);
    expect(l1?.chi1).toBe(2);
    expect(l2?.chi1).toBe(1);
  });

  it('stays n/a from the first layer whose weights have a non-zero mean', () => {
    const layers: TheoryLayer[] = [
      { sigmaW2: 2, sigmaB2: 0 },
      { sigmaW2: null, sigmaB2: 0 },
      { sigmaW2: 2, sigmaB2: 0 },
    ];
    const out = meanFieldForward(act('relu'), {}, layers);
    expect(out[0]?.preactivationSecondMoment).toBe(2);
    for (const t of out.slice(1)) {
      expect(t).toMatchObject({
        preactivationSecondMoment: null,
        chi1: null,
        activationMean: null,
        activationVariance: null,
        activationSecondMoment: null,
      });
    }
    expect(out[2]?.sigmaW2).toBe(2);
  });

  it('reports overflow as q = Infinity, keeps defined limits and nulls the undefined ones', () => {
    const relu = meanFieldForward(act('relu'), {}, uniform(3, 1e200));
    expect(relu[1]?.preactivationSecondMoment).toBe(Infinity);
    expect(relu[1]).toMatchObject({ activationSecondMoment: Infinity, activationVariance: null, chi1: 5e199 });
    expect(relu[2]?.preactivationSecondMoment).toBe(Infinity);
    // tanh(±∞) = ±1: after an overflowed layer the next one is finite again, as in the network.
    const tanh = meanFieldForward(act('tanh'), {}, [
      { sigmaW2: Infinity, sigmaB2: 0 },
      { sigmaW2: 2, sigmaB2: 0.5 },
    ]);
    expect(tanh[0]).toMatchObject({
      preactivationSecondMoment: Infinity,
      activationSecondMoment: 1,
      activationMean: 0,
      chi1: null,
    });
    expect(tanh[1]?.preactivationSecondMoment).toBe(2.5);
    // sin(±∞) has no limit.
    const sin = meanFieldForward(act('sin'), {}, [
      { sigmaW2: Infinity, sigmaB2: 0 },
      { sigmaW2: 1, sigmaB2: 0 },
    ]);
    expect(sin[0]).toMatchObject({ preactivationSecondMoment: Infinity, activationSecondMoment: null, chi1: null });
    expect(sin[1]?.preactivationSecondMoment).toBe(Infinity);
  });

  it('treats q = 0 as an exactly-zero pre-activation', () => {
    const [relu] = meanFieldForward(act('relu'), {}, uniform(1, 0));
    expect(relu).toMatchObject({ preactivationSecondMoment: 0, activationMean: 0, activationSecondMoment: 0, chi1: 0 });
    const [sigmoid] = meanFieldForward(act('sigmoid'), {}, uniform(1, 0));
    expect(sigmoid).toMatchObject({ activationMean: 0.5, activationSecondMoment: 0.25, activationVariance: 0 });
  });
});

describe('meanFieldBackward(act, p, forward, widths, sigmaW2s)', () => {
  const depth = 30;
  const widths = Array.from({ length: depth }, () => 512);

  function ratioFirstToLast(id: string, sigmaW2: number): number {
    const forward = meanFieldForward(act(id), {}, uniform(depth, sigmaW2));
    const back = meanFieldBackward(
      act(id),
      {},
      forward,
      widths,
      forward.map(() => sigmaW2),
    );
    expect(back[depth - 1]).toBe(1);
    return back[0]! / back[depth - 1]!;
  }

  it('gives E[δ²]₁/E[δ²]₃₀ = 0.02479 for tanh at σ_w² = 1 and 140.8 at 25/9 (vectors 7, 15)', () => {
    expectQuoted(ratioFirstToLast('tanh', 1), '0.02479');
    expectQuoted(ratioFirstToLast('tanh', 25 / 9), '140.8');
  });

  it('keeps E[δ²] constant for ReLU/He and scales it by the width ratio', () => {
    expect(ratioFirstToLast('relu', 2)).toBe(1);
    const forward = meanFieldForward(act('relu'), {}, uniform(3, 2));
    expect(meanFieldBackward(act('relu'), {}, forward, [512, 256, 1024], [2, 2, 2])).toEqual([2, 4, 1]);
  });

  it('is NaN below a layer without theory, and rejects mismatched lengths', () => {
    const layers: TheoryLayer[] = [
      { sigmaW2: 2, sigmaB2: 0 },
      { sigmaW2: null, sigmaB2: 0 },
      { sigmaW2: 2, sigmaB2: 0 },
    ];
    const forward = meanFieldForward(act('relu'), {}, layers);
    const back = meanFieldBackward(
      act('relu'),
      {},
      forward,
      [8, 8, 8],
      layers.map((l) => l.sigmaW2),
    );
    expect(back[2]).toBe(1);
    expect(back[1]).toBeNaN();
    expect(back[0]).toBeNaN();
    expect(() => meanFieldBackward(act('relu'), {}, forward, [8, 8], [2, 2, 2])).toThrow();
    expect(meanFieldBackward(act('relu'), {}, [], [], [])).toEqual([]);
  });
});
