// The page printed as a handout: with print media every panel is drawn (also those that otherwise
// wait for the first run), controls are hidden, the panels stack in one column and the page's own
// link is printed at the top. page.pdf() exercises Chromium's real print path.

import { writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';

test.use({ viewport: { width: 1280, height: 900 } });

/** The charts a default page shows, each by its test id: the SVG it draws must hold marks. */
const CHARTS = ['signal-chart', 'phase-diagram', 'correlation-chart', 'distributions-chart'];

async function openPrinted(page: Page, query: string): Promise<void> {
  // Print media from the very first frame: the panels must not depend on the first run finishing.
  await page.emulateMedia({ media: 'print' });
  await page.goto(`/${query}`);
  await expect(page.getByTestId('signal-chart')).toHaveAttribute('data-phase', 'done', { timeout: 45_000 });
}

test('printed: every panel drawn, no controls, one column, the link on top', async ({ page }) => {
  await openPrinted(page, '?v=1&init=glorot_uniform&act=tanh&depth=20');

  for (const id of CHARTS) {
    const svg = page.getByTestId(id).locator('svg').first();
    await expect(svg, id).toBeVisible();
    // Non-empty: drawn marks (paths, lines, rects or circles) with a real size.
    await expect.poll(() => svg.locator('path, line, rect, circle').count(), { message: id }).toBeGreaterThan(3);
    const box = await svg.boundingBox();
    expect(box?.width ?? 0, id).toBeGreaterThan(100);
    expect(box?.height ?? 0, id).toBeGreaterThan(50);
  }

  // Controls: the settings, the header's tools and every button, select and text box are hidden.
  await expect(page.getByRole('complementary', { name: 'Settings' })).toBeHidden();
  await expect(page.locator('.header-tools')).toBeHidden();
  const visibleControls = await page
    .locator('button, select, input, textarea')
    .evaluateAll((els) => els.filter((el) => (el as HTMLElement).offsetParent !== null).length);
  expect(visibleControls).toBe(0);

  // The link at the top is the page's address, and it opens what is printed.
  const link = page.getByTestId('print-link');
  await expect(link).toBeVisible();
  await expect.poll(() => page.url()).toContain('act=tanh');
  await expect(link.locator('a')).toHaveText(page.url());
  const linkBox = await link.boundingBox();
  const headerBox = await page.locator('.app-header').boundingBox();
  expect(linkBox!.y).toBeLessThan(headerBox!.y);

  // One column: the panels share their left edge and follow one another down the page.
  const cards = page.locator('main .card:visible');
  const boxes = await cards.evaluateAll((els) =>
    els.map((el) => {
      const { x, y, height } = el.getBoundingClientRect();
      return { x, y, height };
    }),
  );
  expect(boxes.length).toBeGreaterThanOrEqual(5);
  boxes.forEach((b, i) => {
    const above = boxes[i - 1] ?? b;
    expect(Math.abs(b.x - above.x)).toBeLessThan(1);
    if (i > 0) expect(b.y).toBeGreaterThanOrEqual(above.y + above.height - 1);
  });

  // No dark surfaces on paper, even with the dark theme chosen.
  await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'dark'));
  const backgrounds = await page
    .locator('body, .app, main .card')
    .evaluateAll((els) => els.map((el) => getComputedStyle(el).backgroundColor));
  for (const bg of backgrounds) {
    const [r = 0, g = 0, b = 0] = (bg.match(/\d+(\.\d+)?/g) ?? []).map(Number);
    // Transparent (rgba(0, 0, 0, 0)) or light.
    if (bg.startsWith('rgba') && bg.endsWith(', 0)')) continue;
    expect(0.2126 * r + 0.7152 * g + 0.0722 * b, bg).toBeGreaterThan(230);
  }
  await page.screenshot({ path: test.info().outputPath('print-view.png'), fullPage: true });
});

test('print media mounts the panels below the chart without waiting for the first run', async ({ page }) => {
  // A paused clock holds the first run (it starts and reports on animation frames) and the panels'
  // fallback timer, so on screen the panels below the chart do not mount; printing must mount them.
  await page.clock.install({ time: new Date('2026-01-01T00:00:00Z') });
  await page.clock.pauseAt(new Date('2026-01-01T00:00:01Z'));
  await page.goto('/?v=1&act=tanh&depth=200');
  await expect(page.locator('.below-fold-pending')).toBeAttached();
  await page.emulateMedia({ media: 'print' });
  // React reveals a resolved Suspense boundary after a short timer of its own (< 0.5 s), well
  // under the 3 s fallback of afterFirstRun.ts.
  await page.clock.runFor(400);
  await expect(page.getByTestId('distributions-chart')).toBeAttached();
  await expect(page.getByTestId('correlation-chart')).toBeAttached();
  await expect(page.getByTestId('theory-section')).toBeAttached();
  await expect(page.locator('.below-fold-pending')).toHaveCount(0);
  // … while the first run is still under way.
  await expect(page.getByTestId('signal-chart')).not.toHaveAttribute('data-phase', 'done');
});

test('page.pdf() prints the handout', async ({ page }) => {
  await openPrinted(page, '?v=1&init=he_normal&act=relu&depth=30');
  await expect(page.getByTestId('distributions-chart').locator('svg').first()).toBeVisible();
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  const text = pdf.toString('latin1');
  expect(text.startsWith('%PDF-')).toBe(true);
  // More than one page: the panels below the signal chart are in it.
  const pages = text.match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
  expect(pages).toBeGreaterThan(1);
  // Kept beside the test's other output, for a person to look at (e.g. pdftoppm -png handout.pdf).
  writeFileSync(test.info().outputPath('handout.pdf'), pdf);
});
