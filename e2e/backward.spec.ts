// The backward pass as a person sees it: the gradient curve and its verdict on the signal chart
// (read toward the input), the correlation chart with its reading, gradient histograms, and the
// spread of 8 seeds. Screenshots land in the test output directory for a human look.

import { expect, test, type Locator, type Page } from '@playwright/test';
import { openDone } from './support/app';

/** Opens a link and waits until the whole backward pass has arrived. */
async function openRun(page: Page, query: string): Promise<Locator> {
  const chart = await openDone(page, query);
  // The gradient verdict reads "so far" until the backward pass has reached the input.
  await expect(chart.locator('.gradient-verdict')).not.toContainText('so far', { timeout: 20_000 });
  return chart;
}

async function screenshot(target: Page | Locator, name: string): Promise<void> {
  await target.screenshot({ path: test.info().outputPath(`${name}.png`) });
}

test.use({ viewport: { width: 1280, height: 900 } });

test('He + ReLU: gradients stay level on the way back, drawn as a second curve with its legend', async ({ page }) => {
  const chart = await openRun(page, '?v=1&depth=30');
  const verdict = chart.locator('[data-gradient-verdict]');
  await expect(verdict).toHaveAttribute('data-gradient-verdict', 'stable');
  await expect(verdict).toContainText(/gradients: stable ×(0\.9\d|1\.\d\d) per layer toward the input/);
  await expect(chart.locator('[data-testid="gradient-curve"] .gradient-point')).toHaveAttribute('data-points', '30');
  await expect(chart.locator('.chart-legend')).toContainText('gradient E[δ²], measured (backward)');
  await expect(chart.locator('.chart-summary')).toContainText('Pre-activation second moment');
  await expect(chart.locator('.chart-summary')).toContainText('Back-propagated gradient second moment E[δ²] goes from');
  await screenshot(chart, 'he-relu-gradients');
});

test('Xavier + ReLU: gradients vanish ×0.50 per layer toward the input; the toggle hides them and the link says grads=0', async ({
  page,
}) => {
  const chart = await openRun(page, '?v=1&init=glorot_uniform');
  const verdict = chart.locator('[data-gradient-verdict]');
  await expect(verdict).toHaveAttribute('data-gradient-verdict', 'vanishing');
  await expect(verdict).toContainText(/vanishing toward the input ×0\.(4[89]|5[012]) per layer/);
  await screenshot(chart, 'xavier-relu-gradients');
  // The y axis is shared, and its title names what is on it.
  const axisTitle = chart.locator('.signal-svg .chart-axis-title', { hasText: 'second moment' });
  await expect(axisTitle).toHaveText('second moment E[h²] and E[δ²], log scale');
  await chart.getByLabel('show gradients').uncheck();
  await expect(chart.locator('[data-testid="gradient-curve"]')).toHaveCount(0);
  await expect(axisTitle).toHaveText('second moment E[h²], log scale');
  await expect(chart.locator('[data-gradient-verdict]')).toHaveCount(0);
  await expect(page).toHaveURL(/grads=0/);
});

test('tanh with gain 5/3: gradients grow toward the input', async ({ page }) => {
  const chart = await openRun(page, '?v=1&init=torch_kaiming_normal&act=tanh&nl=tanh');
  const verdict = chart.locator('[data-gradient-verdict]');
  await expect(verdict).toHaveAttribute('data-gradient-verdict', 'exploding');
  await expect(verdict).toContainText(/growing toward the input ×1\.\d+ per layer/);
  await screenshot(chart, 'tanh-gain-gradients');
});

test('the funnel presets: fan_in keeps the forward signal and shrinks gradients toward the input, fan_out the reverse', async ({
  page,
}) => {
  const funnel = 'init=variance_scaling&act=linear&width=512,406,323,256,203,161,128,102,81,64';
  let chart = await openRun(page, `?v=1&${funnel}`);
  // The forward size is stable; the headline names the problem, the gradients.
  await expect(chart.locator('[data-verdict]')).toHaveAttribute('data-verdict-size', 'stable');
  await expect(chart.locator('[data-verdict]')).toHaveAttribute('data-verdict', 'vanishing');
  await expect(chart.locator('[data-gradient-verdict]')).toContainText(
    /vanishing toward the input ×0\.(7\d|8[0-5]) per layer/,
  );
  await screenshot(chart, 'funnel-fan-in');
  chart = await openRun(page, `?v=1&${funnel}&mode=fan_out`);
  await expect(chart.locator('[data-verdict]')).toHaveAttribute('data-verdict', 'exploding');
  await expect(chart.locator('[data-gradient-verdict]')).toHaveAttribute('data-gradient-verdict', 'stable');
  await screenshot(chart, 'funnel-fan-out');
});

test('the correlation chart draws c per layer with the theory and reads it', async ({ page }) => {
  await openRun(page, '?v=1&depth=30');
  const corr = page.getByTestId('correlation-chart');
  await expect(corr.getByRole('img')).toHaveAttribute('aria-label', /30 layers/);
  await expect(corr).toHaveAttribute('data-correlation-phase', 'climbing');
  await expect(corr.getByTestId('correlation-reading')).toContainText('c climbs toward 1');
  await screenshot(corr, 'correlation-he-relu');
  // With a bias, tanh at small weights is in the ordered phase: c reaches 1.
  await openRun(page, '?v=1&init=random_normal&act=tanh&std=0.03&bias=0.3');
  await expect(corr).toHaveAttribute('data-correlation-phase', 'ordered');
  await expect(corr.getByTestId('correlation-reading')).toContainText('indistinguishable');
  await screenshot(corr, 'correlation-ordered');
});

test('the distributions switch between activations and gradients (Glorot & Bengio Fig. 7)', async ({ page }) => {
  await openRun(page, '?v=1&init=glorot_uniform&act=tanh&depth=10&range=fixed');
  const dist = page.getByTestId('distributions-chart');
  await expect(dist).toHaveAttribute('data-source', 'activations');
  await expect(dist.locator('.ridge')).toHaveCount(10);
  await dist.getByLabel('Gradients').check();
  await expect(dist).toHaveAttribute('data-source', 'gradients');
  await expect(dist.locator('.chart-title')).toHaveText('Gradients, layer by layer');
  await expect(dist.locator('.ridge')).toHaveCount(10);
  await expect(dist.locator('.chart-axis-title').first()).toContainText('gradient δ');
  await expect(dist.getByRole('img')).toHaveAttribute('aria-label', /back-propagated gradients δ in 10 layers/);
  await screenshot(dist, 'gradient-ridgeline');
  await dist.getByLabel('Heatmap').check();
  await expect(dist).toHaveAttribute('data-mode', 'heatmap');
  await screenshot(dist, 'gradient-heatmap');
});

test('Run 8 seeds draws the spread across seeds and the band finite width predicts; a wider net has a narrower band', async ({
  page,
}) => {
  const chart = await openRun(page, '?v=1&depth=50&width=16');
  const bar = page.getByTestId('seed-band-bar');
  await bar.getByRole('button', { name: 'Run 8 seeds' }).click();
  await expect(bar).toContainText('middle 80 %', { timeout: 45_000 });
  const band = chart.locator('[data-testid="seed-band"]');
  await expect(band).toHaveAttribute('data-seeds', '8');
  await expect(band).toHaveAttribute('data-layers', '50');
  await expect(band.locator('.seed-band-area')).toHaveAttribute('d', /^M[\d.]+,[\d.]+L/);
  await expect(band.locator('.seed-band-theory')).toHaveAttribute('d', /^M/);
  await expect(chart.locator('.chart-legend')).toContainText('10–90 % of 8 seeds');
  await expect(chart.locator('.chart-summary')).toContainText('middle 80 % of 8 seeds');
  await screenshot(page.locator('.chart-card'), 'seeds-width-16');
  const narrow = await bandHeight(band);

  await openRun(page, '?v=1&depth=50&width=256');
  // A new configuration: the old band is not drawn over it.
  await expect(band).toHaveCount(0);
  await bar.getByRole('button', { name: 'Run 8 seeds' }).click();
  await expect(band).toHaveAttribute('data-seeds', '8', { timeout: 45_000 });
  await screenshot(page.locator('.chart-card'), 'seeds-width-256');
  expect(await bandHeight(band)).toBeLessThan(narrow / 2);
});

/** Height in pixels of the shaded band's bounding box. */
async function bandHeight(band: Locator): Promise<number> {
  return band.locator('.seed-band-area').evaluate((el) => (el as SVGGraphicsElement).getBBox().height);
}
