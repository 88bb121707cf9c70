import { describe, expect, it } from 'vitest';
import { simulateWithGradients } from '../core/backward';
import { normalizeConfig, type ConfigInput } from '../core/config';
import { simulate } from '../core/network';
import { fakeLayers, geometric } from '../charts/testData';
import { judgeRun, verdictRecord, withVerdict } from './runVerdict';
import { explainRun } from './verdictExplanations';
import { runRecord } from '../core/records';

function run(input: ConfigInput, backward = true) {
  const { config, issues } = normalizeConfig(input);
  expect(issues).toEqual([]);
  const { layers, gradients } = backward
    ? simulateWithGradients(config, { correlations: 'measured' })
    : { layers: simulate(config, undefined, { correlations: 'measured' }), gradients: [] };
  return { config, layers, gradients, verdict: judgeRun(config, layers, gradients) };
}

// The four cases of the verdict's contract, on the engine (seed 1, batch 128, width 256).
describe('judgeRun on the engine', () => {
  it('He normal + ReLU, depth 30: stable, preserved, stable — and the headline is green', () => {
    const { verdict } = run({ init: 'he_normal', activation: 'relu', depth: 30, width: 256 });
    expect(verdictRecord(verdict)).toEqual({
      size: 'stable',
      inputs: 'preserved',
      gradient: 'stable',
      headline: 'stable',
    });
    // ReLU's correlation map is scale invariant: κ = 1 exactly, whatever the measured size.
    expect(verdict.inputs.measured.factor).toBeCloseTo(1, 12);
    expect(verdict.text).toMatch(/^stable: ×(0\.9\d|1\.\d\d) per layer; inputs stay distinct; gradients stable ×/);
    expect(explainRun(verdict)).toMatch(/good initialization/);
  });

  it('Glorot uniform + ReLU, depth 30: vanishing forward and backward, headline vanishing', () => {
    const { verdict } = run({ init: 'glorot_uniform', activation: 'relu', depth: 30 });
    const record = verdictRecord(verdict);
    expect(record).toMatchObject({ size: 'vanishing', gradient: 'vanishing', headline: 'vanishing' });
    expect(verdict.text).toMatch(/^vanishing: ×0\.5\d per layer; gradients vanish ×0\.5\d per layer toward the input$/);
  });

  it('nn.Linear default + ReLU, depth 30: stable size, but ordered — the bias has taken over; gradients vanish', () => {
    const { verdict, layers } = run({ init: 'torch_linear_default', activation: 'relu', depth: 30 });
    expect(verdictRecord(verdict)).toEqual({
      size: 'stable',
      inputs: 'ordered',
      gradient: 'vanishing',
      headline: 'ordered',
    });
    // κ at the fixed point: σ_w²q*/2 / (σ_w²q*/2 + σ_b²) = χ₁ = σ_w²/2 = 1/6 with σ_w² = 1/3.
    expect(verdict.inputs.measured.factor!).toBeGreaterThan(0.15);
    expect(verdict.inputs.measured.factor!).toBeLessThan(0.19);
    const same = verdict.inputs.measured.sameFrom!;
    expect(layers[same - 1]!.correlation!.measured!).toBeGreaterThanOrEqual(0.99);
    expect(layers[same - 2]!.correlation!.measured!).toBeLessThan(0.99);
    expect(verdict.text).toMatch(
      /^ordered: the bias has taken over by layer \d — every input gives nearly the same output from layer \d; gradients vanish ×0\.1\d per layer toward the input$/,
    );
    expect(explainRun(verdict)).toMatch(/forgotten its input/);
  });

  it('torch kaiming normal with tanh gain (σ_w² = 25/9), tanh, depth 30: stable size, chaotic, gradients explode', () => {
    const { verdict } = run({
      init: 'torch_kaiming_normal',
      initParams: { nonlinearity: 'tanh' },
      activation: 'tanh',
      depth: 30,
    });
    expect(verdictRecord(verdict)).toEqual({
      size: 'stable',
      inputs: 'chaotic',
      gradient: 'exploding',
      headline: 'chaotic',
    });
    // χ₁ at q* = 1.178 is 1.21 (Poole et al. 2016's σ_w² = 25/9 example); κ = χ₁ at a fixed point.
    expect(verdict.inputs.measured.factor!).toBeCloseTo(1.21, 1);
    expect(verdict.gradient!.chi1!).toBeCloseTo(1.21, 1);
    expect(verdict.text).toMatch(
      /^chaotic: nearby inputs are pulled apart ×1\.2\d? per layer — correlation 0\.00 at layer 30; gradients explode ×1\.\d+ per layer toward the input$/,
    );
  });

  it('without the backward pass there is no gradient part, and the inputs verdict is the same', () => {
    const forward = run({ init: 'torch_linear_default', activation: 'relu', depth: 30 }, false).verdict;
    expect(verdictRecord(forward)).toEqual({ size: 'stable', inputs: 'ordered', headline: 'ordered' });
  });

  it('judges a bottleneck over all its layers, not the widening half only', () => {
    const widths = '512,256,128,64,32,64,128,256,512';
    const { verdict } = run({ init: 'glorot_normal', activation: 'linear', width: widths });
    // Grows ×4/3 while narrowing and ×2/3 while widening: q ends at (8/9)⁴ ≈ 0.62 of where it began.
    expect(verdictRecord(verdict)).toEqual({
      size: 'stable',
      inputs: 'preserved',
      gradient: 'stable',
      headline: 'stable',
    });
  });

  it('takes the theory’s side of a band edge that the measurement cannot resolve (fan_avg through a funnel)', () => {
    const widths = '512,406,323,256,203,161,128,102,81,64';
    // σ_w² = 2·fan_in/(fan_in + fan_out) = 1.115 per narrowing layer, just past the edge at 1/0.9.
    for (const seed of [1, 2, 3]) {
      const { verdict } = run({
        init: 'variance_scaling',
        initParams: { mode: 'fan_avg' },
        activation: 'linear',
        width: widths,
        seed,
      });
      expect(verdict.size.theory!.kind).toBe('exploding');
      expect(verdictRecord(verdict)).toMatchObject({ size: 'exploding', gradient: 'vanishing', headline: 'exploding' });
      expect(verdict.disagreements).toEqual([]);
    }
  });

  it('keeps a measurement that the drift-corrected theory agrees with (width 16: one network drifts below the mean field)', () => {
    const { verdict } = run({ init: 'he_normal', activation: 'relu', depth: 50, width: 16 });
    expect(verdict.size.measured.kind).toBe('vanishing');
    expect(verdict.size.theory!.kind).toBe('stable');
    expect(verdict.disagreements.join(' ')).toMatch(
      /disagree on the size: measured vanishing: ×0\.\d+ per layer, theory stable: ×1\.00 per layer/,
    );
    expect(verdict.disagreements.at(-1)).toMatch(/at width 16 one network strays far from the mean-field average/);
  });

  it('a dead network is dead first, and its inputs all give the same output', () => {
    const { verdict } = run({ init: 'zeros', activation: 'relu', depth: 30 });
    expect(verdictRecord(verdict)).toEqual({
      size: 'dead',
      inputs: 'ordered',
      gradient: 'vanishing',
      headline: 'dead',
    });
    expect(verdict.disagreements).toEqual([]);
  });

  it('puts the verdict after the config in the export record', () => {
    const { config, layers, gradients, verdict } = run({ depth: 5, width: 32, batch: 16 });
    expect(Object.keys(withVerdict(runRecord(config, layers, gradients), verdict))).toEqual([
      'config',
      'verdict',
      'verdictText',
      'layers',
    ]);
  });
});

describe('the headline names the first problem to fix', () => {
  const relu = { activation: 'relu', activationParams: {}, widths: Array<number>(30).fill(8) };
  it('a forward signal that vanishes comes before anything else', () => {
    const v = judgeRun(relu, fakeLayers(geometric(1, 0.5, 30)));
    expect(v.headline).toBe('vanishing');
    expect(v.source).toBe('size');
  });

  it('underflow explains what happens to the gradients by φ′(0)', () => {
    const values = [...geometric(1, 1e-10, 5), 0, 0, 0];
    const layers = fakeLayers(values, [...Array<'ok'>(5).fill('ok'), 'underflow', 'underflow', 'underflow']);
    const widths = Array<number>(8).fill(8);
    const relu = judgeRun({ activation: 'relu', activationParams: {}, widths }, layers);
    const tanh = judgeRun({ activation: 'tanh', activationParams: {}, widths }, layers);
    expect(relu.headline).toBe('underflow');
    expect(explainRun(relu)).toMatch(/no gradient can flow back/);
    expect(explainRun(tanh)).toMatch(/δ still flows back .*φ′\(0\) = 1.*weight gradient φ\(h\)ᵀδ in them is exactly 0/);
    expect(explainRun(tanh)).not.toMatch(/no gradient can flow/);
  });
});
