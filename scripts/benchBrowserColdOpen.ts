// The cold-open part of `npm run bench:browser`: what a shared link costs on a projector laptop
// opening it for the first time. Each load gets a fresh browser context (no HTTP cache, no service
// worker, nothing compiled before) and opens the default view; per load it reads, on the page's
// own clock (0 = navigation start):
//   - when the app applied the link's settings (the start of the first `simulation` measure),
//   - the first run's `simulation` measure (settings applied → last layer drawn), and of it the
//     worker's forward pass (the measure's detail, on the worker's clock): what remains is the
//     request's way to the worker and the page drawing, i.e. the main thread,
//   - `initscope:first-chart`, when the chart first showed a finished run (runTiming.ts),
//   - then, a moment later, a warm change on the open page: the next seed typed in, its
//     `simulation` measure.
// Medians of BENCH_COLD_REPEATS loads, with the load average beside them: on a shared machine the
// figures mean little without it. A benchmark: it reports, never fails.

import { readFileSync } from 'node:fs';
import type { Browser, Page } from '@playwright/test';

const REPEATS = Number(process.env.BENCH_COLD_REPEATS ?? 7);

/**
 * A new browser window starts work of its own (Chromium's omnibox popup, ~150 ms of script in
 * another renderer) that would compete with the page for the cores; a person's browser is long
 * open when they click a link, so each load waits for that to pass.
 */
const WINDOW_SETTLE_MS = 1500;

const POLL_MS = 50;

/**
 * Before the warm change: a person looks at the chart before changing a setting, and by then the
 * panels that load after the first run (distributions, phase diagram, theory) have drawn. Changing
 * at once would time the new run against their start-up instead.
 */
const LOOK_MS = 1500;

interface Run {
  duration: number;
  start: number;
  workerForward: number;
}

interface ColdSample {
  settingsApplied: number;
  simulation: number;
  workerForward: number;
  firstChart: number;
  warm: number;
  warmWorkerForward: number;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function loadAverage(): string {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  } catch {
    return 'unknown';
  }
}

/** The n-th `simulation` measure, once it exists. */
function nthSimulation(n: number): Run | null {
  const measure = performance.getEntriesByName('simulation')[n] as PerformanceMeasure | undefined;
  if (!measure) return null;
  const detail = measure.detail as { workerForwardMs?: number | null } | null;
  return { duration: measure.duration, start: measure.startTime, workerForward: detail?.workerForwardMs ?? NaN };
}

async function nthRun(page: Page, n: number): Promise<Run> {
  return (await (await page.waitForFunction(nthSimulation, n, { timeout: 60_000, polling: POLL_MS })).jsonValue())!;
}

async function warmChange(page: Page): Promise<Run> {
  await page.waitForTimeout(LOOK_MS);
  const seedBox = page.locator('input#seed');
  await seedBox.fill(String(Number(await seedBox.inputValue()) + 1));
  await seedBox.press('Enter');
  return nthRun(page, 1);
}

async function coldLoad(browser: Browser, url: string): Promise<ColdSample> {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    await page.waitForTimeout(WINDOW_SETTLE_MS);
    await page.goto(url);
    const first = await nthRun(page, 0);
    const firstChart = await page.evaluate(
      () => performance.getEntriesByName('initscope:first-chart')[0]?.startTime ?? NaN,
    );
    const warm = await warmChange(page);
    return {
      settingsApplied: first.start,
      simulation: first.duration,
      workerForward: first.workerForward,
      firstChart,
      warm: warm.duration,
      warmWorkerForward: warm.workerForward,
    };
  } finally {
    await context.close();
  }
}

export async function benchBrowserColdOpen(browser: Browser, base: string): Promise<void> {
  const before = loadAverage();
  const samples: ColdSample[] = [];
  for (let i = 0; i < REPEATS; i++) samples.push(await coldLoad(browser, base));
  const row = (name: string, pick: (s: ColdSample) => number): string =>
    `${name.padEnd(40)} ${median(samples.map(pick)).toFixed(0).padStart(6)}   (${samples.map((s) => pick(s).toFixed(0)).join(' ')})`;
  console.log(`\nCold open of the default view: median of ${REPEATS} loads, each in a fresh browser context`);
  console.log(`load average (1, 5, 15 min): ${before} before, ${loadAverage()} after`);
  console.log('                                              ms   (each load)');
  console.log(row('settings applied after navigation start', (s) => s.settingsApplied));
  console.log(row('first run: simulation measure', (s) => s.simulation));
  console.log(row("  of it, the worker's forward pass", (s) => s.workerForward));
  console.log(row('first chart after navigation start', (s) => s.firstChart));
  console.log(row('warm change (next seed): simulation', (s) => s.warm));
  console.log(row("  of it, the worker's forward pass", (s) => s.warmWorkerForward));
}
