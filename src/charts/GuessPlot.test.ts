// A drawn guess keeps one value per layer: skipped layers filled in on a straight line in log value,
// a layer drawn over again taking its newest value, the whole in layer order whichever way the stroke went.

import { describe, expect, it } from 'vitest';
import { extendGuess } from './GuessPlot';

describe('extendGuess', () => {
  it('fills the layers a fast stroke skipped, geometrically between its ends', () => {
    const g = extendGuess([{ layer: 1, value: 1 }], { layer: 1, value: 1 }, { layer: 4, value: 1000 });
    expect(g.map((p) => p.layer)).toEqual([1, 2, 3, 4]);
    expect(g.map((p) => p.value)).toEqual([1, expect.closeTo(10, 9), expect.closeTo(100, 9), 1000]);
  });
  it('redraws a layer passed again and keeps layer order when the stroke goes left', () => {
    const right = extendGuess([{ layer: 5, value: 1 }], { layer: 5, value: 1 }, { layer: 6, value: 2 });
    const back = extendGuess(right, { layer: 6, value: 2 }, { layer: 3, value: 8 });
    expect(back.map((p) => p.layer)).toEqual([3, 4, 5, 6]);
    const values = back.map((p) => p.value);
    expect(values[0]).toBe(8);
    expect(values[1]).toBeCloseTo(Math.cbrt(128), 9);
    expect(values[2]).toBeCloseTo(Math.cbrt(32), 9);
    expect(values[3]).toBe(2);
  });
});
