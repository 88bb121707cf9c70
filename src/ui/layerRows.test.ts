import { describe, expect, it } from 'vitest';
import type { LayerStats, TensorStats } from '../core/types';
import { layerRowCells, theoryRatio } from './layerRows';

function tensor(patch: Partial<TensorStats>): TensorStats {
  return {
    mean: 0,
    variance: 1,
    secondMoment: 1,
    min: -3,
    max: 3,
    fractionZero: 0,
    nonFinite: { posInf: 0, negInf: 0, nan: 0 },
    histogram: { lo: -3, hi: 3, counts: [] },
    ...patch,
  };
}

function layer(pre: Partial<TensorStats>, q: number | null, status: LayerStats['status'] = 'ok'): LayerStats {
  return {
    layer: 7,
    fanIn: 512,
    fanOut: 256,
    status,
    weights: { mean: 0, variance: 0.004, min: -0.2, max: 0.2 },
    preactivation: tensor(pre),
    activation: { ...tensor({ fractionZero: 0.5 }), fractionSaturated: 0.25 },
    theory: {
      preactivationSecondMoment: q,
      chi1: 1,
      activationMean: null,
      activationVariance: null,
      activationSecondMoment: null,
      sigmaW2: 2,
      sigmaB2: 0,
    },
  };
}

describe('layerRowCells', () => {
  it('formats an ordinary layer', () => {
    const cells = layerRowCells(layer({ mean: 0.0123, variance: 1.98, secondMoment: 2.0001 }, 2), false);
    expect(cells).toMatchObject({
      layer: '7',
      fans: '512→256',
      mean: '0.0123',
      variance: '1.98',
      secondMoment: '2',
      theory: '2',
      ratio: '1',
      zero: '50.0 %',
      saturated: '—',
      status: 'ok',
    });
  });

  it('shows overflow as Inf, never NaN', () => {
    const cells = layerRowCells(
      layer({ mean: NaN, variance: Infinity, secondMoment: Infinity, min: -Infinity, max: Infinity }, 1e40, 'overflow'),
      true,
    );
    expect(cells).toMatchObject({
      mean: '—',
      variance: 'Inf',
      secondMoment: 'Inf',
      ratio: 'Inf',
      min: '-Inf',
      max: 'Inf',
      saturated: '25.0 %',
    });
    expect(Object.values(cells).join(' ')).not.toContain('NaN');
  });

  it('shows underflow as 0', () => {
    const cells = layerRowCells(
      layer({ mean: 0, variance: 0, secondMoment: 0, min: 0, max: 0, fractionZero: 1 }, 1e-50, 'underflow'),
      false,
    );
    expect(cells).toMatchObject({
      mean: '0',
      variance: '0',
      secondMoment: '0',
      theory: '1e-50',
      ratio: '0',
      status: 'underflow',
    });
  });

  it('has no ratio where the theory does not apply', () => {
    expect(layerRowCells(layer({}, null), false)).toMatchObject({ theory: '—', ratio: '—' });
  });
});

describe('theoryRatio', () => {
  it('is measured over theory, null without a positive theory', () => {
    expect(theoryRatio(3, 2)).toBe(1.5);
    expect(theoryRatio(0, 0)).toBeNull();
    expect(theoryRatio(1, null)).toBeNull();
    expect(theoryRatio(NaN, 1)).toBeNull();
  });
});
