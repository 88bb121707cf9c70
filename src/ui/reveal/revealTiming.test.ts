import { describe, expect, it } from 'vitest';
import { layersRevealed, REVEAL_MAX_MS, REVEAL_STEP_MS, revealDurationMs, revealStepMs } from './revealTiming';

describe('reveal timing', () => {
  it('shows a short network at 150 ms per layer', () => {
    expect(revealStepMs(30)).toBe(REVEAL_STEP_MS);
    expect(revealDurationMs(30)).toBe(29 * REVEAL_STEP_MS);
  });

  it('caps a deep network at about 6 s', () => {
    for (const depth of [100, 500, 2000]) {
      expect(revealDurationMs(depth)).toBeCloseTo(REVEAL_MAX_MS, 6);
      expect(revealStepMs(depth)).toBeLessThan(REVEAL_STEP_MS);
    }
  });

  it('starts with the first layer and adds one per step', () => {
    expect(layersRevealed(0, 30)).toBe(1);
    expect(layersRevealed(149, 30)).toBe(1);
    expect(layersRevealed(150, 30)).toBe(2);
    expect(layersRevealed(10 * 150, 30)).toBe(11);
  });

  it('ends with every layer, exactly at the duration, and never goes back', () => {
    for (const depth of [1, 2, 30, 50, 2000]) {
      const end = revealDurationMs(depth);
      expect(layersRevealed(end, depth)).toBe(depth);
      expect(layersRevealed(end + 60_000, depth)).toBe(depth);
      if (depth > 1) expect(layersRevealed(end - 1, depth)).toBe(depth - 1);
      let previous = 0;
      for (let t = 0; t <= end + 100; t += 7) {
        const n = layersRevealed(t, depth);
        expect(n).toBeGreaterThanOrEqual(previous);
        previous = n;
      }
    }
  });

  it('treats a negative elapsed time as the start', () => {
    expect(layersRevealed(-50, 30)).toBe(1);
  });
});
