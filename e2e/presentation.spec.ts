// Lecture tools as a lecturer uses them: presentation mode on and off (with its link), keyboard
// shortcuts for depth, width, presets, the layer-by-layer reveal and the list of shortcuts, none
// of which fire while typing; the theme remembered across a reload; and the first-visit tour,
// which automated browsers only get with ?tour=1.

import { expect, test, type Page } from '@playwright/test';
import { openDone } from './support/app';

const presentation = (page: Page) => page.getByRole('main', { name: 'Presentation' });
const drawnPoints = (page: Page) => page.getByTestId('signal-chart').locator('svg.signal-svg circle.signal-point');
const htmlTheme = (page: Page) => page.locator('html').getAttribute('data-theme');

test('p enters and leaves presentation mode, which is part of the link', async ({ page }) => {
  await openDone(page, '');
  await page.keyboard.press('p');
  await expect(presentation(page)).toBeVisible();
  await expect(page).toHaveURL(/[?&]present=1(&|$)/);
  await expect.poll(() => htmlTheme(page)).toBe('projector');
  // Large type: the verdict is readable from the back of a hall.
  const verdictPx = await page.locator('.verdict').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(verdictPx).toBeGreaterThanOrEqual(48);
  const tickPx = await page
    .locator('.signal-chart .chart-tick-label')
    .first()
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(tickPx).toBeGreaterThanOrEqual(20);
  // Only the essentials: no presets gallery, no distributions.
  await expect(page.getByRole('navigation', { name: 'Presets' })).toHaveCount(0);
  await expect(page.getByTestId('distributions-chart')).toHaveCount(0);
  await expect(page.getByLabel('Initializer', { exact: true })).toBeVisible();

  await page.keyboard.press('p');
  await expect(presentation(page)).toHaveCount(0);
  await expect(page).not.toHaveURL(/present=/);
  await expect(page.getByRole('button', { name: 'Present' })).toBeFocused();
  await expect.poll(() => htmlTheme(page)).toBeNull();
});

test('Esc and the Exit button leave presentation mode; a present=1 link opens it', async ({ page }) => {
  await openDone(page, '?depth=12&present=1');
  await expect(presentation(page)).toBeVisible();
  await page.getByRole('button', { name: 'Exit presentation' }).click();
  await expect(presentation(page)).toHaveCount(0);
  await expect(page).toHaveURL(/[?&]depth=12(&|$)/);

  await page.getByRole('button', { name: 'Present' }).click();
  await expect(presentation(page)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(presentation(page)).toHaveCount(0);
  await expect(page).not.toHaveURL(/present=/);
});

test('a residual network offers its blocks, not its linear layers, and the arrows step them', async ({ page }) => {
  await openDone(page, '?res=1&blocks=8&present=1');
  const side = page.getByRole('complementary', { name: 'Settings' });
  const blocks = side.getByRole('textbox', { name: 'Blocks', exact: true });
  await expect(blocks).toHaveValue('8');
  await expect(side.getByRole('slider', { name: 'Blocks slider' })).toHaveAttribute('aria-valuetext', '8 blocks');
  await expect(side.getByRole('textbox', { name: 'Depth', exact: true })).toHaveCount(0);
  await expect(side.locator('.present-keys')).toContainText('blocks');
  await expect(side.locator('.present-keys')).not.toContainText('depth');
  await presentation(page).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/[?&]blocks=9(&|$)/);
  await expect(blocks).toHaveValue('9');
});

test('arrow keys step the depth and the width', async ({ page }) => {
  await openDone(page, '');
  const depth = page.getByRole('textbox', { name: 'Depth', exact: true });
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/[?&]depth=31(&|$)/);
  await expect(depth).toHaveValue('31');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(page).toHaveURL(/[?&]depth=29(&|$)/);
  await page.keyboard.press('ArrowUp');
  await expect(page).toHaveURL(/[?&]width=512(&|$)/);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(page).toHaveURL(/[?&]width=128(&|$)/);
});

test('1 opens the first preset, also in presentation mode without leaving it', async ({ page }) => {
  await openDone(page, '');
  await page.keyboard.press('1');
  await expect(page).toHaveURL(/\?v=1&init=glorot_uniform&act=tanh&depth=50&acts=1$/);
  await expect(page.getByRole('heading', { name: /Preset Xavier \+ tanh/ })).toBeVisible();

  await page.keyboard.press('p');
  await expect(presentation(page)).toBeVisible();
  await page.keyboard.press('2');
  await expect(page).toHaveURL(/\?v=1&init=glorot_uniform&present=1$/);
  await expect(presentation(page)).toBeVisible();
  await expect(presentation(page).getByRole('heading', { name: /Preset Xavier \+ ReLU/ })).toBeVisible();
});

test('space sends the signal through layer by layer', async ({ page }) => {
  await openDone(page, '?depth=20');
  await expect(drawnPoints(page)).toHaveCount(20);
  // Every distinct number of drawn points, in the order the chart showed them.
  await page.evaluate(() => {
    const chart = document.querySelector('[data-testid="signal-chart"]')!;
    const seen: number[] = [];
    (window as unknown as { revealCounts: number[] }).revealCounts = seen;
    new MutationObserver(() => {
      const n = chart.querySelectorAll('svg.signal-svg circle.signal-point').length;
      if (seen.at(-1) !== n) seen.push(n);
    }).observe(chart, { childList: true, subtree: true });
  });
  await page.keyboard.press(' ');
  const counts = () => page.evaluate(() => (window as unknown as { revealCounts: number[] }).revealCounts);
  await expect.poll(async () => (await counts()).at(-1), { timeout: 20_000 }).toBe(20);
  const seen = await counts();
  expect(seen[0]).toBe(1);
  for (let i = 1; i < seen.length; i++) expect(seen[i]!).toBeGreaterThan(seen[i - 1]!);
  // Progressive, not a jump: most intermediate layer counts were on screen at some point.
  expect(seen.length).toBeGreaterThanOrEqual(10);
  // Space scrolled nothing: the key was taken by the shortcut.
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
});

test('? lists the shortcuts in a modal dialog that keeps focus and closes with Esc', async ({ page }) => {
  await openDone(page, '');
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText('Send the signal through layer by layer')).toBeVisible();
  await expect(dialog.getByText('Xavier + tanh')).toBeVisible();
  const focusInside = () => page.evaluate(() => document.activeElement?.closest('dialog') !== null);
  expect(await focusInside()).toBe(true);
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press('Tab');
    // Tab either stays in the dialog or leaves the page for the browser's own UI, never the page behind.
    expect(
      await page.evaluate(
        () => document.activeElement === document.body || document.activeElement?.closest('dialog') !== null,
      ),
    ).toBe(true);
  }
  // Shortcuts do not act behind the dialog.
  await page.keyboard.press('p');
  await expect(presentation(page)).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('shortcuts do not fire while typing in the Depth box', async ({ page }) => {
  await openDone(page, '');
  const depth = page.getByRole('textbox', { name: 'Depth', exact: true });
  await depth.click();
  await depth.press('ControlOrMeta+a');
  await page.keyboard.type('12');
  await expect(depth).toHaveValue('12');
  await depth.press('ArrowLeft');
  await depth.press('p');
  await depth.press('1');
  await expect(depth).toHaveValue('1p12');
  await expect(presentation(page)).toHaveCount(0);
  await expect(page.getByRole('heading', { name: /Preset Xavier \+ tanh/ })).toHaveCount(0);
  await depth.fill('12');
  await depth.press('Enter');
  await expect(page).toHaveURL(/[?&]depth=12(&|$)/);
  await depth.press('ArrowRight');
  await expect(depth).toHaveValue('12');
  await expect(page).toHaveURL(/[?&]depth=12(&|$)/);
});

test('the chosen theme is remembered across a reload', async ({ page }) => {
  await openDone(page, '');
  const theme = page.getByLabel('Theme');
  await theme.selectOption('dark');
  await expect.poll(() => htmlTheme(page)).toBe('dark');
  await page.reload();
  await expect(page.getByTestId('signal-chart')).toHaveAttribute('data-phase', 'done', { timeout: 45_000 });
  await expect(page.getByLabel('Theme')).toHaveValue('dark');
  await expect.poll(() => htmlTheme(page)).toBe('dark');
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).toBe('rgb(14, 17, 22)');
});

test('the tour stays away from automated browsers unless asked', async ({ page }) => {
  await openDone(page, '');
  await expect(page.getByRole('dialog', { name: /^Tour/ })).toHaveCount(0);
});

test('with tour=1 the tour appears, can be dismissed, and does not come back', async ({ page }) => {
  await openDone(page, '?tour=1');
  const tour = page.getByRole('dialog', { name: /^Tour, step 1 of 5/ });
  await expect(tour).toBeVisible();
  await expect(tour).toBeFocused();
  await tour.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('dialog', { name: /^Tour, step 2 of 5: Measured against theory/ })).toBeVisible();
  await page.getByRole('button', { name: 'Close tour' }).click();
  await expect(page.getByRole('dialog', { name: /^Tour/ })).toHaveCount(0);

  await openDone(page, '?tour=1');
  await expect(page.getByRole('dialog', { name: /^Tour/ })).toHaveCount(0);
  // Help opens it again on request.
  await page.getByRole('button', { name: 'Help' }).click();
  await expect(page.getByRole('dialog', { name: /^Tour, step 1 of 5/ })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: /^Tour/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Help' })).toBeFocused();
});
