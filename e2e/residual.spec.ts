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
