import { describe, expect, it } from 'vitest';
import { fillNormal } from '../normal';
import { streamRng } from '../rng';
import { createWasmNormalFill, fillNormalFast } from './normalWasm';

const wasm = createWasmNormalFill();

/** Draws `n` values into a fresh array at offset 3 (so pieces start unaligned), with the state after. */
function draw(fill: typeof fillNormal, seed: number, n: number, mean: number, std: number): { values: Float32Array; state: number[] } {
  const rng = streamRng(seed, 1, 7, seed % 5);
  const values = new Float32Array(n + 3);
  fill(rng, values, 3, n + 3, mean, std);
  return { values, state: [...rng.state] };
}

describe.runIf(wasm !== null)('the WebAssembly normal sampler', () => {
  it('draws fillNormal’s values and leaves its generator state, on many seeds, lengths and laws', () => {
    const laws: [number, number][] = [[0, 1], [0, 0.04], [1.5, 0.3], [-2, 1e-6], [0, 1e30], [3, 0]];
    for (let seed = 0; seed < 60; seed++) {
      const n = seed < 30 ? seed * 37 : 1000 + seed * 5003;
      const [mean, std] = laws[seed % laws.length]!;
      const ref = draw(fillNormal, seed, n, mean, std);
      const got = draw(wasm!, seed, n, mean, std);
      expect(got.state, `seed ${seed}`).toEqual(ref.state);
      expect(Buffer.from(got.values.buffer).equals(Buffer.from(ref.values.buffer)), `seed ${seed}, n ${n}`).toBe(true);
    }
  });

  it('continues one stream across its pieces: a range longer than a piece equals fillNormal’s', () => {
    const n = (1 << 16) * 2 + 11;
    const ref = draw(fillNormal, 99, n, 0, 1);
    const got = draw(wasm!, 99, n, 0, 1);
    expect(got.state).toEqual(ref.state);
    expect(Buffer.from(got.values.buffer).equals(Buffer.from(ref.values.buffer))).toBe(true);
  });

  it('passes through the tail and the wedges (the host’s slow path) as often as fillNormal', () => {
    // 10⁶ values: about 3 % take the slow path, and values beyond the tail start (r ≈ 3.44) occur.
    const got = draw(fillNormal, 5, 1_000_000, 0, 1);
    const wasmGot = draw(wasm!, 5, 1_000_000, 0, 1);
    expect(wasmGot.values.some((v) => Math.abs(v) > 3.5)).toBe(true);
    expect(Buffer.from(wasmGot.values.buffer).equals(Buffer.from(got.values.buffer))).toBe(true);
  });
});

describe('fillNormalFast', () => {
  it('gives fillNormal’s values on short and long ranges', () => {
    for (const n of [0, 1, 255, 256, 5000]) {
      const ref = draw(fillNormal, n, n, 0.5, 2);
      const got = draw(fillNormalFast, n, n, 0.5, 2);
      expect(got.state).toEqual(ref.state);
      expect(Buffer.from(got.values.buffer).equals(Buffer.from(ref.values.buffer))).toBe(true);
    }
  });
});
