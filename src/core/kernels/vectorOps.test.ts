import { describe, expect, it } from 'vitest';
import { streamRng } from '../rng';
import type { AdamStep, MatmulKernel } from './types';
import { jsVectorOps } from './vectorOps';
import { createWasmKernel } from './wasmKernel';

const SPECIALS = [0, -0, Infinity, -Infinity, NaN, 3.4028234663852886e38, 2 ** -149, -(2 ** -149)];

/** Float32 values over many magnitudes, either sign, with a few specials and exact zeros. */
function values(n: number, seed: number, specials = true): Float32Array {
  const s = streamRng(seed, 0, 0, 0);
  const a = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const u = s.nextFloat();
    if (specials && u < 0.03) a[i] = SPECIALS[Math.floor(s.nextFloat() * SPECIALS.length)]!;
    else if (u < 0.1) a[i] = 0;
    else a[i] = Math.fround((2 * s.nextFloat() - 1) * 2 ** (40 * s.nextFloat() - 20));
  }
  return a;
}

const bits = (a: Float32Array) => Array.from(new Uint32Array(a.buffer, a.byteOffset, a.length));

/** Lengths around the 4-wide SIMD steps, odd ones included. */
const LENGTHS = [0, 1, 3, 4, 7, 64, 4099];

/** Copies of `arrays` inside the kernel's region (at offsets off the 16-byte grid) and as plain arrays. */
function twoCopies(kernel: MatmulKernel, arrays: Float32Array[]): [Float32Array[], Float32Array[]] {
  const total = arrays.reduce((s, a) => s + a.length + 1, 1);
  const region = kernel.reserve(total);
  let next = 1;
  const inside = arrays.map((a) => {
    const v = region.subarray(next, next + a.length);
    v.set(a);
    next += a.length + 1;
    return v;
  });
  return [inside, arrays.map((a) => a.slice())];
}

describe('the wasm kernel’s vector steps', () => {
  // Node 20 and every supported browser have wasm SIMD (matmul.test.ts checks it).
  const kernel = createWasmKernel()!;
  const ops = kernel.vector;

  it.each(LENGTHS)('relu, reluMask, scale and addFinite give the plain definitions’ bits (n = %i)', (n) => {
    const [[src, h, inc, dst, p, d], [src2, h2, inc2, dst2, p2, d2]] = twoCopies(kernel, [
      values(n, 1),
      values(n, 2),
      values(n, 3),
      new Float32Array(n),
      values(n, 4, false),
      values(n, 5, false),
    ]);
    ops.relu(src!, dst!, n);
    jsVectorOps.relu(src2!, dst2!, n);
    expect(bits(dst!)).toEqual(bits(dst2!));
    // NaN pre-activations are excluded, as in training (the run stops first); NaN gradients are not.
    const hFinite = h!.map((v) => (Number.isNaN(v) ? 1 : v));
    h!.set(hFinite);
    h2!.set(hFinite);
    ops.reluMask(h!, inc!, dst!, n);
    jsVectorOps.reluMask(h2!, inc2!, dst2!, n);
    expect(bits(dst!)).toEqual(bits(dst2!));
    ops.scale(inc!, dst!, n, -0.01);
    jsVectorOps.scale(inc2!, dst2!, n, -0.01);
    expect(bits(dst!)).toEqual(bits(dst2!));
    expect(ops.addFinite(p!, d!, n)).toBe(jsVectorOps.addFinite(p2!, d2!, n));
    expect(bits(p!)).toEqual(bits(p2!));
    // An overflow anywhere, the tail included, reports a result that is not finite.
    if (n > 0) {
      p![n - 1] = 3e38;
      d![n - 1] = 3e38;
      expect(ops.addFinite(p!, d!, n)).toBe(false);
    }
  });

  it.each([
    [1, 1],
    [3, 5],
    [64, 64],
    [7, 10],
    [64, 2],
  ])('sumRows gives the plain definition’s bits (%i × %i)', (B, N) => {
    const [[d, out], [d2, out2]] = twoCopies(kernel, [values(B * N, B + N, false), new Float32Array(N)]);
    ops.sumRows(d!, B, N, out!);
    jsVectorOps.sumRows(d2!, B, N, out2!);
    expect(bits(out!)).toEqual(bits(out2!));
  });

  it.each(LENGTHS)('momentum and Adam give the plain definitions’ bits over three steps (n = %i)', (n) => {
    const [[g, buf, dst, m, v], [g2, buf2, dst2, m2, v2]] = twoCopies(kernel, [
      values(n, 6, false),
      new Float32Array(n),
      new Float32Array(n),
      new Float32Array(n),
      new Float32Array(n),
    ]);
    for (let t = 1; t <= 3; t++) {
      ops.momentum(g!, buf!, dst!, n, 0.9, -0.01, t === 1);
      jsVectorOps.momentum(g2!, buf2!, dst2!, n, 0.9, -0.01, t === 1);
      expect(bits(buf!)).toEqual(bits(buf2!));
      expect(bits(dst!)).toEqual(bits(dst2!));
      const a: AdamStep = {
        beta1: 0.9,
        oneMinusBeta1: 1 - 0.9,
        beta2: 0.999,
        oneMinusBeta2: 1 - 0.999,
        stepSize: 0.001 / (1 - 0.9 ** t),
        root2: Math.sqrt(1 - 0.999 ** t),
        eps: 1e-8,
      };
      ops.adam(g!, m!, v!, dst!, n, a);
      jsVectorOps.adam(g2!, m2!, v2!, dst2!, n, a);
      expect([bits(m!), bits(v!), bits(dst!)]).toEqual([bits(m2!), bits(v2!), bits(dst2!)]);
      g!.set(values(n, 10 + t, false));
      g2!.set(g!);
    }
  });
});
