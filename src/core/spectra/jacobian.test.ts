import { describe, expect, it } from 'vitest';
import { normalizeConfig, type ConfigInput } from '../config';
import { fillWeightRows, fillWeights } from '../distributions';
import { biasLawOf, fanInOf, inputLaw, resolveNetwork } from '../networkSpec';
import { Stream } from '../rng';
import type { SimConfig } from '../types';
import { jacobianLayers, jacobianSpectra, jacobianSteps, multiplyInto } from './jacobian';
import { estimateJacobianCost, fitsJacobianBudget, jacobianOverBudget } from './jacobianBudget';
import { jacobianRecords } from './jacobianRecord';
import { jacobianTheory } from './jacobianTheory';

function configOf(input: ConfigInput): SimConfig {
  const { config, issues } = normalizeConfig(input);
  expect(issues).toEqual([]);
  return config;
}

/** An independent float64 forward pass of input row 0 through the same weights, to take finite differences of. */
function forward64(config: SimConfig, x0: Float64Array, depth: number): Float64Array {
  const { init, fns } = resolveNetwork(config);
  let x = x0;
  for (let layer = 1; layer <= depth; layer++) {
    const K = fanInOf(config, layer - 1);
    const N = config.widths[layer - 1]!;
    const w = new Float32Array(K * N);
    fillWeights(init.weightLaw(K, N, config.initParams), config.seed, Stream.weights, layer, K, N, w);
    const b = new Float32Array(N);
    const law = biasLawOf(init, config, K, N);
    if (law) fillWeights(law, config.seed, Stream.bias, layer, 1, N, b);
    const next = new Float64Array(N);
    for (let j = 0; j < N; j++) {
      let h = b[j]!;
      for (let k = 0; k < K; k++) h += x[k]! * w[k * N + j]!;
      next[j] = fns.f(h);
    }
    x = next;
  }
  return x;
}

describe('jacobianLayers', () => {
  it('are 1, L/4, L/2 and L without repeats', () => {
    expect(jacobianLayers(200)).toEqual([1, 50, 100, 200]);
    expect(jacobianLayers(30)).toEqual([1, 8, 15, 30]);
    expect(jacobianLayers(2)).toEqual([1, 2]);
    expect(jacobianLayers(1)).toEqual([1]);
  });
});

describe('multiplyInto', () => {
  it('is the matrix product, with K not a multiple of four', () => {
    const m = Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]); // 2 × 5
    const w = Float64Array.from([1, 0, 0, 1, 1, 1, 2, -1, 0.5, 3]); // 5 × 2
    const out = new Float64Array(4);
    multiplyInto(m, w, out, 2, 5, 2);
    expect(Array.from(out)).toEqual([1 + 3 + 8 + 2.5, 2 + 3 - 4 + 15, 6 + 8 + 18 + 5, 7 + 8 - 9 + 30]);
  });
});

describe('the Jacobian', () => {
  it('is the derivative of the forward pass: its singular values match central differences (tanh, bias, unequal widths)', () => {
    const config = configOf({
      init: 'glorot_normal',
      activation: 'tanh',
      width: [7, 5, 6],
      inputDim: 4,
      batch: 3,
      seed: 5,
      biasStd: '0.3',
    });
    const x0 = new Float32Array(config.batch * 4);
    fillWeightRows(
      { law: inputLaw(config), seed: config.seed, kind: Stream.input, layer: 0, rows: config.batch, cols: 4 },
      0,
      1,
      x0,
    );
    const base = Float64Array.from(x0.subarray(0, 4));
    // Central differences of the float64 forward pass: error O(ε²·φ‴) ≈ 1e-12 plus rounding
    // ε₆₄·|x|/ε ≈ 1e-10, so the Jacobian is known to ~1e-9 — far inside the 1e-7 asked.
    const step = 1e-5;
    const numeric = new Float64Array(4 * 6);
    for (let i = 0; i < 4; i++) {
      const up = Float64Array.from(base);
      const down = Float64Array.from(base);
      up[i]! += step;
      down[i]! -= step;
      const fu = forward64(config, up, 3);
      const fd = forward64(config, down, 3);
      for (let j = 0; j < 6; j++) numeric[i * 6 + j] = (fu[j]! - fd[j]!) / (2 * step);
    }
    const [spectrum] = jacobianSpectra(config, { layers: [3] });
    // Singular values of the numeric Jacobian by the same Gram route would not be independent, so
    // compare invariants instead: Σσ² = ‖J‖²_F and the largest σ² within the Frobenius bound.
    const frob = numeric.reduce((s, v) => s + v * v, 0);
    const values = Array.from(spectrum!.singularValues);
    expect(values).toHaveLength(4);
    expect(values.reduce((s, v) => s + v * v, 0)).toBeCloseTo(frob, 7);
  });

  it('of a linear orthogonal network of depth 200 has every singular value within 1e-5 of 1', () => {
    // Each float32-rounded orthogonal W is W₀ + E with E's entries ≲ 2⁻²⁴·|w| in random directions,
    // so ‖E‖₂ ≈ 2·2⁻²⁴/√3 ≈ 7·10⁻⁸ whatever the width; the products' first-order perturbations add
    // up like a sum of 200 independent random matrices, √200·7·10⁻⁸ ≈ 10⁻⁶. The float64 products and
    // the Gram eigenvalues add ~√N·ε₆₄ per layer. 10⁻⁵, the issue's figure, is ten times that.
    const config = configOf({ init: 'orthogonal', activation: 'linear', depth: 200, width: 128, batch: 4 });
    const spectra = jacobianSpectra(config);
    expect(spectra.map((s) => s.layer)).toEqual([1, 50, 100, 200]);
    for (const s of spectra) {
      expect(s.singularValues).toHaveLength(128);
      for (const v of s.singularValues) expect(Math.abs(v - 1)).toBeLessThan(1e-5);
    }
  });

  it('of linear Gaussian networks has a mean square within the finite-width band, and a spread that widens with depth', () => {
    const N = 64;
    const depth = 16;
    const seeds = 12;
    const ratios: number[] = [];
    for (let seed = 1; seed <= seeds; seed++) {
      const config = configOf({
        init: 'random_normal',
        initParams: { std: String(1 / Math.sqrt(N)) },
        activation: 'linear',
        depth,
        width: N,
        batch: 1,
        seed,
      });
      const records = jacobianRecords(config);
      const theory = jacobianTheory(config, [depth])[0]!;
      const last = records.at(-1)!;
      expect(theory.meanSquare).toBeCloseTo(1, 6); // σ_w² = N·(1/√N)² = 1
      expect(theory.meanSquareRelativeSd).toBeCloseTo(Math.sqrt(depth * (depth + 1)) / N, 12);
      ratios.push(last.singularValues.meanSquare / theory.meanSquare!);
      // The spread widens with depth: the 5–95 % range of σ, and Var(σ²)/E[σ²]².
      const spans = records.map((r) => r.singularValues.quantiles[4]! / r.singularValues.quantiles[0]!);
      for (let i = 1; i < spans.length; i++) expect(spans[i]!).toBeGreaterThan(spans[i - 1]!);
      const spreads = records.map((r) => r.singularValues.relativeVariance);
      for (let i = 1; i < spreads.length; i++) expect(spreads[i]!).toBeGreaterThan(spreads[i - 1]!);
    }
    const sd = Math.sqrt(depth * (depth + 1)) / N; // 0.26
    // Each seed within 4 band widths (the ratio is a product of 16 independent χ²-like factors, close
    // to log-normal with σ ≈ 0.26, so 4σ holds with probability > 0.999 per seed).
    for (const r of ratios) expect(Math.abs(r - 1)).toBeLessThan(4 * sd);
    // And the band is the right width: the sample sd of 12 seeds over the predicted sd lies in
    // √(χ²₁₁ quantiles 0.1 %, 99.9 %)/√11 = [0.40, 1.70] for normal data; 0.3…2 allows the skew.
    const mean = ratios.reduce((s, r) => s + r, 0) / seeds;
    const sampleSd = Math.sqrt(ratios.reduce((s, r) => s + (r - mean) ** 2, 0) / (seeds - 1));
    expect(sampleSd / sd).toBeGreaterThan(0.3);
    expect(sampleSd / sd).toBeLessThan(2);
  });

  it('pools the singular values of several inputs, and streams a step per layer', () => {
    const config = configOf({ init: 'he_normal', activation: 'relu', depth: 6, width: 12, batch: 5 });
    const steps = [...jacobianSteps(config, { inputs: 3 })];
    expect(steps.filter((s) => s.kind === 'layer').map((s) => s.layer)).toEqual([1, 2, 3, 4, 5, 6]);
    const spectra = steps.filter((s) => s.kind === 'spectrum');
    expect(spectra.map((s) => s.layer)).toEqual([1, 2, 3, 6]);
    for (const s of spectra) expect(s.singularValues).toHaveLength(36);
    // ReLU's D depends on the input; a linear network's does not, so its three copies coincide.
    const linear = configOf({ init: 'he_normal', activation: 'linear', depth: 3, width: 12, batch: 5 });
    const pooled = jacobianSpectra(linear, { inputs: 3 }).at(-1)!.singularValues;
    for (let i = 0; i < 36; i += 3) expect(pooled[i + 2]! - pooled[i]!).toBeLessThan(1e-12 * pooled[i]!);
    expect(() => [...jacobianSteps(config, { inputs: 6 })]).toThrow(RangeError);
    expect(() => [...jacobianSteps(config, { layers: [7] })]).toThrow(RangeError);
  });

  it('reports an overflowed product as such, never as NaN singular values, and huge finite ones exactly', () => {
    // σ ≈ 100·√8 ≈ 283 per layer: 283⁹⁰ ≈ 10²²⁰ is finite (its square is not), 283¹⁵⁰ overflows.
    const config = (depth: number) =>
      configOf({ init: 'random_normal', initParams: { std: '100' }, activation: 'linear', depth, width: 8, batch: 1 });
    const last = jacobianSpectra(config(150)).at(-1)!;
    expect(last.finite).toBe(false);
    expect(last.singularValues).toHaveLength(0);
    const huge = jacobianRecords(config(90)).at(-1)!;
    expect(Math.log10(huge.singularValues.max)).toBeGreaterThan(150);
    // Its mean square, ~10⁴⁴⁰, is past float64 in the measurement and in the theory alike.
    expect(huge.singularValues.meanSquare).toBe(Infinity);
    expect(huge.theory.meanSquare).toBe(Infinity);
  });
});

describe('the Jacobian theory', () => {
  it('is ∏χ₁ for the mean square, and the free-probability spread for linear, ReLU and orthogonal weights', () => {
    const at = (input: ConfigInput, layer: number) =>
      jacobianTheory(configOf({ depth: 20, width: 32, batch: 1, ...input }), [layer])[0]!;
    expect(at({ init: 'orthogonal', activation: 'linear' }, 20).relativeVariance).toBeCloseTo(0, 12);
    expect(at({ init: 'he_normal', activation: 'linear' }, 20).relativeVariance).toBeCloseTo(20, 9);
    expect(
      at({ init: 'orthogonal', activation: 'relu', initParams: { gain: String(Math.SQRT2) } }, 10).relativeVariance,
    ).toBeCloseTo(10, 6);
    expect(at({ init: 'torch_kaiming_normal', activation: 'relu' }, 10).relativeVariance).toBeCloseTo(20, 6);
    expect(at({ init: 'torch_kaiming_normal', activation: 'relu' }, 10).meanSquare).toBeCloseTo(1, 9);
    expect(at({ init: 'identity', activation: 'tanh' }, 5).relativeVariance).toBeNull();
    // Unequal widths: no free-probability result, but the mean square still holds (N_l/min(N_0, N_l)).
    const wide = jacobianTheory(
      configOf({ init: 'he_normal', activation: 'linear', width: [8, 16], inputDim: 8, batch: 1 }),
      [2],
    )[0]!;
    expect(wide.relativeVariance).toBeNull();
    expect(wide.meanSquare).toBeCloseTo(2 * 2 * 2, 9); // χ₁ = σ_w² = 2 per layer, times N_2/N_0 = 2
  });
});

describe('the Jacobian budget', () => {
  it('accepts the default network and refuses a 4,096-wide one with an estimate and a smaller width', () => {
    expect(
      fitsJacobianBudget(
        estimateJacobianCost({ widths: Array<number>(30).fill(256), inputDim: 256 }, jacobianLayers(30), 1),
      ),
    ).toBe(true);
    const message = jacobianOverBudget(
      { widths: Array<number>(200).fill(4096), inputDim: 4096 },
      jacobianLayers,
      1,
      'flags',
    );
    expect(message).toMatch(
      /^--jacobian on 200 layers up to 4096 wide needs [\d.]+ TFLOP of float64 products \(about [\d.]+ h here\)/,
    );
    // Even one layer of 4,096 costs a 4,096³ Gram reduction, so only a narrower width fits.
    expect(message).toMatch(/; the limit is about 50 s and 1 GB — try --width \d+$/);
    const width = Number(/--width (\d+)/.exec(message!)![1]);
    expect(
      fitsJacobianBudget(
        estimateJacobianCost({ widths: Array<number>(200).fill(width), inputDim: width }, jacobianLayers(200), 1),
      ),
    ).toBe(true);
    expect(
      fitsJacobianBudget(
        estimateJacobianCost(
          { widths: Array<number>(200).fill(2 * width), inputDim: 2 * width },
          jacobianLayers(200),
          1,
        ),
      ),
    ).toBe(false);
  });
});
