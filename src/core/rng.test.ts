import { describe, expect, it } from 'vitest';
import { Sfc32, Stream, streamRng } from './rng';

const hex = (xs: number[]) => xs.map((x) => '0x' + x.toString(16).padStart(8, '0'));

function take(rng: Sfc32, n: number): number[] {
  return Array.from({ length: n }, () => rng.nextU32());
}

describe('Sfc32 known answers', () => {
  it('matches the published SFC32(21, 9, 3) vectors for state (1, 2, 3, counter 1) after 12 warm-up steps', () => {
    // Test vectors of the Motoko `prng` package (research-ag), which seeds a = 1, b = 2, c = 3,
    // counter = 1 and discards 12 outputs, as PractRand's sfc32 seeding does.
    const rng = new Sfc32(1, 2, 3, 1);
    take(rng, 12);
    expect(hex(take(rng, 4))).toEqual(hex([0x736a3b41, 0xb2e53014, 0x3d56e4c7, 0xeda6a65f]));
  });

  it('matches an independent Python implementation from a raw state, across the counter wrap', () => {
    // t = a + b + counter; counter += 1; a = b ^ (b >> 9); b = c + (c << 3); c = rotl(c, 21) + t  (mod 2³²)
    const rng = new Sfc32(0xdeadbeef, 0x01234567, 0x89abcdef, 0xffffffff);
    expect(hex(take(rng, 6))).toEqual(hex([0xdfd10455, 0xd82e122c, 0x6335c0b8, 0x2da20047, 0xe0991e80, 0xe8e0f200]));
  });

  it('derives streams exactly as the documented mixing does (independent Python implementation)', () => {
    // Pins the seeding: a change here would silently change every simulation of every seed.
    expect(hex(take(streamRng(0, 0, 0, 0), 4))).toEqual(hex([0xdf9b9896, 0x06b3eba8, 0x37678103, 0x169c8325]));
    expect(hex(take(streamRng(1, 1, 1, 0), 4))).toEqual(hex([0x2f0db453, 0x126fd82d, 0x7d865081, 0xeb989f81]));
    expect(hex(take(streamRng(4294967295, 5, 1999, 255), 4))).toEqual(
      hex([0x4b6fdb7c, 0x48cba027, 0xd6fb9873, 0x3c285d41]),
    );
  });
});

describe('floats', () => {
  it('nextFloat is u·2⁻³² and nextFloatOpen is (u + ½)·2⁻³² of the same draw', () => {
    const a = streamRng(7, Stream.sample, 0, 0);
    const b = streamRng(7, Stream.sample, 0, 0);
    const c = streamRng(7, Stream.sample, 0, 0);
    for (let i = 0; i < 1000; i++) {
      const u = a.nextU32();
      expect(b.nextFloat()).toBe(u / 2 ** 32);
      expect(c.nextFloatOpen()).toBe((u + 0.5) / 2 ** 32);
    }
  });

  it('keeps nextFloatOpen strictly inside (0, 1) even at the extreme draws', () => {
    expect((0 + 0.5) * 2 ** -32).toBeGreaterThan(0);
    expect((2 ** 32 - 1 + 0.5) * 2 ** -32).toBeLessThan(1);
    expect((2 ** 32 - 1) * 2 ** -32).toBeLessThan(1);
  });

  it('has balanced bits: each of the 32 bits is set with frequency ½ within 5 binomial SE', () => {
    const n = 100_000;
    const counts = new Array<number>(32).fill(0);
    const rng = streamRng(3, Stream.input, 2, 1);
    for (let i = 0; i < n; i++) {
      const u = rng.nextU32();
      for (let bit = 0; bit < 32; bit++) if ((u >>> bit) & 1) counts[bit] = (counts[bit] ?? 0) + 1;
    }
    const se = Math.sqrt(0.25 / n);
    for (const count of counts) expect(Math.abs(count / n - 0.5)).toBeLessThan(5 * se);
  });
});

describe('streams', () => {
  it('is deterministic: the same tuple gives the same sequence', () => {
    expect(take(streamRng(42, Stream.weights, 3, 7), 1000)).toEqual(take(streamRng(42, Stream.weights, 3, 7), 1000));
  });

  it('gives every (seed, kind, layer, block) its own stream', () => {
    const seen = new Set<string>();
    let streams = 0;
    for (const seed of [0, 1, 2, 4294967295])
      for (const kind of Object.values(Stream))
        for (let layer = 0; layer < 4; layer++)
          for (let block = 0; block < 4; block++) {
            seen.add(take(streamRng(seed, kind, layer, block), 3).join(','));
            streams++;
          }
    expect(seen.size).toBe(streams);
  });

  it('makes neighbouring streams uncorrelated (|r| within 5 SE = 5/√n)', () => {
    const n = 20_000;
    const neighbours: Array<[number, number, number, number]> = [
      [1, Stream.weights, 5, 1],
      [1, Stream.weights, 6, 0],
      [1, Stream.bias, 5, 0],
      [2, Stream.weights, 5, 0],
    ];
    const base = streamRng(1, Stream.weights, 5, 0);
    const xs = Array.from({ length: n }, () => base.nextFloat() - 0.5);
    for (const [seed, kind, layer, block] of neighbours) {
      const other = streamRng(seed, kind, layer, block);
      let sxy = 0;
      let sxx = 0;
      let syy = 0;
      for (const x of xs) {
        const y = other.nextFloat() - 0.5;
        sxy += x * y;
        sxx += x * x;
        syy += y * y;
      }
      expect(Math.abs(sxy / Math.sqrt(sxx * syy))).toBeLessThan(5 / Math.sqrt(n));
    }
  });
});
