import { describe, expect, it } from 'vitest';
import { createJsKernel } from './jsKernel';
import type { MatmulKernel } from './types';
import { createWasmKernel } from './wasmKernel';
import { streamRng } from '../rng';

/** The engine's own seeded stream, so every failure is reproducible. */
function rng(seed: number): () => number {
  const stream = streamRng(seed, 0, 0, 0);
  return () => stream.nextFloat();
}

const F32_MAX = 3.4028234663852886e38;
const SPECIALS = [0, -0, Infinity, -Infinity, NaN, F32_MAX, -F32_MAX, 2 ** -149, -(2 ** -149), 2 ** -126];

type Mix = 'plain' | 'wide' | 'overflow' | 'denormal';
const MIXES: readonly Mix[] = ['plain', 'wide', 'overflow', 'denormal'];

/** Float32 values from one of several regimes; the extreme ones exercise Inf, NaN and denormals. */
function sample(r: () => number, mix: Mix): number {
  const sign = r() < 0.5 ? -1 : 1;
  switch (mix) {
    case 'plain':
      return Math.fround(2 * r() - 1);
    case 'wide':
      if (r() < 0.05) return SPECIALS[Math.floor(r() * SPECIALS.length)]!;
      // Any exponent from the smallest denormal to the largest finite float32.
      return Math.fround(sign * (1 + r()) * 2 ** (Math.floor(r() * 277) - 149));
    case 'overflow':
      // Half the entries near 2⁶⁴: their products straddle 2¹²⁸, so some overflow to ±Inf, some
      // partial sums overflow later, and +Inf + −Inf gives NaN.
      if (r() < 0.5) return Math.fround(2 * r() - 1);
      return Math.fround(sign * (1 + r()) * 2 ** (60 + Math.floor(r() * 4)));
    case 'denormal':
      // Products between 2⁻¹⁵⁰ and 2⁻¹³⁰: mostly denormal, some rounding to zero, a few normal.
      return Math.fround(sign * (1 + r()) * 2 ** (-75 + Math.floor(r() * 10)));
  }
}

function fill(a: Float32Array, n: number, r: () => number, mix: Mix): void {
  for (let i = 0; i < n; i++) a[i] = sample(r, mix);
}

/** Bias entries on the scale of one product, i.e. of the outputs they are added to. */
function fillBias(a: Float32Array, n: number, r: () => number, mix: Mix): void {
  for (let i = 0; i < n; i++) a[i] = Math.fround(sample(r, mix) * sample(r, mix));
}

/** Index of the first difference in bit pattern, or -1. NaNs included: both kernels canonicalize. */
function firstBitDifference(a: Float32Array, b: Float32Array, n: number): number {
  const ua = new Uint32Array(a.buffer, a.byteOffset, n);
  const ub = new Uint32Array(b.buffer, b.byteOffset, n);
  for (let i = 0; i < n; i++) if (ua[i] !== ub[i]) return i;
  return -1;
}

const wasm = createWasmKernel();

describe('wasm-simd kernel', () => {
  it('is available in Node 20 (SIMD validates)', () => {
    expect(wasm).not.toBeNull();
  });

  const SIZES = [1, 2, 3, 5, 7, 8, 9, 15, 16, 17, 33, 64, 100];
  const MAX = Math.max(...SIZES);

  it('matches the JS reference bit for bit on every shape from the size list', () => {
    if (wasm === null) return;
    const js = createJsKernel();
    for (const k of [js, wasm]) k.ensure(MAX, MAX, MAX);
    const r = rng(12345);
    let checked = 0;
    const seen = { nan: 0, inf: 0, denormal: 0 };
    for (const B of SIZES) {
      for (const K of SIZES) {
        for (const N of SIZES) {
          for (const useBias of [false, true]) {
            const mix = MIXES[(checked >> 1) % MIXES.length]!;
            fill(js.x(), B * K, r, mix);
            fill(js.w(), K * N, r, mix);
            fillBias(js.bias(), N, r, mix);
            wasm.x().set(js.x().subarray(0, B * K));
            wasm.w().set(js.w().subarray(0, K * N));
            wasm.bias().set(js.bias().subarray(0, N));
            // Poison the whole output: the kernels must overwrite exactly B·N entries.
            js.out().fill(7);
            wasm.out().fill(7);
            js.run(B, K, N, useBias);
            wasm.run(B, K, N, useBias);
            const diff = firstBitDifference(js.out(), wasm.out(), B * N);
            if (diff >= 0) {
              const [b, j] = [Math.floor(diff / N), diff % N];
              const where = `B=${B} K=${K} N=${N} bias=${useBias} mix=${mix} at [${b},${j}]`;
              expect.fail(`${where}: js ${js.out()[diff]} vs wasm ${wasm.out()[diff]}`);
            }
            expect(
              wasm
                .out()
                .subarray(B * N)
                .every((v) => v === 7),
            ).toBe(true);
            for (let i = 0; i < B * N; i++) {
              const v = Math.abs(js.out()[i]!);
              if (Number.isNaN(v)) seen.nan++;
              else if (v === Infinity) seen.inf++;
              else if (v > 0 && v < 2 ** -126) seen.denormal++;
            }
            checked++;
          }
        }
      }
    }
    expect(checked).toBe(2 * SIZES.length ** 3);
    // The extreme regimes really did produce NaN, ±Inf and denormal outputs.
    expect(seen.nan).toBeGreaterThan(1000);
    expect(seen.inf).toBeGreaterThan(1000);
    expect(seen.denormal).toBeGreaterThan(1000);
  });

  it('matches the reference on larger random shapes, including non-multiples of the tile', () => {
    if (wasm === null) return;
    const js = createJsKernel();
    const r = rng(99);
    for (let trial = 0; trial < 40; trial++) {
      const [B, K, N] = [1 + Math.floor(r() * 300), 1 + Math.floor(r() * 300), 1 + Math.floor(r() * 300)];
      for (const k of [js, wasm]) k.ensure(B, K, N);
      const mix = MIXES[trial % MIXES.length]!;
      fill(js.x(), B * K, r, mix);
      fill(js.w(), K * N, r, mix);
      fillBias(js.bias(), N, r, mix);
      wasm.x().set(js.x().subarray(0, B * K));
      wasm.w().set(js.w().subarray(0, K * N));
      wasm.bias().set(js.bias().subarray(0, N));
      const useBias = trial % 2 === 0;
      const inputs = [wasm.x(), wasm.w(), wasm.bias()].map((a) => a.slice());
      js.run(B, K, N, useBias);
      wasm.run(B, K, N, useBias);
      // Packing happens in scratch: the inputs are left exactly as they were.
      [wasm.x(), wasm.w(), wasm.bias()].forEach((a, i) => {
        expect(firstBitDifference(a, inputs[i]!, a.length), 'input modified').toBe(-1);
      });
      expect(firstBitDifference(js.out(), wasm.out(), B * N), `B=${B} K=${K} N=${N} ${mix}`).toBe(-1);
    }
  });

  it('handles K = 0 and empty batches', () => {
    if (wasm === null) return;
    for (const k of [createJsKernel(), wasm]) {
      k.ensure(3, 4, 5);
      k.bias().set([1, -2, 3, -0, 5]); // acc starts at +0, so the −0 bias comes out as +0
      k.out().fill(9);
      k.run(3, 0, 5, true);
      expect(Array.from(k.out().subarray(0, 15))).toEqual([1, -2, 3, 0, 5, 1, -2, 3, 0, 5, 1, -2, 3, 0, 5]);
      k.run(3, 0, 5, false);
      expect(Array.from(k.out().subarray(0, 15))).toEqual(new Array<number>(15).fill(0));
      k.out().fill(9);
      k.run(0, 4, 5, true);
      k.run(3, 4, 0, true);
      expect(k.out().every((v) => v === 9)).toBe(true);
    }
  });
});

/** Runs a 1×K·K×1 product on a kernel and returns the single output. */
function dot(kernel: MatmulKernel, x: number[], w: number[], bias?: number): number {
  kernel.ensure(1, x.length, 1);
  kernel.x().set(x);
  kernel.w().set(w);
  kernel.bias()[0] = bias ?? 0;
  kernel.run(1, x.length, 1, bias !== undefined);
  return kernel.out()[0]!;
}

describe('float32 semantics of every kernel', () => {
  const kernels = [createJsKernel(), wasm].filter((k): k is MatmulKernel => k !== null);

  it.each(kernels.map((k) => [k.name, k] as const))('%s rounds each product and each sum', (_, k) => {
    const e = 1 + 2 ** -23;
    // fl32(e·e) = 1 + 2⁻²² (the exact square has a 2⁻⁴⁶ tail). Adding 2⁻²⁴ is then an exact tie,
    // broken to even: 1 + 2⁻²². A fused multiply-add, or float64 accumulation, keeps the tail and
    // rounds up to 1 + 3·2⁻²³.
    expect(dot(k, [e, 2 ** -24], [e, 1])).toBe(1 + 2 ** -22);
    // Each partial sum is rounded: 1 + 2⁻²⁴ ties to 1, twice; float64 would keep 1 + 2⁻²³.
    expect(dot(k, [1, 2 ** -24, 2 ** -24], [1, 1, 1])).toBe(1);
    // The bias is one more rounded add, after all products.
    expect(dot(k, [1], [1], 2 ** -24)).toBe(1);
    // Overflow of one product is not undone by later terms; Inf − Inf is NaN.
    expect(dot(k, [F32_MAX, F32_MAX], [2, -1])).toBe(Infinity);
    expect(dot(k, [F32_MAX, F32_MAX], [2, -2])).toBeNaN();
    // Denormal products are kept, not flushed to zero.
    expect(dot(k, [2 ** -100], [2 ** -40])).toBe(2 ** -140);
  });

  it.each(kernels.map((k) => [k.name, k] as const))('%s stores every NaN as 0x7fc00000', (_, k) => {
    k.ensure(3, 2, 9);
    const w = k.w();
    const bits = new Uint32Array(w.buffer, w.byteOffset, w.length);
    k.x().set([1, 1, Infinity, 1, 1, 1]);
    w.fill(1, 0, 18);
    w[9 + 4] = -Infinity; // row 1: Inf − Inf in column 4
    bits[9 + 7] = 0xffc01234; // a negative NaN with a payload in w[1, 7]
    k.run(3, 2, 9, false);
    const out = new Uint32Array(k.out().buffer, k.out().byteOffset, 27);
    for (let i = 0; i < 27; i++) {
      if (Number.isNaN(k.out()[i])) expect(out[i]).toBe(0x7fc00000);
    }
    // Row 0 (x = 1, 1): NaN only where w has one; row 1 (x = Inf, 1): also Inf − Inf.
    expect(Array.from(k.out().subarray(0, 9), Number.isNaN)).toEqual([0, 0, 0, 0, 0, 0, 0, 1, 0].map(Boolean));
    expect(Array.from(k.out().subarray(9, 18), Number.isNaN)).toEqual([0, 0, 0, 0, 1, 0, 0, 1, 0].map(Boolean));
  });
});
