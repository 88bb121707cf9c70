// LSUV picked as the initializer: the engine draws each layer's orthonormal weights times the scale
// LSUV found, so the run's own measured output variances are LSUV's.

import { describe, expect, it } from 'vitest';
import { ACTIVATIONS } from './activations';
import { normalizeConfig } from './config';
import { getInitializer } from './initializers';
import { LSUV_MAX_PASSES, LSUV_TOLERANCE } from './lsuvConstants';
import { simulate, theoryFor } from './network';

/** float32's unit roundoff. */
const U32 = 2 ** -24;

describe('the LSUV initializer', () => {
  it('is in the table, data-dependent, starting orthonormal', () => {
    const spec = getInitializer('lsuv')!;
    expect(spec.dataDependent).toBe(true);
    expect(spec.weightLaw(64, 64, {})).toEqual({ kind: 'orthogonal', gain: 1 });
  });

  it.each(ACTIVATIONS.map((a) => [a.id] as const))(
    '%s: every layer of the run has its output variance within LSUV’s tolerance of 1',
    (activation) => {
      const depth = 20;
      const width = 64;
      // A bias makes the output non-linear in the scale, so some layers need several passes.
      for (const biasStd of ['0', '0.3']) {
        const { config, issues } = normalizeConfig({
          init: 'lsuv',
          activation,
          depth,
          width,
          batch: 64,
          seed: 5,
          biasStd,
        });
        expect(issues).toEqual([]);
        const layers = simulate(config);
        // The engine sums K products in float32 per pre-activation: Higham's bound on a sum's
        // error is K·u·Σ|terms|, and Σ|terms| is about √K·|sum| for terms of random sign; errors
        // of the layers below add up, and a variance doubles a relative error.
        const float32Slack = 2 * depth * width ** 1.5 * U32;
        for (const l of layers) {
          const lsuv = l.lsuv!;
          expect(lsuv.layer).toBe(l.layer);
          expect(
            lsuv.converged,
            `${activation} σ_b ${biasStd} layer ${l.layer}: Var ${lsuv.variance} after ${lsuv.passes}`,
          ).toBe(true);
          expect(Math.abs(lsuv.variance - 1)).toBeLessThanOrEqual(LSUV_TOLERANCE);
          expect(lsuv.passes).toBeLessThanOrEqual(LSUV_MAX_PASSES);
          // The run's own pooled variance of h is LSUV's, up to float32 rounding.
          const measured = l.preactivation.variance;
          expect(Math.abs(measured - lsuv.variance)).toBeLessThanOrEqual(float32Slack * lsuv.variance);
          expect(Math.abs(measured - 1)).toBeLessThanOrEqual(LSUV_TOLERANCE * (1 + float32Slack) + float32Slack);
          // The weights drawn are the orthonormal start times the scale: E[w²] = s²/max(fan_in, fan_out).
          const w = l.weights;
          expect(w.variance + w.mean * w.mean).toBeCloseTo((lsuv.scale * lsuv.scale) / Math.max(l.fanIn, l.fanOut), 6);
        }
      }
    },
  );

  it('needs no pass after layer 1 in a square linear network: an orthogonal layer keeps Σh² exactly', () => {
    const { config } = normalizeConfig({ init: 'lsuv', activation: 'linear', depth: 8, width: 32, batch: 50, seed: 2 });
    const layers = simulate(config);
    // Layer 1 brings the batch within the tolerance (already there for this unit-variance input: 0 passes).
    expect(layers[0]!.lsuv!.converged).toBe(true);
    for (const l of layers.slice(1)) {
      expect(l.lsuv!.passes).toBe(0);
      expect(l.lsuv!.scale).toBe(1);
    }
  });

  it('has the theory q = 1 in every layer, from the σ_w² that gives it', () => {
    for (const { id } of ACTIVATIONS) {
      const { config } = normalizeConfig({ init: 'lsuv', activation: id, depth: 5, width: 16, biasStd: '0.5' });
      for (const t of theoryFor(config)) {
        expect(t.preactivationSecondMoment, id).toBeCloseTo(1, 12);
        expect(t.sigmaB2).toBeCloseTo(0.25, 15);
      }
    }
    // ReLU: E[relu(z)²] = 1/2, so σ_w² = 2 (He) from layer 2 on, and χ₁ = 2·1/2 = 1.
    const { config } = normalizeConfig({ init: 'lsuv', activation: 'relu', depth: 3, width: 16 });
    const theory = theoryFor(config);
    expect(theory[0]!.sigmaW2).toBe(1);
    expect(theory[1]!.sigmaW2).toBeCloseTo(2, 12);
    expect(theory[1]!.chi1).toBeCloseTo(1, 12);
  });

  it('has no σ_w² when the bias alone has variance ≥ 1 (no scale reaches the target), and the passes run out', () => {
    const { config } = normalizeConfig({
      init: 'lsuv',
      activation: 'tanh',
      depth: 3,
      width: 32,
      batch: 32,
      biasStd: '1.2',
    });
    for (const t of theoryFor(config)) {
      expect(t.sigmaW2).toBeNull();
      expect(t.preactivationSecondMoment).toBeNull();
    }
    const layers = simulate(config);
    for (const l of layers) expect(l.lsuv!.converged).toBe(false);
  });

  it('is refused with residual blocks or a norm, naming the key', () => {
    const { config, issues } = normalizeConfig({ init: 'lsuv', depth: 4, width: 16, residual: true });
    expect(config.init).not.toBe('lsuv');
    expect(issues.map((i) => i.field)).toContain('init');
  });
});
