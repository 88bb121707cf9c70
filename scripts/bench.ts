// `npm run bench`: end-to-end engine timings on the two reference workloads, against numpy doing
// the same work in the same run (where python3 + numpy exist). A benchmark, not a test.

import { spawnSync } from 'node:child_process';
import { normalizeConfig } from '../src/core/config';
import { simulateWithGradients } from '../src/core/backward';
import { createKernel } from '../src/core/kernels';
import { simulate } from '../src/core/network';

interface Workload {
  name: string;
  depth: number;
  width: number;
  batch: number;
}

const WORKLOADS: Workload[] = [
  { name: 'W1', depth: 50, width: 512, batch: 256 },
  { name: 'W2', depth: 200, width: 1024, batch: 128 },
];

const REPEATS = Number(process.env.BENCH_REPEATS ?? 3);

function flops(w: Workload): number {
  return 2 * w.depth * w.batch * w.width * w.width;
}
function normals(w: Workload): number {
  return w.depth * w.width * w.width;
}

/** Best of REPEATS; `backward` adds the checkpointed backward pass after the forward one. */
function timeEngine(w: Workload, backward = false): number {
  const { config } = normalizeConfig({ init: 'he_normal', activation: 'relu', depth: w.depth, width: w.width, batch: w.batch, seed: 1 });
  const kernel = createKernel();
  let best = Infinity;
  for (let r = 0; r < REPEATS; r++) {
    const t0 = performance.now();
    if (backward) simulateWithGradients(config, { kernel });
    else simulate(config, kernel);
    best = Math.min(best, (performance.now() - t0) / 1000);
  }
  return best;
}

// The same workload in numpy: truncated-normal He weights by rejection, float32 matmul, ReLU and
// the same per-layer statistics (float64 pooled moments, min/max, zero fraction, histogram).
const NUMPY = String.raw`
import sys, time, numpy as np
L, N, B, R = map(int, sys.argv[1:5])
def run():
    rng = np.random.default_rng(1)
    a = rng.standard_normal((B, N), dtype=np.float32)
    sd = np.float32(np.sqrt(2.0 / N) / 0.87962566103423978)
    for _ in range(L):
        w = rng.standard_normal((N, N), dtype=np.float32)
        bad = np.abs(w) > 2
        while bad.any():
            w[bad] = rng.standard_normal(int(bad.sum()), dtype=np.float32)
            bad = np.abs(w) > 2
        w *= sd
        h = a @ w
        a = np.maximum(h, 0)
        for t in (w, h, a):
            t64 = t.astype(np.float64)
            t64.mean(); t64.var(); (t64 * t64).mean(); t.min(); t.max()
        np.histogram(h, 40); np.histogram(a, 40); (a == 0).mean()
best = 1e9
for _ in range(R):
    t0 = time.perf_counter(); run(); best = min(best, time.perf_counter() - t0)
print(best)
`;

function timeNumpy(w: Workload): number | null {
  const env = { ...process.env };
  // Some machines pin an older OpenBLAS core type for safety; it slows a current numpy.
  delete env.OPENBLAS_CORETYPE;
  delete env.OPENBLAS_L2_SIZE;
  const r = spawnSync('python3', ['-c', NUMPY, String(w.depth), String(w.width), String(w.batch), String(REPEATS)], { env, encoding: 'utf8' });
  if (r.status !== 0) return null;
  const t = Number(r.stdout.trim());
  return Number.isFinite(t) ? t : null;
}

function main(): void {
  const kernel = createKernel();
  console.log(`Initscope engine benchmark — kernel ${kernel.name}, best of ${REPEATS}, 1 thread`);
  console.log('workload            engine s   GFLOP/s   M normals/s   numpy s   engine/numpy');
  for (const w of WORKLOADS) {
    const t = timeEngine(w);
    const np = timeNumpy(w);
    const label = `${w.name} (L${w.depth} N${w.width} B${w.batch})`.padEnd(18);
    const ratio = np === null ? 'n/a (no numpy)' : (t / np).toFixed(2);
    console.log(
      `${label}  ${t.toFixed(3).padStart(8)}  ${(flops(w) / t / 1e9).toFixed(1).padStart(8)}  ${(normals(w) / t / 1e6).toFixed(0).padStart(12)}  ${np === null ? '     n/a' : np.toFixed(3).padStart(8)}   ${ratio}`,
    );
  }
  // The backward pass recomputes the forward pass from checkpoints and multiplies twice more
  // (δ·Wᵀ and the weight gradient), drawing each layer's weights twice more: about 4× the forward.
  const w1 = WORKLOADS[0]!;
  const forward = timeEngine(w1);
  const both = timeEngine(w1, true);
  console.log(`${w1.name} forward ${forward.toFixed(3)} s, forward + backward ${both.toFixed(3)} s (×${(both / forward).toFixed(2)})`);
}

main();
