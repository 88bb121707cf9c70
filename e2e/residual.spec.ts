// Residual and normalized networks in the app: a link opens them, the architecture card shows and
// changes them, the run streams and finishes, the JSON download has the CLI's blocks, and a bad
// value becomes a notice that names the key.

import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';

test.use({ viewport: { width: 1280, height: 1000 } });

const SHOTS = process.env.SHOTS_DIR;

test('a residual link runs to the end and its JSON has one entry per block', async ({ page }) => {
  await page.goto('/?v=1&res=1&blocks=12&width=128&batch=64&norm=layer');
  await expect(page.getByTestId('signal-chart')).toHaveAttribute('data-phase', 'done', { timeout: 45_000 });
  await expect(page.getByRole('combobox', { name: 'Network type' })).toHaveValue('residual');
  await expect(page.getByRole('combobox', { name: 'Normalization' })).toHaveValue('layer');
  await expect(page.locator('#blocks')).toHaveValue('12');
  const stream = page.getByTestId('stream-chart');
  await expect(stream).toHaveAttribute('data-blocks', '12');
  await expect(stream.locator('[data-series="gradient"]')).toHaveCount(1);
  await expect(page.getByTestId('stream-formula')).toContainText(/E\[\(x\^12\)²\] = .* \(measured [\d.]+\)/);
  if (SHOTS) {
    await page.screenshot({ path: `${SHOTS}/residual-app.png`, fullPage: true });
    await page.locator('.residual-panel').screenshot({ path: `${SHOTS}/residual-panel.png` });
  }
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download JSON' }).click();
  const record = JSON.parse(readFileSync(await (await download).path(), 'utf8')) as {
    config: { architecture: { kind: string } };
    blocks: unknown[];
  };
  expect(record.config.architecture.kind).toBe('residual');
  expect(record.blocks).toHaveLength(12);
});

test('the architecture card changes the network and the link', async ({ page }) => {
  await page.goto('/?v=1&depth=10&width=64&batch=32');
  await expect(page.getByTestId('signal-chart')).toHaveAttribute('data-phase', 'done', { timeout: 45_000 });
  await page.getByRole('combobox', { name: 'Network type' }).selectOption('residual');
  await page.getByRole('combobox', { name: 'Branch scale α' }).selectOption('1/sqrt(K)');
  await expect(page).toHaveURL(/res=1/);
  await expect(page).toHaveURL(/bscale=1%2Fsqrt\(K\)/);
  await page.getByRole('combobox', { name: 'Network type' }).selectOption('plain');
  await expect(page).not.toHaveURL(/res=|bscale=/);
});

test('bad architecture values are notices naming the key, and the page still runs', async ({ page }) => {
  await page.goto('/?v=1&res=1&bscale=-2&norm=group&batch=1');
  const notices = page.getByRole('status').getByRole('listitem');
  await expect(notices.filter({ hasText: 'bscale="-2" is not a number 0…100, 1/sqrt(K) or 1/K' })).toHaveCount(1);
  await expect(notices.filter({ hasText: 'norm="group" is not one of none, batch, layer, rms' })).toHaveCount(1);
  await expect(page.getByTestId('signal-chart')).toHaveAttribute('data-phase', 'done', { timeout: 45_000 });
});

test('BatchNorm with a batch of 1 is refused with a notice that says why', async ({ page }) => {
  await page.goto('/?v=1&norm=batch&batch=1&depth=5&width=32');
  const notices = page.getByRole('status').getByRole('listitem');
  await expect(notices.filter({ hasText: 'the batch variance of every unit is 0' })).toHaveCount(1);
  await expect(page.getByTestId('signal-chart')).toHaveAttribute('data-phase', 'done', { timeout: 45_000 });
});

const RESIDUAL = '/?v=1&res=1&blocks=16&width=128&batch=64';

/** The signal chart's measured points, one per x position. */
const points = (page: import('@playwright/test').Page) =>
  page.getByTestId('signal-chart').locator('circle.signal-point[data-layer]');

test('the main chart plots a residual net per block, and per linear layer at the switch', async ({ page }) => {
  await page.goto(RESIDUAL);
  const chart = page.getByTestId('signal-chart');
  await expect(chart).toHaveAttribute('data-phase', 'done', { timeout: 45_000 });
  const perBlock = chart.getByRole('radio', { name: 'per block' });
  await expect(perBlock).toBeChecked();
  await expect(chart.locator('svg.signal-svg')).toContainText('block');
  await expect(chart.locator('svg.signal-svg')).toContainText('stream E[x²] and E[δ²], log scale');
  await expect(points(page)).toHaveCount(16);
  // He + ReLU, α = 1: the stream doubles per block; the chart says so as the verdict does.
  await expect(chart.locator('.verdict')).toHaveAttribute('data-verdict', 'exploding');
  await expect(chart.locator('.verdict-parts')).toContainText('per block');
  await expect(chart.locator('.chart-legend')).toContainText('measured (residual stream)');
  // The theory under the headline is the stream recursion, per block like the axis.
  const theory = chart.locator('.verdict-theory');
  await expect(theory).toContainText(/^theory \(stream recursion\): .*per block/);
  await expect(chart.locator('.verdict-parts')).not.toContainText(/\blayer \d/);
  await chart.locator('.chart-overlay').focus();
  await page.keyboard.press('End');
  await expect(chart.locator('.chart-tooltip')).toContainText('Block 16');
  if (SHOTS) await chart.screenshot({ path: `${SHOTS}/residual-per-block.png` });

  await chart.getByRole('radio', { name: 'per layer' }).check();
  await expect(page).toHaveURL(/axis=layer/);
  await expect(points(page)).toHaveCount(32);
  await expect(chart.locator('svg.signal-svg')).toContainText('second moment E[h²]');
  // The verdict is the run's either way: the stream decides it, and the theory line says so.
  await expect(chart.locator('.verdict')).toHaveAttribute('data-verdict', 'exploding');
  await expect(theory).toContainText(/^theory \(stream recursion, per block as the headline\): .*per block/);
  await expect(theory).not.toContainText('per layer');
  if (SHOTS) await chart.screenshot({ path: `${SHOTS}/residual-per-layer.png` });
});

test('a plain net pinned beside a residual one shares the block axis, its layers as blocks of one', async ({
  page,
}) => {
  await page.goto(`${RESIDUAL}&bscale=1%2Fsqrt(K)&pin=depth:24~width:128~batch:64`);
  const chart = page.getByTestId('signal-chart');
  await expect(chart).toHaveAttribute('data-phase', 'done', { timeout: 45_000 });
  const pin = chart.locator('.pin-series[data-pin="1"]');
  await expect(pin.locator('.pin-line')).toHaveAttribute('d', /M/, { timeout: 45_000 });
  await expect(points(page)).toHaveCount(16);
  // The axis reaches the plain pin's 24th layer, past the residual net's 16 blocks.
  const extent = await chart.evaluate((figure) => {
    const live = [...figure.querySelectorAll<SVGCircleElement>('circle.signal-point[data-layer]')];
    const pinLine = figure.querySelector<SVGPathElement>('.pin-series[data-pin="1"] .pin-line')!.getBBox();
    const plot = figure.querySelector<SVGGElement>('svg.signal-svg > g')!.getBBox();
    return { live: Math.max(...live.map((c) => c.cx.baseVal.value)), pin: pinLine.x + pinLine.width, plot: plot.width };
  });
  // 16 blocks end two thirds of the way along an axis of 24.
  expect(extent.live / extent.pin).toBeGreaterThan(0.6);
  expect(extent.live / extent.pin).toBeLessThan(0.72);
  await expect(chart.locator('.chart-legend')).toContainText('pin 1');
  if (SHOTS) await chart.screenshot({ path: `${SHOTS}/residual-vs-plain.png` });
  // α = 1/√K keeps the stream bounded: stable, per block.
  await expect(chart.locator('.verdict')).toHaveAttribute('data-verdict', 'stable');
});

test('Run 8 seeds on a residual net draws the spread of the stream per block, without a plain-stack band', async ({
  page,
}) => {
  await page.goto(`${RESIDUAL}&norm=layer`);
  const chart = page.getByTestId('signal-chart');
  await expect(chart).toHaveAttribute('data-phase', 'done', { timeout: 45_000 });
  const bar = page.getByTestId('seed-band-bar');
  await bar.getByRole('button', { name: 'Run 8 seeds' }).click();
  const band = chart.getByTestId('seed-band');
  await expect(band).toHaveAttribute('data-seeds', '8', { timeout: 90_000 });
  await expect(band).toHaveAttribute('data-layers', '16');
  await expect(bar).toContainText('of the residual stream, block by block');
  await expect(chart.locator('.chart-legend')).toContainText('10–90 % of 8 seeds');
  await expect(chart.locator('.chart-legend')).not.toContainText('finite width predicts');
  await expect(chart.locator('.chart-summary')).toContainText('middle 80 % of 8 seeds land at each block.');
  if (SHOTS)
    await page
      .locator('.chart-card')
      .first()
      .screenshot({ path: `${SHOTS}/residual-seed-band.png` });
  // Per layer, the same seeds' band covers every linear layer.
  await chart.getByRole('radio', { name: 'per layer' }).check();
  await expect(band).toHaveAttribute('data-layers', '32');
});

test('presentation mode shows a residual net per block and reveals it block by block', async ({ page }) => {
  await page.goto(`${RESIDUAL}&present=1`);
  const chart = page.getByTestId('signal-chart');
  await expect(chart).toHaveAttribute('data-phase', 'done', { timeout: 45_000 });
  await expect(page.locator('.presentation')).toBeVisible();
  await expect(chart.getByRole('radio', { name: 'per block' })).toBeChecked();
  await expect(points(page)).toHaveCount(16);
  await expect(chart.locator('.verdict')).toHaveAttribute('data-verdict', 'exploding');
  // The long per-block headline steps down so the plot keeps the room its axes need.
  const plot = await chart.locator('.chart-plot').boundingBox();
  expect(plot!.height).toBeGreaterThanOrEqual(288);
  const headline = await chart.locator('.verdict').boundingBox();
  expect(headline!.y + headline!.height).toBeLessThanOrEqual(plot!.y);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/residual-present.png` });
  await page.locator('.present-main').focus();
  await page.keyboard.press('Space');
  // The reveal counts linear layers; the chart shows the blocks those layers complete.
  await expect.poll(async () => points(page).count()).toBeLessThan(16);
  await expect(points(page)).toHaveCount(16, { timeout: 30_000 });
  // ← takes a block away (one linear layer fewer once rounded back to 16 blocks and did nothing).
  await page.keyboard.press('ArrowLeft');
  await expect(page).toHaveURL(/blocks=15/);
  await expect(chart).toHaveAttribute('data-phase', 'done', { timeout: 45_000 });
  await expect(points(page)).toHaveCount(15);
});
