// The training part of `npm run bench:browser`: 30 layers × width 64, minibatch 64, 1,000 SGD
// steps (evaluated at the start and the end) in the page's training worker, alone and with one
// pinned configuration training next to it, each run's time in its worker, the CPU time of all
// the page's workers from its load to the runs' end (on Linux; on a loaded machine the wall
// times mostly count waits for a core) and the page's long tasks while they train. A benchmark: it reports, never fails.

import type { Browser } from '@playwright/test';
import { ownRendererPids, workerCpuSeconds } from './rendererProcesses';

const QUERY = '?v=1&width=64&train=1&steps=1000&every=1000';
const CASES = [
  { name: '1 run', query: QUERY, runs: 1 },
  { name: '2 runs (1 pinned)', query: `${QUERY}&pin=init:glorot_uniform~width:64`, runs: 2 },
];

async function measureTraining(
  browser: Browser,
  url: string,
  runs: number,
): Promise<{ perRun: number[]; wall: number; workerCpu: number; longTasks: number[] }> {
  const page = await browser.newPage();
  await page.addInitScript(() => {
    const tasks: number[][] = [];
    (window as unknown as { __tasks: number[][] }).__tasks = tasks;
    new PerformanceObserver((list) => list.getEntries().forEach((e) => tasks.push([e.startTime, e.duration]))).observe({
      type: 'longtask',
      buffered: true,
    });
  });
  // From before the page exists: a run may start well before its status shows. The figure also
  // holds the page's simulation worker (the default view's signal), so it errs high.
  const cpuBefore = workerCpuSeconds(ownRendererPids());
  await page.goto(url);
  const items = page.locator('[data-testid="training-panel"] .training-status li');
  await items.first().waitFor({ timeout: 120_000 });
  const started = await page.evaluate(() => performance.now());
  await page.waitForFunction(
    (n) => document.querySelectorAll('.training-status li[data-done="true"]').length === n,
    runs,
    { timeout: 600_000, polling: 50 },
  );
  const ended = await page.evaluate(() => performance.now());
  let workerCpu = ownRendererPids().length === 0 ? NaN : 0;
  for (const [tid, s] of workerCpuSeconds(ownRendererPids())) workerCpu += s - (cpuBefore.get(tid) ?? 0);
  const perRun = (await items.evaluateAll((lis) => lis.map((li) => Number(li.getAttribute('data-elapsed-ms'))))).map(
    (ms) => ms / 1000,
  );
  const tasks = await page.evaluate(() => (window as unknown as { __tasks: number[][] }).__tasks);
  await page.close();
  return {
    perRun,
    wall: (ended - started) / 1000,
    workerCpu,
    longTasks: tasks.filter(([s, d]) => s! + d! > started && s! < ended).map(([, d]) => d!),
  };
}

export async function benchBrowserTraining(browser: Browser, base: string): Promise<void> {
  console.log(
    'Training in the page: depth 30 × width 64, minibatch 64, 1000 SGD steps (spiral), evaluated at 0 and 1000',
  );
  console.log(
    'case                  each run in its worker s   wall s (panel shown → all done)   workers CPU s (load → done)   long tasks while training',
  );
  for (const c of CASES) {
    const r = await measureTraining(browser, base + c.query, c.runs);
    const tasks =
      r.longTasks.length === 0 ? '0' : `${r.longTasks.length} (longest ${Math.round(Math.max(...r.longTasks))} ms)`;
    console.log(
      `${c.name.padEnd(20)}  ${r.perRun
        .map((t) => t.toFixed(2))
        .join(', ')
        .padEnd(25)}  ${r.wall.toFixed(2).padEnd(33)}  ${r.workerCpu.toFixed(2).padEnd(27)}  ${tasks}`,
    );
  }
}
