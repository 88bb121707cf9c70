// Cancellation under load: 100 rapid settings changes made with the page's own controls (the
// arrow-key shortcuts for depth and width, the New seed button). Only the last settings' result
// may be drawn, no stale run may be written or timed after the last change, at most one
// simulation worker may be alive, and a second burst must leave the JS heap where it was.
// Pages are opened with ?testhook=1 (window.__initscope gives the store and the worker count).

import { expect, test, type Page } from '@playwright/test';

const START = 'depth=30&width=256&batch=64';

interface Recorded {
  /** Settings changes seen so far. */
  changes: number;
  /** Every time the store's run switched to another run's results: after which change, and for what. */
  writes: { change: number; id: number; config: string; previewBatch: number | null }[];
  /** Every `simulation` measure: after which change, and whether the run shown was the settings' own. */
  measures: { change: number; runId: number; depth: number; shownIsCurrent: boolean }[];
  mostWorkers: number;
}

/** Starts recording in the page what the store shows and what is timed. */
function record(page: Page): Promise<void> {
  return page.evaluate(() => {
    const { store, liveWorkers } = window.__initscope!;
    const rec: Recorded = { changes: 0, writes: [], measures: [], mostWorkers: liveWorkers() };
    (window as unknown as { rec: Recorded }).rec = rec;
    store.subscribe((s, prev) => {
      if (s.config !== prev.config) rec.changes++;
      if (s.run.id !== prev.run.id) rec.writes.push({ change: rec.changes, id: s.run.id, config: JSON.stringify(s.run.config), previewBatch: s.run.preview?.batch ?? null });
      rec.mostWorkers = Math.max(rec.mostWorkers, liveWorkers());
    });
    // Wrapped rather than observed: an observer hears of a measure later, when the settings may
    // have moved on; the wrapper sees what is shown at the moment the measure is taken.
    const measure = performance.measure.bind(performance);
    performance.measure = (name: string, options?: PerformanceMeasureOptions | string, end?: string) => {
      const entry = measure(name, options, end);
      if (name === 'simulation') {
        const s = store.getState();
        const detail = entry.detail as { runId: number; depth: number };
        rec.measures.push({ change: rec.changes, runId: detail.runId, depth: detail.depth, shownIsCurrent: s.run.id === detail.runId && JSON.stringify(s.run.config) === JSON.stringify(s.config) });
      }
      return entry;
    };
  });
}

const recorded = (page: Page) => page.evaluate(() => (window as unknown as { rec: Recorded }).rec);

/**
 * 100 changes from the keyboard and a button, as fast as the browser takes them: depth up and
 * down by one (it ends where it began), width ×2 and back, and a new seed every tenth change — the
 * last change is one, so the final settings are new. Every seventh change waits a few frames, so
 * runs are cancelled at every stage: before starting, mid-forward, mid-backward.
 */
async function burst(page: Page): Promise<void> {
  let depthStep = 1;
  for (let i = 0; i < 100; i++) {
    if (i % 10 === 9) {
      await page.getByRole('button', { name: 'New seed' }).click();
    } else if (i % 5 === 1 || i % 5 === 3) {
      await page.keyboard.press(i % 5 === 1 ? 'ArrowUp' : 'ArrowDown');
    } else {
      await page.keyboard.press(depthStep > 0 ? 'ArrowRight' : 'ArrowLeft');
      depthStep = -depthStep;
    }
    if (i % 7 === 6) await page.waitForTimeout(60);
  }
}

interface Final {
  settings: string;
  depth: number;
  layers: number;
  runId: number;
  secondMoments: (number | null)[];
}

async function waitForFinal(page: Page): Promise<Final> {
  const final = () =>
    page.evaluate(() => {
      const s = window.__initscope!.store.getState();
      return {
        done: s.run.phase === 'done' && JSON.stringify(s.run.config) === JSON.stringify(s.config),
        settings: JSON.stringify(s.config),
        depth: s.config.widths.length,
        layers: s.run.layers.length,
        runId: s.run.id,
        secondMoments: s.run.layers.map((l) => l.preactivation.secondMoment),
        measured: performance.getEntriesByName('simulation').some((e) => ((e as PerformanceMeasure).detail as { runId: number }).runId === s.run.id),
      };
    });
  // Done, and drawn: the `simulation` measure of the final run is recorded when its last layer is.
  await expect.poll(async () => {
    const f = await final();
    return f.done && f.measured;
  }, { timeout: 90_000, intervals: [100, 250, 500] }).toBe(true);
  const { settings, depth, layers, runId, secondMoments } = await final();
  return { settings, depth, layers, runId, secondMoments };
}

/** Live JS memory after a full garbage collection: the heap plus array buffers' backing stores. */
async function memoryAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; backingStorageSize?: number };
  await cdp.detach();
  return usage.usedSize + (usage.backingStorageSize ?? 0);
}

/** What one run's results hold: its samples' buffers, and its statistics (JSON length as a proxy for their heap size). */
function oneRunBytes(page: Page): Promise<number> {
  return page.evaluate(() => {
    const { run } = window.__initscope!.store.getState();
    const buffers = [...run.samples, ...run.gradientSamples].reduce((n, s) => n + (s?.byteLength ?? 0), 0);
    return buffers + JSON.stringify({ layers: run.layers, gradients: run.gradients, theory: run.theory }).length;
  });
}

/** What a person reads: the verdict and every row of the layer table. */
async function reading(page: Page): Promise<{ verdict: string; rows: string[] }> {
  return {
    verdict: (await page.locator('.verdict-banner .verdict').first().innerText()).trim(),
    rows: await page.locator('.layer-table tbody tr:not(.spacer)').allInnerTexts(),
  };
}

test('100 rapid changes: only the last result is drawn, one worker, memory flat', async ({ page, browser }) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`/?testhook=1&${START}`);
  await waitForFinal(page);
  await record(page);

  await burst(page);
  const final = await waitForFinal(page);
  const rec = await recorded(page);
  expect(rec.changes).toBe(100);
  expect(final).toMatchObject({ depth: 30, layers: 30 });

  // After the last change, every run written into the store is for the last settings (a preview
  // of them differs only in its batch), and the last one written is the full run.
  const afterLast = rec.writes.filter((w) => w.change === rec.changes);
  expect(afterLast.length).toBeGreaterThan(0);
  for (const w of afterLast) {
    const expected = w.previewBatch === null ? final.settings : JSON.stringify({ ...JSON.parse(final.settings), batch: w.previewBatch });
    expect(w.config).toBe(expected);
  }
  expect(afterLast.at(-1)).toMatchObject({ id: final.runId, previewBatch: null });
  // Run ids only grow: an older run is never shown again once a newer one was.
  const ids = rec.writes.map((w) => w.id);
  expect(ids).toEqual([...ids].sort((a, b) => a - b));
  // Every timing taken was of the settings' own run; after the last change, only the final run's.
  expect(rec.measures.filter((m) => !m.shownIsCurrent)).toEqual([]);
  expect(rec.measures.filter((m) => m.change === rec.changes)).toEqual([{ change: rec.changes, runId: final.runId, depth: 30, shownIsCurrent: true }]);
  expect(rec.mostWorkers).toBeLessThanOrEqual(1);
  expect(await page.evaluate(() => window.__initscope!.liveWorkers())).toBe(1);

  // The page shows exactly what a fresh load of the last settings' link shows.
  const settings = JSON.parse(final.settings) as { seed: number };
  const fresh = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await fresh.goto(`/?testhook=1&${START}&seed=${settings.seed}`);
  const reference = await waitForFinal(fresh);
  expect(reference.settings).toBe(final.settings);
  expect(final.secondMoments).toEqual(reference.secondMoments);
  expect(await reading(page)).toEqual(await reading(fresh));
  await fresh.close();

  // Memory: the first burst warmed up code and caches; a second one must leave nothing behind.
  // Both end on settings of the same shape, so the page holds the same amount of results. Allow one
  // run's results on top (a render may still hold the previous run's until the next one), plus
  // 1 MiB for code compiled and optimized during the second burst. Keeping what the 100 changes'
  // runs produced would instead add up to 100 runs' worth.
  const before = await memoryAfterGc(page);
  const perRun = await oneRunBytes(page);
  await burst(page);
  await waitForFinal(page);
  expect(await page.evaluate(() => window.__initscope!.liveWorkers())).toBe(1);
  const after = await memoryAfterGc(page);
  const tolerance = perRun + 2 ** 20;
  expect(after - before, `memory went from ${before} to ${after} bytes; one run holds ${perRun}`).toBeLessThan(tolerance);
});
