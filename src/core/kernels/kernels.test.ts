import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createKernel } from './index';
import { createJsKernel } from './jsKernel';
import type { MatmulKernel } from './types';
import { createWasmKernel } from './wasmKernel';

const wasm = createWasmKernel();
const factories: [string, () => MatmulKernel][] = [['js-reference', createJsKernel]];
if (wasm !== null) factories.push(['wasm-simd', () => createWasmKernel()!]);

/** Fills x, w, bias with small integers (exact in float32) and checks out against a direct sum. */
function runAndCheck(kernel: MatmulKernel, B: number, K: number, N: number): void {
  const [x, w, bias] = [kernel.x(), kernel.w(), kernel.bias()];
  for (let i = 0; i < B * K; i++) x[i] = (i % 7) - 3;
  for (let i = 0; i < K * N; i++) w[i] = (i % 5) - 2;
  for (let j = 0; j < N; j++) bias[j] = j;
  kernel.run(B, K, N, true);
  const out = kernel.out();
  for (let b = 0; b < B; b++) {
    for (let j = 0; j < N; j++) {
      let s = bias[j]!;
      for (let k = 0; k < K; k++) s += x[b * K + k]! * w[k * N + j]!;
      expect(out[b * N + j]).toBe(s);
    }
  }
}

describe.each(factories)('%s buffers', (_, create) => {
  it('grows with ensure(); views fetched after ensure() are sized and usable', () => {
    const kernel = create();
    kernel.ensure(2, 3, 4);
    expect(kernel.x().length).toBeGreaterThanOrEqual(6);
    expect(kernel.w().length).toBeGreaterThanOrEqual(12);
    expect(kernel.bias().length).toBeGreaterThanOrEqual(4);
    expect(kernel.out().length).toBeGreaterThanOrEqual(8);
    runAndCheck(kernel, 2, 3, 4);
    for (const [B, K, N] of [
      [9, 40, 17],
      [3, 300, 5],
      [64, 64, 64],
      [1, 1000, 3],
    ] as const) {
      kernel.ensure(B, K, N);
      expect(kernel.x().length).toBeGreaterThanOrEqual(B * K);
      expect(kernel.w().length).toBeGreaterThanOrEqual(K * N);
      expect(kernel.out().length).toBeGreaterThanOrEqual(B * N);
      runAndCheck(kernel, B, K, N);
      // A smaller shape inside the capacity needs no ensure().
      runAndCheck(kernel, 2, 3, 4);
    }
  });

  it('never shrinks: a smaller ensure() keeps the buffers', () => {
    const kernel = create();
    kernel.ensure(10, 10, 10);
    const views = [kernel.x(), kernel.w(), kernel.bias(), kernel.out()];
    kernel.ensure(2, 2, 2);
    const after = [kernel.x(), kernel.w(), kernel.bias(), kernel.out()];
    after.forEach((view, i) => expect(view).toBe(views[i]));
  });

  it('rejects shapes beyond the ensured capacity and malformed dimensions', () => {
    const k = create();
    k.ensure(4, 4, 4);
    k.ensure(2, 6, 3);
    k.run(4, 6, 4, true); // each dimension within its largest request
    // Fits the buffers (1·16 ≤ 4·6 and 16·1 ≤ 6·4) but K exceeds the largest maxK.
    expect(() => k.run(1, 16, 1, false)).toThrow(RangeError);
    expect(() => k.run(5, 1, 1, false)).toThrow(RangeError);
    expect(() => k.run(1, 1, 5, false)).toThrow(RangeError);
    expect(() => k.run(2.5, 2, 2, false)).toThrow(RangeError);
    expect(() => k.run(-1, 2, 2, false)).toThrow(RangeError);
    expect(() => k.ensure(Number.NaN, 2, 2)).toThrow(RangeError);
  });
});

describe('wasm-simd memory', () => {
  it('reserves room for B = 4096, K = N = 4096 and grows only when asked', () => {
    if (wasm === null) return;
    const k = createWasmKernel()!;
    k.ensure(4096, 4096, 4096);
    expect(k.x().length).toBe(4096 * 4096);
    expect(k.w().length).toBe(4096 * 4096);
    expect(k.out().length).toBe(4096 * 4096);
    // The regions are disjoint views of one memory: writing one leaves the others alone.
    k.w().fill(1);
    k.x()[k.x().length - 1] = 2;
    k.bias()[0] = 3;
    k.out()[0] = 4;
    expect([k.w()[0], k.w()[k.w().length - 1]]).toEqual([1, 1]);
    expect(k.x().buffer).toBe(k.out().buffer);
  });

  it('throws a RangeError, not a crash, when a shape exceeds the 1 GiB memory limit', () => {
    if (wasm === null) return;
    expect(() => createWasmKernel()!.ensure(16384, 16384, 1)).toThrow(RangeError);
  });
});

describe('createKernel', () => {
  it('prefers wasm when available and falls back to or forces the JS reference', () => {
    expect(createKernel().name).toBe(wasm === null ? 'js-reference' : 'wasm-simd');
    expect(createKernel('js').name).toBe('js-reference');
  });
});

describe('matmul.wasm.ts', () => {
  it('is up to date with matmul.wat (run npm run build:wasm after editing the .wat)', () => {
    const script = fileURLToPath(new URL('../../../scripts/build-wasm.mjs', import.meta.url));
    // Exits non-zero (and execFileSync throws) when re-assembling gives different bytes.
    expect(() => execFileSync(process.execPath, [script, '--check'], { stdio: 'pipe' })).not.toThrow();
  });
});
