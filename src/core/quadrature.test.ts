import { describe, expect, it } from 'vitest';
import { gaussExpect, gaussExpect2, gaussExpectProduct } from './quadrature';
import { erf } from './gaussian';

const relu = (x: number): number => Math.max(x, 0);
const sech4 = (x: number): number => 1 / Math.cosh(x) ** 4;
const hardTanh = (x: number): number => Math.max(-1, Math.min(1, x));
const SELU_ALPHA = 1.6732632423543772;
const SELU_LAMBDA = 1.0507009873554805;
const selu = (x: number): number => SELU_LAMBDA * (x > 0 ? x : SELU_ALPHA * Math.expm1(x));
const elu = (x: number): number => (x > 0 ? x : Math.expm1(x));
const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));
const gelu = (x: number): number => 0.5 * x * (1 + erf(x / Math.SQRT2));
const silu = (x: number): number => x * sigmoid(x);
const softplus = (x: number): number => (x > 20 ? x : Math.log1p(Math.exp(x)));
const square =
  (f: (x: number) => number) =>
  (x: number): number =>
    f(x) ** 2;

function expectRelative(actual: number, expected: number, tol: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tol * Math.abs(expected));
}

describe('gaussExpect(f, q, kinks)', () => {
  it('reproduces test vector 11 (q = 1) to 1e-9 relative', () => {
    const cases: [string, (x: number) => number, number[], number][] = [
      ['E[tanh²]', square(Math.tanh), [], 0.3942944904],
      ['E[tanh′²]', sech4, [], 0.4644029024],
      ['E[gelu²]', square(gelu), [], 0.42522148257],
      ['E[silu²]', square(silu), [], 0.3557755198],
      ['E[elu²]', square(elu), [0], 0.6449454175],
      ['E[sigmoid²]', square(sigmoid), [], 0.2933790359],
      ['E[softplus]', softplus, [20], 0.8060591833],
      ['E[sin²]', square(Math.sin), [], (1 - Math.exp(-2)) / 2],
      ['E[hardtanh²]', square(hardTanh), [-1, 1], 0.516058551],
      ['E[selu²]', square(selu), [0], 1],
    ];
    for (const [name, f, kinks, value] of cases) {
      const got = gaussExpect(f, 1, kinks);
      expect(Math.abs(got - value), name).toBeLessThanOrEqual(1e-9 * value);
    }
    expect(Math.abs(gaussExpect(selu, 1, [0]))).toBeLessThan(1e-12);
    expect(Math.abs(gaussExpect(square(selu), 1, [0]) - 1)).toBeLessThan(1e-12);
  });

  it('stays accurate for small and large q, where Gauss–Hermite fails (|error| ≤ 1.5e-11, the measured bound)', () => {
    // 40-digit adaptive quadrature.
    const reference: [number, number, number][] = [
      [0.01, 0.009805468755532405, 0.9806702434649816],
      [10, 0.7572662769213183, 0.16557242076970866],
      [100, 0.9205368634305167, 0.053106787748115836],
    ];
    for (const [q, tanh2, sech] of reference) {
      expect(Math.abs(gaussExpect(square(Math.tanh), q) - tanh2)).toBeLessThan(1.5e-11);
      // tanh′² at q = 100 is a spike of width 0.1 in z, the hardest integrand here.
      expect(Math.abs(gaussExpect(sech4, q) - sech)).toBeLessThan(q < 100 ? 1.5e-11 : 5e-10);
    }
    for (const q of [0.01, 1, 10, 100]) {
      expectRelative(gaussExpect(square(relu), q, [0]), q / 2, 1e-13);
      // Kinks at ±1 away from z = 0, which need their own breakpoints.
      const a = 1 / Math.sqrt(q);
      const hardTanh2 =
        q * (erf(a / Math.SQRT2) - (2 * a * Math.exp((-a * a) / 2)) / Math.sqrt(2 * Math.PI)) + 1 - erf(a / Math.SQRT2);
      expect(Math.abs(gaussExpect(square(hardTanh), q, [-1, 1]) - hardTanh2)).toBeLessThan(1.5e-11);
    }
  });

  it('returns f(0) at q = 0 and NaN for an unusable q', () => {
    expect(gaussExpect((x) => x + 3, 0)).toBe(3);
    expect(gaussExpect(Math.tanh, Infinity)).toBeNaN();
    expect(gaussExpect(Math.tanh, NaN)).toBeNaN();
    expect(gaussExpect(Math.tanh, -1)).toBeNaN();
  });

  it('integrates polynomials exactly: E[z²] = 1, E[z⁴] = 3', () => {
    expectRelative(
      gaussExpect((x) => x * x, 1),
      1,
      1e-14,
    );
    expectRelative(
      gaussExpect((x) => x ** 4, 4),
      48,
      1e-14,
    );
  });
});

describe('gaussExpect2(f, qa, qb, c, kinks)', () => {
  /** Cho & Saul's degree-1 arc-cosine kernel E[relu(u)relu(v)]. */
  const arcCosine = (qa: number, qb: number, c: number): number =>
    (Math.sqrt(qa * qb) * (Math.sqrt(1 - c * c) + (Math.PI - Math.acos(c)) * c)) / (2 * Math.PI);
  const reluProduct = (u: number, v: number): number => relu(u) * relu(v);

  it('matches the arc-cosine kernel to 1e-12 (equal and unequal variances, any sign of c)', () => {
    for (const [qa, qb, c] of [
      [1, 1, 0],
      [1, 1, 0.5],
      [1, 1, 0.9],
      [0.5, 3, -0.3],
      [2, 2, 0.999],
    ] as const) {
      expect(Math.abs(gaussExpect2(reluProduct, qa, qb, c, [0]) - arcCosine(qa, qb, c))).toBeLessThan(1e-12);
    }
  });

  it('matches the leaky-ReLU kernel quoted in the reference (a = 0.2, c = 0.5)', () => {
    const leaky = (x: number): number => (x >= 0 ? x : 0.2 * x);
    expect(Math.abs(gaussExpect2((u, v) => leaky(u) * leaky(v), 1, 1, 0.5, [0]) - 0.294879289934)).toBeLessThan(1e-12);
  });

  it('matches E[sin u sin v] = e^{−q}·sinh(q·c)', () => {
    for (const [q, c] of [
      [1, 0.3],
      [2.5, -0.8],
    ] as const) {
      const exact = Math.exp(-q) * Math.sinh(q * c);
      expect(Math.abs(gaussExpect2((u, v) => Math.sin(u) * Math.sin(v), q, q, c) - exact)).toBeLessThan(1e-12);
    }
  });

  it('reduces to one dimension at |c| = 1 and at a zero variance', () => {
    const ht = (u: number, v: number): number => hardTanh(u) * hardTanh(v);
    expectRelative(gaussExpect2(ht, 1.7, 1.7, 1, [-1, 1]), gaussExpect(square(hardTanh), 1.7, [-1, 1]), 1e-14);
    expectRelative(gaussExpect2(reluProduct, 1, 4, -1, [0]), 0, 0);
    expect(gaussExpect2((u, v) => u + v + 1, 0, 2, 0.3)).toBeCloseTo(1, 14);
    expect(gaussExpect2(reluProduct, NaN, 1, 0)).toBeNaN();
    expect(gaussExpect2(reluProduct, 1, 1, 1.5)).toBeNaN();
  });

  it('gives E[φ]² at c = 0, and the same value as gaussExpectProduct', () => {
    const mean = gaussExpect(elu, 1.3, [0]);
    const eluProduct = (u: number, v: number): number => elu(u) * elu(v);
    expectRelative(gaussExpect2(eluProduct, 1.3, 1.3, 0, [0]), mean * mean, 1e-12);
    expectRelative(
      gaussExpectProduct(elu, elu, 1.3, 0.4, 0.6, [0]),
      gaussExpect2(eluProduct, 1.3, 0.4, 0.6, [0]),
      1e-14,
    );
  });
});

describe('coarse 2-D rule', () => {
  it('agrees with the fine rule to 1e-6 for smooth φ at q ≤ 10 and 1e-5 across kinks (a drawn curve needs ~1e-3)', async () => {
    const { ACTIVATIONS } = await import('./activations');
    const smooth = new Set(['tanh', 'sigmoid', 'gelu', 'gelu_tanh', 'silu', 'softplus', 'sin', 'linear']);
    for (const spec of ACTIVATIONS) {
      const { f } = spec.make({});
      const kinks = spec.kinks({});
      for (const q of [0.05, 1, 10]) {
        for (const c of [-0.5, 0.3, 0.9]) {
          const fine = gaussExpectProduct(f, f, q, q, c, kinks);
          const coarse = gaussExpectProduct(f, f, q, q, c, kinks, 'coarse');
          const tol = smooth.has(spec.id) ? 1e-6 : 1e-5;
          expect(Math.abs(coarse - fine), `${spec.id} q=${q} c=${c}`).toBeLessThan(tol * Math.max(1, Math.abs(fine)));
        }
      }
    }
  });
});
