import { describe, expect, it } from 'vitest';
import { ACTIVATIONS } from './activations';
import { normalizeConfig } from './config';
import { fillWeightRows, fillWeights } from './distributions';
import { LSUV_MAX_PASSES, LSUV_TOLERANCE, lsuvScales } from './lsuv';
import { biasLawOf, fanInOf, inputLaw, resolveNetwork } from './networkSpec';
import { Stream } from './rng';

describe('LSUV (Mishkin & Matas 2016)', () => {
  it.each(ACTIVATIONS.map((a) => [a.id] as const))(
    '%s: every layer’s output variance within the tolerance, in at most 10 passes',
    (activation) => {
      // A bias makes the output non-linear in the scale, so several passes can be needed.
      for (const biasStd of [0, 0.3]) {
        const { config, issues } = normalizeConfig({
          activation,
          depth: 20,
          width: 64,
          batch: 64,
          seed: 3,
          biasStd: String(biasStd),
        });
        expect(issues).toEqual([]);
        const layers = lsuvScales(config);
        expect(layers).toHaveLength(20);
        for (const l of layers) {
          expect(l.converged, `${activation} layer ${l.layer}: Var ${l.variance} after ${l.passes} passes`).toBe(true);
          expect(Math.abs(l.variance - 1)).toBeLessThanOrEqual(LSUV_TOLERANCE);
          expect(l.passes).toBeLessThanOrEqual(LSUV_MAX_PASSES);
          expect(l.scale).toBeGreaterThan(0);
        }
      }
    },
  );

  it('needs at most one pass per layer without a bias (the output is linear in the scale)', () => {
    const { config } = normalizeConfig({ activation: 'relu', depth: 10, width: 64, batch: 64, seed: 1 });
    for (const l of lsuvScales(config, 1e-9)) {
      expect(l.passes).toBeLessThanOrEqual(1);
      expect(Math.abs(l.variance - 1)).toBeLessThan(1e-9);
    }
  });

  it('gives scales that an independent forward pass confirms (tanh with a bias)', () => {
    const { config } = normalizeConfig({
      activation: 'tanh',
      depth: 6,
      width: 32,
      inputDim: 16,
      batch: 40,
      seed: 9,
      biasStd: '0.5',
    });
    const layers = lsuvScales(config);
    const { init, fns } = resolveNetwork(config);
    const x0 = new Float32Array(40 * 16);
    fillWeightRows({ law: inputLaw(config), seed: 9, kind: Stream.input, layer: 0, rows: 40, cols: 16 }, 0, 40, x0);
    let x: number[] = Array.from(x0);
    for (const l of layers) {
      const K = fanInOf(config, l.layer - 1);
      const w = new Float32Array(K * 32);
      fillWeights({ kind: 'orthogonal', gain: 1 }, 9, Stream.weights, l.layer, K, 32, w);
      const b = new Float32Array(32);
      fillWeights(biasLawOf(init, config, K, 32)!, 9, Stream.bias, l.layer, 1, 32, b);
      const h: number[] = [];
      for (let r = 0; r < 40; r++)
        for (let j = 0; j < 32; j++) {
          let sum = 0;
          for (let k = 0; k < K; k++) sum += x[r * K + k]! * l.scale * w[k * 32 + j]!;
          h.push(sum + b[j]!);
        }
      const mean = h.reduce((s, v) => s + v, 0) / h.length;
      const variance = h.reduce((s, v) => s + (v - mean) ** 2, 0) / h.length;
      expect(variance).toBeCloseTo(l.variance, 10);
      expect(Math.abs(variance - 1)).toBeLessThanOrEqual(LSUV_TOLERANCE);
      x = h.map(fns.f);
    }
    expect(layers.some((l) => l.passes > 1)).toBe(true);
  });

  it('reports a layer it cannot fix instead of looping: a constant output has no variance to divide by', () => {
    const { config } = normalizeConfig({ activation: 'relu', depth: 2, width: 8, batch: 1, seed: 1 });
    // One input: each layer's outputs are 8 numbers with some spread; with a tolerance of 0 the
    // loop still stops after T_max passes.
    const layers = lsuvScales(config, 0, 3);
    for (const l of layers) expect(l.passes).toBeLessThanOrEqual(3);
  });
});
