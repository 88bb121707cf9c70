import { describe, expect, it } from 'vitest';
import type { ActivationFns, ActivationSpec } from './activations';
import {
  ACTIVATIONS,
  SATURATION_THRESHOLD,
  SELU_ALPHA,
  SELU_LAMBDA,
  defaultActivationParams,
  getActivation,
} from './activations';
import { gaussExpect, gaussExpect2 } from './quadrature';
import type { ParamValues } from './types';

function act(id: string): ActivationSpec {
  const spec = getActivation(id);
  if (!spec) throw new Error(`missing activation ${id}`);
  return spec;
}

function fns(id: string, p: ParamValues = {}): ActivationFns {
  const spec = act(id);
  return spec.make({ ...defaultActivationParams(spec), ...p });
}

/** |actual − expected| ≤ tol·max(|expected|, floor): relative, with an absolute floor for values near 0. */
function expectClose(actual: number, expected: number, tol: number, label?: string, floor = 0): void {
  expect(Math.abs(actual - expected), label).toBeLessThanOrEqual(tol * Math.max(Math.abs(expected), floor));
}

/**
 * A value quoted to 10 decimal places: equal to 1e-9 relative, or to the half-unit 5e-11 of the
 * last quoted digit when that is larger (0.0448362414 carries only 9 significant digits).
 */
function expectQuoted(actual: number, quoted: number, label: string): void {
  expect(Math.abs(actual - quoted), label).toBeLessThanOrEqual(Math.max(1e-9 * Math.abs(quoted), 5e-11));
}

describe('ACTIVATIONS and getActivation(id)', () => {
  it('has every required id exactly once', () => {
    const ids = ACTIVATIONS.map((a) => a.id);
    expect(ids).toEqual([
      'linear',
      'relu',
      'leaky_relu',
      'elu',
      'selu',
      'gelu',
      'gelu_tanh',
      'silu',
      'sigmoid',
      'tanh',
      'softplus',
      'hard_tanh',
      'sin',
    ]);
  });

  it('looks ids up case-insensitively and returns undefined for unknown ones', () => {
    expect(getActivation('ReLU')?.id).toBe('relu');
    expect(getActivation('swish')).toBeUndefined();
  });

  it('marks exactly tanh, sigmoid, hard_tanh and sin as bounded', () => {
    expect(ACTIVATIONS.filter((a) => a.bounded).map((a) => a.id)).toEqual(['sigmoid', 'tanh', 'hard_tanh', 'sin']);
  });

  it('gives every bounded activation, and only those, the output range its values stay in', () => {
    for (const a of ACTIVATIONS) {
      expect(a.outputRange !== undefined, a.id).toBe(a.bounded);
      const range = a.outputRange;
      if (!range) continue;
      const { f } = a.make(defaultActivationParams(a));
      // Every value in the range, and the range tight: the bounds are reached (or approached).
      const xs = Array.from({ length: 2001 }, (_, i) => (i - 1000) / 50);
      const ys = xs.map(f);
      for (const y of ys) expect(y >= range.lo && y <= range.hi, `${a.id}: ${y}`).toBe(true);
      expect(Math.min(...ys) - range.lo, a.id).toBeLessThan(1e-6);
      expect(range.hi - Math.max(...ys), a.id).toBeLessThan(1e-6);
      // Saturating: the bounds are approached only as |h| grows, where φ′ vanishes.
      if (range.saturates) expect(Math.abs(a.make({}).df(20)), a.id).toBeLessThan(1e-6);
      else expect(Math.abs(f(Math.PI / 2 + 2 * Math.PI)), a.id).toBeCloseTo(range.hi, 12);
    }
  });

  it('declares sane parameters with the framework defaults', () => {
    expect(defaultActivationParams(act('leaky_relu'))).toEqual({ negative_slope: 0.01 });
    expect(defaultActivationParams(act('elu'))).toEqual({ alpha: 1 });
    expect(defaultActivationParams(act('relu'))).toEqual({});
    const leaky = act('leaky_relu').params[0];
    expect(leaky).toMatchObject({ kind: 'number', min: 0, max: 1 });
    for (const a of ACTIVATIONS) {
      expect(a.label.length).toBeGreaterThan(0);
      expect(a.note.length).toBeGreaterThan(0);
      for (const p of a.params) if (p.kind === 'number') expect(p.default >= p.min && p.default <= p.max).toBe(true);
    }
  });

  it('uses the exact SELU constants', () => {
    // The nearest doubles to the constants written out in full (jax, ATen).
    expect(SELU_ALPHA).toBe(Number('1.6732632423543772848170429916717'));
    expect(SELU_LAMBDA).toBe(Number('1.0507009873554804934193349852946'));
  });
});

describe('Gaussian moments at q = 1', () => {
  // [id, params, E[φ], E[φ²], E[φ′²]]
  const table: [string, ParamValues, number, number, number][] = [
    ['linear', {}, 0, 1, 1],
    ['relu', {}, 0.3989422804, 0.5, 0.5],
    ['leaky_relu', { negative_slope: 0.01 }, 0.3949528576, 0.50005, 0.50005],
    ['leaky_relu', { negative_slope: 0.2 }, 0.3191538243, 0.52, 0.52],
    ['leaky_relu', { negative_slope: 0.3 }, 0.2792595963, 0.545, 0.545],
    ['tanh', {}, 0, 0.3942944904, 0.4644029024],
    ['sigmoid', {}, 0.5, 0.2933790359, 0.0448362414],
    ['softplus', {}, 0.8060591833, 0.9212459089, 0.2933790359],
    ['elu', {}, 0.1605205723, 0.6449454175, 0.6681020012],
    ['selu', {}, 0, 1, 1.0715749925],
    ['gelu', {}, 0.2820947918, 0.4252214826, 0.4558508656],
    ['gelu_tanh', {}, 0.2820385881, 0.425193711, 0.455817846],
    ['silu', {}, 0.2066209641, 0.3557755198, 0.3794823516],
    ['hard_tanh', {}, 0, 0.516058551, 0.6826894921],
    ['sin', {}, 0, 0.4323323584, 0.5676676416],
  ];

  it.each(table)('%s %j: quadrature of φ and φ′ matches to 1e-9', (id, p, mean, second, deriv) => {
    const { f, df } = fns(id, p);
    const kinks = act(id).kinks({ ...defaultActivationParams(act(id)), ...p });
    // Zeros are quoted as 0 (SELU's is 5.6e-17): compare those to 1e-12 absolute.
    if (mean === 0) expect(Math.abs(gaussExpect(f, 1, kinks))).toBeLessThan(1e-12);
    else expectQuoted(gaussExpect(f, 1, kinks), mean, 'E[φ]');
    expectQuoted(
      gaussExpect((x) => f(x) ** 2, 1, kinks),
      second,
      'E[φ²]',
    );
    expectQuoted(
      gaussExpect((x) => df(x) ** 2, 1, kinks),
      deriv,
      'E[φ′²]',
    );
  });

  it('closed forms agree with quadrature of the definitions at several q', () => {
    for (const a of ACTIVATIONS) {
      const p = defaultActivationParams(a);
      const { f, df, closed } = a.make(p);
      if (!closed) continue;
      const kinks = a.kinks(p);
      for (const q of [0.003, 0.05, 1, 7.5, 60]) {
        const label = `${a.id} at q = ${q}`;
        // Floors at the natural size of each moment, for the ones that are 0.
        if (closed.mean) expectClose(closed.mean(q), gaussExpect(f, q, kinks), 1e-10, `${label}: mean`, Math.sqrt(q));
        if (closed.secondMoment)
          expectClose(
            closed.secondMoment(q),
            gaussExpect((x) => f(x) ** 2, q, kinks),
            1e-10,
            `${label}: E[φ²]`,
          );
        if (closed.derivSecondMoment) {
          expectClose(
            closed.derivSecondMoment(q),
            gaussExpect((x) => df(x) ** 2, q, kinks),
            1e-10,
            `${label}: E[φ′²]`,
          );
        }
      }
      for (const [qa, qb, c] of [
        [1, 1, 0.5],
        [0.4, 2.2, -0.7],
      ] as const) {
        if (closed.kernel) {
          const numeric = gaussExpect2((u, v) => f(u) * f(v), qa, qb, c, kinks);
          expectClose(closed.kernel(qa, qb, c), numeric, 1e-10, `${a.id} kernel`, Math.sqrt(qa * qb));
        }
        if (closed.derivKernel) {
          const numeric = gaussExpect2((u, v) => df(u) * df(v), qa, qb, c, kinks);
          expectClose(closed.derivKernel(qa, qb, c), numeric, 1e-10, `${a.id} derivative kernel`, 1);
        }
      }
    }
  });
});

describe('df(x)', () => {
  const points: number[] = [];
  for (let x = -9.3; x < 9.5; x += 0.37) points.push(x);
  points.push(-35, -22, -1.5e-3, 2.5e-3, 0.999, 1.001, 19.5, 20.5, 35);

  it.each(ACTIVATIONS.map((a) => [a.id, a] as const))('%s matches a central difference away from kinks', (_id, a) => {
    const p = defaultActivationParams(a);
    const { f, df } = a.make(p);
    const kinks = a.kinks(p);
    for (const x of points) {
      const h = 1e-5 * Math.max(1, Math.abs(x));
      if (kinks.some((k) => Math.abs(x - k) < 2 * h)) continue;
      const numeric = (f(x + h) - f(x - h)) / (2 * h);
      expect(Math.abs(df(x) - numeric), `x = ${x}`).toBeLessThanOrEqual(1e-7 * Math.max(1, Math.abs(df(x))));
    }
  });

  it("takes torch's value at kinks (relu′(0) = 0 as in jax)", () => {
    expect(fns('relu').df(0)).toBe(0);
    expect(fns('leaky_relu', { negative_slope: 0.2 }).df(0)).toBe(0.2);
    expect(fns('elu', { alpha: 0.5 }).df(0)).toBe(0.5);
    expect(fns('selu').df(0)).toBe(SELU_LAMBDA * SELU_ALPHA);
    expect(fns('hard_tanh').df(1)).toBe(0);
    expect(fns('hard_tanh').df(-1)).toBe(0);
  });

  it('keeps relative accuracy in the tails and has the right limits', () => {
    expectClose(fns('tanh').df(25), 4 / (Math.exp(25) + Math.exp(-25)) ** 2, 1e-13);
    expectClose(fns('sigmoid').df(-40), Math.exp(-40) / (1 + Math.exp(-40)) ** 2, 1e-13);
    for (const a of ACTIVATIONS) {
      const { df } = a.make(defaultActivationParams(a));
      expect(df(NaN), a.id).toBeNaN();
      if (a.id !== 'sin') {
        expect(Number.isNaN(df(Infinity)), a.id).toBe(false);
        expect(Number.isNaN(df(-Infinity)), a.id).toBe(false);
      }
    }
  });
});

describe('f(x) at the edges of float arithmetic', () => {
  it('behaves like the frameworks at ±Infinity and NaN', () => {
    const at = (id: string, x: number): number => fns(id).f(x);
    expect(at('relu', Infinity)).toBe(Infinity);
    expect(at('relu', -Infinity)).toBe(0);
    expect(at('leaky_relu', -Infinity)).toBe(-Infinity);
    expect(at('tanh', Infinity)).toBe(1);
    expect(at('tanh', -Infinity)).toBe(-1);
    expect(at('sigmoid', -Infinity)).toBe(0);
    expect(at('sigmoid', Infinity)).toBe(1);
    expect(at('softplus', Infinity)).toBe(Infinity);
    expect(at('softplus', -Infinity)).toBe(0);
    expect(at('elu', -Infinity)).toBe(-1);
    expect(at('selu', -Infinity)).toBe(-SELU_LAMBDA * SELU_ALPHA);
    expect(at('hard_tanh', -Infinity)).toBe(-1);
    for (const id of ['gelu', 'gelu_tanh', 'silu', 'linear', 'elu', 'selu'])
      expect(at(id, Infinity), id).toBe(Infinity);
    // x·gate(x) at −∞ is −∞·0: NaN in torch and jax too.
    for (const id of ['gelu', 'gelu_tanh', 'silu']) expect(at(id, -Infinity), id).toBeNaN();
    expect(at('sin', Infinity)).toBeNaN();
    for (const a of ACTIVATIONS) expect(a.make(defaultActivationParams(a)).f(NaN), a.id).toBeNaN();
  });

  it('keeps the left tails of GELU and SiLU instead of rounding them to 0', () => {
    expectClose(fns('gelu').f(-10), -10 * 7.619853024160525e-24, 1e-13);
    expectClose(fns('silu').f(-50), -50 / (1 + Math.exp(50)), 1e-15);
    expect(fns('gelu_tanh').f(-6)).toBeLessThan(0);
  });

  it("switches softplus to the identity above 20, like torch's threshold", () => {
    expect(fns('softplus').f(20.5)).toBe(20.5);
    expect(fns('softplus').f(20)).toBe(Math.log1p(Math.exp(20)));
  });
});

/** Deterministic float32 test data, including the special values. */
function sampleInputs(): Float32Array {
  const values = [0, -0, 1, -1, 20, 20.5, -20, 1e-30, -1e-30, 3e38, -3e38, Infinity, -Infinity, NaN];
  let state = 12345;
  for (let i = 0; i < 3000; i++) {
    state = (state * 1103515245 + 12345) % 2147483648;
    values.push((state / 2147483648 - 0.5) * (i % 3 === 0 ? 60 : 8));
  }
  return Float32Array.from(values);
}

describe('apply(src, dst, n)', () => {
  it.each(ACTIVATIONS.map((a) => [a.id, a] as const))(
    '%s writes Math.fround(f(x)) for the first n entries only',
    (_id, a) => {
      const { f, apply } = a.make(defaultActivationParams(a));
      const src = sampleInputs();
      const n = src.length - 5;
      const dst = new Float32Array(src.length).fill(7);
      apply(src, dst, n);
      for (let i = 0; i < n; i++) expect(Object.is(dst[i], Math.fround(f(src[i]!))), `x = ${src[i]}`).toBe(true);
      for (let i = n; i < src.length; i++) expect(dst[i]).toBe(7);
      const inPlace = src.slice();
      apply(inPlace, inPlace, n);
      expect(inPlace.subarray(0, n)).toEqual(dst.subarray(0, n));
    },
  );

  it.each(ACTIVATIONS.map((a) => [a.id, a] as const))(
    '%s reads and writes views that start inside their buffers',
    (_id, a) => {
      const { f, apply } = a.make(defaultActivationParams(a));
      const src = sampleInputs();
      const from = new Float32Array(src.length + 3);
      from.set(src, 3);
      const to = new Float32Array(src.length + 5).fill(7);
      apply(from.subarray(3), to.subarray(5), src.length);
      for (let i = 0; i < src.length; i++)
        expect(Object.is(to[5 + i], Math.fround(f(src[i]!))), `x = ${src[i]}`).toBe(true);
      expect(Array.from(to.subarray(0, 5))).toEqual([7, 7, 7, 7, 7]);
    },
  );
});

describe('countSaturated(src, n)', () => {
  it.each(ACTIVATIONS.map((a) => [a.id, a] as const))('%s counts exactly the entries with |φ′| < 0.05', (_id, a) => {
    const { df, countSaturated } = a.make(defaultActivationParams(a));
    const src = sampleInputs();
    const n = src.length - 3;
    let expected = 0;
    for (let i = 0; i < n; i++) if (Math.abs(df(src[i]!)) < SATURATION_THRESHOLD) expected++;
    expect(countSaturated(src, n)).toBe(expected);
    expect(countSaturated(src, 0)).toBe(0);
  });
});
