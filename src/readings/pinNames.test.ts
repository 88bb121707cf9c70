import { describe, expect, it } from 'vitest';
import { normalizeConfig } from '../core/config';
import type { SimConfig } from '../core/types';
import { configNames } from './pinNames';

const config = (input: Parameters<typeof normalizeConfig>[0]): SimConfig => normalizeConfig(input).config;

describe('configNames', () => {
  it('names initializer, activation and width, without framework remarks', () => {
    expect(
      configNames([config({ init: 'he_normal', width: 512 }), config({ init: 'glorot_uniform', width: 512 })]),
    ).toEqual(['He normal · ReLU · w512', 'Glorot uniform · ReLU · w512']);
    expect(configNames([config({ init: 'random_normal', activation: 'gelu' })])).toEqual([
      'Plain normal N(0, σ²) · GELU · w256',
    ]);
  });

  it('adds depth, seed and other settings only where they differ between the configurations', () => {
    const names = configNames([
      config({ depth: 30 }),
      config({ depth: 50, seed: 7 }),
      config({ depth: 30, batch: 64 }),
    ]);
    expect(names).toEqual([
      'He normal · ReLU · w256 · depth 30 · batch 128 · seed 1',
      'He normal · ReLU · w256 · depth 50 · batch 128 · seed 7',
      'He normal · ReLU · w256 · depth 30 · batch 64 · seed 1',
    ]);
    // Shared settings, however unusual, never lengthen a name.
    expect(
      configNames([
        config({ depth: 7, seed: 3, biasStd: 0.5 }),
        config({ depth: 7, seed: 3, biasStd: 0.5, init: 'lecun_normal' }),
      ]),
    ).toEqual(['He normal · ReLU · w256', 'LeCun normal · ReLU · w256']);
  });

  it('names a parameter only on the configuration that sets it away from its default', () => {
    const names = configNames([
      config({ init: 'variance_scaling' }),
      config({ init: 'variance_scaling', initParams: { scale: 2, mode: 'fan_avg' } }),
    ]);
    expect(names).toEqual([
      'Variance scaling · ReLU · w256',
      'Variance scaling · ReLU · w256 · scale 2 · mode fan_avg',
    ]);
    expect(
      configNames([
        config({ activation: 'leaky_relu' }),
        config({ activation: 'leaky_relu', activationParams: { negative_slope: 0.2 } }),
      ])[1],
    ).toBe('He normal · Leaky ReLU · w256 · negative slope 0.2');
  });

  it('keeps the full label where two initializers would read alike, and numbers names that still collide', () => {
    expect(
      configNames([config({ init: 'variance_scaling' }), config({ init: 'tf1_variance_scaling' })]).map(
        (n) => n.split(' · ')[0],
      ),
    ).toEqual(['Variance scaling (Keras, general)', 'Variance scaling (TF1 contrib)']);
    expect(configNames([config({ width: [64, 8, 64] }), config({ width: [64, 9, 8, 64] })])).toEqual([
      'He normal · ReLU · w64→8→64 · depth 3',
      'He normal · ReLU · w8…64 · depth 4',
    ]);
    // Two custom width lists with the same ends and depth: every named setting agrees.
    expect(configNames([config({ width: [64, 8, 16, 64] }), config({ width: [64, 16, 8, 64] })])).toEqual([
      'He normal · ReLU · w8…64',
      'He normal · ReLU · w8…64 (2)',
    ]);
  });

  it('names funnels by their ends', () => {
    expect(configNames([config({ width: [512, 256, 128, 64] })])).toEqual(['He normal · ReLU · w512→64']);
  });
});
