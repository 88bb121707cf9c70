import { describe, expect, it } from 'vitest';
import type { SimConfig } from '../core/types';
import { exportFileName } from './fileName';

function config(patch: Partial<SimConfig>): SimConfig {
  return {
    init: 'he_normal',
    initParams: {},
    activation: 'relu',
    activationParams: {},
    widths: new Array<number>(50).fill(512),
    inputDim: 512,
    batch: 128,
    seed: 1,
    biasStd: 0,
    input: 'normal',
    ...patch,
  };
}

describe('exportFileName', () => {
  it('names the settings', () => {
    expect(exportFileName(config({}), 'csv')).toBe('initscope-he_normal-relu-d50-w512-s1.csv');
    expect(exportFileName(config({ seed: 4294967295 }), 'json')).toBe(
      'initscope-he_normal-relu-d50-w512-s4294967295.json',
    );
  });

  it('names pictures the same way as data', () => {
    expect(exportFileName(config({}), 'png')).toBe('initscope-he_normal-relu-d50-w512-s1.png');
    expect(
      exportFileName(config({ init: 'glorot_uniform', activation: 'tanh', widths: [256, 128, 64], seed: 7 }), 'svg'),
    ).toBe('initscope-glorot_uniform-tanh-d3-w256to64-s7.svg');
  });

  it('describes width profiles', () => {
    expect(exportFileName(config({ widths: [512, 256, 128] }), 'csv')).toBe(
      'initscope-he_normal-relu-d3-w512to128-s1.csv',
    );
    expect(exportFileName(config({ widths: [512, 256, 128, 256, 512] }), 'csv')).toBe(
      'initscope-he_normal-relu-d5-w512to128to512-s1.csv',
    );
    expect(exportFileName(config({ widths: [64, 512, 3] }), 'csv')).toBe(
      'initscope-he_normal-relu-d3-wvar3-512-s1.csv',
    );
  });

  it('adds a non-zero bias', () => {
    expect(exportFileName(config({ biasStd: 0.05 }), 'csv')).toBe('initscope-he_normal-relu-d50-w512-b0.05-s1.csv');
  });

  it('never produces characters a shell would need quoted', () => {
    expect(exportFileName(config({ init: 'Odd id/with spaces' }), 'csv')).toBe(
      'initscope-odd_id_with_spaces-relu-d50-w512-s1.csv',
    );
  });
});
