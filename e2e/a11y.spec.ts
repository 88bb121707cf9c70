// Every main view passes axe's WCAG 2.1 A and AA rules with zero violations: in light and dark
// themes, on a laptop and a phone, with notices, a preset lesson, the heatmap, an open help text
// and the chart's keyboard tooltip. A finished run is checked, so the charts are fully drawn.

import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { watchCsp } from './support/cspGuard';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function openFinished(page: Page, query: string): Promise<() => Promise<unknown[]>> {
  const cspViolations = await watchCsp(page);
  await page.goto(`/${query}`);
  await expect(page.getByTestId('signal-chart')).toHaveAttribute('data-phase', 'done', { timeout: 45_000 });
  await expect(page.getByRole('button', { name: 'Download CSV' })).toBeEnabled();
  return cspViolations;
}

/** Runs axe on the whole page; the failure message names each rule, its nodes and what to fix. */
async function expectNoViolations(page: Page, cspViolations: () => Promise<unknown[]>): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const report = results.violations.map((v) => `${v.id} (${v.impact ?? '?'}): ${v.help}\n${v.nodes.map((n) => `  ${n.target.join(' ')}\n    ${n.failureSummary ?? ''}`).join('\n')}`);
  expect(report, report.join('\n\n')).toEqual([]);
  // axe really looked: a page it could not read would pass vacuously.
  expect(results.passes.length).toBeGreaterThan(10);
  expect(await cspViolations()).toEqual([]);
}

test.describe('light theme, laptop', () => {
  test.use({ viewport: { width: 1280, height: 900 }, colorScheme: 'light' });

  test('default view', async ({ page }) => {
    const csp = await openFinished(page, '');
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

  test('a preset in the dark theme', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    const csp = await openFinished(page, '?v=1&init=glorot_uniform&act=tanh&depth=50&acts=1');
    await expectNoViolations(page, csp);
  });
});
