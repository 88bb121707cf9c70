import { describe, expect, it } from 'vitest';
import { streamRng } from '../rng';
import { createWasmLaneScan, LANE, laneScanJs } from './laneScan';

const wasm = createWasmLaneScan();

function scan(f: typeof laneScanJs, x: Float32Array, start = 0, end = x.length): number[] {
  const out = new Float64Array(LANE.length);
  f(x, start, end, out);
  return [...out];
}

/** Values of many kinds: signed zeros, subnormals, wide magnitudes, repeats. */
function mixed(n: number, seed: number): Float32Array {
  const rng = streamRng(seed, 9, 0, 0);
  const x = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const u = rng.nextFloat();
    const kind = rng.nextU32() % 8;
    x[i] =
      kind === 0
        ? 0
        : kind === 1
          ? -0
          : kind === 2
            ? 1e-40 * u
            : kind === 3
              ? 1e30 * (u - 0.5)
              : kind === 4
                ? 1
                : (u - 0.3) * 3;
  }
  return x;
}

const bits = (values: number[]): string[] => values.map((v) => (Object.is(v, -0) ? '-0' : String(v)));

describe('laneScanJs', () => {
  it('sums exactly where float64 is exact, and counts zeros and extremes', () => {
    const x = new Float32Array([3, -0, 5, 0, -2, 7, 1]);
    const [sum, sumSq, min, max, zeros, m2] = scan(laneScanJs, x);
    expect([sum, sumSq, min, max, zeros]).toEqual([14, 88, -2, 7, 2]);
    expect(m2).toBeCloseTo(88 - 14 ** 2 / 7, 12);
  });

  it('leaves m2 NaN when a value is not finite, and gives +0 for a zero extreme', () => {
    expect(scan(laneScanJs, new Float32Array([1, Infinity, 2]))[LANE.m2]).toBeNaN();
    const [, , min, max] = scan(laneScanJs, new Float32Array([-0, -0, 0, -0, -0]));
    expect(Object.is(min, 0) && Object.is(max, 0)).toBe(true);
  });

  it('agrees with a one-lane scan within rounding on random data', () => {
    const x = mixed(1001, 3).map((v) => (Math.abs(v) > 1e6 ? 0.5 : v));
    let sum = 0;
    for (const v of x) sum += v;
    const mean = sum / x.length;
    let m2 = 0;
    for (const v of x) m2 += (v - mean) ** 2;
    const got = scan(laneScanJs, x);
    expect(got[LANE.sum]).toBeCloseTo(sum, 9);
    expect(got[LANE.m2]! / m2).toBeCloseTo(1, 12);
  });
});

describe.runIf(wasm !== null)('the wasm lane scan', () => {
  it('gives the JS scan’s bits on every length 0–300 and on offsets that are not 16-byte aligned', () => {
    for (let n = 0; n <= 300; n++) {
      const x = mixed(n + 5, n);
      expect(bits(scan(wasm!, x, 0, n)), `length ${n}`).toEqual(bits(scan(laneScanJs, x, 0, n)));
      expect(bits(scan(wasm!, x, 3, n + 5)), `length ${n}, offset 3`).toEqual(bits(scan(laneScanJs, x, 3, n + 5)));
    }
  });

  it('gives the JS scan’s bits on weight-block sized chunks, and past its copy limit', () => {
    for (const n of [16 * 1024, 16 * 4096 + 3, (1 << 18) + 1]) {
      // Without the huge values, which would hide a wrong order in the sums' last bits.
      const x = mixed(n, n).map((v) => (Math.abs(v) > 1e6 ? 0.25 : v));
      expect(bits(scan(wasm!, x)), `length ${n}`).toEqual(bits(scan(laneScanJs, x)));
    }
  });

  it('reports a non-finite sum like the JS scan', () => {
    const x = mixed(100, 1);
    x[57] = NaN;
    const got = scan(wasm!, x);
    expect(got[LANE.sum]).toBeNaN();
    expect(got[LANE.m2]).toBeNaN();
  });
});
