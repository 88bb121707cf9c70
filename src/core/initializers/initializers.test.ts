import { describe, expect, it } from 'vitest';
import { fillWeights, lawBound, lawMean, realizedVariance } from '../distributions';
import { truncatedStandardNormalMoments } from '../gaussian';
import { Stream } from '../rng';
import type { WeightLaw } from '../types';
import { defaultParams, getInitializer, INITIALIZERS } from './index';
import type { InitializerSpec } from './index';

const SIZE = 512;
const n = SIZE * SIZE;

function spec(id: string): InitializerSpec {
  const found = getInitializer(id);
  if (!found) throw new Error(`missing initializer ${id}`);
  return found;
}

function law(id: string, fanIn = SIZE, fanOut = SIZE, p?: Record<string, number | string | boolean>): WeightLaw {
  const s = spec(id);
  return s.weightLaw(fanIn, fanOut, p ?? defaultParams(s));
}

/** Kurtosis E[w⁴]/E[w²]² of a centred entry-wise law. */
function kurtosis(w: WeightLaw): number {
  switch (w.kind) {
    case 'normal':
      return 3;
    case 'uniform':
      return 1.8;
    case 'truncated_normal': {
      const { secondMoment, fourthMoment } = truncatedStandardNormalMoments(w.bound / w.std);
      return fourthMoment / secondMoment ** 2;
    }
    default:
      throw new Error(`${w.kind} is not entry-wise`);
  }
}

/** |x − expected| ≤ rel·|expected| */
const near = (x: number, expected: number, rel: number) =>
  expect(Math.abs(x - expected)).toBeLessThanOrEqual(rel * Math.abs(expected));

describe.each(INITIALIZERS.map((s, index) => [s.id, s, index] as const))('%s on a 512×512 kernel', (_id, s, index) => {
  const w = s.weightLaw(SIZE, SIZE, defaultParams(s));
  const out = new Float32Array(n);
  // A layer of its own per initializer, so the tests draw independent samples.
  fillWeights(w, 11, Stream.weights, index + 1, SIZE, SIZE, out);
  let s1 = 0;
  let s2 = 0;
  let largest = 0;
  for (const x of out) {
    s1 += x;
    s2 += x * x;
    largest = Math.max(largest, Math.abs(x));
  }
  const mean = s1 / n;
  const variance = s2 / n - mean * mean;
  const exact = realizedVariance(w, SIZE, SIZE);

  it('stays within its bound', () => {
    expect(largest).toBeLessThanOrEqual(lawBound(w));
  });

  if (w.kind === 'normal' || w.kind === 'truncated_normal' || w.kind === 'uniform') {
    it('has the exact variance within 5 SE, SE = √((κ − 1)/n)·Var', () => {
      expect(Math.abs(variance - exact)).toBeLessThan(5 * Math.sqrt((kurtosis(w) - 1) / n) * exact);
    });
    it('has the exact mean within 5 SE, SE = √(Var/n)', () => {
      expect(Math.abs(mean - lawMean(w, SIZE, SIZE))).toBeLessThan(5 * Math.sqrt(exact / n));
    });
  }
  if (w.kind === 'normal') {
    it('is not truncated: P(|w| > 2σ) = 0.0455 within 5 binomial SE', () => {
      const p = 0.04550026389635842;
      const beyond = out.reduce((count, x) => count + (Math.abs(x - w.mean) > 2 * w.std ? 1 : 0), 0);
      expect(beyond).toBeGreaterThan(0);
      expect(Math.abs(beyond / n - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / n));
    });
  }
  if (w.kind === 'orthogonal') {
    it('has mean square gain²/512 (rounding only)', () => near(s2 / n, exact, 1e-5));
  }
  if (w.kind === 'constant' || w.kind === 'identity') {
    it('is exact', () => {
      for (let i = 0; i < SIZE; i++)
        for (let j = 0; j < SIZE; j++) {
          const expected = w.kind === 'constant' ? w.value : i === j ? w.gain : 0;
          if (out[i * SIZE + j] !== expected) expect(out[i * SIZE + j]).toBe(expected);
        }
    });
  }
});

describe('initializer laws (docs/theory.md §5)', () => {
  it('Keras HeNormal at fan_in 512: σ̃ = 0.0710529521, bound 0.1421059043, Var = 2/512 exactly', () => {
    const w = law('he_normal');
    if (w.kind !== 'truncated_normal') throw new Error('he_normal must be a truncated normal');
    near(w.std, 0.0710529521, 1e-9);
    near(w.bound, 0.1421059043, 1e-9);
    near(realizedVariance(w, SIZE, SIZE), 2 / 512, 1e-14);
  });

  it('Keras worked values: LeCun/Glorot normal σ̃ 0.0502420243, Glorot/LeCun uniform 0.0765465545, He uniform 0.1082531755', () => {
    for (const id of ['lecun_normal', 'glorot_normal']) {
      const w = law(id);
      near(w.kind === 'truncated_normal' ? w.std : NaN, 0.0502420243, 1e-9);
      near(realizedVariance(w, SIZE, SIZE), 1 / 512, 1e-14);
    }
    for (const [id, limit] of [
      ['glorot_uniform', 0.0765465545],
      ['lecun_uniform', 0.0765465545],
      ['he_uniform', 0.1082531755],
    ] as const) {
      const w = law(id);
      near(w.kind === 'uniform' ? w.hi : NaN, limit, 1e-9);
    }
  });

  it('TF.js: realized Var = 0.7737413035 × nominal', () => {
    near(realizedVariance(law('tfjs_he_normal'), SIZE, SIZE) / (2 / 512), 0.7737413035, 1e-9);
    near(realizedVariance(law('tfjs_lecun_normal'), SIZE, SIZE) / (1 / 512), 0.7737413035, 1e-9);
    near(realizedVariance(law('tfjs_glorot_normal', 256, 768), 256, 768) / (2 / 1024), 0.7737413035, 1e-9);
  });

  it('tf.contrib: realized Var = 1.0058636946 × nominal; xavier normal σ = 0.0503891 at 512×512', () => {
    near(realizedVariance(law('tf1_variance_scaling'), SIZE, SIZE) / (2 / 512), 1.0058636946, 1e-9);
    const xavier = law('tf1_xavier', SIZE, SIZE, { uniform: false });
    near(xavier.kind === 'truncated_normal' ? xavier.std : NaN, 0.0503891, 1e-6);
    near(realizedVariance(xavier, SIZE, SIZE), 2.01173 / 1024, 1e-5);
  });

  it('Keras TruncatedNormal is not corrected: realized std = 0.05 × 0.8796', () => {
    near(Math.sqrt(realizedVariance(law('truncated_normal'), SIZE, SIZE)), 0.05 * 0.8796256610342398, 1e-14);
  });

  it('nn.Linear(512, 512): weight and bias bound 0.0441941738, Var 6.5104167e-4', () => {
    const s = spec('torch_linear_default');
    for (const w of [s.weightLaw(SIZE, SIZE, {}), s.biasLaw?.(SIZE, SIZE, {})]) {
      if (w?.kind !== 'uniform') throw new Error('nn.Linear laws are uniform');
      near(w.hi, 0.0441941738, 1e-9);
      near(-w.lo, 0.0441941738, 1e-9);
      near(realizedVariance(w, 1, SIZE), 6.5104167e-4, 1e-8);
    }
  });
});

describe('PyTorch kaiming and xavier', () => {
  it('kaiming_normal default is He: σ = √2/√fan_in, untruncated', () => {
    const w = law('torch_kaiming_normal');
    expect(w.kind).toBe('normal');
    near(w.kind === 'normal' ? w.std : NaN, Math.SQRT2 / Math.sqrt(512), 1e-15);
  });

  it('uses fan_out and the tanh gain when asked, and ignores a except for leaky_relu', () => {
    const p = { a: 3, mode: 'fan_out', nonlinearity: 'tanh' };
    const w = law('torch_kaiming_normal', 256, 1024, p);
    near(w.kind === 'normal' ? w.std : NaN, 5 / 3 / 32, 1e-15);
    const u = law('torch_kaiming_uniform', 256, 1024, { a: Math.sqrt(5), mode: 'fan_in', nonlinearity: 'leaky_relu' });
    near(u.kind === 'uniform' ? u.hi : NaN, 1 / 16, 1e-15); // = nn.Linear's 1/√fan_in
  });

  it('xavier uses gain·√(2/(fan_in + fan_out)), untruncated', () => {
    const w = law('torch_xavier_normal', 256, 768, { gain: 2 });
    near(w.kind === 'normal' ? w.std : NaN, 2 * Math.sqrt(2 / 1024), 1e-15);
    const u = law('torch_xavier_uniform', 256, 768, { gain: 2 });
    near(u.kind === 'uniform' ? u.hi : NaN, 2 * Math.sqrt(6 / 1024), 1e-15);
  });
});
