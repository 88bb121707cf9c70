// Check 3: the JSON each exported script wrote with the real framework (runs.parity.ts saves one
// per framework) opens in the app: drawn on the signal chart, named by its source, with the theory
// of its settings. So does the hooks helper's record of a user's own model (hooks.parity.ts), whose
// file names no initializer, so no theory is drawn for it.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

const DIR = join(new URL('../..', import.meta.url).pathname, 'test-results-frameworks', 'open');
const NAMES: Record<string, string> = { pytorch: 'PyTorch', jax: 'JAX', keras: 'Keras', numpy: 'numpy' };
const HOOKS = 'hooks.json';

test('the frameworks’ JSON opens on the signal chart with its theory', async ({ page }) => {
  expect(existsSync(DIR), 'the parity runs write these files first (npm run test:frameworks)').toBe(true);
  const files = readdirSync(DIR).filter((f) => f.endsWith('.json') && f !== HOOKS);
  expect(files.sort()).toEqual(['jax.json', 'keras.json', 'numpy.json', 'pytorch.json']);
  await page.goto('/?v=1&depth=12&width=128&batch=64');
  await expect(page.getByTestId('signal-chart')).toHaveAttribute('data-phase', 'done', { timeout: 45_000 });
  await page
    .getByTestId('open-results-input')
    .setInputFiles(
      files.map((name) => ({ name, mimeType: 'application/json', buffer: readFileSync(join(DIR, name)) })),
    );
  await expect(page.getByTestId('opened-result')).toHaveCount(4);
  const legend = page.getByTestId('signal-chart').locator('.chart-legend');
  for (const name of files) {
    const data = JSON.parse(readFileSync(join(DIR, name), 'utf8')) as { source: { version: string } };
    await expect(legend).toContainText(`file: ${NAMES[name.replace('.json', '')]} ${data.source.version} · ${name}`);
  }
  const series = page.getByTestId('signal-chart').locator('.pin-series[data-pin-key^="file:"]');
  await expect(series.locator('.pin-line')).toHaveCount(4);
  await expect(series.locator('.pin-theory')).toHaveCount(4);
  await page.screenshot({ path: test.info().outputPath('frameworks-opened.png') });
});

test('the hooks helper’s JSON of a user’s model opens on the signal chart, without a theory', async ({ page }) => {
  const path = join(DIR, HOOKS);
  expect(existsSync(path), 'hooks.parity.ts writes this file first (npm run test:frameworks)').toBe(true);
  const data = JSON.parse(readFileSync(path, 'utf8')) as { source: { version: string }; layers: unknown[] };
  await page.goto('/?v=1&depth=6&width=128&batch=64');
  await expect(page.getByTestId('signal-chart')).toHaveAttribute('data-phase', 'done', { timeout: 45_000 });
  await page
    .getByTestId('open-results-input')
    .setInputFiles({ name: HOOKS, mimeType: 'application/json', buffer: readFileSync(path) });
  await expect(page.getByTestId('opened-result')).toHaveCount(1);
  const legend = page.getByTestId('signal-chart').locator('.chart-legend');
  await expect(legend).toContainText(`file: PyTorch hooks ${data.source.version} · ${HOOKS}`);
  const series = page.getByTestId('signal-chart').locator('.pin-series[data-pin-key^="file:"]');
  await expect(series.locator('.pin-line')).toHaveCount(1);
  await expect(series.locator('.pin-theory')).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('hooks-opened.png') });
});
