import { describe, expect, it } from 'vitest';
import { fillWeights, lawMean, realizedVariance } from './distributions';
import { normalCdf, truncatedStandardNormalMoments } from './gaussian';
import { normalQuantile, truncatedRangeMoments } from './extraLaws';
import { getInitializer } from './initializers';
import { gaussExpect } from './quadrature';
import { Stream } from './rng';
import type { ParamValues } from './types';

function moments(x: Float32Array): { mean: number; variance: number; min: number; max: number } {
  let s = 0;
  let s2 = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const v of x) {
    s += v;
    s2 += v * v;
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  const mean = s / x.length;
  return { mean, variance: s2 / x.length - mean * mean, min, max };
}

describe('normalQuantile', () => {
  it('inverts Φ to a few ulps of x across the range and in both tails', () => {
    for (const p of [1e-300, 1e-12, 0.001, 0.02425, 0.1, 0.3, 0.5, 0.77, 0.975, 0.999999]) {
      const x = normalQuantile(p);
      // An error of δ·|x| in x moves Φ by about p·x²·δ in the lower tail; allow 4 ulps of x. Above ½ the
      // refinement works on Φ(x) − p, whose absolute accuracy is a few ε: 1 − p is not resolved better.
      const tolerance = p <= 0.5 ? 4 * Number.EPSILON * (1 + x * x) * p : 4 * Number.EPSILON;
      expect(Math.abs(normalCdf(x) - p)).toBeLessThan(tolerance);
    }
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(normalQuantile(Number.NaN)).toBeNaN();
  });
});

describe('truncatedRangeMoments', () => {
  it('agrees with the symmetric ±b formula and with quadrature for an asymmetric cut', () => {
    const sym = truncatedRangeMoments(0, 1, -2, 2);
    expect(sym.mean).toBeCloseTo(0, 15);
    expect(sym.variance).toBeCloseTo(truncatedStandardNormalMoments(2).secondMoment, 13);
    // N(0.3, 0.5²) kept in [−0.2, 1.5]: E[w], E[w²] by quadrature of the density on the kept range.
    const [mu, sd, a, b] = [0.3, 0.5, -0.2, 1.5];
    const mass = normalCdf((b - mu) / sd) - normalCdf((a - mu) / sd);
    const inside = (g: (x: number) => number) => (x: number) => (x + mu >= a && x + mu <= b ? g(x) : 0);
    const m1 =
      gaussExpect(
        inside((x) => x + mu),
        sd * sd,
        [a - mu, b - mu],
      ) / mass;
    const m2 =
      gaussExpect(
        inside((x) => (x + mu) ** 2),
        sd * sd,
        [a - mu, b - mu],
      ) / mass;
    const got = truncatedRangeMoments(mu, sd, a, b);
    expect(got.mean).toBeCloseTo(m1, 10);
    expect(got.variance).toBeCloseTo(m2 - m1 * m1, 10);
  });
});

describe('torch_trunc_normal (trunc_normal_)', () => {
  const spec = getInitializer('torch_trunc_normal')!;

  it('draws within the absolute bounds with the moments of the law', () => {
    const n = 512 * 512;
    for (const params of [{}, { mean: 0.5, std: 1, a: -1, b: 3 }, { std: 0.02 }] as ParamValues[]) {
      const law = spec.weightLaw(512, 512, params);
      const w = new Float32Array(n);
      fillWeights(law, 3, Stream.weights, 1, 512, 512, w);
      const m = moments(w);
      const lo = law.kind === 'truncated_normal_range' ? law.lo : NaN;
      const hi = law.kind === 'truncated_normal_range' ? law.hi : NaN;
      expect(m.min).toBeGreaterThanOrEqual(lo);
      expect(m.max).toBeLessThanOrEqual(hi);
      const variance = realizedVariance(law, 512, 512);
      // Sample mean: sd √(Var/n); sample variance: sd ≈ Var·√(2/n) (κ ≤ 3 for a truncated normal). 5 sd each.
      expect(Math.abs(m.mean - lawMean(law, 512, 512))).toBeLessThan(5 * Math.sqrt(variance / n));
      expect(Math.abs(m.variance / variance - 1)).toBeLessThan(5 * Math.sqrt(2 / n));
    }
    // PyTorch's defaults with std = 0.02: ±2 is ±100σ, so nothing is cut (Var = σ² to 1e-12).
    expect(realizedVariance(spec.weightLaw(64, 64, { std: 0.02 }), 64, 64)).toBeCloseTo(0.0004, 15);
    // With std = 1 it is the standard normal cut at ±2: Var = 0.77374.
    expect(realizedVariance(spec.weightLaw(64, 64, {}), 64, 64)).toBeCloseTo(0.773741, 6);
  });
});

describe('torch_sparse (sparse_)', () => {
  const spec = getInitializer('torch_sparse')!;

  it('zeros ⌈sparsity·fan_out⌉ of every input unit’s weights, the rest N(0, std²)', () => {
    const [K, N] = [300, 10];
    const law = spec.weightLaw(K, N, { sparsity: 0.25, std: 0.5 });
    expect(law).toEqual({ kind: 'sparse_normal', std: 0.5, cols: 10, zeros: 3 }); // ⌈2.5⌉ = 3
    const w = new Float32Array(K * N);
    fillWeights(law, 9, Stream.weights, 2, K, N, w);
    for (let r = 0; r < K; r++) expect(w.subarray(r * N, (r + 1) * N).filter((v) => v === 0)).toHaveLength(3);
    // The zeros' places are uniform: every output column gets 3/10 of the rows, within 5 binomial sd.
    for (let c = 0; c < N; c++) {
      let zeros = 0;
      for (let r = 0; r < K; r++) if (w[r * N + c] === 0) zeros++;
      expect(Math.abs(zeros - 0.3 * K)).toBeLessThan(5 * Math.sqrt(K * 0.3 * 0.7));
    }
    expect(realizedVariance(law, K, N)).toBeCloseTo(0.25 * 0.7, 15);
    const m = moments(w);
    // Var of w² for this mixture: E[w⁴] − E[w²]² = 0.7·3σ⁴ − (0.7σ²)²; 5 sd of the mean of n of them.
    const n = K * N;
    const sd = Math.sqrt((0.7 * 3 * 0.0625 - (0.7 * 0.25) ** 2) / n);
    expect(Math.abs(m.variance + m.mean ** 2 - 0.175)).toBeLessThan(5 * sd);
  });
});
