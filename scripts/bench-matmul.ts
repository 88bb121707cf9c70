// Throughput of the matmul kernels: GFLOP/s = 2·B·K·N / seconds, best of several runs.
// `npx tsx scripts/bench-matmul.ts`. Timings are printed, never asserted (machines differ).

import { createJsKernel } from '../src/core/kernels/jsKernel';
import type { MatmulKernel } from '../src/core/kernels/types';
import { createWasmKernel } from '../src/core/kernels/wasmKernel';

const shapes: readonly (readonly [number, number, number])[] = [
  [256, 512, 512],
  [128, 1024, 1024],
];

function fill(a: Float32Array, seed: number): void {
  // xorshift32: deterministic inputs in [-1, 1), no dependency on the engine's RNG.
  let s = seed >>> 0 || 1;
  for (let i = 0; i < a.length; i++) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    a[i] = (s >>> 0) / 2 ** 31 - 1;
  }
}

function bench(kernel: MatmulKernel, B: number, K: number, N: number): number {
  kernel.ensure(B, K, N);
  fill(kernel.x(), 1);
  fill(kernel.w(), 2);
  fill(kernel.bias(), 3);
  const flops = 2 * B * K * N;
  // Repeat each timed sample until it lasts ≥ 50 ms so timer resolution does not matter.
  let reps = 1;
  let best = Infinity;
  for (let sample = 0; sample < 8; sample++) {
    const t0 = performance.now();
    for (let r = 0; r < reps; r++) kernel.run(B, K, N, true);
    const ms = (performance.now() - t0) / reps;
    best = Math.min(best, ms);
    reps = Math.max(1, Math.ceil(50 / ms));
  }
  return flops / (best * 1e6);
}

const kernels = [createJsKernel(), createWasmKernel()].filter((k): k is MatmulKernel => k !== null);
for (const [B, K, N] of shapes) {
  for (const kernel of kernels) {
    const gflops = bench(kernel, B, K, N);
    console.log(`${kernel.name.padEnd(12)} B=${B} K=${K} N=${N}: ${gflops.toFixed(2)} GFLOP/s`);
  }
}
