import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../core/limits';
import { DEPTH_SCALE, WIDTH_SCALE, maxPosition, positionOf, valueAt } from './sliderScale';

describe('DEPTH_SCALE', () => {
  it('covers exactly the allowed depths', () => {
    expect(valueAt(DEPTH_SCALE, 0)).toBe(LIMITS.depth.min);
    expect(valueAt(DEPTH_SCALE, maxPosition(DEPTH_SCALE))).toBe(LIMITS.depth.max);
  });

  it('has unit steps from 1 to 100', () => {
    for (let d = 1; d <= 100; d++) {
      expect(valueAt(DEPTH_SCALE, positionOf(DEPTH_SCALE, d))).toBe(d);
    }
    expect(positionOf(DEPTH_SCALE, 100)).toBe(99);
  });

  it('is coarser and round beyond 100', () => {
    expect(valueAt(DEPTH_SCALE, 100)).toBe(110);
    expect(valueAt(DEPTH_SCALE, 139)).toBe(500);
    expect(valueAt(DEPTH_SCALE, 140)).toBe(550);
    expect(maxPosition(DEPTH_SCALE)).toBe(99 + 40 + 30);
  });

  it('snaps values between steps to the nearest position', () => {
    expect(valueAt(DEPTH_SCALE, positionOf(DEPTH_SCALE, 104))).toBe(100);
    expect(valueAt(DEPTH_SCALE, positionOf(DEPTH_SCALE, 106))).toBe(110);
    expect(valueAt(DEPTH_SCALE, positionOf(DEPTH_SCALE, 1234))).toBe(1250);
  });

  it('clamps positions and values outside the range', () => {
    expect(valueAt(DEPTH_SCALE, -5)).toBe(1);
    expect(valueAt(DEPTH_SCALE, 10_000)).toBe(2000);
    expect(positionOf(DEPTH_SCALE, 0)).toBe(0);
    expect(positionOf(DEPTH_SCALE, 99_999)).toBe(maxPosition(DEPTH_SCALE));
  });

  it('is monotone', () => {
    let prev = 0;
    for (let p = 0; p <= maxPosition(DEPTH_SCALE); p++) {
      const v = valueAt(DEPTH_SCALE, p);
      expect(v).toBeGreaterThan(prev);
      prev = v;
    }
  });
});

describe('WIDTH_SCALE', () => {
  it('covers exactly the allowed widths and hits every power of two', () => {
    expect(valueAt(WIDTH_SCALE, 0)).toBe(LIMITS.width.min);
    expect(valueAt(WIDTH_SCALE, maxPosition(WIDTH_SCALE))).toBe(LIMITS.width.max);
    for (let w = 1; w <= 4096; w *= 2) expect(valueAt(WIDTH_SCALE, positionOf(WIDTH_SCALE, w))).toBe(w);
  });
});
