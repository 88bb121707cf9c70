// Embed mode as a lecturer uses it: the chart alone in frames from 320×180 to 4K (no scroll bars,
// the legend readable, axe clean), the kept controls, another panel, a mistyped key still said;
// and the three recipes of docs/embedding.md — a reveal.js deck with a data-src iframe, a course
// page with the snippet "Copy embed code" gives, a Jupyter IFrame — each served from another
// origin and showing a finished chart.

import { execFileSync } from 'node:child_process';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { DEFAULTS } from '../src/core/limits';
import { watchCsp } from './support/cspGuard';
import { serveHostPages, type HostSite } from './support/hostPages';
import { waitForDone } from './support/app';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function openEmbed(page: Page, query: string): Promise<void> {
  await page.goto(`/${query}`);
  await expect(page.getByTestId('embed')).toBeVisible();
}

/** Everything fits the frame: the page neither scrolls nor clips what it shows. */
async function expectFitsFrame(page: Page): Promise<void> {
  const box = await page.evaluate(() => {
    const root = document.documentElement;
    return { sw: root.scrollWidth, sh: root.scrollHeight, w: innerWidth, h: innerHeight };
  });
  expect(box.sw).toBeLessThanOrEqual(box.w);
  expect(box.sh).toBeLessThanOrEqual(box.h);
  for (const what of [
    page.locator('.verdict'),
    page.locator('.chart-legend'),
    page.locator('svg.signal-svg'),
    page.getByRole('link', { name: /Open in Initscope/ }),
  ]) {
    const b = (await what.boundingBox())!;
    expect(b.x).toBeGreaterThanOrEqual(0);
    expect(b.y).toBeGreaterThanOrEqual(0);
    expect(b.x + b.width).toBeLessThanOrEqual(box.w + 0.5);
    expect(b.y + b.height).toBeLessThanOrEqual(box.h + 0.5);
  }
}

async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const report = results.violations.map(
    (v) => `${v.id}: ${v.help}\n${v.nodes.map((n) => `  ${n.target.join(' ')}`).join('\n')}`,
  );
  expect(report, report.join('\n\n')).toEqual([]);
  expect(results.passes.length).toBeGreaterThan(5);
}

for (const [width, height] of [
  [320, 180],
  [640, 360],
  [1280, 720],
  [3840, 2160],
] as const) {
  test(`embed=1 in a ${width}×${height} frame: the chart, its verdict and legend, no scroll bars`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    const csp = await watchCsp(page);
    await openEmbed(page, '?embed=1');
    await waitForDone(page, { points: DEFAULTS.depth });
    // Only the panel: none of the full app's settings, presets or panels below the chart.
    await expect(page.getByRole('navigation', { name: 'Presets' })).toHaveCount(0);
    await expect(page.getByRole('complementary', { name: 'Settings' })).toHaveCount(0);
    await expect(page.getByTestId('distributions-chart')).toHaveCount(0);
    await expect(page.locator('.verdict')).toHaveAttribute('data-verdict', 'stable');
    await expect(page.locator('.chart-legend li').first()).toBeVisible();
    await expectFitsFrame(page);
    // Readable: no legend or tick text under 11 px, and the plot keeps a real height.
    const legendPx = await page.locator('.chart-legend').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(legendPx).toBeGreaterThanOrEqual(11);
    const tickPx = await page
      .locator('.chart-tick-label')
      .first()
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(tickPx).toBeGreaterThanOrEqual(11);
    const plot = (await page.locator('svg.signal-svg').boundingBox())!;
    expect(plot.height).toBeGreaterThanOrEqual(Math.min(0.4 * height, 600));
    // The way out: the same view in the full app, in a new tab.
    const open = page.getByRole('link', { name: /Open in Initscope/ });
    await expect(open).toHaveAttribute('target', '_blank');
    const href = new URL((await open.getAttribute('href'))!);
    expect(href.searchParams.get('embed')).toBeNull();
    await expectNoAxeViolations(page);
    expect(await csp()).toEqual([]);
  });
}

test('controls= keeps the named controls, in order, and they drive the chart', async ({ page }) => {
  await page.setViewportSize({ width: 800, height: 450 });
  await openEmbed(page, '?embed=1&controls=depth,init');
  await waitForDone(page, { points: DEFAULTS.depth });
  const settings = page.getByRole('region', { name: 'Settings' });
  await expect(settings.getByLabel('Initializer', { exact: true })).toBeVisible();
  await expect(settings.getByRole('textbox', { name: 'Depth', exact: true })).toBeVisible();
  await expect(settings.getByLabel('Activation', { exact: true })).toHaveCount(0);
  await expect(settings.getByRole('textbox', { name: 'Width', exact: true })).toHaveCount(0);
  // Depth first, as listed.
  const order = await settings
    .locator('.embed-control')
    .evaluateAll((els: Element[]) => els.map((e) => e.className.replace(/.*embed-control-/, '')));
  expect(order).toEqual(['depth', 'init']);
  const depth = settings.getByRole('textbox', { name: 'Depth', exact: true });
  await depth.fill('12');
  await depth.press('Enter');
  await waitForDone(page, { points: 12 });
  await expect(page).toHaveURL(/[?&]depth=12(&|$)/);
  await expect(page).toHaveURL(/[?&]embed=1(&|$)/);
  // The arrows are the slides' keys in a deck: an embed takes no shortcuts.
  await page.locator('body').click({ position: { x: 5, y: 440 } });
  await page.keyboard.press('ArrowRight');
  await page.waitForTimeout(300);
  await expect(page).toHaveURL(/[?&]depth=12(&|$)/);
  await expectFitsFrame(page);
});

test('panel=phase shows the phase diagram instead; a mistyped key is still said', async ({ page }) => {
  await page.setViewportSize({ width: 960, height: 540 });
  await openEmbed(page, '?embed=1&panel=phase&controls=act,nope');
  await expect(page.getByTestId('theory-section')).toBeVisible();
  await expect(page.getByTestId('signal-chart')).toHaveCount(0);
  const notices = page.locator('.embed-notices');
  await expect(notices.getByText('1 notice')).toBeVisible();
  await notices.getByText('1 notice').click();
  await expect(notices).toContainText(
    'controls: "nope" is not one of init, act, depth, width, batch, seed, bias; ignored',
  );
});

test.describe('recipes, served from another origin', () => {
  let host: HostSite;
  test.beforeAll(async ({ baseURL }) => {
    host = await serveHostPages({ INITSCOPE: `${baseURL!}/` });
  });
  test.afterAll(async () => host.close());

  test('reveal.js: the deck loads the data-src iframe on its slide and shows a finished chart', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${host.url}reveal.html`);
    await expect(page.locator('.reveal .slides section').first()).toHaveClass(/present/);
    await page.keyboard.press('ArrowRight');
    await expect(page.locator('.reveal .slides section').nth(1)).toHaveClass(/present/);
    const iframe = page.locator('.reveal iframe');
    await expect(iframe).toHaveAttribute('src', /embed=1/);
    const frame = page.frameLocator('.reveal iframe');
    await waitForDone(frame, { points: DEFAULTS.depth });
    await expect(frame.getByLabel('Initializer', { exact: true })).toHaveValue('glorot_uniform');
    await expect(frame.locator('.verdict')).toHaveAttribute('data-verdict', 'vanishing');
    // The slide's keys still belong to the deck.
    await page.keyboard.press('ArrowRight');
    await expect(page.locator('.reveal .slides section').nth(2)).toHaveClass(/present/);
  });

  test('a course page with the snippet "Copy embed code" gave shows the same view', async ({
    page,
    context,
    baseURL,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL! });
    await page.goto('/?init=glorot_uniform&act=tanh&depth=20');
    await expect(page.getByTestId('signal-chart')).toHaveAttribute('data-phase', 'done', { timeout: 45_000 });
    await page.getByRole('button', { name: 'Copy embed code' }).click();
    await expect(page.getByRole('button', { name: 'Embed code copied' })).toBeVisible();
    const snippet = await page.evaluate(() => navigator.clipboard.readText());
    expect(snippet).toMatch(
      /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/\?v=1&amp;init=glorot_uniform&amp;act=tanh&amp;depth=20&amp;embed=1" width="640" height="360" title="Initscope: [^"]+" loading="lazy" style="border: 0"><\/iframe>$/,
    );

    host.vars.SNIPPET = snippet;
    await page.goto(`${host.url}course.html`);
    const frame = page.frameLocator('iframe');
    await waitForDone(frame, { points: 20 });
    await expect(frame.locator('.verdict')).toBeVisible();
    const box = (await page.locator('iframe').boundingBox())!;
    expect([Math.round(box.width), Math.round(box.height)]).toEqual([640, 360]);
  });

  test('Jupyter: the HTML IPython.display.IFrame writes shows a finished chart', async ({ page, baseURL }) => {
    const src = `${baseURL!}/?v=1&act=tanh&depth=15&embed=1`;
    // The recipe's own call, run by Python: what a notebook cell would render.
    const html = execFileSync(
      'python3',
      [
        '-c',
        'import sys\nfrom IPython.display import IFrame\nprint(IFrame(sys.argv[1], width=800, height=450)._repr_html_())',
        src,
      ],
      { encoding: 'utf8' },
    );
    expect(html).toContain('<iframe');
    host.vars.SNIPPET = html;
    await page.goto(`${host.url}course.html`);
    await waitForDone(page.frameLocator('iframe'), { points: 15 });
  });
});
