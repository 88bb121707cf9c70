// The simulation worker seen from the page: a burst of settings changes ends on the newest
// settings, and a crashed or hung worker is replaced. Main-thread long tasks during runs are
// asserted in longtasks.spec.ts (with retries, being timed); `npm run bench:browser` reports them
// with the start-up ones.
// Pages are opened with ?testhook=1, which exposes the store as window.__initscope.

import { expect, test, type Page } from '@playwright/test';

interface RunSummary {
  phase: string;
  /** Depth of the settings in the store. */
  depth: number;
  /** Depth of the run whose results are shown, and how many of its layers arrived. */
  shownDepth: number;
  layers: number;
  /** The shown results belong to the current settings. */
  current: boolean;
  error: string | null;
}

function runSummary(page: Page): Promise<RunSummary> {
  return page.evaluate(() => {
    const s = window.__initscope!.store.getState();
    return {
      phase: s.run.phase,
      depth: s.config.widths.length,
      shownDepth: s.run.config?.widths.length ?? 0,
      layers: s.run.layers.length,
      current: JSON.stringify(s.run.config) === JSON.stringify(s.config),
      error: s.run.error,
    };
  });
}

/** Waits until the run of the current settings has finished with all its layers. */
async function waitForCompleteRun(page: Page, depth: number, timeout = 45_000): Promise<void> {
  await expect
    .poll(() => runSummary(page), { timeout, intervals: [50, 100, 250] })
    .toMatchObject({ phase: 'done', depth, shownDepth: depth, layers: depth, current: true });
}

/** Moves to another link the way back/forward does, without reloading the page. */
async function navigateInPage(page: Page, query: string): Promise<void> {
  await page.evaluate((q) => {
    history.pushState(null, '', q);
    dispatchEvent(new PopStateEvent('popstate'));
  }, query);
}

function simulationMeasures(page: Page): Promise<{ duration: number; depth: unknown }[]> {
  return page.evaluate(() =>
    performance.getEntriesByName('simulation').map((e) => ({
      duration: e.duration,
      depth: ((e as PerformanceMeasure).detail as { depth?: unknown } | null)?.depth,
    })),
  );
}

test('a burst of depth changes ends on the newest depth, timed', async ({ page }) => {
  await page.goto('/?testhook=1&depth=60&width=256&batch=64');
  await waitForCompleteRun(page, 60);
  await page.evaluate(() => performance.clearMeasures('simulation'));

  const depthBox = page.getByRole('textbox', { name: 'Depth', exact: true });
  await expect(depthBox).toHaveValue('60');
  for (let i = 0; i < 30; i++) await depthBox.press('ArrowUp');
  // Typed values, each applied on Enter…
  for (const depth of [75, 120, 95]) {
    await depthBox.fill(String(depth));
    await depthBox.press('Enter');
  }
  // …and a burst inside a single task, which the runner coalesces into one run.
  await page.evaluate(() => {
    const { store } = window.__initscope!;
    for (const depth of [140, 30, 101]) {
      const { config } = store.getState();
      store.setState({ config: { ...config, widths: new Array<number>(depth).fill(config.widths[0]!) } });
    }
  });

  await waitForCompleteRun(page, 101);
  await expect(depthBox).toHaveValue('101');
  // What a person sees: one measured point per layer on the signal chart, up to layer 101.
  const chart = page.getByTestId('signal-chart');
  await expect(chart).toHaveAttribute('data-phase', 'done');
  const points = chart.locator('svg[role="img"] circle.signal-point[data-layer]');
  await expect(points).toHaveCount(101);
  await expect(points.last()).toHaveAttribute('data-layer', '101');
  await expect.poll(async () => (await simulationMeasures(page)).some((m) => m.depth === 101)).toBe(true);
  const measures = await simulationMeasures(page);
  expect(measures.every((m) => m.duration > 0)).toBe(true);
});

test('a worker that throws is replaced and the run completes', async ({ page }) => {
  await page.goto('/?testhook=1&depth=200&width=512&batch=128');
  await expect.poll(() => runSummary(page), { timeout: 20_000 }).toMatchObject({ phase: 'running', current: true });
  await expect.poll(async () => (await runSummary(page)).layers, { timeout: 20_000 }).toBeGreaterThan(0);
  expect((await runSummary(page)).layers).toBeLessThan(200);

  expect(await page.evaluate(() => window.__initscope!.crashWorker('throw'))).toBe(true);
  await expect(page.locator('.notice-bar')).toContainText(/simulation worker crashed|worker had to be restarted/);
  await waitForCompleteRun(page, 200, 55_000);
  await expect(page.locator('.notice-bar')).toContainText('restarted');
  expect((await runSummary(page)).error).toBeNull();
});

test('a hung worker is detected, replaced, and the run completes', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/?testhook=1&depth=20&width=64&batch=32');
  await waitForCompleteRun(page, 20);

  // The worker hangs before it sees the next run, so nothing for that run ever arrives: only the
  // watchdog (at least 10 s of silence) can notice.
  expect(await page.evaluate(() => window.__initscope!.crashWorker('hang'))).toBe(true);
  await navigateInPage(page, '?testhook=1&depth=25&width=64&batch=32');
  await expect(page.locator('.notice-bar')).toContainText(/stopped responding|worker had to be restarted/, { timeout: 30_000 });
  await waitForCompleteRun(page, 25);
  await expect(page.locator('.notice-bar')).toContainText('restarted');
});
