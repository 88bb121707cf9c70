import { describe, expect, it } from 'vitest';
import { createJsKernel, matmulReference } from './jsKernel';
import { streamRng } from '../rng';
import { transpose } from './transpose';
import type { Layout, MatmulKernel } from './types';
import { createWasmKernel } from './wasmKernel';

const factories: [string, () => MatmulKernel][] = [['js-reference', createJsKernel]];
if (createWasmKernel() !== null) factories.push(['wasm-simd', () => createWasmKernel()!]);

/** Float32 values of many magnitudes, some zero, so any change in the order of operations shows in the bits. */
function filled(n: number, seed: number): Float32Array {
  const s = streamRng(seed, 0, 0, 0);
  const a = new Float32Array(n);
  for (let i = 0; i < n; i++)
    a[i] = s.nextFloat() < 0.1 ? 0 : Math.fround((2 * s.nextFloat() - 1) * 2 ** (8 * s.nextFloat() - 4));
  return a;
}

function bits(a: Float32Array, n: number): number[] {
  return Array.from(new Uint32Array(a.buffer, a.byteOffset, n));
}

/** Rows fewer than 4, not a multiple of 4, under and over 16; panels full and narrow. */
const SHAPES = [
  [1, 5, 3],
  [2, 64, 64],
  [3, 7, 9],
  [5, 64, 17],
  [15, 33, 8],
  [64, 64, 64],
  [64, 2, 64],
  [64, 64, 2],
  [37, 20, 41],
] as const;
const LAYOUTS: readonly Layout[] = ['nn', 'tn', 'nt'];

describe.each(factories)('%s product()', (_, create) => {
  it.each(LAYOUTS)(
    'layout %s gives matmulReference’s bits on the transposed-back operands, staged and in place',
    (layout) => {
      const kernel = create();
      kernel.ensure(64, 64, 64);
      SHAPES.forEach(([B, K, N], s) => {
        const x = filled(B * K, 3 * s + 1);
        const w = filled(K * N, 3 * s + 2);
        const bias = filled(N, 3 * s + 3);
        // What the layout holds: x as K×B for 'tn', w as N×K for 'nt'.
        const xHeld = new Float32Array(B * K);
        const wHeld = new Float32Array(K * N);
        if (layout === 'tn') transpose(x, B, K, xHeld);
        else xHeld.set(x);
        if (layout === 'nt') transpose(w, K, N, wHeld);
        else wHeld.set(w);
        const expected = new Float32Array(B * N);
        matmulReference(x, w, bias, expected, B, K, N);
        const staged = new Float32Array(B * N);
        kernel.product(xHeld, wHeld, bias, staged, B, K, N, layout);
        expect(bits(staged, B * N), `${B}×${K}·${K}×${N}`).toEqual(bits(expected, B * N));
        // The same operands inside the reserved region, at offsets that are not 16-byte aligned.
        const region = kernel.reserve(B * K + K * N + N + B * N + 4);
        const rx = region.subarray(1, 1 + B * K);
        const rw = region.subarray(2 + B * K, 2 + B * K + K * N);
        const rb = region.subarray(3 + B * K + K * N, 3 + B * K + K * N + N);
        const ro = region.subarray(4 + B * K + K * N + N - 1);
        rx.set(xHeld);
        rw.set(wHeld);
        rb.set(bias);
        kernel.product(rx, rw, rb, ro, B, K, N, layout);
        expect(bits(ro, B * N), `in place ${B}×${K}·${K}×${N}`).toEqual(bits(expected, B * N));
        // Without a bias the sums are left as they are.
        matmulReference(x, w, null, expected, B, K, N);
        kernel.product(rx, rw, null, ro, B, K, N, layout);
        expect(bits(ro, B * N)).toEqual(bits(expected, B * N));
      });
    },
  );

  it('refuses shapes beyond the capacity', () => {
    const kernel = create();
    kernel.ensure(4, 4, 4);
    const a = new Float32Array(64);
    expect(() => kernel.product(a, a, null, a, 5, 4, 4, 'tn')).toThrow(RangeError);
  });
});
