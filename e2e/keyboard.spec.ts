// A keyboard-only walk: from a fresh page, with nothing but Tab, arrows, typing and Enter, pick an
// initializer, change the depth with the slider and the number box, and download the CSV. Every
// control that takes focus on the way must show a visible focus ring.

import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { DEFAULTS } from '../src/core/limits';
import { watchCsp } from './support/cspGuard';

test.use({ viewport: { width: 1280, height: 900 } });

interface Focused {
  /** What the focus landed on, for failure messages: tag, id or accessible text. */
  name: string;
  /** The browser shows keyboard focus here (:focus-visible matches). */
  visible: boolean;
  /** Width in px of the focus outline the person sees; 0 when there is none or it is transparent. */
  outline: number;
}

/** Describes document.activeElement and its focus ring (on the element, or on the span a hidden radio styles). */
function focused(page: Page): Promise<Focused | null> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!(el instanceof HTMLElement) || el === document.body) return null;
    // A segmented control hides its radio input and draws the ring on the label text after it.
    const ringOn = el.matches('.segmented-option input') && el.nextElementSibling ? el.nextElementSibling : el;
    const style = getComputedStyle(ringOn);
    const drawn = style.outlineStyle !== 'none' && !/rgba\(.*,\s*0\)|transparent/.test(style.outlineColor);
    const outline = drawn ? parseFloat(style.outlineWidth) : 0;
    const ownLabel = el instanceof HTMLInputElement ? el.labels?.[0]?.textContent : el.textContent;
    const label = el.getAttribute('aria-label') ?? ownLabel?.trim().slice(0, 40) ?? '';
    return {
      name: `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} ${label}`.trim(),
      visible: el.matches(':focus-visible'),
      outline,
    };
  });
}

/** Presses Tab until `matches` holds for the focused element, checking the ring of every stop. */
async function tabTo(page: Page, matches: (f: Focused) => boolean, trail: string[], maxPresses = 80): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (f === null) continue;
    trail.push(f.name);
    // Every ring in the app is an outline; a box-shadow would not count (some cards always have one).
    expect(f.visible && f.outline >= 2, `visible focus ring on ${f.name}`).toBe(true);
    if (matches(f)) return;
  }
  throw new Error(`not reached by Tab; focus went through:\n${trail.join('\n')}`);
}

test('choose an initializer, change the depth and download the CSV with the keyboard alone', async ({ page }) => {
  const cspViolations = await watchCsp(page);
  await page.goto('/');
  const chart = page.getByTestId('signal-chart');
  await expect(chart).toHaveAttribute('data-phase', 'done', { timeout: 45_000 });
  const trail: string[] = [];

  // The initializer: a native select changes its value with the arrow keys while closed.
  const select = page.getByLabel('Initializer', { exact: true });
  const before = await select.inputValue();
  const options = await select.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  await tabTo(page, (f) => f.name.startsWith('select#initializer'), trail);
  await page.keyboard.press('ArrowDown');
  const chosen = options[options.indexOf(before) + 1]!;
  await expect(select).toHaveValue(chosen);
  await expect(page).toHaveURL(new RegExp(`[?&]init=${chosen}(&|$)`));

  // The depth slider steps the depth by one per arrow press.
  const depthBox = page.getByRole('textbox', { name: 'Depth', exact: true });
  const depth = Number(await depthBox.inputValue());
  await tabTo(page, (f) => f.name.includes('Depth slider'), trail);
  await page.keyboard.press('ArrowUp');
  await expect(depthBox).toHaveValue(String(depth + 1));

  // The number box next to it takes an exact depth: select what is there, type, Enter.
  await tabTo(page, (f) => f.name.startsWith('input#depth'), trail);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('12');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/[?&]depth=12(&|$)/);
  await expect(page.locator('.status-line')).toContainText('12 layers');
  await expect(chart).toHaveAttribute('data-phase', 'done', { timeout: 45_000 });
  await expect(page.getByRole('button', { name: 'Download CSV' })).toBeEnabled();

  // Onwards through the page to the download; Enter on the button saves the file.
  await tabTo(page, (f) => f.name.startsWith('button') && f.name.includes('Download CSV'), trail);
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`^initscope-${chosen}-.*-d12-.*\\.csv$`));
  const csv = readFileSync(await download.path(), 'utf8');
  // A header line and one row per layer.
  expect(csv.trim().split('\n')).toHaveLength(13);

  // Shift+Tab walks back: the JSON button is after CSV, so one step back from it lands on CSV.
  await page.keyboard.press('Tab');
  expect((await focused(page))?.name).toContain('Download JSON');
  await page.keyboard.press('Shift+Tab');
  expect((await focused(page))?.name).toContain('Download CSV');

  // The walk went through the chart's layer inspector; further on, the scrolling table takes focus too.
  expect(trail.some((n) => n.includes('Inspect a layer'))).toBe(true);
  await tabTo(page, (f) => f.name.includes('Layer table'), trail);
  expect(await cspViolations()).toEqual([]);
});

test('on a phone, a framework call and the layer table wider than the screen are reached by Tab and scrolled with the arrows', async ({
  page,
}) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto('/?v=1&init=variance_scaling');
  await expect(page.getByTestId('signal-chart')).toHaveAttribute('data-phase', 'done', { timeout: 45_000 });
  const trail: string[] = [];
  await tabTo(page, (f) => f.name.startsWith('pre'), trail, 120);
  const code = page.locator('.snippet pre');
  await expect(code).toBeFocused();
  expect(await code.evaluate((el) => el.scrollLeft)).toBe(0);
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => code.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);

  // The wide layer table scrolls the same way; → scrolls it instead of adding a layer (its shortcut).
  await tabTo(page, (f) => f.name.includes('Layer table'), trail, 40);
  const table = page.getByRole('region', { name: /Layer table/ });
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => table.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
  await expect(page.getByRole('textbox', { name: 'Depth', exact: true })).toHaveValue(String(DEFAULTS.depth));
});

test('the focus ring is drawn in the theme colour, 3 px, on buttons, selects, sliders and radios', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('signal-chart')).toHaveAttribute('data-phase', 'done', { timeout: 45_000 });
  const trail: string[] = [];
  const rings: string[] = [];
  const record = async () =>
    rings.push(
      await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const ringOn = el.matches('.segmented-option input') && el.nextElementSibling ? el.nextElementSibling : el;
        const s = getComputedStyle(ringOn);
        return `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`;
      }),
    );
  for (const target of ['Copy link', 'select#initializer', 'Depth slider', 'Ridgeline']) {
    await tabTo(page, (f) => f.name.includes(target) || f.name.startsWith(target), trail);
    await record();
  }
  // Light theme: --focus is Okabe–Ito blue, #0072b2.
  for (const ring of rings) expect(ring).toBe('solid 3px rgb(0, 114, 178)');
});
