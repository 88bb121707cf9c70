// The page from a phone to a 4K lecture-hall screen: no sideways scrolling of the page at 320 and
// 375 px (the layer table and long code lines scroll inside their own boxes) and no chart text cut
// off, and on a 3840×2160 screen the page grows with the screen instead of staying a laptop-sized
// column. Screenshots land in the test output for a human look.

import { expect, test, type Page } from '@playwright/test';
import { openDone } from './support/app';

interface Fit {
  /** The layout viewport: a phone browser widens it when the page is too wide, so it must stay the screen's. */
  innerWidth: number;
  scrollWidth: number;
  /** Chart text (SVG) reaching past either edge of the screen. */
  cutText: string[];
}

function fit(page: Page): Promise<Fit> {
  return page.evaluate(() => ({
    innerWidth,
    scrollWidth: document.scrollingElement!.scrollWidth,
    cutText: [...document.querySelectorAll('figure svg text')]
      .filter((t) => {
        const box = t.getBoundingClientRect();
        return box.width > 0 && (box.left < -0.5 || box.right > innerWidth + 0.5);
      })
      .map((t) => t.textContent ?? ''),
  }));
}

const PHONE_VIEWS = [
  ['the default view', ''],
  ['a 300-layer network with its long layer table', '?v=1&init=random_normal&std=1&depth=300'],
  ['the heatmap and a long framework call', '?v=1&hist=heatmap&init=torch_kaiming_uniform'],
] as const;

for (const width of [320, 375]) {
  test.describe(`${width} px phone`, () => {
    test.use({ viewport: { width, height: 740 }, isMobile: true, hasTouch: true });

    for (const [name, query] of PHONE_VIEWS) {
      test(`${name}: no sideways scrolling, no chart text cut off`, async ({ page }) => {
        await openDone(page, query);
        // The formula card and table are laid out near the viewport only: bring them in.
        await page.locator('.table-card').scrollIntoViewIfNeeded();
        await expect.poll(() => fit(page)).toEqual({ innerWidth: width, scrollWidth: width, cutText: [] });
        if (query.includes('depth=300')) {
          // The table is wider than the phone and scrolls inside its own box.
          const table = page.getByRole('region', { name: /Layer table/ });
          expect(await table.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
        }
        if (width === 375) await page.screenshot({ path: test.info().outputPath('page.png'), fullPage: true });
      });
    }
  });
}

test.describe('laptop, 1280 px', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('the page fills the width at the normal type size', async ({ page }) => {
    await openDone(page, '');
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('16px');
    const chart = await page.getByTestId('signal-chart').boundingBox();
    expect(chart!.width).toBeGreaterThan(800);
    expect(await fit(page)).toEqual({ innerWidth: 1280, scrollWidth: 1280, cutText: [] });
    await page.screenshot({ path: test.info().outputPath('page.png') });
  });
});

test.describe('4K screen at 100 %, 3840×2160', () => {
  test.use({ viewport: { width: 3840, height: 2160 } });

  test('the page and its chart grow with the screen, type included', async ({ page }) => {
    await openDone(page, '?v=1&init=random_normal&std=1&depth=300');
    // Everything is sized in rem, and the root font grows by three quarters on a screen this wide.
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('28px');
    const app = await page.locator('.app').boundingBox();
    expect(app!.width).toBeGreaterThan(0.7 * 3840);
    const plot = await page.getByTestId('signal-chart').locator('svg').first().boundingBox();
    expect(plot!.width).toBeGreaterThan(1800);
    expect(plot!.height).toBeGreaterThan(700);
    const tickSize = await page
      .locator('.signal-chart .chart-tick-label')
      .first()
      .evaluate((t) => parseFloat(getComputedStyle(t).fontSize));
    expect(tickSize).toBeGreaterThanOrEqual(22);
    expect(await fit(page)).toEqual({ innerWidth: 3840, scrollWidth: 3840, cutText: [] });
    await page.screenshot({ path: test.info().outputPath('page.png') });
  });
});
