import { describe, expect, it } from 'vitest';
import { fillNormal } from '../normal';
import { streamRng } from '../rng';
import { createWasmNormalFill, fillNormalFast, fillNormalJs, type NormalFill } from './normalWasm';

const wasm = createWasmNormalFill();

interface Drawn {
  values: Float32Array;
  state: number[];
  outside: number[];
}

/** Draws `n` values into a fresh array at offset 3 (so pieces start unaligned). */
function draw(fill: NormalFill, seed: number, n: number, mean: number, std: number, bound = Infinity): Drawn {
  const rng = streamRng(seed, 1, 7, seed % 5);
  const values = new Float32Array(n + 3);
  const list = new Int32Array(n);
  const count = fill(rng, values, 3, n + 3, mean, std, bound, list);
  return { values, state: [...rng.state], outside: [...list.subarray(0, count)] };
}

function expectSame(got: Drawn, ref: Drawn, what: string): void {
  expect(got.state, what).toEqual(ref.state);
  expect(got.outside, what).toEqual(ref.outside);
  expect(Buffer.from(got.values.buffer).equals(Buffer.from(ref.values.buffer)), what).toBe(true);
}

describe('fillNormalJs', () => {
  it('draws fillNormal’s values and lists exactly the positions outside the bound', () => {
    const got = draw(fillNormalJs, 4, 5000, 1, 0.5, 0.6);
    const rng = streamRng(4, 1, 7, 4);
    const ref = new Float32Array(5003);
    fillNormal(rng, ref, 3, 5003, 1, 0.5);
    expect(Buffer.from(got.values.buffer).equals(Buffer.from(ref.buffer))).toBe(true);
    const expected = [...ref.keys()].filter((j) => j >= 3 && Math.abs(ref[j]! - 1) > 0.6);
    expect(got.outside).toEqual(expected);
    expect(expected.length / 5000).toBeGreaterThan(0.2); // P(|z| > 1.2) ≈ 0.23
  });
});

describe.runIf(wasm !== null)('the WebAssembly normal sampler', () => {
  it('gives fillNormalJs’s values, list and generator state on many seeds, lengths, laws and bounds', () => {
    const laws: [number, number, number][] = [
      [0, 1, Infinity],
      [0, 0.04, 0.08],
      [1.5, 0.3, 0.2],
      [-2, 1e-6, 2e-6],
      [0, 1e30, 1e30],
      [3, 0, 0],
      [0, 1, 0],
    ];
    for (let seed = 0; seed < 70; seed++) {
      const n = seed < 35 ? seed * 37 : 1000 + seed * 5003;
      const [mean, std, bound] = laws[seed % laws.length]!;
      expectSame(
        draw(wasm!, seed, n, mean, std, bound),
        draw(fillNormalJs, seed, n, mean, std, bound),
        `seed ${seed}, n ${n}`,
      );
    }
  });

  it('continues one stream and one list across its pieces', () => {
    const n = (1 << 16) * 2 + 11;
    expectSame(draw(wasm!, 99, n, 0, 1, 2), draw(fillNormalJs, 99, n, 0, 1, 2), 'three pieces');
  });

  it('passes through the tail and the wedges (the host’s slow path) as fillNormal does', () => {
    // 10⁶ values: about 3 % take the slow path, and values beyond the tail start (r ≈ 3.44) occur.
    const got = draw(wasm!, 5, 1_000_000, 0, 1);
    expect(got.values.some((v) => Math.abs(v) > 3.5)).toBe(true);
    expectSame(got, draw(fillNormalJs, 5, 1_000_000, 0, 1), '10⁶ values');
  });
});

describe('fillNormalFast', () => {
  it('gives fillNormalJs’s values and list on short and long ranges', () => {
    for (const n of [0, 1, 255, 256, 5000])
      expectSame(draw(fillNormalFast, n, n, 0.5, 2, 3), draw(fillNormalJs, n, n, 0.5, 2, 3), `n ${n}`);
  });
});
