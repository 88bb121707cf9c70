// The measured pair correlation and its mean-field theory: the Gram-matrix arithmetic exactly, the
// theory against the closed form of docs/theory.md §1.4, and the measurement against the theory within a derived,
// conservative band.

import { describe, expect, it } from 'vitest';
import { normalizeConfig, type ConfigInput } from './config';
import { createJsKernel, createKernel } from './kernels';
import { getActivation } from './activations';
import { CORRELATION_MAX_INPUTS, correlationTheoryStep, meanPairCorrelation } from './layerCorrelation';
import { simulate } from './network';
import { gaussExpect, gaussExpectProduct } from './quadrature';
import { correlationMap, gaussianMoments } from './theory';
import type { CorrelationStats, SimConfig } from './types';

function configOf(input: ConfigInput): SimConfig {
  const { config, issues } = normalizeConfig(input);
  expect(issues).toEqual([]);
  return config;
}

/** Mean over pairs of the float64 cosine of rows a, b: the reference the float32 Gram must match. */
function directMean(h: Float32Array, rows: number, cols: number): number {
  let sum = 0;
  let pairs = 0;
  const dot = (a: number, b: number) => {
    let s = 0;
    for (let k = 0; k < cols; k++) s += h[a * cols + k]! * h[b * cols + k]!;
    return s;
  };
  for (let a = 0; a < rows; a++) {
    for (let b = a + 1; b < rows; b++) {
      if (dot(a, a) === 0 || dot(b, b) === 0) continue;
      sum += dot(a, b) / Math.sqrt(dot(a, a) * dot(b, b));
      pairs++;
    }
  }
  return sum / pairs;
}

describe('meanPairCorrelation', () => {
  const rows = 9;
  const cols = 37;
  const h = Float32Array.from(
    { length: rows * cols },
    (_, i) => Math.sin(i * 0.37) + 0.3 * Math.cos(i * 1.9) + (i % cols) / cols,
  );

  it('averages q_ab/√(q_aa·q_bb) over all pairs a < b (float32 sums, float64 ratios)', () => {
    expect(meanPairCorrelation(h, rows, cols, createKernel())).toBeCloseTo(directMean(h, rows, cols), 5);
  });

  it('skips pairs with an all-zero row, and has nothing to say for fewer than two rows', () => {
    const withZero = h.slice();
    withZero.fill(0, 2 * cols, 3 * cols);
    expect(meanPairCorrelation(withZero, rows, cols, createJsKernel())).toBeCloseTo(
      directMean(withZero, rows, cols),
      5,
    );
    expect(meanPairCorrelation(h, 1, cols, createJsKernel())).toBeNull();
    expect(meanPairCorrelation(new Float32Array(2 * cols), 2, cols, createJsKernel())).toBeNull();
  });

  it(`uses only the first ${CORRELATION_MAX_INPUTS} rows, which bounds its cost`, () => {
    const many = Float32Array.from({ length: 80 * 8 }, (_, i) => Math.sin(i * 0.71));
    const changedTail = many.slice();
    changedTail.fill(1, CORRELATION_MAX_INPUTS * 8);
    const kernel = createJsKernel();
    expect(meanPairCorrelation(changedTail, 80, 8, kernel)).toBe(meanPairCorrelation(many, 80, 8, kernel));
    expect(meanPairCorrelation(many, 80, 8, kernel)).toBeCloseTo(directMean(many, CORRELATION_MAX_INPUTS, 8), 5);
  });
});

// docs/theory.md §1.4: the ReLU/He map c ↦ [√(1 − c²) + (π − arccos c)·c]/π applied k times to 0.
const VECTOR_10: Record<number, number> = { 1: 0.31831, 2: 0.493731, 3: 0.604826, 5: 0.735946 };
const reluMap = (c: number) => (Math.sqrt(1 - c * c) + (Math.PI - Math.acos(c)) * c) / Math.PI;

describe('correlation theory (det)', () => {
  it('iterates the ReLU/He map from the measured input correlation: vector 10', () => {
    const layers = simulate(
      configOf({ init: 'he_normal', activation: 'relu', depth: 6, width: 64, batch: 16, seed: 2 }),
      undefined,
      { correlations: true },
    );
    const c1 = layers[0]!.correlation!.theory!;
    expect(Math.abs(c1)).toBeLessThan(0.05);
    // The map's slope is at most 1, so starting at c¹ instead of 0 moves layer k+1 by at most |c¹|.
    for (const [k, value] of Object.entries(VECTOR_10)) {
      expect(Math.abs(layers[Number(k)]!.correlation!.theory! - value)).toBeLessThanOrEqual(Math.abs(c1) + 1e-6);
    }
    let c = c1;
    for (const l of layers.slice(1)) {
      c = reluMap(c);
      expect(l.correlation!.theory).toBeCloseTo(c, 12);
    }
  });

  it('is absent for a batch of one and null once the weights have no theory', () => {
    expect(
      simulate(configOf({ depth: 2, width: 8, batch: 1 }), undefined, { correlations: true })[0]!.correlation,
    ).toBeUndefined();
    const ones = simulate(configOf({ init: 'ones', depth: 2, width: 8, batch: 4 }), undefined, { correlations: true });
    expect(ones.map((l) => l.correlation!.theory)).toEqual([null, null]);
  });
});

describe('correlationTheoryStep', () => {
  it('agrees with the 2-D quadrature where it takes its 1-D shortcuts (c ≈ 0, c ≈ 1)', () => {
    // Odd and smooth, kinked, and with E[φ] ≠ 0 (so c′ at c = 0 is not 0).
    for (const id of ['tanh', 'elu', 'sigmoid']) {
      const act = getActivation(id)!;
      const m = gaussianMoments(act, {});
      for (const [sw2, sb2, q] of [[2, 0.05, 1.3]] as const) {
        for (const c of [1e-10, 1 - 1e-7]) {
          const fast = correlationTheoryStep(act, {}, m, sw2, sb2, q, c);
          expect(Math.abs(fast - correlationMap(act, {}, sw2, sb2, q, c)), `${id} c = ${c}`).toBeLessThan(1e-8);
        }
        // Between the shortcuts it is the coarse 2-D rule: within its stated accuracy of the fine one.
        const tol = id === 'elu' ? 1e-5 : 1e-6;
        expect(
          Math.abs(correlationTheoryStep(act, {}, m, sw2, sb2, q, 0.5) - correlationMap(act, {}, sw2, sb2, q, 0.5)),
        ).toBeLessThan(tol);
      }
    }
  });
});

/**
 * N·Var and N·bias of the cosine Σxy/√(Σx²·Σy²) of N iid pairs (relu(u), relu(v)), corr(u, v) = c,
 * by the delta method on (mean xy, mean x², mean y²).
 */
function reluCosineNoise(c: number): { variance: number; bias: number } {
  const relu = (x: number) => (x > 0 ? x : 0);
  const m = (i: number, j: number) =>
    gaussExpectProduct(
      (x) => relu(x) ** i,
      (y) => relu(y) ** j,
      1,
      1,
      c,
      [0],
    );
  const A = m(1, 1);
  const P = gaussExpect((x) => relu(x) ** 2, 1, [0]);
  const r = A / P;
  const S = [
    [m(2, 2) - A * A, m(3, 1) - A * P, m(1, 3) - A * P],
    [m(3, 1) - A * P, 1.5 - P * P, m(2, 2) - P * P],
    [m(1, 3) - A * P, m(2, 2) - P * P, 1.5 - P * P],
  ];
  const grad = [1 / P, -r / (2 * P), -r / (2 * P)];
  const H = [
    [0, -1 / (2 * P * P), -1 / (2 * P * P)],
    [-1 / (2 * P * P), (3 * r) / (4 * P * P), r / (4 * P * P)],
    [-1 / (2 * P * P), r / (4 * P * P), (3 * r) / (4 * P * P)],
  ];
  let variance = 0;
  let bias = 0;
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 3; j++) {
      variance += grad[i]! * grad[j]! * S[i]![j]!;
      bias += 0.5 * H[i]![j]! * S[i]![j]!;
    }
  }
  return { variance, bias };
}

describe('measured correlation against the ReLU/He map (MC, derived band)', () => {
  // Gaussian weights (torch's kaiming_normal is untruncated), so each layer's pre-activation pairs
  // are exactly bivariate normal given the layer below, with the correlation ρ of that layer's
  // activations. Per pair: ρ¹ is the input cosine (variance 1/d about the theory's start);
  // ρ^{m+1} = C(ρ^m) + η, Var η = V(ρ^m)/N (the relu cosine above), and since 0 ≤ C′ ≤ 1,
  // E[(ρ^l − c^l)²] ≤ 1/d + Σ_{m<l} V/N. The measured pre-activation cosine adds (1 − ρ²)²/N.
  // A pair average's sd is at most the largest pair's (pairs are correlated: no 1/√pairs), and
  // S seeds are independent. Bias: the cosine estimator's O(1/N) per layer (delta method; the
  // normal pre-activation cosine's is ρ(1 − ρ²)/(2N) ≤ 0.2/N) plus Jensen's ½·C″·E[(ρ − c)²],
  // C″ = 1/(π√(1 − c²)) ≤ 1.02 for c ≤ 0.95, where these layers' pairs stay.
  const N = 512;
  const B = 16;
  const SEEDS = 16;
  const depth = 6;

  it('layers 1–6, averaged over 16 seeds, within 4 sd + bias', () => {
    const measured = new Array<number>(depth).fill(0);
    const theory = new Array<number>(depth).fill(0);
    for (let seed = 1; seed <= SEEDS; seed++) {
      const config = configOf({
        init: 'torch_kaiming_normal',
        initParams: { nonlinearity: 'relu' },
        activation: 'relu',
        depth,
        width: N,
        batch: B,
        seed,
      });
      simulate(config, undefined, { correlations: true }).forEach((l, i) => {
        const c = l.correlation as CorrelationStats;
        measured[i]! += c.measured! / SEEDS;
        theory[i]! += c.theory! / SEEDS;
      });
    }
    let spread = 1 / N; // E[(ρ¹ − c¹)²] with d = N
    let bias = 0;
    for (let l = 1; l <= depth; l++) {
      const c = theory[l - 1]!;
      const sd = Math.sqrt(spread) + (1 - c * c) / Math.sqrt(N);
      const band = (4 * sd) / Math.sqrt(SEEDS) + bias + 0.2 / N;
      expect(
        Math.abs(measured[l - 1]! - c),
        `layer ${l}: measured ${measured[l - 1]} theory ${c} band ${band}`,
      ).toBeLessThan(band);
      const noise = reluCosineNoise(c);
      spread += noise.variance / N;
      bias += Math.abs(noise.bias) / N + 0.5 * 1.02 * spread;
    }
  });
});
