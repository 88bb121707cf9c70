import { describe, expect, it } from 'vitest';
import { shareOf } from './partition';

describe('shareOf', () => {
  it.each([
    [256, 2],
    [100, 3],
    [7, 3],
    [2, 3],
    [1, 4],
    [0, 2],
  ])('%i items over %i members: contiguous, complete, sizes differ by at most one, the leader first', (total, members) => {
    const shares = Array.from({ length: members }, (_, rank) => shareOf(total, members, rank));
    expect(shares[0]!.start).toBe(0);
    for (let r = 1; r < members; r++) expect(shares[r]!.start).toBe(shares[r - 1]!.end);
    expect(shares[members - 1]!.end).toBe(total);
    const sizes = shares.map((s) => s.end - s.start);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    if (total > 0) expect(sizes[0]).toBeGreaterThan(0);
  });
});
