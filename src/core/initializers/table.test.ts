import { describe, expect, it } from 'vitest';
import { realizedVariance } from '../distributions';
import { calculateGain, defaultParams, getInitializer, INITIALIZERS, TORCH_NONLINEARITIES } from './index';

const REQUIRED: Record<string, string[]> = {
  glorot_normal: [],
  glorot_uniform: [],
  he_normal: [],
  he_uniform: [],
  lecun_normal: [],
  lecun_uniform: [],
  variance_scaling: ['scale', 'mode', 'distribution'],
  random_normal: ['std'],
  random_uniform: ['limit'],
  truncated_normal: ['std'],
  zeros: [],
  ones: [],
  orthogonal: ['gain'],
  identity: ['gain'],
  torch_xavier_normal: ['gain'],
  torch_xavier_uniform: ['gain'],
  torch_kaiming_normal: ['a', 'mode', 'nonlinearity'],
  torch_kaiming_uniform: ['a', 'mode', 'nonlinearity'],
  torch_linear_default: [],
  tf1_variance_scaling: ['factor', 'mode', 'uniform'],
  tf1_xavier: ['uniform'],
  tfjs_he_normal: [],
  tfjs_glorot_normal: [],
  tfjs_lecun_normal: [],
};

describe('the table', () => {
  it('has every required id, each once, with the fixed parameter names', () => {
    expect(new Set(INITIALIZERS.map((s) => s.id)).size).toBe(INITIALIZERS.length);
    for (const [id, params] of Object.entries(REQUIRED))
      expect(getInitializer(id)?.params.map((p) => p.name)).toEqual(params);
    expect(getInitializer('nope')).toBeUndefined();
  });

  it.each(INITIALIZERS.map((s) => [s.id, s] as const))(
    '%s: defaults in range; one-line rule, snippet and note',
    (_id, s) => {
      for (const p of s.params) {
        if (p.kind === 'number') {
          expect(Number.isFinite(p.min) && Number.isFinite(p.max)).toBe(true);
          expect(p.default).toBeGreaterThanOrEqual(p.min);
          expect(p.default).toBeLessThanOrEqual(p.max);
        }
        if (p.kind === 'enum') expect(p.choices).toContain(p.default);
        expect(p.label.length).toBeGreaterThan(0);
      }
      const p = defaultParams(s);
      expect(Object.keys(p)).toEqual(s.params.map((q) => q.name));
      for (const text of [s.rule(512, 256, p), s.snippet(p), s.note, s.label]) {
        expect(text.length).toBeGreaterThan(0);
        expect(text).not.toMatch(/[\n\r]|NaN|undefined/);
      }
      expect(s.note).toMatch(/\.$/);
      expect('biasLaw' in s).toBe(s.id === 'torch_linear_default');
    },
  );
});

describe('parameters', () => {
  it('falls back to defaults for missing, mistyped or out-of-range values instead of throwing', () => {
    for (const s of INITIALIZERS) {
      const junk = Object.fromEntries(
        s.params.map((p) => [p.name, p.kind === 'number' ? -1e9 : p.kind === 'enum' ? 'bogus' : 'yes']),
      );
      expect(s.weightLaw(300, 200, junk)).toEqual(s.weightLaw(300, 200, defaultParams(s)));
      expect(s.weightLaw(300, 200, {})).toEqual(s.weightLaw(300, 200, defaultParams(s)));
      expect(s.rule(300, 200, junk)).toBe(s.rule(300, 200, defaultParams(s)));
    }
  });

  it('matches enum choices case-insensitively and prints TF1 modes in capitals', () => {
    const vs = getInitializer('variance_scaling')!;
    const upper = vs.weightLaw(256, 768, { scale: 2, mode: 'FAN_AVG', distribution: 'Uniform' });
    expect(upper).toEqual(vs.weightLaw(256, 768, { scale: 2, mode: 'fan_avg', distribution: 'uniform' }));
    expect(realizedVariance(upper, 256, 768)).toBeCloseTo(2 / 512, 15);
    const tf1 = getInitializer('tf1_variance_scaling')!;
    expect(tf1.snippet({ factor: 2, mode: 'fan_out', uniform: true })).toBe(
      "tf.contrib.layers.variance_scaling_initializer(factor=2.0, mode='FAN_OUT', uniform=True)",
    );
    expect(tf1.weightLaw(100, 400, { factor: 2, mode: 'FAN_OUT', uniform: true })).toEqual({
      kind: 'uniform',
      lo: -Math.sqrt(6 / 400),
      hi: Math.sqrt(6 / 400),
    });
  });

  it('variance_scaling covers untruncated normal and clamps n to at least 1', () => {
    const vs = getInitializer('variance_scaling')!;
    expect(vs.weightLaw(512, 10, { scale: 1, mode: 'fan_in', distribution: 'untruncated_normal' })).toEqual({
      kind: 'normal',
      mean: 0,
      std: Math.sqrt(1 / 512),
    });
    expect(realizedVariance(vs.weightLaw(0, 0, defaultParams(vs)), 1, 1)).toBeCloseTo(1, 14);
  });

  it('prints the rule and snippet of the brief', () => {
    const he = getInitializer('he_normal')!;
    expect(he.rule(512, 512, {})).toMatch(
      /^σ̃ = √\(2 \/ fan_in\) \/ 0\.87963 = √\(2\/512\)\/0\.87963 = 0\.07105; truncated at ±2σ̃/,
    );
    expect(he.snippet({})).toBe('keras.initializers.HeNormal()');
    const kaiming = getInitializer('torch_kaiming_normal')!;
    expect(kaiming.snippet(defaultParams(kaiming))).toBe(
      "torch.nn.init.kaiming_normal_(w, a=0, mode='fan_in', nonlinearity='leaky_relu')",
    );
  });
});

describe('calculate_gain (docs/theory.md §5.3)', () => {
  it.each([
    ['linear', undefined, 1],
    ['sigmoid', undefined, 1],
    ['conv2d', undefined, 1],
    ['tanh', undefined, 1.6666666667],
    ['relu', undefined, 1.4142135624],
    ['leaky_relu', undefined, 1.414142857],
    ['leaky_relu', Math.sqrt(5), 0.5773502692],
    ['selu', undefined, 0.75],
  ] as const)('%s(%s) = %f', (name, param, gain) => {
    expect(Math.abs(calculateGain(name, param) - gain)).toBeLessThan(1e-9 * gain);
  });

  it('knows exactly PyTorch’s names and rejects others', () => {
    for (const name of TORCH_NONLINEARITIES) expect(Number.isFinite(calculateGain(name))).toBe(true);
    expect(() => calculateGain('gelu')).toThrow(RangeError);
  });
});
