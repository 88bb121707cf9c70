// The training benchmark of `npm run bench`: 30 layers × width 64, minibatch 64, 1,000 SGD steps
// on the spiral (He normal, ReLU, softmax cross-entropy read-out), once evaluating the whole
// training and test sets only at the start and the end, once every 20 steps (the app's default
// for 1,000 steps) — against the same loop in numpy, float32, in the same run. Each side reports
// its best wall time and its best CPU time (user + system of its process): on a shared machine the
// wall time counts the waits for a core, the CPU time mostly does not.

import { spawnSync } from 'node:child_process';
import { train } from '../src/core/training/train';
import { normalizeTrainConfig } from '../src/core/training/trainConfig';

const STEPS = 1000;

interface Timing {
  wall: number;
  cpu: number;
}

function timeEngine(evalEvery: number, repeats: number): Timing {
  const { config, issues } = normalizeTrainConfig(
    { init: 'he_normal', activation: 'relu', depth: 30, width: 64, seed: 1 },
    { dataset: 'spiral', optimizer: 'sgd', lr: 0.01, steps: STEPS, batchSize: 64, evalEvery },
  );
  if (issues.length > 0) throw new Error(issues[0]!.problem);
  const best = { wall: Infinity, cpu: Infinity };
  for (let r = 0; r < repeats; r++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    train(config);
    const c = process.cpuUsage(c0);
    best.wall = Math.min(best.wall, (performance.now() - t0) / 1000);
    best.cpu = Math.min(best.cpu, (c.user + c.system) / 1e6);
  }
  return best;
}

// The same loop: 2 → 64 × 30 → 2, He-normal weights, zero biases, ReLU, softmax cross-entropy,
// an epoch-wise shuffled minibatch of 64, SGD, float32 throughout; 500 training and 500 test points.
const NUMPY = String.raw`
import sys, time, numpy as np
STEPS, EVERY, R = map(int, sys.argv[1:4])
L, N, B, lr = 30, 64, 64, np.float32(0.01)
rng = np.random.default_rng(1)
X = rng.standard_normal((500, 2)).astype(np.float32); Y = (X[:, 0] * X[:, 1] > 0).astype(np.int64)
XT = rng.standard_normal((500, 2)).astype(np.float32); YT = (XT[:, 0] * XT[:, 1] > 0).astype(np.int64)
def forward(W, b, x):
    a = x
    for l in range(L):
        a = np.maximum(a @ W[l] + b[l], 0)
    return a @ W[L] + b[L]
def loss(z, y):
    z = z.astype(np.float64); m = z.max(1, keepdims=True)
    lse = m[:, 0] + np.log(np.exp(z - m).sum(1))
    return (lse - z[np.arange(len(y)), y]).mean()
def run():
    dims = [2] + [N] * L + [2]
    W = [(rng.standard_normal((dims[i], dims[i + 1])) * np.sqrt(2 / dims[i])).astype(np.float32) for i in range(L + 1)]
    b = [np.zeros(dims[i + 1], np.float32) for i in range(L + 1)]
    perm = rng.permutation(500); pos = 0
    for step in range(STEPS + 1):
        if step % EVERY == 0 or step == STEPS:
            loss(forward(W, b, X), Y); loss(forward(W, b, XT), YT)
        if step == STEPS: break
        if pos + B > 500: perm = rng.permutation(500); pos = 0
        idx = perm[pos:pos + B]; pos += B
        x, y = X[idx], Y[idx]
        acts, pres = [x], []
        for l in range(L + 1):
            h = acts[-1] @ W[l] + b[l]; pres.append(h)
            if l < L: acts.append(np.maximum(h, 0))
        z = pres[-1].astype(np.float64); z -= z.max(1, keepdims=True); p = np.exp(z); p /= p.sum(1, keepdims=True)
        p[np.arange(B), y] -= 1; d = (p / B).astype(np.float32)
        for l in range(L, -1, -1):
            gW = acts[l].T @ d; gb = d.sum(0)
            if l > 0: d = (d @ W[l].T) * (pres[l - 1] > 0)
            W[l] -= lr * gW; b[l] -= lr * gb
best, cpu = 1e9, 1e9
for _ in range(R):
    t0, c0 = time.perf_counter(), time.process_time(); run()
    best, cpu = min(best, time.perf_counter() - t0), min(cpu, time.process_time() - c0)
print(best, cpu)
`;

function timeNumpy(evalEvery: number, repeats: number): Timing | null {
  const env = { ...process.env };
  delete env.OPENBLAS_CORETYPE;
  delete env.OPENBLAS_L2_SIZE;
  // One thread, as the engine's loop: OpenBLAS would otherwise split the 500-row evaluation
  // products over the cores and, on a loaded machine, spin waiting for them.
  env.OPENBLAS_NUM_THREADS = '1';
  env.OMP_NUM_THREADS = '1';
  const r = spawnSync('python3', ['-c', NUMPY, String(STEPS), String(evalEvery), String(repeats)], {
    env,
    encoding: 'utf8',
  });
  if (r.status !== 0) return null;
  const [wall, cpu] = r.stdout.trim().split(' ').map(Number);
  return Number.isFinite(wall) && Number.isFinite(cpu) ? { wall: wall!, cpu: cpu! } : null;
}

const pair = (t: Timing | null): string =>
  t === null ? 'n/a'.padStart(15) : `${t.wall.toFixed(3).padStart(7)} ${`(${t.cpu.toFixed(3)})`.padStart(7)}`;

export function benchTraining(repeats: number): void {
  console.log(
    `Training: depth 30 × width 64, minibatch 64, ${STEPS} SGD steps (spiral, He normal, ReLU), best of ${repeats}, 1 thread`,
  );
  console.log('evaluations                       engine s (cpu s)   numpy s (cpu s)   engine/numpy wall (cpu)');
  for (const [label, every] of [
    ['at step 0 and the end', STEPS],
    ['every 20 steps (the default)', 20],
  ] as const) {
    const t = timeEngine(every, repeats);
    const np = timeNumpy(every, repeats);
    const ratio = np === null ? 'n/a (no numpy)' : `${(t.wall / np.wall).toFixed(2)} (${(t.cpu / np.cpu).toFixed(2)})`;
    console.log(`${label.padEnd(32)}  ${pair(t)}    ${pair(np)}    ${ratio}`);
  }
}
