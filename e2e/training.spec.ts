// Training as a student uses it: open a link with the training panel on and a pin, watch both
// runs stream in on the same axes, see Xavier stall where He trains; a changed setting cancels the
// old runs and starts new ones; the link reproduces the same curve.

import AxeBuilder from '@axe-core/playwright';
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

test('noise, momentum, clipping and the data seed are set in the panel, by keyboard too, into the link; a bad value is named', async ({
  page,
}) => {
  await page.goto('/?v=1&depth=3&width=16&train=1&opt=momentum&steps=100');
  await allDone(page, 1);
  const box = (label: string) => panel(page).getByLabel(label, { exact: true });

  await box('Noise').fill('0.2');
  await box('Noise').press('Enter');
  await expect(page).toHaveURL(/[?&]noise=0\.2(&|$)/);
  await box('Noise').fill('0.7');
  await box('Noise').press('Enter');
  await expect(panel(page).getByRole('alert')).toHaveText('Noise must be a number from 0 to 0.5');
  await expect(box('Noise')).toHaveAttribute('aria-invalid', 'true');
  await expect(page).toHaveURL(/[?&]noise=0\.2(&|$)/);
  await box('Noise').press('Escape');
  await expect(box('Noise')).toHaveValue('0.2');

  // The keyboard alone: a step of 0.01 down from μ = 0.9, then Tab on to the clipping box.
  await box('Momentum').focus();
  await page.keyboard.press('ArrowDown');
  await expect(page).toHaveURL(/[?&]mom=0\.89(&|$)/);
  await page.keyboard.press('Tab');
  await expect(box('Clip norm')).toBeFocused();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('1');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/[?&]clip=1(&|$)/);

  // The data seed follows the seed until it is set.
  await expect(box('Data seed')).toHaveValue('1');
  await box('Data seed').fill('7');
  await box('Data seed').press('Enter');
  await expect(page).toHaveURL(/[?&]dseed=7(&|$)/);
  await allDone(page, 1);

  // Settings that do not apply are disabled, with the reason.
  await panel(page).getByLabel('Optimizer', { exact: true }).selectOption('adam');
  await expect(box('Momentum')).toBeDisabled();
  await panel(page).getByLabel('Data', { exact: true }).selectOption('mnist1d');
  await expect(box('Noise')).toBeDisabled();
  await expect(box('Noise')).toHaveAccessibleDescription('Applies only to the 2-D data sets.');

  // axe's WCAG 2.1 A/AA rules on the panel, with a disabled box, its reason and a named error shown.
  await box('Clip norm').fill('-1');
  await box('Clip norm').press('Enter');
  await expect(panel(page).getByRole('alert')).toHaveText('Clip norm must be a number from 0 to 1000000');
  const axe = await new AxeBuilder({ page })
    .include('[data-testid="training-panel"]')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  expect(axe.passes.length).toBeGreaterThan(5);
  await panel(page).locator('.training-controls').screenshot({ path: 'test-results/training-controls.png' });
  await box('Clip norm').press('Escape');

  // The link restores every box.
  await page.reload();
  await expect(box('Clip norm')).toHaveValue('1');
  await expect(box('Data seed')).toHaveValue('7');
  await expect(box('Momentum')).toHaveValue('0.89');
});

test('the deep plain vs residual preset: the residual net learns the spiral, the plain one stays near chance', async ({
  page,
}) => {
  await page.goto('/?v=1&width=64');
  await page
    .getByRole('navigation', { name: 'Presets' })
    .getByRole('button', { name: /deep plain net vs a residual net/ })
    .click();
  await expect(page).toHaveURL(/res:1/);
  await allDone(page, 2);
  const [plain, residual] = await finalLosses(page);
  expect(plain).toBeGreaterThan(0.6);
  expect(residual).toBeLessThan(0.3);
  await panel(page).screenshot({ path: 'test-results/training-residual-panel.png' });
});
