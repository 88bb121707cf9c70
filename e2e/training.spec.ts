// Training as a student uses it: open a link with the training panel on and a pin, watch both
// runs stream in on the same axes, see Xavier stall where He trains; a changed setting cancels the
// old runs and starts new ones; the link reproduces the same curve.

import { expect, test, type Page } from '@playwright/test';

const panel = (page: Page) => page.getByTestId('training-panel');
const runs = (page: Page) => panel(page).locator('.training-status li');

async function allDone(page: Page, count: number): Promise<void> {
  await expect(runs(page)).toHaveCount(count, { timeout: 30_000 });
  await expect(panel(page).locator('.training-status li[data-done="true"]')).toHaveCount(count, { timeout: 90_000 });
}

/** The final train loss printed in each run's status line. */
async function finalLosses(page: Page): Promise<number[]> {
  const texts = await runs(page).allTextContents();
  return texts.map((t) => Number(/train loss ([\d.e+-]+)/.exec(t)?.[1] ?? NaN));
}

test.use({ viewport: { width: 1280, height: 1000 } });
// Two runs of 300 steps share the machine's cores with the page: allow minutes on a busy machine.
test.setTimeout(240_000);

const LINK = '/?v=1&width=64&train=1&opt=momentum&steps=300&pin=init:glorot_normal~width:64';

test('He trains and Xavier stalls on the 30-layer ReLU net, on the same axes; the link gives the same numbers', async ({
  page,
}) => {
  await page.goto(LINK);
  await allDone(page, 2);
  const [he, xavier] = await finalLosses(page);
  // ln 2 = 0.693 is chance level for two balanced classes: the stalled run sits on it.
  expect(xavier).toBeGreaterThan(0.68);
  expect(he).toBeLessThan(0.6);
  await expect(panel(page).locator('svg.step-chart path.step-chart-line[data-series="0train"]')).toHaveCount(1);
  await expect(panel(page).locator('svg.step-chart path.step-chart-line[data-series="1train"]')).toHaveCount(1);
  await panel(page).screenshot({ path: 'test-results/training-panel.png' });

  await page.reload();
  await allDone(page, 2);
  expect(await finalLosses(page)).toEqual([he, xavier]);
});

test('a new setting cancels the runs in progress and trains again; divergence is named, never NaN', async ({
  page,
}) => {
  await page.goto('/?v=1&width=64&train=1&steps=10000');
  await expect(runs(page)).toHaveCount(1, { timeout: 30_000 });
  await expect(runs(page).first().locator('progress')).toHaveAttribute('max', '10000');
  // The 10,000-step run would take minutes; the new one of 100 replaces it and finishes.
  await panel(page).getByLabel('Steps', { exact: true }).selectOption('100');
  await expect(runs(page).first().locator('progress')).toHaveAttribute('max', '100', { timeout: 10_000 });
  await allDone(page, 1);
  await expect(page).toHaveURL(/steps=100(&|$)/);

  await page.goto('/?v=1&width=64&train=1&steps=100&init=random_normal');
  await allDone(page, 1);
  await expect(runs(page).first()).toHaveAttribute('data-diverged', 'true');
  await expect(runs(page).first()).toContainText(/diverged at step \d+/);
  await expect(panel(page)).toContainText(/diverged at step \d+/);
  await expect(panel(page)).not.toContainText('NaN');
});

test('from the gallery: the He 2015 training preset shows Xavier at chance and He trained, with its lesson', async ({
  page,
}) => {
  await page.goto('/?v=1&width=64');
  await page
    .getByRole('navigation', { name: 'Presets' })
    .getByRole('button', { name: /Xavier stalls, He trains/ })
    .click();
  await expect(page).toHaveURL(/train=1/);
  await allDone(page, 2);
  const [xavier, he] = await finalLosses(page);
  expect(xavier).toBeGreaterThan(0.68);
  expect(he).toBeLessThan(0.1);
  await expect(page.getByRole('complementary', { name: /Preset Training: Xavier/ })).toContainText(
    'stalled under Xavier’s init',
  );
  await page.screenshot({ path: 'test-results/training-preset.png' });
  await panel(page).screenshot({ path: 'test-results/training-preset-panel.png' });
});
