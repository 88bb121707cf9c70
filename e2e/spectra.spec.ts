// The Jacobian spectra panel: a link with jacobian=1 computes the singular values in the spectra
// worker and shows them per depth; the linear orthogonal preset's table reads 1 everywhere; a
// network past the budget gets the estimate instead; the toggle turns it off again.

import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

test.use({ viewport: { width: 1280, height: 900 } });
// Seconds of float64 work on a shared machine: a generous bound, only against hangs.
test.setTimeout(240_000);

test('linear orthogonal at depth 200: every depth shows σ = 1, against ∏χ₁ = 1', async ({ page }) => {
  await page.goto('/?v=1&init=orthogonal&act=linear&depth=200&width=128&jacobian=1');
  const panel = page.getByTestId('jacobian-panel');
  await expect(panel).toHaveAttribute('data-status', 'done', { timeout: 180_000 });
  const rows = panel.locator('tbody tr');
  await expect(rows).toHaveCount(4);
  await expect(rows.locator('th')).toHaveText(['1', '50', '100', '200']);
  for (let i = 0; i < 4; i++) {
    const cells = rows.nth(i).locator('td');
    await expect(cells.nth(0)).toHaveText('1.000');
    await expect(cells.nth(1)).toHaveText('1.000');
    await expect(cells.nth(2)).toHaveText('1.000 … 1.000');
  }
  await expect(panel.locator('.jacobian-chart svg[role="img"] path')).toHaveCount(4);
  // The middle layer's weights against Marchenko–Pastur: orthogonal, so one bar at 1 under the law's curve.
  await expect(panel.locator('.weight-spectrum-chart figcaption')).toContainText('Layer 100’s 128 × 128 weights');
  await expect(panel.locator('.weight-spectrum-chart .weight-bar')).toHaveCount(1);
  await panel.scrollIntoViewIfNeeded();
  await panel.screenshot({ path: 'test-results/spectra-linear-orthogonal.png' });
  const results = await new AxeBuilder({ page })
    .include('[data-testid="jacobian-panel"]')
    .withTags(['wcag2a', 'wcag2aa'])
    .analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);
});

test('tanh + Gaussian: the spread fans out over decades; the toggle hides the panel', async ({ page }) => {
  await page.goto('/?v=1&init=random_normal&act=tanh&depth=50&std=0.0625&jacobian=1');
  const panel = page.getByTestId('jacobian-panel');
  await expect(panel).toHaveAttribute('data-status', 'done', { timeout: 180_000 });
  await panel.scrollIntoViewIfNeeded();
  await panel.screenshot({ path: 'test-results/spectra-tanh-gaussian.png' });
  await panel.getByRole('button', { name: 'Hide' }).click();
  await expect(panel).toHaveAttribute('data-status', 'off');
  await expect(page).not.toHaveURL(/jacobian=1/);
});

test('a network past the budget is refused with the estimate and a width that fits', async ({ page }) => {
  await page.goto('/?v=1&depth=100&width=2048&batch=1&jacobian=1');
  const panel = page.getByTestId('jacobian-panel');
  await expect(panel).toHaveAttribute('data-status', 'refused', { timeout: 180_000 });
  await expect(panel.getByRole('status')).toContainText(/needs .* of float64 products .* try width \d+/);
});

test('width sweep: flat hidden lines, and μP’s output slope −½ against 0 for standard and NTK', async ({ page }) => {
  await page.goto('/?v=1&sweep=1');
  const panel = page.getByTestId('width-sweep-panel');
  await expect(panel).toHaveAttribute('data-status', 'done', { timeout: 180_000 });
  const slope = async (figure: number, line: string) => {
    const text = await panel.locator('figure').nth(figure).locator(`li[data-line="${line}"]`).innerText();
    const [measured, theory] = [...text.matchAll(/(−?\d+\.\d+)/g)].map((m) => Number(m[1]!.replace('−', '-')));
    return { measured: measured!, theory: theory! };
  };
  for (const [figure, output] of [
    [0, 0],
    [1, 0],
    [2, -0.5],
  ] as const) {
    const out = await slope(figure, 'output');
    expect(out.theory).toBe(output);
    expect(Math.abs(out.measured - output)).toBeLessThan(0.05);
    for (const layer of [1, 2, 3])
      expect(Math.abs((await slope(figure, `hidden-${layer}`)).measured)).toBeLessThan(0.05);
  }
  // Every tick label inside its chart (4096 sits on the axis's right end), and no slope reads −0.00.
  for (const figure of await panel.locator('figure svg').all()) {
    const box = (await figure.boundingBox())!;
    for (const label of await figure.locator('text.tick-label').all()) {
      const t = (await label.boundingBox())!;
      expect(t.x).toBeGreaterThanOrEqual(box.x);
      expect(t.x + t.width).toBeLessThanOrEqual(box.x + box.width);
    }
  }
  await expect(panel).not.toContainText('−0.00');
  await panel.scrollIntoViewIfNeeded();
  await panel.screenshot({ path: 'test-results/width-sweep.png' });
});
