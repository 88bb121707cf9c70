// Property-based fuzzing of the engine: every initializer × activation, random parameters within
// their specs, widths lists, batches of 1–16 and biases up to 10. Whatever the numbers do, the
// statistics are finite or the layer says why not (overflow/underflow/dead and non-finite
// counts); histograms account for every value; the theory is a number, null or an honest ±Inf.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTIVATIONS } from './activations';
import { normalizeConfig } from './config';
import { INITIALIZERS } from './initializers';
import { simulate, theoryFor } from './network';
import { HISTOGRAM_BINS } from './stats';
import type { LayerStats, LayerTheory, ParamSpec, ParamValue, ParamValues, SimConfig, TensorStats } from './types';

function paramValue(spec: ParamSpec): fc.Arbitrary<ParamValue> {
  if (spec.kind === 'boolean') return fc.boolean();
  if (spec.kind === 'enum') return fc.constantFrom(...spec.choices);
  // The ends of a range are where numbers break: weight std 0 or 100, slope 1, alpha 10.
  return fc.oneof(
    fc.constantFrom(spec.min, spec.max, spec.default),
    fc.double({ min: spec.min, max: spec.max, noNaN: true }),
  );
}

function paramValues(specs: readonly ParamSpec[]): fc.Arbitrary<Partial<Record<string, ParamValue>>> {
  return fc.record(Object.fromEntries(specs.map((s) => [s.name, paramValue(s)])), { requiredKeys: [] });
}

const widths = fc.oneof(
  fc
    .tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 24 }))
    .map(([depth, width]) => new Array<number>(depth).fill(width)),
  fc.array(fc.integer({ min: 1, max: 24 }), { minLength: 1, maxLength: 12 }),
  // Narrow and deep: long enough for ones, N(0, 100²) or a big bias to leave float32's range.
  fc
    .tuple(fc.integer({ min: 30, max: 80 }), fc.integer({ min: 1, max: 6 }))
    .map(([depth, width]) => new Array<number>(depth).fill(width)),
);

function configArb(shape: fc.Arbitrary<number[]>, batch: fc.Arbitrary<number>): fc.Arbitrary<SimConfig> {
  return fc
    .tuple(fc.constantFrom(...INITIALIZERS), fc.constantFrom(...ACTIVATIONS))
    .chain(([init, act]) =>
      fc.record({
        init: fc.constant(init.id),
        activation: fc.constant(act.id),
        initParams: paramValues(init.params),
        activationParams: paramValues(act.params),
        width: shape,
        inputDim: fc.option(fc.integer({ min: 1, max: 24 }), { nil: undefined }),
        batch,
        seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        biasStd: fc.oneof(fc.constantFrom(0, 10), fc.double({ min: 0, max: 10, noNaN: true })),
        input: fc.constantFrom('normal', 'uniform'),
      }),
    )
    .map((input) => {
      const { config, issues } = normalizeConfig(input);
      // The generator stays inside every spec, so nothing may need correcting.
      expect(issues).toEqual([]);
      return config;
    });
}

const nonFiniteCount = (t: TensorStats) => t.nonFinite.posInf + t.nonFinite.negInf + t.nonFinite.nan;

function checkTensor(where: string, t: TensorStats, size: number, flagged: boolean, problems: string[]): void {
  const bad = nonFiniteCount(t);
  // A non-finite moment is allowed only where the tensor holds non-finite values and the layer
  // says it overflowed; NaN additionally needs NaNs or both signs of Inf (Inf − Inf).
  for (const [name, v] of [
    ['mean', t.mean],
    ['variance', t.variance],
    ['secondMoment', t.secondMoment],
  ] as const) {
    if (Number.isFinite(v)) continue;
    if (bad === 0 || !flagged)
      problems.push(`${where}.${name} = ${v} with ${bad} non-finite values, flagged ${flagged}`);
    if (Number.isNaN(v) && t.nonFinite.nan === 0 && (t.nonFinite.posInf === 0 || t.nonFinite.negInf === 0))
      problems.push(`${where}.${name} is NaN without a reason`);
  }
  if (bad === 0 && !(t.min <= t.max)) problems.push(`${where}: min ${t.min} > max ${t.max}`);
  // Extremes are NaN only for a tensor of nothing but NaN: no value to be smallest or largest.
  const allNaN = t.nonFinite.nan === size;
  if ((Number.isNaN(t.min) || Number.isNaN(t.max)) !== allNaN)
    problems.push(`${where}: min ${t.min}, max ${t.max} with ${t.nonFinite.nan} NaN of ${size}`);
  if (!(t.fractionZero >= 0 && t.fractionZero <= 1)) problems.push(`${where}.fractionZero = ${t.fractionZero}`);
  const h = t.histogram;
  const counted = h.counts.reduce((a, b) => a + b, 0);
  if (h.counts.length !== HISTOGRAM_BINS) problems.push(`${where}: ${h.counts.length} bins`);
  if (counted + bad !== size) problems.push(`${where}: histogram ${counted} + non-finite ${bad} ≠ ${size}`);
  if (!(Number.isFinite(h.lo) && Number.isFinite(h.hi) && h.lo <= h.hi))
    problems.push(`${where}: histogram range ${h.lo}…${h.hi}`);
}

function checkTheory(where: string, t: LayerTheory, problems: string[]): void {
  for (const [name, v] of Object.entries(t)) {
    if (v !== null && (typeof v !== 'number' || Number.isNaN(v)))
      problems.push(`${where}.theory.${name} = ${String(v)}`);
  }
}

function checkLayer(config: SimConfig, s: LayerStats, i: number, problems: string[]): void {
  const where = `layer ${s.layer}`;
  const size = config.batch * s.fanOut;
  if (
    s.layer !== i + 1 ||
    s.fanOut !== config.widths[i] ||
    s.fanIn !== (i === 0 ? config.inputDim : config.widths[i - 1])
  )
    problems.push(`${where}: shape`);
  const overflow = s.status === 'overflow';
  if (overflow !== nonFiniteCount(s.preactivation) > 0)
    problems.push(`${where}: status ${s.status} with ${nonFiniteCount(s.preactivation)} non-finite`);
  const allZero = s.preactivation.fractionZero === 1;
  if ((s.status === 'underflow' || s.status === 'dead') !== allZero)
    problems.push(`${where}: status ${s.status}, fraction zero ${s.preactivation.fractionZero}`);
  checkTensor(`${where}.preactivation`, s.preactivation, size, overflow, problems);
  // φ may overflow a finite h (selu: λ·3.3e38 > float32 max), flagged by its own Inf count; a
  // NaN activation needs a non-finite h (sin(Inf), or −Inf·0 in gelu and silu, as in torch).
  checkTensor(`${where}.activation`, s.activation, size, nonFiniteCount(s.activation) > 0, problems);
  if (s.activation.nonFinite.nan > 0 && !overflow) problems.push(`${where}: φ made NaN from finite pre-activations`);
  if (!(s.activation.fractionSaturated >= 0 && s.activation.fractionSaturated <= 1))
    problems.push(`${where}.fractionSaturated`);
  for (const [name, v] of Object.entries(s.weights))
    if (!Number.isFinite(v)) problems.push(`${where}.weights.${name} = ${v}`);
  checkTheory(where, s.theory, problems);
}

/** float32 values where activations break: the ends of the range, subnormals, signed zeros. */
const extremeFloat = fc.oneof(
  fc.constantFrom(
    Infinity,
    -Infinity,
    NaN,
    3.4028234663852886e38,
    -3.4028234663852886e38,
    1.1754943508222875e-38,
    1e-45,
    -1e-45,
    0,
    -0,
    88.8,
    -88.8,
    710,
    -710,
  ),
  fc.float({ noDefaultInfinity: false }),
);

/** Where a NaN output is what the frameworks give too: sin(±∞), and −∞·0 in x·Φ(x) and x·σ(x). */
const NAN_AT_INFINITY = new Set(['sin', 'gelu', 'gelu_tanh', 'silu']);

/** A time box for a shared, loaded machine; the cases themselves take seconds. */
const TIME_BOX_MS = 300_000;

describe('activations under fuzzing', () => {
  it(
    'φ never turns a number into NaN, and is finite wherever the true value fits float32',
    () => {
      const act = fc
        .constantFrom(...ACTIVATIONS)
        .chain((spec) => fc.tuple(fc.constant(spec), paramValues(spec.params)));
      fc.assert(
        fc.property(act, fc.array(extremeFloat, { minLength: 1, maxLength: 32 }), ([spec, raw], values) => {
          const params: ParamValues = Object.fromEntries(spec.params.map((p) => [p.name, raw[p.name] ?? p.default]));
          const fns = spec.make(params);
          const x = Float32Array.from(values);
          const y = new Float32Array(x.length);
          fns.apply(x, y, x.length);
          const problems: string[] = [];
          x.forEach((v, i) => {
            const out = y[i]!;
            if (Number.isNaN(out) && !Number.isNaN(v) && !(NAN_AT_INFINITY.has(spec.id) && !Number.isFinite(v)))
              problems.push(`${spec.id}(${v}) = NaN`);
            // A finite input gives a finite output unless φ(x) itself exceeds float32 (|φ(x)| ≤ 1.06·|x| + 10 here).
            if (Number.isFinite(v) && !Number.isFinite(out) && !Number.isNaN(out) && Math.abs(v) < 3e38)
              problems.push(`${spec.id}(${v}) = ${out}`);
          });
          expect(problems).toEqual([]);
        }),
        { seed: 4_242, numRuns: 2_000 },
      );
    },
    TIME_BOX_MS,
  );

  it('leaky ReLU with slope 0 is ReLU at −Infinity too (found by the property above)', () => {
    const fns = ACTIVATIONS.find((a) => a.id === 'leaky_relu')!.make({ negative_slope: 0 });
    const y = new Float32Array(2);
    fns.apply(Float32Array.of(-Infinity, -3), y, 2);
    expect([...y].map((v) => v === 0)).toEqual([true, true]);
    expect(fns.f(-Infinity) === 0).toBe(true);
  });
});

describe('engine under fuzzing', () => {
  it(
    'statistics are finite or flagged, histograms count every value, theory is never NaN',
    () => {
      fc.assert(
        fc.property(configArb(widths, fc.integer({ min: 1, max: 16 })), (config) => {
          const layers = simulate(config);
          const problems: string[] = [];
          if (layers.length !== config.widths.length)
            problems.push(`${layers.length} layers for depth ${config.widths.length}`);
          layers.forEach((s, i) => checkLayer(config, s, i, problems));
          expect(problems).toEqual([]);
        }),
        { seed: 1_234_567, numRuns: 400 },
      );
    },
    TIME_BOX_MS,
  );

  it(
    'the theory alone, at full depth and width, is never NaN',
    () => {
      const big = fc
        .tuple(fc.integer({ min: 1, max: 2000 }), fc.integer({ min: 1, max: 4096 }))
        .map(([depth, width]) => new Array<number>(depth).fill(width));
      fc.assert(
        fc.property(configArb(big, fc.constant(1)), (config) => {
          const problems: string[] = [];
          theoryFor(config).forEach((t, i) => checkTheory(`layer ${i + 1}`, t, problems));
          expect(problems).toEqual([]);
        }),
        { seed: 7_654_321, numRuns: 100 },
      );
    },
    TIME_BOX_MS,
  );
});
