// `npm run bench`: end-to-end engine timings on the two reference workloads, on one thread and
// on a team of one thread per core, against numpy doing the same work in the same run (where
// python3 + numpy exist). A benchmark, not a test: the machine's load average is printed with it.

import { spawnSync } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { normalizeConfig } from '../src/core/config';
import { simulateWithGradients } from '../src/core/backward';
import { createKernel } from '../src/core/kernels';
import { simulate } from '../src/core/network';
import type { SimConfig } from '../src/core/types';
import { createForwardTeam, type ForwardTeam } from '../src/node/forwardTeam';
import { benchTraining } from './benchTraining';
import { RESIDUAL_WORKLOAD, timeResidual } from './benchResidual';

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

function configOf(w: Workload): SimConfig {
  return normalizeConfig({
    init: 'he_normal',
    activation: 'relu',
    depth: w.depth,
    width: w.width,
    batch: w.batch,
    seed: 1,
  }).config;
}

/** Best of REPEATS, in seconds. */
function bestOf(run: () => void): number {
  let best = Infinity;
  for (let r = 0; r < REPEATS; r++) {
    const t0 = performance.now();
    run();
    best = Math.min(best, (performance.now() - t0) / 1000);
  }
  return best;
}

/** One thread; `backward` adds the checkpointed backward pass after the forward one. */
function timeEngine(w: Workload, backward = false): number {
  const config = configOf(w);
  const kernel = createKernel();
  return bestOf(() => (backward ? simulateWithGradients(config, { kernel }) : simulate(config, kernel)));
}

/** The team (started beforehand: starting its workers is not part of a run). */
function timeTeam(w: Workload, team: ForwardTeam): number {
  const config = configOf(w);
  return bestOf(() => team.simulate(config));
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
  const r = spawnSync('python3', ['-c', NUMPY, String(w.depth), String(w.width), String(w.batch), String(REPEATS)], {
    env,
    encoding: 'utf8',
  });
  if (r.status !== 0) return null;
  const t = Number(r.stdout.trim());
  return Number.isFinite(t) ? t : null;
}

function row(label: string, threads: number, t: number, w: Workload, np: number | null): string {
  const ratio = np === null ? 'n/a (no numpy)' : (t / np).toFixed(2);
  return (
    `${label.padEnd(20)}  ${String(threads).padStart(7)}  ${t.toFixed(3).padStart(8)}  ${(flops(w) / t / 1e9).toFixed(1).padStart(8)}` +
    `  ${(normals(w) / t / 1e6).toFixed(0).padStart(12)}  ${np === null ? '     n/a' : np.toFixed(3).padStart(8)}   ${ratio}`
  );
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

async function main(): Promise<void> {
  const kernel = createKernel();
  const cores = availableParallelism();
  const started = performance.now();
  const team = await createForwardTeam(cores);
  const startup = (performance.now() - started) / 1000;
  console.log(`Initscope engine benchmark — kernel ${kernel.name}, best of ${REPEATS}, ${cores} cores`);
  console.log(
    `load average before: ${load()} (1, 5, 15 min); team of ${cores} started in ${startup.toFixed(3)} s (not counted below)`,
  );
  console.log('workload               threads   engine s   GFLOP/s   M normals/s   numpy s   engine/numpy');
  for (const w of WORKLOADS) {
    const one = timeEngine(w);
    const all = timeTeam(w, team);
    const np = timeNumpy(w);
    const label = `${w.name} (L${w.depth} N${w.width} B${w.batch})`;
    console.log(row(label, 1, one, w, np));
    console.log(row('', cores, all, w, np));
  }
  await team.close();
  // The backward pass recomputes the forward pass from checkpoints and multiplies twice more
  // (δ·Wᵀ and the weight gradient), drawing each layer's weights twice more: about 4× the forward.
  // It runs on one thread.
  const w1 = WORKLOADS[0]!;
  const forward = timeEngine(w1);
  const both = timeEngine(w1, true);
  console.log(
    `${w1.name} forward ${forward.toFixed(3)} s, forward + backward ${both.toFixed(3)} s (×${(both / forward).toFixed(2)}), 1 thread`,
  );
  benchTraining(REPEATS);
  const r = timeResidual(REPEATS);
  const { blocks, branchDepth, width, batch } = RESIDUAL_WORKLOAD;
  console.log(
    `residual (${blocks} blocks × ${branchDepth}, N${width} B${batch}, pre-LN) forward ${r.forward.toFixed(3)} s, forward + backward ${r.both.toFixed(3)} s, 1 thread; ` +
      `${(r.both / both).toFixed(2)}× ${w1.name}'s forward + backward`,
  );
  console.log(`load average after: ${load()}`);
}

await main();
