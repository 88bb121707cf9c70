// The charts as a person sees them: open a link, wait for the run, read the verdict, count the
// points, find the overflow marker, switch the distribution view. Screenshots land in the test
// output directory for a human look.

import { expect, test, type Locator, type Page } from '@playwright/test';
import { openDone, waitForDone } from './support/app';

async function screenshot(target: Page | Locator, name: string): Promise<void> {
  await target.screenshot({ path: test.info().outputPath(`${name}.png`) });
}

/** Every attribute of every element in the chart's SVG: none may hold NaN or Infinity. */
async function svgAttributeValues(chart: Locator): Promise<string[]> {
  return chart
    .locator('svg')
    .first()
    .evaluate((svg) =>
      [svg, ...svg.querySelectorAll('*')].flatMap((el) =>
        [...el.attributes].map((a) => `${el.tagName}[${a.name}]=${a.value}`),
      ),
    );
}

test.use({ viewport: { width: 1280, height: 900 } });

test('Glorot with ReLU vanishes by ×0.50 per layer, point by point', async ({ page }) => {
  const chart = await openDone(page, '?v=1&init=glorot_uniform&act=relu&depth=30', { points: 30 });
  const verdict = chart.locator('[data-verdict]');
  await expect(verdict).toHaveAttribute('data-verdict', 'vanishing');
  // One seeded 256-wide network: the fitted factor carries finite-width noise (ln v is a random
  // walk with ≈ 5/N variance per layer), so the measurement reads ×0.50 to within ±0.02 …
  await expect(verdict).toContainText(/vanishing: ×0\.(4[89]|5[012]) per layer/);
  await expect(chart.locator('circle.signal-point[data-layer]')).toHaveCount(30);
  // … and the mean-field theory reads exactly ×0.50.
  await expect(chart.locator('[data-verdict-theory]')).toContainText('vanishing: ×0.50 per layer');
  await expect(chart.getByRole('img')).toHaveAttribute('aria-label', /30 layers/);
  await expect(chart.locator('.chart-summary')).toContainText('Pre-activation second moment falls from');
  for (const value of await svgAttributeValues(chart)) expect(value).not.toMatch(/NaN|Infinity/);
  await screenshot(chart, 'glorot-relu-30');
});

test('He with ReLU is stable', async ({ page }) => {
  const chart = await openDone(page, '?v=1&init=he_normal&act=relu&depth=30', { points: 30 });
  await expect(chart.locator('[data-verdict]')).toHaveAttribute('data-verdict', 'stable');
  await expect(chart.locator('[data-verdict]')).toContainText(/stable: ×(0\.9\d|1\.\d\d) per layer/);
  await screenshot(page, 'he-relu-30-page');
});

test('N(0, 1) weights overflow to Inf, drawn as a marker naming the layer', async ({ page }) => {
  await page.goto('/?v=1&init=random_normal&act=relu&depth=200&std=1');
  const chart = page.getByTestId('signal-chart');
  await expect(chart).toHaveAttribute('data-phase', 'done', { timeout: 45_000 });
  const verdict = chart.locator('[data-verdict]');
  await expect(verdict).toHaveAttribute('data-verdict', 'overflow');
  const text = (await verdict.locator('.verdict-text').textContent()) ?? '';
  const layer = Number(/overflow to Inf at layer (\d+)/.exec(text)?.[1]);
  expect(layer).toBeGreaterThan(1);
  // Every layer before it is a point on the curve; it and every layer after are Inf.
  await expect(chart.locator('circle.signal-point[data-layer]')).toHaveCount(layer - 1);
  await expect(chart.locator(`[data-marker="overflow"][data-layer="${layer}"]`)).toHaveCount(1);
  await expect(chart.locator('.chart-markers-measured .chart-marker-label')).toHaveText(`Inf at layers ${layer}–200`);
  for (const value of await svgAttributeValues(chart)) expect(value).not.toMatch(/NaN|Infinity/);
  await screenshot(chart, 'random-normal-overflow-200');
  // Overflowed values are counted under the histograms, not binned.
  await expect(page.getByTestId('distributions-chart')).toContainText(/were ±Inf \(layers \d+–200\)/);
});

test('the distributions switch between ridgeline and heatmap and back', async ({ page }) => {
  await openDone(page, '?v=1&init=glorot_uniform&act=tanh&depth=60', { points: 60 });
  const dist = page.getByTestId('distributions-chart');
  await expect(dist).toHaveAttribute('data-mode', 'ridgeline');
  await expect(dist.locator('.ridge')).toHaveCount(40);
  await expect(dist).toContainText('Showing 40 of 60 layers, evenly spaced.');
  await screenshot(dist, 'ridgeline-tanh-60');

  await dist.getByRole('radio', { name: 'Heatmap' }).check();
  await expect(dist).toHaveAttribute('data-mode', 'heatmap');
  await expect(dist.locator('canvas')).toBeVisible();
  await expect(page).toHaveURL(/hist=heatmap/);
  await screenshot(dist, 'heatmap-tanh-60');

  await dist.getByRole('radio', { name: 'Fixed' }).check();
  await expect(dist).toHaveAttribute('data-range', 'fixed');
  await expect(dist).toContainText('the output range of tanh');
  await screenshot(dist, 'heatmap-tanh-60-fixed');

  await dist.getByRole('radio', { name: 'Ridgeline' }).check();
  await expect(dist).toHaveAttribute('data-mode', 'ridgeline');
  await expect(dist.locator('canvas')).toHaveCount(0);
  await screenshot(dist, 'ridgeline-tanh-60-fixed');
});

test('the keyboard inspects layers and the activations can be added', async ({ page }) => {
  const chart = await openDone(page, '?v=1&init=glorot_uniform&act=relu&depth=30', { points: 30 });
  await chart.getByRole('group', { name: /Inspect a layer/ }).focus();
  await page.keyboard.press('End');
  const tooltip = chart.locator('.chart-tooltip');
  await expect(tooltip).toContainText('Layer 30');
  await expect(tooltip).toContainText('measured ÷ theory');
  await page.keyboard.press('ArrowLeft');
  await expect(tooltip).toContainText('Layer 29');
  await screenshot(chart, 'glorot-relu-30-tooltip');

  await chart.getByLabel('also show activations φ(h)').check();
  await expect(chart.locator('svg.signal-svg rect.series-square')).toHaveCount(30);
  await expect(chart.locator('.chart-legend')).toContainText('activations, measured');
  await screenshot(chart, 'glorot-relu-30-activations');
});

test('a vanishing signal that reaches exactly 0 is marked at the bottom edge', async ({ page }) => {
  await page.goto('/?v=1&init=glorot_uniform&act=relu&depth=400&width=64&batch=32');
  const chart = page.getByTestId('signal-chart');
  await expect(chart).toHaveAttribute('data-phase', 'done', { timeout: 45_000 });
  const verdict = chart.locator('[data-verdict]');
  await expect(verdict).toHaveAttribute('data-verdict', 'underflow');
  const layer = Number(/underflow to 0 at layer (\d+)/.exec((await verdict.textContent()) ?? '')?.[1]);
  expect(layer).toBeGreaterThan(100);
  await expect(chart.locator(`[data-marker="zero"][data-layer="${layer}"]`)).toHaveCount(1);
  await expect(chart.locator('.chart-markers-measured .chart-marker-label')).toHaveText(`0 at layers ${layer}–400`);
  for (const value of await svgAttributeValues(chart)) expect(value).not.toMatch(/NaN|Infinity/);
  await screenshot(chart, 'glorot-relu-400-underflow');
});

test('an all-zero initializer is a dead network, and its histograms are spikes at 0', async ({ page }) => {
  await page.goto('/?v=1&init=zeros&act=tanh&depth=10');
  const chart = page.getByTestId('signal-chart');
  await expect(chart).toHaveAttribute('data-phase', 'done', { timeout: 45_000 });
  await expect(chart.locator('[data-verdict]')).toHaveAttribute('data-verdict', 'dead');
  await expect(chart.locator('[data-verdict]')).toContainText('dead network');
  await expect(chart.locator('circle.signal-point[data-layer]')).toHaveCount(0);
  for (const value of await svgAttributeValues(chart)) expect(value).not.toMatch(/NaN|Infinity/);
  const dist = page.getByTestId('distributions-chart');
  await expect(dist.locator('.ridge')).toHaveCount(10);
  await screenshot(chart, 'zeros-dead');
  await screenshot(dist, 'zeros-dead-ridgeline');
});

test('dark theme', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/?v=1&init=random_normal&act=relu&depth=200&std=1&acts=1');
  const chart = await waitForDone(page);
  await screenshot(page, 'dark-overflow-page');
  // Dark means the page is dark and the chart's words are light on it: WCAG's relative luminance
  // of the background and of a tick label, and their contrast ratio, at least 4.5 (AA).
  const luminance = await page.evaluate(() => {
    const relative = (css: string) => {
      const [r, g, b] = (css.match(/[\d.]+/g) ?? []).map(Number).map((v) => v / 255);
      const lin = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
      return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
    };
    const card = document.querySelector('.chart-card')!;
    const tick = document.querySelector('[data-testid="signal-chart"] .chart-tick-label')!;
    return {
      background: relative(getComputedStyle(card).backgroundColor),
      text: relative(getComputedStyle(tick).fill),
    };
  });
  expect(luminance.background).toBeLessThan(0.1);
  expect((luminance.text + 0.05) / (luminance.background + 0.05)).toBeGreaterThanOrEqual(4.5);
  // The overflow is still drawn as a marker in the dark.
  await expect(chart.locator('[data-verdict]')).toHaveAttribute('data-verdict', 'overflow');
});
