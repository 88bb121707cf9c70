// `npm run bench:browser`: builds the app, serves it with `vite preview`, opens it in headless
// Chromium and prints the `simulation` User Timing durations (settings applied → last layer
// drawn), the time to the first drawn layer and the main-thread long tasks, per workload: for the
// run the page opens with (start-up included) and for a warm re-run with the next seed.
// It begins with the cold open of a link (benchBrowserColdOpen.ts).
// A benchmark, not a test: it reports figures and never fails on them.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { chromium, type Browser } from '@playwright/test';
import { benchBrowserColdOpen } from './benchBrowserColdOpen';
import { benchBrowserResidual } from './benchBrowserResidual';
import { benchBrowserTraining } from './benchBrowserTraining';
import { ownRendererPids } from './rendererProcesses';

const PORT = Number(process.env.BENCH_PORT ?? 4391);
const OUT_DIR = `dist-e2e-${PORT}`;
const REPEATS = Number(process.env.BENCH_REPEATS ?? 3);

// W1 and W2 as `npm run bench` defines them, with the gradient curve hidden (grads=0) and shown.
// The measure ends when the last forward layer is drawn either way; the backward pass follows it.
// The big network only once: its figure of interest is the page's peak memory.
const WORKLOADS: { name: string; query: string; repeats?: number }[] = [
  { name: 'default view', query: '' },
  { name: 'W1 (grads hidden)', query: '?v=1&depth=50&width=512&batch=256&grads=0' },
  { name: 'W1 (grads shown)', query: '?v=1&depth=50&width=512&batch=256' },
  { name: 'W2 (grads hidden)', query: '?v=1&depth=200&width=1024&batch=128&grads=0' },
  { name: 'W2 (grads shown)', query: '?v=1&depth=200&width=1024&batch=128' },
  { name: 'L1000 N1024 B64', query: '?v=1&depth=1000&width=1024&batch=64&grads=0', repeats: 1 },
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

interface Task {
  start: number;
  duration: number;
}

/** One page load: its first run (start-up included) and a warm re-run of the same settings. */
interface Sample {
  /** First run after the page opened: settings applied → last layer drawn, and to the first layer. */
  simulation: number;
  firstLayer: number;
  /** Long tasks from navigation to the first run's end (script evaluation, first render, first run). */
  startupTasks: Task[];
  /** The same settings with the next seed, typed into the seed box on the running page. */
  rerun: number;
  rerunFirstLayer: number;
  /** Long tasks overlapping the re-run, from its settings change to its end plus a settling time. */
  runTasks: Task[];
  /** What the status line says the re-run used (e.g. "wasm-simd on 2 workers"). */
  engine: string;
  /** Peak resident memory of the page's renderer process (workers included), MB; NaN where unknown. */
  peakMb: number;
}

/**
 * The largest peak resident set (VmHWM) among the renderer processes of the Chromium this script
 * started, which hold the page and its workers; NaN off Linux. Earlier pages are closed by then,
 * so their processes are gone. Only this browser's: on a shared machine another browser's page
 * (a test run next door) would otherwise be reported as this one's.
 */
function rendererPeakMb(): number {
  const pids = ownRendererPids();
  if (pids.length === 0) return NaN;
  let peak = NaN;
  for (const pid of pids) {
    try {
      const kb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
      if (Number.isFinite(kb)) peak = Number.isNaN(peak) ? kb / 1024 : Math.max(peak, kb / 1024);
    } catch {
      // the process ended meanwhile
    }
  }
  return peak;
}

/**
 * How often the harness looks for the measure. Not on every animation frame: in headless Chromium
 * that asks for hundreds of frames a second, work a person's browser would not do, competing
 * with the run for the cores. The figures come from the measures themselves, not from polling.
 */
const POLL_MS = 50;

/** After a run ends, deferred panels still draw; their tasks are the run's. */
const SETTLE_MS = 600;

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const best = (xs: number[]): number => Math.min(...xs);
const fmt = (v: number): string => (Number.isFinite(v) ? v.toFixed(0) : '–');

function taskFigure(tasks: Task[]): string {
  const longest = Math.max(0, ...tasks.map((t) => t.duration));
  return `${tasks.length} (${longest.toFixed(0)})`;
}

/** The n-th `simulation` measure and its first-layer companion, once they exist. */
function readRun(n: number): { start: number; duration: number; firstLayer: number } | null {
  const run = performance.getEntriesByName('simulation')[n];
  if (!run) return null;
  const first = performance.getEntriesByName('simulation:first-layer')[n];
  return { start: run.startTime, duration: run.duration, firstLayer: first?.duration ?? NaN };
}

async function measure(browser: Browser, url: string): Promise<Sample> {
  const page = await browser.newPage();
  await page.addInitScript(() => {
    const tasks: { start: number; duration: number }[] = [];
    (window as unknown as { __longTasks: typeof tasks }).__longTasks = tasks;
    new PerformanceObserver((list) =>
      list.getEntries().forEach((e) => tasks.push({ start: e.startTime, duration: e.duration })),
    ).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(url);
  const first = (await (await page.waitForFunction(readRun, 0, { timeout: 180_000, polling: POLL_MS })).jsonValue())!;
  await page.waitForTimeout(SETTLE_MS);
  const startupTasks = await page.evaluate(() => (window as unknown as { __longTasks: Task[] }).__longTasks.splice(0));
  // A warm run: the worker and the page are up, as when a person changes a setting.
  const seedBox = page.locator('input#seed');
  await seedBox.fill(String(Number(await seedBox.inputValue()) + 1));
  await seedBox.press('Enter');
  const second = (await (await page.waitForFunction(readRun, 1, { timeout: 180_000, polling: POLL_MS })).jsonValue())!;
  await page.waitForTimeout(SETTLE_MS);
  const end = second.start + second.duration + SETTLE_MS;
  const runTasks = (
    await page.evaluate(() => (window as unknown as { __longTasks: Task[] }).__longTasks.slice())
  ).filter((t) => t.start < end && t.start + t.duration > second.start);
  const engine = ((await page.locator('.status-text').getAttribute('title')) ?? '').replace('Matrix multiply: ', '');
  const peakMb = rendererPeakMb();
  await page.close();
  return {
    simulation: first.duration,
    firstLayer: first.firstLayer,
    startupTasks,
    rerun: second.duration,
    rerunFirstLayer: second.firstLayer,
    runTasks,
    engine,
    peakMb,
  };
}

async function main(): Promise<void> {
  const build = spawnSync('node', [VITE, 'build', '--outDir', OUT_DIR, '--logLevel', 'warn'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('vite build failed');
  const server = spawn(
    'node',
    [VITE, 'preview', '--outDir', OUT_DIR, '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'],
    { stdio: 'ignore' },
  );
  const base = `http://127.0.0.1:${PORT}/`;
  const executablePath =
    process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  const browser = await chromium.launch({
    ...(executablePath ? { executablePath } : {}),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  try {
    await waitForServer(base);
    if (process.env.BENCH_ONLY === undefined || process.env.BENCH_ONLY === 'cold')
      await benchBrowserColdOpen(browser, base);
    if (process.env.BENCH_ONLY === 'cold') return;
    console.log(`Initscope in headless Chromium — best and median of ${REPEATS} page loads per workload`);
    console.log(
      `load average: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')} (1, 5, 15 min)`,
    );
    console.log(
      'first run = the run the page starts with (worker start-up included); re-run = the same settings with the next seed',
    );
    console.log(
      "long tasks: count (longest ms); start-up = navigation to the first run's end, runs = during the re-run",
    );
    console.log(
      'workload                 first run ms (best / median)   first layer ms   re-run ms (best / median)   re-run first layer ms   long tasks: start-up   runs      re-run engine             peak MB',
    );
    for (const w of process.env.BENCH_ONLY && process.env.BENCH_ONLY !== 'simulation' ? [] : WORKLOADS) {
      const samples: Sample[] = [];
      for (let r = 0; r < (w.repeats ?? REPEATS); r++) samples.push(await measure(browser, base + w.query));
      const sims = samples.map((s) => s.simulation);
      const reruns = samples.map((s) => s.rerun);
      console.log(
        [
          w.name.padEnd(24),
          `${fmt(best(sims)).padStart(8)} / ${fmt(median(sims)).padEnd(16)}`,
          fmt(best(samples.map((s) => s.firstLayer)))
            .padStart(10)
            .padEnd(16),
          `${fmt(best(reruns)).padStart(8)} / ${fmt(median(reruns)).padEnd(16)}`,
          fmt(best(samples.map((s) => s.rerunFirstLayer)))
            .padStart(12)
            .padEnd(23),
          taskFigure(samples.flatMap((s) => s.startupTasks))
            .padStart(10)
            .padEnd(16),
          taskFigure(samples.flatMap((s) => s.runTasks)).padEnd(9),
          [...new Set(samples.map((s) => s.engine))].join(', ').padEnd(25),
          fmt(Math.max(...samples.map((s) => s.peakMb))),
        ].join(' '),
      );
    }
    if (!process.env.BENCH_ONLY || process.env.BENCH_ONLY === 'residual')
      await benchBrowserResidual(browser, base, REPEATS);
    if (!process.env.BENCH_ONLY || process.env.BENCH_ONLY === 'training') await benchBrowserTraining(browser, base);
    console.log(
      `load average after: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
  } finally {
    await browser.close();
    server.kill();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exitCode = 1;
});
