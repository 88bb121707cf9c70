import { describe, expect, it } from 'vitest';
import { normalizeConfig } from '../core/config';
import type { SimConfig } from '../core/types';
import { emptyCompare, type PinResult } from '../state/compareState';
import { pinKey } from '../state/pins';
import { buildPinned } from '../charts/pinnedSeries';
import { configNames } from './pinNames';

const config = (input: Parameters<typeof normalizeConfig>[0]): SimConfig => normalizeConfig(input).config;

describe('configNames', () => {
  it('names initializer, activation and width, without framework remarks', () => {
    expect(configNames([config({ init: 'he_normal', width: 512 }), config({ init: 'glorot_uniform', width: 512 })])).toEqual([
      'He normal · ReLU · w512',
      'Glorot uniform · ReLU · w512',
    ]);
    expect(configNames([config({ init: 'random_normal', activation: 'gelu' })])).toEqual(['Plain normal N(0, σ²) · GELU · w256']);
  });

  it('adds depth, seed and other settings only where they differ between the configurations', () => {
    const names = configNames([config({ depth: 30 }), config({ depth: 50, seed: 7 }), config({ depth: 30, batch: 64 })]);
    expect(names).toEqual(['He normal · ReLU · w256 · depth 30 · batch 128 · seed 1', 'He normal · ReLU · w256 · depth 50 · batch 128 · seed 7', 'He normal · ReLU · w256 · depth 30 · batch 64 · seed 1']);
    // Shared settings, however unusual, never lengthen a name.
    expect(configNames([config({ depth: 7, seed: 3, biasStd: 0.5 }), config({ depth: 7, seed: 3, biasStd: 0.5, init: 'lecun_normal' })])).toEqual([
      'He normal · ReLU · w256',
      'LeCun normal · ReLU · w256',
    ]);
  });

  it('names a parameter only on the configuration that sets it away from its default', () => {
    const names = configNames([config({ init: 'variance_scaling' }), config({ init: 'variance_scaling', initParams: { scale: 2, mode: 'fan_avg' } })]);
    expect(names).toEqual(['Variance scaling · ReLU · w256', 'Variance scaling · ReLU · w256 · scale 2 · mode fan_avg']);
    expect(configNames([config({ activation: 'leaky_relu' }), config({ activation: 'leaky_relu', activationParams: { negative_slope: 0.2 } })])[1]).toBe(
      'He normal · Leaky ReLU · w256 · negative slope 0.2',
    );
  });

  it('keeps the full label where two initializers would read alike, and numbers names that still collide', () => {
    expect(configNames([config({ init: 'variance_scaling' }), config({ init: 'tf1_variance_scaling' })]).map((n) => n.split(' · ')[0])).toEqual([
      'Variance scaling (Keras, general)',
      'Variance scaling (TF1 contrib)',
    ]);
    expect(configNames([config({ width: [64, 8, 64] }), config({ width: [64, 9, 8, 64] })])).toEqual(['He normal · ReLU · w64→8→64 · depth 3', 'He normal · ReLU · w8…64 · depth 4']);
    // Two custom width lists with the same ends and depth: every named setting agrees.
    expect(configNames([config({ width: [64, 8, 16, 64] }), config({ width: [64, 16, 8, 64] })])).toEqual(['He normal · ReLU · w8…64', 'He normal · ReLU · w8…64 (2)']);
  });

  it('names funnels by their ends', () => {
    expect(configNames([config({ width: [512, 256, 128, 64] })])).toEqual(['He normal · ReLU · w512→64']);
  });
});

describe('buildPinned (legend labels and series)', () => {
  const done = (measured: number[], statuses: PinResult['statuses'], theory: (number | null)[]): PinResult => ({ phase: 'done', measured, statuses, theory, error: null });

  it('names the live configuration and each pin together, and turns results into points with the engine’s statuses', () => {
    const he = config({ init: 'he_normal', depth: 3 });
    const normal = config({ init: 'random_normal', depth: 3 });
    const compare = {
      ...emptyCompare(),
      pins: [he, normal],
      results: { [pinKey(normal)]: done([2, 3e38, Infinity], ['ok', 'overflow', 'overflow'], [2, 256, null]) },
    };
    const view = buildPinned(compare, config({ init: 'glorot_uniform', depth: 3 }));
    expect(view.currentName).toBe('Glorot uniform · ReLU · w256');
    expect(view.pins.map((p) => [p.slot, p.name, p.phase])).toEqual([
      [0, 'He normal · ReLU · w256', 'waiting'],
      [1, 'Plain normal N(0, σ²) · ReLU · w256', 'done'],
    ]);
    expect(view.pins[0]!.measured).toEqual([]);
    expect(view.pins[0]!.verdict).toBeNull();
    // Layer 2 came out finite but the engine says it overflowed: drawn as Inf, like the live series.
    expect(view.pins[1]!.measured.map((p) => p.kind)).toEqual(['ok', 'inf', 'inf']);
    expect(view.pins[1]!.theory.map((p) => p.raw)).toEqual([2, 256, null]);
    expect(view.pins[1]!.verdict?.text).toBe('overflow to Inf at layer 2');
  });

  it('without pins, nothing changes: no pins and no name for the live curve', () => {
    expect(buildPinned(emptyCompare(), config({}))).toEqual({ pins: [], currentName: null });
  });
});
