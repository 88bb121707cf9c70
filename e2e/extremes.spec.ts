// Numeric extremes as a person meets them: links pushing depth, width, batch, weights and bias
// to their limits. Each must end in an honest picture — markers where the signal left float
// range, a verdict that names it, Inf and 0 in the table as such — or a clear message, never a
// blank chart or "NaN". Every case leaves a screenshot in the test output for a human look.
// This spec also fails on any request that leaves the machine: the app works offline.

import { expect, test, type Locator, type Page } from '@playwright/test';
import { openDone } from './support/app';

test.use({ viewport: { width: 1280, height: 1000 } });

const foreignRequests: string[] = [];
test.beforeEach(({ page, baseURL }) => {
  foreignRequests.length = 0;
  const origin = new URL(baseURL!).origin;
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) foreignRequests.push(url);
  });
});
test.afterEach(() => {
  expect(foreignRequests, 'requests that left the machine').toEqual([]);
});

// Depth 2000 and other extremes take far longer than an ordinary run on a loaded machine.
const DEEP = { timeout: 200_000 };

/** The chart card and the layer table (as last scrolled), each legible on its own. */
async function screenshot(page: Page, name: string): Promise<void> {
  await page.locator('.chart-card').screenshot({ path: test.info().outputPath(`${name}-chart.png`) });
  await page.locator('.table-card').screenshot({ path: test.info().outputPath(`${name}-table.png`) });
}

/** No "NaN" (nor "undefined") anywhere a person could see it: text, attributes, titles. */
async function expectNoNaN(page: Page): Promise<void> {
  const text = await page.evaluate(() => document.body.innerText);
  expect(text).not.toMatch(/NaN|undefined/);
  const attributes = await page.evaluate(() =>
    [...document.body.querySelectorAll('*')].flatMap((el) =>
      [...el.attributes].map((a) => `${el.tagName}[${a.name}]=${a.value}`),
    ),
  );
  expect(attributes.filter((a) => /NaN|Infinity|undefined/.test(a))).toEqual([]);
}

/** The cells of one layer's table row, scrolling the (windowed) table to it first. */
async function tableRow(page: Page, layer: number): Promise<string[]> {
  const region = page.getByRole('region', { name: 'Layer table (scrolls)' });
  // The table card skips rendering while off screen (content-visibility), so bring it into view.
  await region.scrollIntoViewIfNeeded();
  await region.evaluate((el, top) => el.scrollTo(0, top), Math.max(0, (layer - 3) * 30));
  const row = region.locator(`tbody tr[aria-rowindex="${layer + 2}"]`);
  await expect(row).toBeVisible();
  return row.locator('th, td').allInnerTexts();
}

/** Column positions in a row's cells (see LayerTable's COLUMNS). */
const COL = { layer: 0, secondMoment: 4, min: 7, max: 8, status: 11 } as const;

async function firstBadLayer(verdict: Locator, pattern: RegExp): Promise<number> {
  const text = (await verdict.locator('.verdict-text').textContent()) ?? '';
  const layer = Number(pattern.exec(text)?.[1]);
  expect(layer, text).toBeGreaterThan(1);
  return layer;
}

test('depth 2000 with N(0, 1) weights overflows early: marker, verdict, Inf in the table', async ({ page }) => {
  test.setTimeout(240_000);
  const chart = await openDone(page, '?v=1&init=random_normal&std=1&depth=2000', DEEP);
  const verdict = chart.locator('[data-verdict]');
  await expect(verdict).toHaveAttribute('data-verdict', 'overflow');
  const layer = await firstBadLayer(verdict, /overflow to Inf at layer (\d+)/);
  // σ_w² = 256 with ReLU multiplies E[h²] by about 128 per layer, so |h| passes float32's
  // largest value (3.4e38, i.e. E[h²] ≈ 1e77) near layer 36.
  expect(layer).toBeLessThan(45);
  await expect(chart.locator(`[data-marker="overflow"][data-layer="${layer}"]`)).toHaveCount(1);
  await expect(chart.locator('.chart-markers-measured .chart-marker-label')).toHaveText(`Inf at layers ${layer}–2000`);
  await expect(chart.locator('circle.signal-point[data-layer]')).toHaveCount(layer - 1);
  expect((await tableRow(page, 2000))[COL.status]).toBe('overflow');
  const cells = await tableRow(page, layer);
  expect(cells[COL.secondMoment]).toBe('Inf');
  expect(cells[COL.status]).toBe('overflow');
  await expectNoNaN(page);
  await screenshot(page, 'extreme-normal-std1-depth2000');
});

test('ReLU with Xavier at depth 2000 underflows to exactly 0: marker, verdict, 0 in the table', async ({ page }) => {
  test.setTimeout(240_000);
  const chart = await openDone(page, '?v=1&init=glorot_uniform&act=relu&depth=2000', DEEP);
  const verdict = chart.locator('[data-verdict]');
  await expect(verdict).toHaveAttribute('data-verdict', 'underflow');
  const layer = await firstBadLayer(verdict, /underflow to 0 at layer (\d+)/);
  // E[h²] halves per layer, so |h| drops below float32's smallest subnormal (1.4e-45) near layer 300.
  expect(layer).toBeGreaterThan(200);
  expect(layer).toBeLessThan(400);
  await expect(chart.locator(`[data-marker="zero"][data-layer="${layer}"]`)).toHaveCount(1);
  await expect(chart.locator('.chart-markers-measured .chart-marker-label')).toHaveText(`0 at layers ${layer}–2000`);
  const cells = await tableRow(page, layer);
  expect([cells[COL.secondMoment], cells[COL.min], cells[COL.max], cells[COL.status]]).toEqual([
    '0',
    '0',
    '0',
    'underflow',
  ]);
  const before = await tableRow(page, layer - 1);
  expect(before[COL.status]).toBe('ok');
  expect(before[COL.secondMoment]).toMatch(/e-\d+$/);
  await expectNoNaN(page);
  await screenshot(page, 'extreme-xavier-relu-depth2000');
});

test('an all-zero initializer is a dead network', async ({ page }) => {
  const chart = await openDone(page, '?v=1&init=zeros&depth=30', DEEP);
  await expect(chart.locator('[data-verdict]')).toHaveAttribute('data-verdict', 'dead');
  await expect(chart.locator('.verdict-text')).toContainText('dead network: every pre-activation is 0');
  await expect(chart.locator('[data-marker="zero"][data-layer="1"]')).toHaveCount(1);
  const cells = await tableRow(page, 1);
  expect([cells[COL.secondMoment], cells[COL.status]]).toEqual(['0', 'dead']);
  await expectNoNaN(page);
  await screenshot(page, 'extreme-zeros');
});

test('width 1 and depth 1: one point, and the verdict says one layer is too few to judge', async ({ page }) => {
  const chart = await openDone(page, '?v=1&width=1&depth=1', DEEP);
  await expect(chart.locator('[data-verdict]')).toHaveAttribute('data-verdict', 'too-shallow');
  await expect(chart.locator('.verdict-text')).toContainText('too shallow to judge: 1 layer, 3 needed');
  await expect(chart.locator('circle.signal-point[data-layer]')).toHaveCount(1);
  const cells = await tableRow(page, 1);
  expect(cells[1]).toBe('1→1');
  expect(cells[COL.secondMoment]).toMatch(/^\d/);
  await expectNoNaN(page);
  await screenshot(page, 'extreme-width1-depth1');
});

test('batch 1: every layer measured from a single input', async ({ page }) => {
  const chart = await openDone(page, '?v=1&batch=1&depth=30', DEEP);
  await expect(chart.locator('[data-verdict]')).toHaveAttribute('data-verdict', /^(stable|vanishing|exploding)$/);
  await expect(chart.locator('circle.signal-point[data-layer]')).toHaveCount(30);
  const cells = await tableRow(page, 30);
  expect(cells[COL.status]).toBe('ok');
  await expectNoNaN(page);
  await screenshot(page, 'extreme-batch1');
});

test('sigmoid at depth 500 settles at its fixed point, with its inputs collapsed', async ({ page }) => {
  test.setTimeout(180_000);
  const chart = await openDone(page, '?v=1&act=sigmoid&depth=500', DEEP);
  // Its size holds still, but sigmoid's mean output acts as a bias: every input ends the same
  // (the phase diagram's sigmoid is ordered everywhere), so the headline is 'ordered'.
  await expect(chart.locator('[data-verdict]')).toHaveAttribute('data-verdict-size', 'stable');
  await expect(chart.locator('[data-verdict]')).toHaveAttribute('data-verdict', 'ordered');
  await expect(chart.locator('[data-verdict-theory]')).toContainText('stable');
  await expect(chart.locator('circle.signal-point[data-layer]')).toHaveCount(500);
  expect((await tableRow(page, 500))[COL.status]).toBe('ok');
  await expectNoNaN(page);
  await screenshot(page, 'extreme-sigmoid-depth500');
});

test('bias σ_b = 10 dominates the signal and the chart still draws it', async ({ page }) => {
  const chart = await openDone(page, '?v=1&bias=10', DEEP);
  await expect(chart.locator('[data-verdict]')).toHaveAttribute('data-verdict', /^(stable|vanishing|exploding)$/);
  await expect(chart.locator('circle.signal-point[data-layer]')).toHaveCount(30);
  // E[h²] ≈ σ_b² + σ_w²·E[φ²] is at least 100 on every layer.
  const first = await tableRow(page, 1);
  expect(Number(first[COL.secondMoment])).toBeGreaterThan(50);
  await expectNoNaN(page);
  await screenshot(page, 'extreme-bias10');
});

test('settings past the run budget are refused with the estimate, not attempted', async ({ page }) => {
  await page.goto('/?v=1&depth=2000&width=4096&batch=4096');
  const chart = page.getByTestId('signal-chart');
  await expect(chart).toHaveAttribute('data-phase', 'error');
  const message =
    'depth 2000 × width 4096 × batch 4096 needs 285 TFLOP (about 2 h here); the limit is 2 TFLOP — try width 256 or depth 8';
  await expect(chart.getByTestId('chart-failure')).toContainText(message);
  await expect(page.locator('.notice-bar')).toContainText(`Not run: ${message}.`);
  await expect(chart.locator('circle.signal-point[data-layer]')).toHaveCount(0);
  // Said once under the chart's title, not again in the status line; the table says why it is empty.
  await expect(page.locator('.status-error')).toHaveCount(0);
  await expect(page.locator('.table-card')).toContainText('the run ended before its first one');
  await expectNoNaN(page);
  await page.screenshot({ path: test.info().outputPath('extreme-over-budget-page.png') });
  await screenshot(page, 'extreme-over-budget');
  // Taking the suggestion runs.
  const width = page.getByRole('textbox', { name: 'Width', exact: true });
  await width.fill('256');
  await width.press('Enter');
  await expect(chart.getByTestId('chart-failure')).toHaveCount(0);
  await expect(page.locator('.status-line')).toContainText('2000 layers');
});
