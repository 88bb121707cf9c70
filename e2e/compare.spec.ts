// Compare mode as a lecturer uses it: pin He normal, switch to Glorot uniform and see both curves
// with a legend naming each; the link keeps the pins across a reload; pins are removed with the
// keyboard; a fifth pin is refused with the reason on screen; the export carries the pins too.

import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { waitForDone } from './support/app';

const chart = (page: Page) => page.getByTestId('signal-chart');
const pinButton = (page: Page) => page.getByRole('button', { name: 'Pin this configuration' });
const pinList = (page: Page) => page.getByRole('list', { name: 'Pinned configurations' }).getByRole('listitem');
const legend = (page: Page) => chart(page).locator('.chart-legend');

/** Every pin's run has ended (done or refused), so its curve is drawn. */
async function pinsFinished(page: Page, count: number): Promise<void> {
  await expect(pinList(page)).toHaveCount(count);
  await expect(page.locator('.compare-pin[data-phase="done"], .compare-pin[data-phase="error"]')).toHaveCount(count, {
    timeout: 45_000,
  });
}

/** Top and bottom (in px) of a pin's measured line, and the y of the live curve's last point. */
async function curves(page: Page, pin: number): Promise<{ pinTop: number; pinBottom: number; liveLast: number }> {
  return chart(page).evaluate((figure, n) => {
    const line = figure.querySelector<SVGPathElement>(`.pin-series[data-pin="${n}"] .pin-line`);
    const points = [...figure.querySelectorAll<SVGCircleElement>('svg.signal-svg circle.signal-point')];
    if (!line || points.length === 0) throw new Error('curves not drawn');
    const box = line.getBBox();
    return { pinTop: box.y, pinBottom: box.y + box.height, liveLast: Number(points.at(-1)!.getAttribute('cy')) };
  }, pin);
}

test.use({ viewport: { width: 1280, height: 900 } });

test('pin He normal, switch to Glorot uniform: two curves, both named; the link keeps them', async ({ page }) => {
  await page.goto('/?v=1&depth=30');
  await waitForDone(page);
  await expect(page.getByTestId('pin-reason')).toHaveText(
    'Pin up to 4 configurations to draw them next to the current one.',
  );
  await pinButton(page).click();
  await expect(pinList(page)).toHaveText([/pin 1: He normal · ReLU · w256/]);
  // The live configuration is pinned now: pinning it again is refused, and says why.
  await expect(pinButton(page)).toBeDisabled();
  await expect(page.getByTestId('pin-reason')).toHaveText('This configuration is already pinned.');
  await expect(page).toHaveURL(/[?&]pin=init:he_normal$/);

  await page.getByLabel('Initializer', { exact: true }).selectOption('glorot_uniform');
  await waitForDone(page);
  await pinsFinished(page, 1);
  await expect(pinButton(page)).toBeEnabled();
  await expect(legend(page)).toContainText('current: Glorot uniform · ReLU · w256, measured');
  await expect(legend(page)).toContainText('pin 1: He normal · ReLU · w256');
  await expect(pinList(page).first()).toContainText(/stable: ×(0\.9\d|1\.\d\d) per layer/);
  // Two series: the live points and the pinned line. He stays level while Xavier halves per layer,
  // so at layer 30 the live curve is far below every part of the pinned one.
  await expect(chart(page).locator('svg.signal-svg circle.signal-point')).toHaveCount(30);
  await expect(chart(page).locator('.pin-series[data-pin="1"] .pin-line')).toHaveCount(1);
  await expect(chart(page).locator('.pin-series[data-pin="1"] .pin-theory')).toHaveCount(1);
  const { pinBottom, liveLast } = await curves(page, 1);
  expect(liveLast - pinBottom).toBeGreaterThan(100);
  await expect(page).toHaveURL(/\?v=1&init=glorot_uniform&pin=init:he_normal$/);

  // The link is the whole picture: a reload draws the same pin next to the same live curve.
  await page.reload();
  await waitForDone(page);
  await pinsFinished(page, 1);
  await expect(page.getByLabel('Initializer', { exact: true })).toHaveValue('glorot_uniform');
  await expect(pinList(page)).toHaveText([/pin 1: He normal · ReLU · w256/]);
  await expect(legend(page)).toContainText('pin 1: He normal · ReLU · w256');
  await expect(chart(page).locator('.pin-series[data-pin="1"] .pin-line')).toHaveCount(1);
  await expect(page.getByRole('status').getByRole('listitem')).toHaveCount(0);
});

test('four pins at most: the fifth is refused with the reason, and Unpin works from the keyboard', async ({ page }) => {
  await page.goto('/?v=1&depth=10&width=64');
  await waitForDone(page);
  const initializer = page.getByLabel('Initializer', { exact: true });
  for (const id of ['he_normal', 'glorot_uniform', 'lecun_normal', 'orthogonal']) {
    await initializer.selectOption(id);
    await waitForDone(page);
    await pinButton(page).click();
  }
  await pinsFinished(page, 4);
  await expect(pinList(page)).toHaveText([
    /^pin 1: He normal/,
    /^pin 2: Glorot uniform/,
    /^pin 3: LeCun normal/,
    /^pin 4: Random orthogonal/,
  ]);
  // Four curves, each with its own dash pattern and marker shape.
  const styles = await chart(page).evaluate((figure) =>
    [...figure.querySelectorAll('.pin-series')].map((g) => {
      const line = g.querySelector('.pin-line')!;
      return `${getComputedStyle(line).strokeDasharray} ${getComputedStyle(line).stroke} ${g.querySelector('.pin-marks')!.getAttribute('class')}`;
    }),
  );
  expect(new Set(styles).size).toBe(4);

  await initializer.selectOption('truncated_normal');
  await waitForDone(page);
  await expect(pinButton(page)).toBeDisabled();
  await expect(page.getByTestId('pin-reason')).toHaveText('At most 4 configurations can be pinned: unpin one first.');
  await expect(pinList(page)).toHaveCount(4);

  // Unpin with the keyboard: the button is reachable and Enter removes that pin only.
  const unpinFirst = page.getByRole('button', { name: 'Unpin pin 1: He normal · ReLU · w64' });
  await unpinFirst.focus();
  await page.keyboard.press('Enter');
  await expect(pinList(page)).toHaveText([
    /^pin 1: Glorot uniform/,
    /^pin 2: LeCun normal/,
    /^pin 3: Random orthogonal/,
  ]);
  await expect(page).not.toHaveURL(/pin=init:he_normal/);
  await expect(pinButton(page)).toBeEnabled();
  await pinButton(page).click();
  await expect(pinList(page)).toHaveCount(4);
  await expect(pinList(page).last()).toContainText('pin 4: Plain truncated normal');
});

test('a link with more than four pins keeps four and says so', async ({ page }) => {
  const pins = ['he_normal', 'glorot_uniform', 'lecun_normal', 'orthogonal', 'zeros']
    .map((id) => `pin=init:${id}`)
    .join('&');
  await page.goto(`/?v=1&depth=5&width=32&${pins}`);
  await waitForDone(page);
  await expect(page.getByRole('status').getByRole('listitem').filter({ hasText: 'only 4 pins are kept' })).toHaveCount(
    1,
  );
  await pinsFinished(page, 4);
  await expect(page).toHaveURL(/pin=init:orthogonal$/);
});

test('the Xavier vs He preset opens both in one picture, and the SVG export names both', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: /^Xavier vs He on ReLU at depth 30/ }).click();
  await waitForDone(page);
  await pinsFinished(page, 1);
  await expect(page).toHaveURL(/\?v=1&init=glorot_uniform&pin=init:he_normal$/);
  await expect(page.getByRole('complementary', { name: /Xavier vs He on ReLU/ })).toBeVisible();

  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download SVG' }).click(),
  ]);
  const svg = readFileSync(await file.path(), 'utf8');
  const parsed = await page.evaluate((text) => {
    const root = new DOMParser().parseFromString(text, 'image/svg+xml').documentElement;
    return {
      texts: [...root.querySelectorAll('text')].map((t) => t.textContent ?? ''),
      pinLines: root.querySelectorAll('.pin-line').length,
    };
  }, svg);
  expect(parsed.texts).toEqual(
    expect.arrayContaining(['current: Glorot uniform · ReLU · w256, measured', 'pin 1: He normal · ReLU · w256']),
  );
  // The pinned line and the legend's swatch, with their styles written in.
  expect(parsed.pinLines).toBe(2);
  expect(svg).not.toContain('var(--');
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`four pins, one overflowing, pass axe's WCAG rules in the ${colorScheme} theme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    const pins = ['init:he_normal', 'init:lecun_normal', 'init:random_normal~depth:40', 'init:orthogonal~act:tanh']
      .map((p) => `pin=${p}`)
      .join('&');
    await page.goto(`/?v=1&init=glorot_uniform&${pins}`);
    await waitForDone(page);
    await pinsFinished(page, 4);
    // The pinned overflow is marked and named like the live one's.
    await expect(chart(page).locator('.pin-edge[data-marker="overflow"]')).toContainText('pin 3');
    await expect(pinList(page).nth(2)).toContainText('overflow to Inf at layer');
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    const report = results.violations.map(
      (v) => `${v.id}: ${v.help}\n${v.nodes.map((n) => `  ${n.target.join(' ')}`).join('\n')}`,
    );
    expect(report, report.join('\n\n')).toEqual([]);
    expect(results.passes.length).toBeGreaterThan(10);
  });
}
