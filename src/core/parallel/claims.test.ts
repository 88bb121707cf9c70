import { describe, expect, it } from 'vitest';
import { rowChunkOf, takePieces } from './claims';

describe('takePieces', () => {
  it('hands out every piece once, from the counter given; a member arriving late finds nothing left', () => {
    const counters = new Int32Array(2);
    const pieces: number[] = [];
    takePieces(counters, 1, 3, (p) => pieces.push(p));
    takePieces(counters, 1, 3, (p) => pieces.push(p + 100));
    expect(pieces).toEqual([0, 1, 2]);
    expect(counters[0]).toBe(0);
  });
});

describe('rowChunkOf', () => {
  it('one thread takes the batch whole; a team takes 32…64 rows, never more than the batch', () => {
    expect(rowChunkOf(256, 1)).toBe(256);
    expect(rowChunkOf(256, 2)).toBe(43);
    expect(rowChunkOf(128, 2)).toBe(32);
    expect(rowChunkOf(4096, 2)).toBe(64);
    expect(rowChunkOf(5, 3)).toBe(5);
  });
});
