import { describe, expect, it } from 'vitest';
import { DEPTH_SCALE, WIDTH_SCALE } from '../controls/sliderScale';
import { stepOnScale } from './scaleStep';

describe('stepOnScale', () => {
  it('moves one unit where the slider moves in units', () => {
    expect(stepOnScale(DEPTH_SCALE, 30, 1)).toBe(31);
    expect(stepOnScale(DEPTH_SCALE, 30, -1)).toBe(29);
  });

  it('moves by the coarser step beyond the first segment', () => {
    expect(stepOnScale(DEPTH_SCALE, 100, 1)).toBe(110);
    expect(stepOnScale(DEPTH_SCALE, 110, -1)).toBe(100);
    expect(stepOnScale(DEPTH_SCALE, 500, 1)).toBe(550);
    expect(stepOnScale(WIDTH_SCALE, 64, 1)).toBe(72);
  });

  it('goes to the neighbouring step from a value between steps', () => {
    expect(stepOnScale(DEPTH_SCALE, 123, 1)).toBe(130);
    expect(stepOnScale(DEPTH_SCALE, 123, -1)).toBe(120);
    expect(stepOnScale(DEPTH_SCALE, 127, 1)).toBe(130);
    expect(stepOnScale(DEPTH_SCALE, 127, -1)).toBe(120);
  });

  it('stays inside the scale', () => {
    expect(stepOnScale(DEPTH_SCALE, 1, -1)).toBe(1);
    expect(stepOnScale(DEPTH_SCALE, 2000, 1)).toBe(2000);
  });
});
