// `npm run bench:browser`: builds the app, serves it with `vite preview`, opens it in headless
// Chromium and prints the `simulation` User Timing durations (settings applied → last layer
// drawn), the time to the first drawn layer and the main-thread long tasks, per workload.
// A benchmark, not a test: it reports figures and never fails on them.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const PORT = Number(process.env.BENCH_PORT ?? 4391);
const OUT_DIR = `dist-e2e-${PORT}`;
const REPEATS = Number(process.env.BENCH_REPEATS ?? 3);

const WORKLOADS = [
  { name: 'default view', query: '' },
  { name: 'W1 (L50 N512 B256)', query: '?v=1&depth=50&width=512&batch=256' },
  { name: 'W2 (L200 N1024 B128)', query: '?v=1&depth=200&width=1024&batch=128' },
];

const VITE = 'node_modules/vite/bin/vite.js';

async function waitForServer(url: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`preview server did not start at ${url}`);
}

interface Sample {
  simulation: number;
  firstLayer: number;
  longTasks: number;
  longestTask: number;
}

async function main(): Promise<void> {
  const build = spawnSync('node', [VITE, 'build', '--outDir', OUT_DIR, '--logLevel', 'warn'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('vite build failed');
  const server = spawn('node', [VITE, 'preview', '--outDir', OUT_DIR, '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], { stdio: 'ignore' });
  const base = `http://127.0.0.1:${PORT}/`;
  const executablePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  const browser = await chromium.launch({
    ...(executablePath ? { executablePath } : {}),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    await waitForServer(base);
    console.log(`Initscope in headless Chromium — best and median of ${REPEATS} page loads per workload`);
    console.log('workload                 simulation ms (best / median)   first layer ms   long tasks (longest ms)');
    for (const w of WORKLOADS) {
      const samples: Sample[] = [];
      for (let r = 0; r < REPEATS; r++) {
        const page = await browser.newPage();
        await page.addInitScript(() => {
          const tasks: number[] = [];
          (window as unknown as { __longTasks: number[] }).__longTasks = tasks;
          new PerformanceObserver((list) => list.getEntries().forEach((e) => tasks.push(e.duration))).observe({ type: 'longtask', buffered: true });
        });
        await page.goto(base + w.query);
        await page.waitForFunction(() => performance.getEntriesByName('simulation').length > 0, null, { timeout: 120_000 });
        samples.push(
          await page.evaluate(() => {
            const sim = performance.getEntriesByName('simulation')[0]!.duration;
            const first = performance.getEntriesByName('simulation:first-layer')[0]?.duration ?? NaN;
            const tasks = (window as unknown as { __longTasks: number[] }).__longTasks;
            return { simulation: sim, firstLayer: first, longTasks: tasks.length, longestTask: Math.max(0, ...tasks) };
          }),
        );
        await page.close();
      }
      const sims = samples.map((s) => s.simulation).sort((a, b) => a - b);
      const firsts = samples.map((s) => s.firstLayer).sort((a, b) => a - b);
      const tasks = samples.reduce((n, s) => n + s.longTasks, 0);
      const longest = Math.max(...samples.map((s) => s.longestTask));
      console.log(
        `${w.name.padEnd(24)} ${sims[0]!.toFixed(0).padStart(8)} / ${sims[Math.floor(sims.length / 2)]!.toFixed(0).padEnd(16)} ${firsts[0]!.toFixed(0).padStart(10)}       ${tasks} (${longest.toFixed(0)})`,
      );
    }
  } finally {
    await browser.close();
    server.kill();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exitCode = 1;
});
