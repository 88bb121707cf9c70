// Throughput of fillNormal: standard normals per second into a Float32Array, best of five runs.
// Run with `npx tsx scripts/bench-normal.ts`.

import { fillNormal } from '../src/core/normal';
import { streamRng, Stream } from '../src/core/rng';

const COUNT = 16 * 1024 * 1024;
const RUNS = 5;

const out = new Float32Array(COUNT);
const rng = streamRng(1, Stream.sample, 0, 0);
fillNormal(rng, out, 0, 1 << 20, 0, 1); // let the JIT optimize before timing

let best = Infinity;
for (let run = 0; run < RUNS; run++) {
  const t0 = performance.now();
  fillNormal(rng, out, 0, COUNT, 0, 1);
  best = Math.min(best, performance.now() - t0);
}
const perSecond = COUNT / (best / 1000);
console.log(`fillNormal: ${(perSecond / 1e6).toFixed(1)} M normals/s (best of ${RUNS}, ${COUNT} floats)`);
