// The app as a person uses it: controls change the link and the chart, presets teach their
// lesson, downloads carry exactly the command line's fields and numbers, and the page reads
// well at laptop and phone widths.

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { formatNumber } from '../src/readings/format';

const downloadCsv = (page: Page) => page.getByRole('button', { name: 'Download CSV' });
const downloadJson = (page: Page) => page.getByRole('button', { name: 'Download JSON' });

/** The downloads unlock when the run of the current settings has finished. */
async function waitForRun(page: Page): Promise<void> {
  await expect(downloadCsv(page)).toBeEnabled({ timeout: 45_000 });
}

/** A fingerprint of what the signal chart draws (its text and shapes). */
function chartFingerprint(page: Page): Promise<string> {
  return page
    .locator('.chart-card')
    .evaluate((el) =>
      [
        el.textContent ?? '',
        ...Array.from(
          el.querySelectorAll('path, circle, rect, line'),
          (s) => s.getAttribute('d') ?? s.getAttribute('y') ?? s.getAttribute('cy') ?? s.getAttribute('y1') ?? '',
        ),
      ].join('|'),
    );
}

async function commitNumber(box: Locator, text: string): Promise<void> {
  await box.fill(text);
  await box.press('Enter');
}

function cliJson(args: string[]): unknown {
  const out = execFileSync('npx', ['tsx', 'src/cli/main.ts', ...args, '--format', 'json'], {
    encoding: 'utf8',
    cwd: process.cwd(),
  });
  return JSON.parse(out) as unknown;
}

/** Every number in `actual` equals the one at the same place in `expected` to ≥ 6 significant digits. */
function expectSameNumbers(actual: unknown, expected: unknown, path = '$'): void {
  if (typeof expected === 'number' && typeof actual === 'number') {
    const scale = Math.max(Math.abs(expected), Math.abs(actual));
    expect(Math.abs(actual - expected), `${path}: ${actual} vs ${expected}`).toBeLessThanOrEqual(scale * 5e-7);
  } else if (expected !== null && typeof expected === 'object') {
    expect(actual, path).not.toBeNull();
    expect(Object.keys(actual as object).sort(), `${path} keys`).toEqual(Object.keys(expected).sort());
    for (const [k, v] of Object.entries(expected))
      expectSameNumbers((actual as Record<string, unknown>)[k], v, `${path}.${k}`);
  } else {
    expect(actual, path).toEqual(expected);
  }
}

test('controls change the link and the chart', async ({ page }) => {
  await page.goto('/');
  await waitForRun(page);
  let before = await chartFingerprint(page);

  await page.getByLabel('Initializer', { exact: true }).selectOption('glorot_uniform');
  await expect(page).toHaveURL(/[?&]init=glorot_uniform(&|$)/);
  await waitForRun(page);
  await expect.poll(() => chartFingerprint(page)).not.toBe(before);

  before = await chartFingerprint(page);
  await page.getByLabel('Activation', { exact: true }).selectOption('tanh');
  await expect(page).toHaveURL(/[?&]act=tanh(&|$)/);
  await waitForRun(page);
  await expect.poll(() => chartFingerprint(page)).not.toBe(before);

  before = await chartFingerprint(page);
  const depth = page.getByRole('textbox', { name: 'Depth', exact: true });
  await commitNumber(depth, '12');
  await expect(page).toHaveURL(/[?&]depth=12(&|$)/);
  await expect(page.locator('.status-line')).toContainText('12 layers');
  await waitForRun(page);
  await expect.poll(() => chartFingerprint(page)).not.toBe(before);

  // The slider steps the depth itself by 1 and 10, whatever its position scale.
  const slider = page.getByRole('slider', { name: 'Depth slider' });
  await slider.focus();
  await slider.press('ArrowUp');
  await expect(depth).toHaveValue('13');
  await slider.press('PageUp');
  await expect(depth).toHaveValue('23');
  await expect(page).toHaveURL(/[?&]depth=23(&|$)/);

  // Invalid input is explained and not applied.
  await commitNumber(depth, '5000');
  await expect(
    page.getByRole('alert').filter({ hasText: 'Depth must be a whole number from 1 to 2000' }),
  ).toBeVisible();
  await expect(depth).toHaveAttribute('aria-invalid', 'true');
  await expect(page).toHaveURL(/[?&]depth=23(&|$)/);
  await depth.press('Escape');
  await expect(depth).toHaveValue('23');
});

test('width profiles write a per-layer list; a bad list is refused with a reason', async ({ page }) => {
  await page.goto('/?depth=5&width=512');
  await page.getByLabel('Width profile').selectOption('funnel');
  await expect(page).toHaveURL(/[?&]width=512,304,181,108,64(&|$)/);
  await expect(page.getByLabel('Last width')).toHaveValue('64');

  await page.getByLabel('Width profile').selectOption('custom');
  const list = page.getByLabel('Widths per layer');
  await commitNumber(list, '300,200,100');
  await expect(page).toHaveURL(/[?&]width=300,200,100(&|$)/);
  await expect(page.getByRole('textbox', { name: 'Depth', exact: true })).toHaveValue('3');

  await commitNumber(list, '300,abc');
  await expect(page.getByText('Entry 2 ("abc") must be a whole number from 1 to 4096')).toBeVisible();
  await expect(page).toHaveURL(/[?&]width=300,200,100(&|$)/);
});

test('a preset opens its settings and shows its lesson', async ({ page }) => {
  await page.goto('/');
  const card = page.getByRole('button', { name: /^He normal \+ ReLU/ });
  await card.click();
  await expect(page).toHaveURL(/\?v=1&depth=50$/);
  const lesson = page.getByRole('complementary', { name: /He normal \+ ReLU/ });
  await expect(lesson).toContainText('He’s variance 2/n makes up for the half that ReLU discards');
  await expect(card).toHaveAttribute('aria-current', 'true');
  await expect(page.getByRole('textbox', { name: 'Depth', exact: true })).toHaveValue('50');

  await page.getByRole('button', { name: /^Xavier \+ tanh/ }).click();
  await expect(page.getByLabel('Activation', { exact: true })).toHaveValue('tanh');
  await expect(page.getByRole('complementary', { name: /Xavier \+ tanh/ })).toBeVisible();

  // A preset is a history entry: Back returns to the previous one.
  await page.goBack();
  await expect(page).toHaveURL(/\?v=1&depth=50$/);
  await expect(page.getByRole('complementary', { name: /He normal \+ ReLU/ })).toBeVisible();
});

test('link notices are shown and can be dismissed', async ({ page }) => {
  await page.goto('/?depth=100000');
  const notice = page.locator('.notice').filter({ hasText: '2000' });
  await expect(notice).toBeVisible();
  await notice.getByRole('button', { name: /^Dismiss/ }).click();
  await expect(notice).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: 'Depth', exact: true })).toHaveValue('2000');
});

test('Copy link copies the link of this view', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/?depth=7&seed=5');
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByRole('button', { name: 'Link copied' })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(new URL(copied).search).toBe('?v=1&depth=7&seed=5');
});

test('where the clipboard is blocked, the link is shown selected for manual copying', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('blocked')) } });
  });
  await page.goto('/?depth=7');
  await page.getByRole('button', { name: 'Copy link' }).click();
  const field = page.getByRole('textbox', { name: 'Link to this view' });
  await expect(field).toBeFocused();
  expect(new URL(await field.inputValue()).search).toBe('?v=1&depth=7');
  expect(await field.evaluate((el: HTMLInputElement) => el.selectionEnd! - el.selectionStart!)).toBe(
    (await field.inputValue()).length,
  );
});

test('downloads and table equal the command line for the same settings', async ({ page }) => {
  // The app also runs the backward pass and measures correlations, so its downloads carry the
  // fields of the CLI's --backward and --correlations.
  const args = [
    '--init',
    'he_normal',
    '--activation',
    'relu',
    '--depth',
    '10',
    '--width',
    '64',
    '--batch',
    '32',
    '--seed',
    '3',
    '--backward',
    '--correlations',
  ];
  const cli = cliJson(args) as { config: unknown; layers: Record<string, Record<string, number | null>>[] };

  await page.goto('/?depth=10&width=64&batch=32&seed=3');
  await waitForRun(page);

  const [csvDownload] = await Promise.all([page.waitForEvent('download'), downloadCsv(page).click()]);
  expect(csvDownload.suggestedFilename()).toBe('initscope-he_normal-relu-d10-w64-s3.csv');
  const csv = readFileSync(await csvDownload.path(), 'utf8')
    .trim()
    .split('\n');
  const header = csv[0]!.split(',');
  for (const column of [
    'layer',
    'fanIn',
    'status',
    'preactivation.secondMoment',
    'theory.preactivationSecondMoment',
    'activation.fractionZero',
  ]) {
    expect(header).toContain(column);
  }
  expect(csv).toHaveLength(1 + 10);

  const [jsonDownload] = await Promise.all([page.waitForEvent('download'), downloadJson(page).click()]);
  expect(jsonDownload.suggestedFilename()).toBe('initscope-he_normal-relu-d10-w64-s3.json');
  const json = JSON.parse(readFileSync(await jsonDownload.path(), 'utf8')) as typeof cli;
  expect(json.layers).toHaveLength(10);
  expect(json.layers[0]).toHaveProperty(['preactivation', 'secondMoment']);
  expect(json.layers[0]).toHaveProperty(['theory', 'preactivationSecondMoment']);
  expectSameNumbers(json, cli);

  // The table shows the same numbers, rounded for reading.
  const rows = page.locator('.layer-table tbody tr:not(.spacer)');
  await expect(rows).toHaveCount(10);
  for (const i of [0, 9]) {
    const layer = cli.layers[i]!;
    const cells = rows.nth(i).locator('td');
    await expect(rows.nth(i).locator('th')).toHaveText(String(i + 1));
    await expect(cells.nth(3)).toHaveText(formatNumber(layer.preactivation!.secondMoment));
    await expect(cells.nth(4)).toHaveText(formatNumber(layer.theory!.preactivationSecondMoment));
  }
});

test('the main view at 1280×800 and at 375 px wide', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/?v=1&init=glorot_uniform');
  await waitForRun(page);
  await page.screenshot({ path: testInfo.outputPath('main-1280x800.png') });
  // On a laptop screen the controls and the chart sit side by side, both starting above the fold.
  const controls = (await page.getByRole('textbox', { name: 'Depth', exact: true }).boundingBox())!;
  const chart = (await page.getByTestId('signal-chart').boundingBox())!;
  expect(controls.x + controls.width).toBeLessThanOrEqual(chart.x);
  expect(chart.y).toBeLessThan(800);
  expect(controls.y).toBeLessThan(800);

  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto('/?v=1&init=glorot_uniform');
  await waitForRun(page);
  await page.screenshot({ path: testInfo.outputPath('main-375.png'), fullPage: true });
  // Nothing may push the page sideways on a phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
});
