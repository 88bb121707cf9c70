// A big run on a cross-origin isolated page is split across a team of workers (the simulation
// worker and its helpers), and the team's numbers are the single-threaded ones, bit for bit. The
// team starts after the page's first run, so that first run is the one-thread reference.

import { expect, test, type Page } from '@playwright/test';

const SETTINGS = 'depth=12&width=512&batch=256&seed=4';

/** Everything the run wrote to the store, as text, and which engine the status line names. */
function runRecord(page: Page): Promise<{ kernel: string; layers: string; gradients: string }> {
  return page.evaluate(() => {
    const run = window.__initscope!.store.getState().run;
    return { kernel: run.kernel, layers: JSON.stringify(run.layers), gradients: JSON.stringify(run.gradients) };
  });
}

async function waitForDone(page: Page, seed: number): Promise<void> {
  await expect
    .poll(() => page.evaluate(() => window.__initscope!.store.getState().run), { timeout: 60_000 })
    .toMatchObject({ phase: 'done', preview: null, config: { seed } });
}

async function setSeed(page: Page, seed: number): Promise<void> {
  const box = page.getByLabel('Seed', { exact: true });
  await box.fill(String(seed));
  await box.press('Enter');
  await waitForDone(page, seed);
}

test('a big run on several workers gives the numbers of one thread, bit for bit', async ({ page }) => {
  await page.goto(`/?testhook=1&${SETTINGS}`);
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  await waitForDone(page, 4);
  const single = await runRecord(page);
  expect(single.kernel).not.toMatch(/workers/);
  expect(JSON.parse(single.layers)).toHaveLength(12);

  // Run the same settings again until the team has started (its helpers load after the first run).
  let again = single;
  for (let attempt = 0; attempt < 5 && !/workers/.test(again.kernel); attempt++) {
    await setSeed(page, 5);
    await setSeed(page, 4);
    again = await runRecord(page);
  }
  if (cores > 1) expect(again.kernel).toMatch(new RegExp(`on ${Math.min(cores, 8)} workers$`));
  expect(again.layers).toBe(single.layers);
  expect(again.gradients).toBe(single.gradients);
  // The status line's tooltip names the engine, so a person can see that the team ran.
  await expect(page.locator('.status-text')).toHaveAttribute('title', `Matrix multiply: ${again.kernel}`);
});
