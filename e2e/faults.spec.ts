// Faults as a person meets them: the simulation worker throws or stops responding in the middle
// of a run, settings change while it is being replaced, settings change a hundred times in a
// burst. The page must say what happened, retry once on a fresh worker, and in the end draw
// exactly the final settings — never an older run's result — without piling up workers or memory.
// Pages are opened with ?testhook=1, which exposes window.__initscope.

import { expect, test, type Page } from '@playwright/test';

test.use({ viewport: { width: 1280, height: 900 } });

interface Shown {
  phase: string;
  depth: number;
  layers: number;
  /** The results on screen belong to the current settings. */
  current: boolean;
  error: string | null;
  workers: number;
}

function shown(page: Page): Promise<Shown> {
  return page.evaluate(() => {
    const { store, liveWorkers } = window.__initscope!;
    const s = store.getState();
    return {
      phase: s.run.phase,
      depth: s.config.widths.length,
      layers: s.run.layers.length,
      current: JSON.stringify(s.run.config) === JSON.stringify(s.config),
      error: s.run.error,
      workers: liveWorkers(),
    };
  });
}

async function waitForFinal(page: Page, depth: number, timeout = 120_000): Promise<void> {
  await expect.poll(() => shown(page), { timeout, intervals: [100, 250, 500] }).toMatchObject({ phase: 'done', depth, layers: depth, current: true });
}

/** What a person sees matches the settings: the chart labelled with the depth, one point per layer. */
async function expectChartOf(page: Page, depth: number): Promise<void> {
  const chart = page.getByTestId('signal-chart');
  await expect(chart).toHaveAttribute('data-phase', 'done');
  await expect(chart.getByRole('img')).toHaveAttribute('aria-label', new RegExp(`each of ${depth} layers`));
  await expect(chart.locator('circle.signal-point[data-layer]')).toHaveCount(depth);
}

async function navigateInPage(page: Page, query: string): Promise<void> {
  await page.evaluate((q) => {
    history.pushState(null, '', q);
    dispatchEvent(new PopStateEvent('popstate'));
  }, query);
}

/** Waits until the run of the current settings is part-way: some layers shown, not all. */
async function waitMidRun(page: Page, depth: number): Promise<void> {
  await expect.poll(async () => (await shown(page)).layers, { timeout: 60_000, intervals: [20, 50] }).toBeGreaterThan(0);
  expect((await shown(page)).layers).toBeLessThan(depth);
}

test('a worker that throws mid-run: the page says so, retries once on a fresh worker, draws the settings', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/?testhook=1&depth=400&width=256&batch=64');
  await waitMidRun(page, 400);
  expect(await page.evaluate(() => window.__initscope!.crashWorker('throw'))).toBe(true);
  await expect(page.locator('.notice-bar')).toContainText(/simulation worker crashed.*restarted and the run is being repeated|worker had to be restarted/);
  await page.screenshot({ path: test.info().outputPath('fault-throw-retrying.png') });
  await waitForFinal(page, 400);
  await expect(page.locator('.notice-bar')).toContainText('had to be restarted; the run then completed on a fresh worker');
  await expectChartOf(page, 400);
  expect((await shown(page)).workers).toBe(1);
  await page.getByTestId('signal-chart').screenshot({ path: test.info().outputPath('fault-throw-done.png') });
});

test('a worker killed mid-run by a hang is noticed, replaced, and the run completes', async ({ page }) => {
  test.setTimeout(180_000);
  // Light enough per layer that the watchdog is at its 10 s minimum.
  await page.goto('/?testhook=1&depth=1500&width=96&batch=16');
  await waitMidRun(page, 1500);
  expect(await page.evaluate(() => window.__initscope!.crashWorker('hang'))).toBe(true);
  await expect(page.locator('.notice-bar')).toContainText(/stopped responding for \d+ s\. It was restarted/, { timeout: 60_000 });
  await waitForFinal(page, 1500);
  await expectChartOf(page, 1500);
  expect((await shown(page)).workers).toBe(1);
  await page.screenshot({ path: test.info().outputPath('fault-hang-done.png') });
});

test('settings changed while a crashed worker is replaced: only the final settings are drawn', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/?testhook=1&depth=400&width=256&batch=64');
  await waitMidRun(page, 400);
  // Record every result the store puts on screen from here on.
  await page.evaluate(() => {
    const w = window as unknown as { __drawn: { id: number; depth: number; phase: string }[] };
    w.__drawn = [];
    window.__initscope!.store.subscribe((s) => {
      const last = w.__drawn.at(-1);
      const entry = { id: s.run.id, depth: s.run.config?.widths.length ?? 0, phase: s.run.phase };
      if (!last || last.id !== entry.id || last.phase !== entry.phase) w.__drawn.push(entry);
    });
  });
  expect(await page.evaluate(() => window.__initscope!.crashWorker('throw'))).toBe(true);
  await navigateInPage(page, '?testhook=1&depth=37&width=64&batch=16');
  await waitForFinal(page, 37);
  await expectChartOf(page, 37);
  const drawn = await page.evaluate(() => (window as unknown as { __drawn: { id: number; depth: number; phase: string }[] }).__drawn);
  // Run ids only grow (an older run is never drawn again), and nothing finished but the final run.
  expect(drawn.map((d) => d.id)).toEqual([...drawn.map((d) => d.id)].sort((a, b) => a - b));
  expect(drawn.filter((d) => d.phase === 'done').map((d) => d.depth)).toEqual([37]);
  expect((await shown(page)).workers).toBe(1);
  await page.getByTestId('signal-chart').screenshot({ path: test.info().outputPath('fault-crash-then-change.png') });
});

/** Main-thread JS heap after a full garbage collection, in bytes (Chromium DevTools protocol). */
async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize;
}

/**
 * A burst of `count` settings changes from inside the page: seeds and depths change every time,
 * and every tenth change is heavy enough (one layer ≥ 1 GFLOP) that cancelling it replaces the
 * worker. Some changes share a frame, others are a frame or three apart, so runs start and are
 * cancelled at every stage. Returns the most workers seen alive at once.
 */
function burst(page: Page, count: number, firstSeed: number): Promise<number> {
  return page.evaluate(
    async ({ count, firstSeed }) => {
      const { store, liveWorkers } = window.__initscope!;
      let most = liveWorkers();
      for (let i = 0; i < count; i++) {
        const { config } = store.getState();
        const heavy = i % 10 === 5;
        const width = heavy ? 1024 : 128;
        const widths = new Array<number>(heavy ? 3 : 10 + (i % 25)).fill(width);
        store.setState({ config: { ...config, widths, inputDim: width, batch: heavy ? 512 : 16, seed: firstSeed + i } });
        most = Math.max(most, liveWorkers());
        if (i % 4 !== 0) await new Promise((resolve) => setTimeout(resolve, (i % 4) * 12));
        most = Math.max(most, liveWorkers());
      }
      return most;
    },
    { count, firstSeed },
  );
}

test('100 rapid changes: only the last result is drawn; workers and memory stay flat', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto('/?testhook=1&depth=12&width=128&batch=16');
  await waitForFinal(page, 12);
  // A first burst warms up code and caches, so the measured one shows only what runs retain.
  await burst(page, 100, 1000);
  await waitForFinal(page, 10 + (99 % 25));
  const before = await heapAfterGc(page);
  const perRun = await page.evaluate(() => window.__initscope!.store.getState().run.samples.reduce((n, s) => n + s.byteLength, 0));

  const most = await burst(page, 100, 2000);
  const finalDepth = 10 + (99 % 25);
  await waitForFinal(page, finalDepth);
  const state = await page.evaluate(() => {
    const s = window.__initscope!.store.getState();
    return { shown: s.run.config, settings: s.config };
  });
  expect(state.shown).toEqual(state.settings);
  expect(state.settings.seed).toBe(2099);
  await expectChartOf(page, finalDepth);
  expect(most).toBeLessThanOrEqual(1);
  expect((await shown(page)).workers).toBe(1);

  // The page holds one run's results. Keeping every run of the burst would add about 100 × perRun
  // (each run's samples, plus its statistics); allow a few runs' worth and 4 MB of slack.
  const after = await heapAfterGc(page);
  expect(perRun).toBeGreaterThan(0);
  expect(after - before, `heap grew from ${before} to ${after} bytes; one run holds ${perRun}`).toBeLessThan(4e6 + 10 * perRun);
  await page.getByTestId('signal-chart').screenshot({ path: test.info().outputPath('fault-burst-final.png') });
});
