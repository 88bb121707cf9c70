// Every main view passes axe's WCAG 2.1 A and AA rules with zero violations: in light and dark
// themes, on a laptop and a phone, with notices, a preset lesson, the heatmap, an open help text
// and the chart's keyboard tooltip. A finished run is checked, so the charts are fully drawn.

import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { watchCsp } from './support/cspGuard';
import { openDone } from './support/app';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function openFinished(page: Page, query: string): Promise<() => Promise<unknown[]>> {
  const cspViolations = await watchCsp(page);
  await openDone(page, query);
  // Presentation mode has no downloads; elsewhere they unlock when the run is complete.
  if (!query.includes('present=1')) await expect(page.getByRole('button', { name: 'Download CSV' })).toBeEnabled();
  return cspViolations;
}

/** Runs axe on the whole page; the failure message names each rule, its nodes and what to fix. */
async function expectNoViolations(page: Page, cspViolations: () => Promise<unknown[]>): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const report = results.violations.map(
    (v) =>
      `${v.id} (${v.impact ?? '?'}): ${v.help}\n${v.nodes.map((n) => `  ${n.target.join(' ')}\n    ${n.failureSummary ?? ''}`).join('\n')}`,
  );
  expect(report, report.join('\n\n')).toEqual([]);
  // axe really looked: a page it could not read would pass vacuously.
  expect(results.passes.length).toBeGreaterThan(10);
  expect(await cspViolations()).toEqual([]);
}

test.describe('light theme, laptop', () => {
  test.use({ viewport: { width: 1280, height: 900 }, colorScheme: 'light' });

  test('default view', async ({ page }) => {
    const csp = await openFinished(page, '');
    // Formulas fit the card here, so they add no tab stops.
    await expect(page.locator('.tex-display').first()).toBeVisible();
    await expect(page.locator('.tex-display[tabindex]')).toHaveCount(0);
    await expectNoViolations(page, csp);
  });

  test('a preset with its lesson and the activation curve', async ({ page }) => {
    const csp = await openFinished(page, '?v=1&init=glorot_uniform&act=tanh&depth=50&acts=1');
    await expect(page.getByRole('heading', { name: /Preset Xavier \+ tanh/ })).toBeVisible();
    await expectNoViolations(page, csp);
  });

  test('heatmap distributions with a fixed range', async ({ page }) => {
    const csp = await openFinished(page, '?v=1&hist=heatmap&range=fixed');
    await expect(page.getByTestId('distributions-chart')).toHaveAttribute('data-mode', 'heatmap');
    await expectNoViolations(page, csp);
  });

  test('a broken link with notices, an overflowing network and a long layer table', async ({ page }) => {
    const csp = await openFinished(page, '?depth=300&init=random_normal&std=1&foo=1&act=nope');
    await expect(page.getByRole('status').getByRole('listitem')).toHaveCount(2);
    await expectNoViolations(page, csp);
  });

  test('open help text and the chart tooltip from the keyboard', async ({ page }) => {
    const csp = await openFinished(page, '');
    await page.getByRole('button', { name: 'What Initializer does' }).click();
    await page.getByRole('group', { name: /Inspect a layer/ }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.locator('.chart-tooltip')).toBeVisible();
    await expectNoViolations(page, csp);
  });
});

test.describe('lecture tools', () => {
  test.use({ viewport: { width: 1280, height: 800 }, colorScheme: 'light' });

  test('presentation mode with a preset lesson', async ({ page }) => {
    const csp = await openFinished(page, '?v=1&init=glorot_uniform&present=1');
    await expect(page.getByRole('button', { name: 'Exit presentation' })).toBeVisible();
    await expectNoViolations(page, csp);
  });

  test('presentation mode in the dark theme at 1920×1080', async ({ page }) => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.emulateMedia({ colorScheme: 'dark' });
    const csp = await openFinished(page, '?v=1&init=glorot_uniform&act=tanh&depth=50&acts=1&present=1');
    await expectNoViolations(page, csp);
  });

  test('the projector theme', async ({ page }) => {
    const csp = await openFinished(page, '?v=1&init=glorot_uniform&act=tanh&depth=50&acts=1');
    await page.getByLabel('Theme', { exact: true }).selectOption('projector');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'projector');
    await expectNoViolations(page, csp);
  });

  test('compare mode: two pinned configurations drawn with the current one', async ({ page }) => {
    const csp = await openFinished(page, '?v=1&init=glorot_uniform&pin=init:he_normal&pin=init:lecun_normal');
    await expect(page.getByTestId('signal-chart').locator('.pin-series .pin-line')).toHaveCount(2, { timeout: 45_000 });
    await expectNoViolations(page, csp);
  });

  test('the list of shortcuts', async ({ page }) => {
    const csp = await openFinished(page, '');
    await page.keyboard.press('?');
    await expect(page.getByRole('dialog')).toBeVisible();
    await expectNoViolations(page, csp);
  });

  test('the guided tour, first and second step', async ({ page }) => {
    // Two full axe scans of the whole page: about a minute on a busy machine.
    test.slow();
    const csp = await openFinished(page, '');
    await page.getByRole('button', { name: 'Help' }).click();
    const tour = page.getByRole('dialog');
    await expect(tour).toBeVisible();
    await expectNoViolations(page, csp);
    await tour.getByRole('button', { name: /Next/ }).click();
    await expectNoViolations(page, csp);
  });
});

test.describe('dark theme', () => {
  test.use({ viewport: { width: 1280, height: 900 }, colorScheme: 'dark' });

  test('default view', async ({ page }) => {
    const csp = await openFinished(page, '?v=1&init=glorot_uniform&act=tanh&depth=50&acts=1');
    await expectNoViolations(page, csp);
  });

  test('heatmap and notices', async ({ page }) => {
    const csp = await openFinished(page, '?v=1&hist=heatmap&foo=1&init=random_normal&std=1&depth=200');
    await expectNoViolations(page, csp);
  });
});

test.describe('phone, 375 px', () => {
  test.use({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });

  test('default view', async ({ page }) => {
    const csp = await openFinished(page, '');
    await expectNoViolations(page, csp);
  });

  test('an initializer whose framework call is wider than the phone', async ({ page }) => {
    const csp = await openFinished(page, '?v=1&init=variance_scaling');
    // The formula card is laid out only near the viewport (content-visibility), as a reader gets to it.
    await page.locator('.formula-card').scrollIntoViewIfNeeded();
    // The code scrolls sideways, so it takes keyboard focus; short calls (He normal) do not.
    await expect(page.locator('.snippet pre[tabindex="0"]')).toBeVisible();
    await expectNoViolations(page, csp);
  });

  test('with the text twice as large, wide formulas scroll and take keyboard focus', async ({ page }) => {
    const csp = await openFinished(page, '');
    await expect(page.locator('.tex-display[tabindex], .snippet pre[tabindex]')).toHaveCount(0);
    // What a reader who enlarges the text gets (WCAG 1.4.4); set through the CSSOM, which the CSP allows.
    await page.evaluate(() => {
      document.body.style.fontSize = '32px';
    });
    await page.locator('.formula-card').scrollIntoViewIfNeeded();
    await expect(page.locator('.tex-display[tabindex="0"]').first()).toBeVisible();
    await expectNoViolations(page, csp);
  });

  test('the phase diagram with its keyboard cursor, in the projector theme', async ({ page }) => {
    const csp = await openFinished(page, '?v=1&depth=30');
    await page.getByLabel('Theme', { exact: true }).selectOption('projector');
    await page.getByTestId('phase-diagram-overlay').focus();
    await page.keyboard.press('ArrowUp');
    await expect(page.getByTestId('phase-readout')).toContainText('σ_w² = 2, σ_b² = 0.05:');
    await expectNoViolations(page, csp);
  });

  test('a preset in the dark theme', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    const csp = await openFinished(page, '?v=1&init=glorot_uniform&act=tanh&depth=50&acts=1');
    await expectNoViolations(page, csp);
  });
});
