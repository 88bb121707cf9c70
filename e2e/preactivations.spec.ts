// The distributions panel's three views of a real run: ReLU outputs with their exact zeros apart,
// tanh outputs with the saturated mass at ±1 apart, and pre-activations h with the theory's
// N(0, q^l) over each ridge — from the samples the worker sends, not from fixtures.

import { expect, test, type Page } from '@playwright/test';

test.use({ viewport: { width: 1280, height: 900 } });

async function openDistributions(page: Page, query: string) {
  await page.goto(`/${query}`);
  await expect(page.getByTestId('signal-chart')).toHaveAttribute('data-phase', 'done', { timeout: 45_000 });
  const dist = page.getByTestId('distributions-chart');
  await dist.scrollIntoViewIfNeeded();
  await expect(dist.locator('.ridge').first()).toBeVisible();
  return dist;
}

test('ReLU outputs: half of each layer exactly 0, marked apart', async ({ page }) => {
  const dist = await openDistributions(page, '?v=1&init=he_normal&act=relu&depth=20');
  const shares = await dist
    .locator('.ridge[data-zero-share]')
    .evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-zero-share'))));
  expect(shares).toHaveLength(20);
  // h is symmetric about 0 over the weights, so half of it is below 0 — but ReLU inputs are ≥ 0, so
  // each unit's h carries an offset of its own and its share of zeros varies (sd ≲ 0.3); averaged
  // over 256 units the layer's share has sd ≲ 0.3/√256 ≈ 0.02, and 0.1 is five of them.
  for (const s of shares) expect(Math.abs(s - 0.5)).toBeLessThan(0.1);
  await dist.screenshot({ path: test.info().outputPath('relu-outputs.png') });
});

test('saturated tanh: the mass within 0.02 of ±1 is marked with its share per layer', async ({ page }) => {
  // σ_w² = 25 (N(0, 5²/fan_in)… here as random_normal with std 5/√256): deep in the chaotic, saturated regime.
  const dist = await openDistributions(page, '?v=1&init=random_normal&std=0.3125&act=tanh&depth=20');
  await dist.getByLabel('Fixed').check();
  const shares = await dist
    .locator('.ridge[data-saturated-share]')
    .evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-saturated-share'))));
  expect(shares.length).toBeGreaterThanOrEqual(19);
  // With σ_w² = 25, q* ≈ 25·E[tanh²] ≈ 22: P(|tanh h| ≥ 0.98) = P(|h| ≥ 2.3) ≈ 0.6 per unit.
  for (const s of shares.slice(2)) expect(s).toBeGreaterThan(0.4);
  await expect(dist.locator('.ridge-saturated-label').first()).toContainText(/% within 0\.02 of ±1/);
  await expect(dist.locator('.chart-notes')).toContainText('within 0.02 of ±1 (1 % of the output range');
  await dist.screenshot({ path: test.info().outputPath('tanh-saturated.png') });
});

test('pre-activations h: a theory N(0, q^l) curve over every ridge, the q of the run’s theory', async ({ page }) => {
  const dist = await openDistributions(page, '?v=1&init=glorot_uniform&act=tanh&depth=12');
  await dist.getByLabel('Pre-activations h').check();
  await expect(dist).toHaveAttribute('data-source', 'preactivations');
  // The choice is in the link, and the link opens on it.
  await expect.poll(() => page.url()).toContain('values=preactivations');
  await page.reload();
  await expect(page.getByTestId('distributions-chart')).toHaveAttribute('data-source', 'preactivations', {
    timeout: 45_000,
  });
  await expect(dist.locator('.ridge-theory')).toHaveCount(12);
  // Layer 1's q is σ_w²·E[x²] = 2·256/512·1 = 1 for Glorot on 256 → 256 with unit inputs.
  await expect(dist.locator('.ridge[data-layer="1"]')).toHaveAttribute('data-theory-q', '1');
  // The pre-activations are not the outputs: tanh's h spread past ±1 at layer 1 (N(0, 1)).
  await expect(dist.locator('.ridge[data-layer="1"] title')).toContainText(/−[2-9]\.\d+ … [2-9]\.\d+|−[2-9]/);
  await expect(dist.locator('.ridge[data-saturated-share]')).toHaveCount(0);
  await expect(dist.locator('.chart-notes')).toContainText('mean-field theory’s N(0, q)');
  await dist.screenshot({ path: test.info().outputPath('preactivations.png') });
});
