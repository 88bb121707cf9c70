import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULTS, LIMITS } from '../core/limits';
import {
  clearNotices,
  dismissNotice,
  newSeed,
  pushNotice,
  replaceSettings,
  setActivation,
  setDepth,
  setInitParam,
  setInitializer,
  setWidth,
  setWidths,
  updateConfig,
} from './actions';
import { DEFAULT_VIEW, defaultConfig, resetStore, store } from './store';

const state = () => store.getState();

beforeEach(() => {
  resetStore();
});

describe('setDepth', () => {
  it('keeps a constant width', () => {
    setWidth(64);
    setDepth(7);
    expect(state().config.widths).toEqual(new Array<number>(7).fill(64));
    expect(state().config.inputDim).toBe(64);
  });

  it('stretches or cuts a per-layer profile, keeping its shape', () => {
    setWidths('64,32,16');
    setDepth(6);
    expect(state().config.widths).toEqual([64, 64, 32, 32, 16, 16]);
    setDepth(3);
    expect(state().config.widths).toEqual([64, 32, 16]);
    setDepth(2);
    expect(state().config.widths).toEqual([64, 32]);
  });

  it('steps a residual network by whole blocks, one layer fewer giving a block fewer', () => {
    updateConfig({ residual: true, blocks: 16, width: 64 });
    const blocks = () => state().config.architecture!.blocks;
    const layers = () => state().config.widths.length;
    expect(layers()).toBe(32);
    setDepth(layers() - 1);
    expect(blocks()).toBe(15);
    setDepth(layers() + 1);
    expect(blocks()).toBe(16);
    setDepth(40);
    expect(blocks()).toBe(20);
  });

  it('clamps an impossible depth and says so', () => {
    setDepth(100_000);
    expect(state().config.widths).toHaveLength(LIMITS.depth.max);
    expect(state().notices.map((n) => n.key)).toEqual(['depth']);
  });
});

describe('setInitializer and setActivation', () => {
  it('resets the parameters to the new initializer’s defaults', () => {
    setInitializer('variance_scaling');
    setInitParam('scale', 3);
    expect(state().config.initParams.scale).toBe(3);
    setInitializer('glorot_uniform');
    expect(state().config.initParams).toEqual({});
    setInitializer('variance_scaling');
    expect(state().config.initParams).toEqual({ scale: 1, mode: 'fan_in', distribution: 'truncated_normal' });
  });

  it('ignores unknown ids', () => {
    const before = state().config;
    setInitializer('nope');
    setActivation('nope');
    expect(state().config).toBe(before);
  });

  it('switches activation with its default parameters', () => {
    setActivation('leaky_relu');
    expect(state().config.activation).toBe('leaky_relu');
    expect(Object.keys(state().config.activationParams)).toEqual(['negative_slope']);
  });
});

describe('updateConfig', () => {
  it('turns issues into notices, a newer one replacing an older one with the same key', () => {
    const issues = updateConfig({ depth: 100_000, batch: 'lots' });
    expect(issues.map((i) => i.field).sort()).toEqual(['batch', 'depth']);
    expect(
      state()
        .notices.map((n) => n.key)
        .sort(),
    ).toEqual(['batch', 'depth']);
    updateConfig({ depth: -3 });
    const depthNotices = state().notices.filter((n) => n.key === 'depth');
    expect(depthNotices).toHaveLength(1);
    expect(depthNotices[0]!.text).toMatch(/-3 is below 1/);
    expect(state().notices).toHaveLength(2);
  });

  it('leaves the store valid whatever it is given', () => {
    updateConfig({ init: '<b>', width: 'a,b', seed: Number.NaN, biasStd: -1 });
    const { config } = state();
    expect(config.init).toBe(DEFAULTS.init);
    expect(config.widths).toEqual([DEFAULTS.width, DEFAULTS.width]);
    expect(config.seed).toBe(DEFAULTS.seed);
    expect(config.biasStd).toBe(0);
  });
});

describe('newSeed', () => {
  it('picks a whole seed in range', () => {
    for (let i = 0; i < 50; i++) {
      newSeed();
      const { seed } = state().config;
      expect(Number.isInteger(seed)).toBe(true);
      expect(seed).toBeGreaterThanOrEqual(LIMITS.seed.min);
      expect(seed).toBeLessThanOrEqual(LIMITS.seed.max);
    }
    expect(state().notices).toEqual([]);
  });
});

describe('notices and settings', () => {
  it('pushes, replaces by key, dismisses and clears', () => {
    pushNotice('a', 'one');
    pushNotice('b', 'two', 'info');
    pushNotice('a', 'three');
    expect(state().notices.map((n) => [n.key, n.text])).toEqual([
      ['b', 'two'],
      ['a', 'three'],
    ]);
    dismissNotice(state().notices[0]!.id);
    expect(state().notices.map((n) => n.key)).toEqual(['a']);
    clearNotices();
    expect(state().notices).toEqual([]);
  });

  it('replaceSettings sets config and view in one update', () => {
    let updates = 0;
    const stop = store.subscribe(() => updates++);
    const config = { ...defaultConfig(), seed: 5 };
    replaceSettings(config, {
      ...DEFAULT_VIEW,
      showActivations: true,
      showGradients: false,
      histogram: 'heatmap',
      histRange: 'fixed',
      showJacobian: true,
      showSweep: false,
    });
    stop();
    expect(updates).toBe(1);
    expect(state().config.seed).toBe(5);
    expect(state().view.histogram).toBe('heatmap');
  });
});
