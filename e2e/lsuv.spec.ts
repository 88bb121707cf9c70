// A link with the LSUV initializer: the run finds each layer's scale in the worker, and the formula
// card lists it with its passes — the same numbers the engine gives for these settings in Node.

import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { normalizeConfig } from '../src/core/config';
import { lsuvScales } from '../src/core/lsuv';
import { formatNumber } from '../src/readings/format';

test.use({ viewport: { width: 1280, height: 900 } });

const SETTINGS = { init: 'lsuv', activation: 'tanh', depth: 12, width: 64, batch: 48, seed: 7, biasStd: '0.2' };

test('the formula card lists the scale LSUV found for every layer and the passes it took', async ({ page }) => {
  await page.goto('/?v=1&init=lsuv&act=tanh&depth=12&width=64&batch=48&seed=7&bias=0.2');
  const card = page.locator('.formula-card');
  await expect(card.locator('h2')).toHaveText('LSUV (orthonormal, then unit variance on a batch)');
  const rows = card.getByTestId('lsuv-table').locator('tbody tr');
  await expect(rows).toHaveCount(12, { timeout: 60_000 });

  const { config, issues } = normalizeConfig(SETTINGS);
  expect(issues).toEqual([]);
  const expected = lsuvScales(config);
  for (const [i, l] of expected.entries()) {
    const cells = rows.nth(i);
    await expect(cells.locator('th')).toHaveText(String(l.layer));
    await expect(cells.locator('td').nth(0)).toHaveText(formatNumber(l.scale));
    await expect(cells.locator('td').nth(1)).toHaveText(String(l.passes));
  }
  const total = expected.reduce((s, l) => s + l.passes, 0);
  await expect(card.getByTestId('lsuv-summary')).toContainText(`All 12 layers: ${total} pass`);
  await expect(card.getByTestId('lsuv-summary')).toContainText('every output variance within 0.1 of 1');
  await expect(card).toContainText('Data-dependent');

  await card.scrollIntoViewIfNeeded();
  await card.screenshot({ path: test.info().outputPath('lsuv-card.png') });
  const results = await new AxeBuilder({ page }).include('.formula-card').withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);
});

test('another seed draws another batch, and the card follows it', async ({ page }) => {
  await page.goto('/?v=1&init=lsuv&act=relu&depth=4&width=32&batch=16&seed=1');
  const firstScale = page
    .locator('.formula-card')
    .getByTestId('lsuv-table')
    .locator('tbody tr')
    .first()
    .locator('td')
    .first();
  const { config } = normalizeConfig({ init: 'lsuv', activation: 'relu', depth: 4, width: 32, batch: 16, seed: 1 });
  await expect(firstScale).toHaveText(formatNumber(lsuvScales(config)[0]!.scale), { timeout: 60_000 });
  await page.goto('/?v=1&init=lsuv&act=relu&depth=4&width=32&batch=16&seed=2');
  const other = normalizeConfig({ init: 'lsuv', activation: 'relu', depth: 4, width: 32, batch: 16, seed: 2 }).config;
  await expect(firstScale).toHaveText(formatNumber(lsuvScales(other)[0]!.scale), { timeout: 60_000 });
});
