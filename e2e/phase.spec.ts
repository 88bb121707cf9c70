// The order/chaos phase diagram and the theory readout as a person uses them: open a preset, see
// the diagram with its critical line and the current settings marked, read the phase, then pick
// another point with the mouse or the keyboard and watch the link and the signal chart follow.

import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { watchCsp } from './support/cspGuard';
import { openDone } from './support/app';

const COLS = 40; // σ_w² = 0.1 … 4
const ROWS = 21; // σ_b² = 0 … 1

test.use({ viewport: { width: 1280, height: 900 } });

async function openReady(page: Page, query: string): Promise<Locator> {
  await openDone(page, query);
  const diagram = page.getByTestId('phase-diagram');
  await expect(diagram).toHaveAttribute('data-status', 'ready', { timeout: 45_000 });
  return diagram;
}

async function shot(target: Page | Locator, name: string): Promise<void> {
  await target.screenshot({ path: test.info().outputPath(`${name}.png`) });
}

/** Clicks the centre of a cell of the diagram (row 0 is σ_b² = 0, at the bottom). */
async function clickCell(page: Page, col: number, row: number): Promise<void> {
  const overlay = page.getByTestId('phase-diagram-overlay');
  await overlay.scrollIntoViewIfNeeded();
  const box = (await overlay.boundingBox())!;
  await page.mouse.click(
    box.x + ((col + 0.5) / COLS) * box.width,
    box.y + box.height - ((row + 0.5) / ROWS) * box.height,
  );
}

const cases = [
  {
    name: 'tanh',
    query: '?v=1&init=glorot_uniform&act=tanh&depth=50&acts=1',
    phase: 'critical',
    label: 'Critical',
    line: /runs from σ_w² = 1\.00 at σ_b² = 0 to σ_w² = 3\.44 at σ_b² = 1/,
  },
  {
    name: 'relu',
    query: '?v=1&depth=50',
    phase: 'critical',
    label: 'Critical',
    line: /σ_w² = 2\.00 at every σ_b² shown/,
  },
  {
    name: 'selu',
    query: '?v=1&init=lecun_normal&act=selu&depth=50',
    phase: 'chaotic',
    label: 'Chaotic',
    line: /runs from σ_w² = 0\.477 at σ_b² = 0/,
  },
] as const;

for (const c of cases) {
  test(`${c.name}: the diagram shows its critical line and the current settings; the readout names the phase`, async ({
    page,
  }) => {
    const diagram = await openReady(page, c.query);
    await expect(diagram).toHaveAttribute('data-activation', c.name);
    await expect(diagram.locator('[data-critical-line] .phase-critical-line')).toHaveCount(1);
    await expect(diagram.locator('[data-marker="current"]')).toHaveAttribute('data-off-chart', 'false');
    await expect(diagram.locator('[data-phase-label="ordered"]')).toContainText('Ordered');
    await expect(diagram.locator('.phase-notes')).toContainText(c.line);
    await expect(diagram.getByRole('img', { name: new RegExp(`Phase diagram of`) })).toBeVisible();
    const phase = page.getByTestId('theory-phase');
    await expect(phase).toHaveAttribute('data-phase', c.phase);
    await expect(phase).toContainText(c.label);
    await shot(page.getByTestId('theory-section'), `theory-${c.name}`);
  });
}

test('clicking a point sets variance scaling with that σ_w² and σ_b², in the link and on the signal chart', async ({
  page,
}) => {
  await openReady(page, '?v=1&init=glorot_uniform&act=tanh&depth=50');
  const chart = page.getByTestId('signal-chart');
  const verdict = chart.locator('[data-verdict-theory]');
  const before = await verdict.textContent();
  await expect(page.getByTestId('theory-phase')).toHaveAttribute('data-phase', 'critical');

  // σ_w² = 3 (column 29), σ_b² = 0.05 (row 1): chaotic, c* = 0.30 (§5.6).
  await clickCell(page, 29, 1);
  await expect(page).toHaveURL(/[?&]init=variance_scaling(&|$)/);
  await expect(page).toHaveURL(/[?&]scale=3(&|$)/);
  await expect(page).toHaveURL(/[?&]bias=0\.223607(&|$)/);
  await expect(chart).toHaveAttribute('data-phase', 'done', { timeout: 45_000 });
  await expect(verdict).not.toHaveText(before ?? '');
  const phase = page.getByTestId('theory-phase');
  await expect(phase).toHaveAttribute('data-phase', 'chaotic');
  await expect(page.getByTestId('theory-sentence')).toContainText('decorrelate to c* = 0.30');
  const marker = page.getByTestId('phase-diagram').locator('[data-marker="current"]');
  await expect(marker).toHaveAttribute('data-off-chart', 'false');
  await shot(page.getByTestId('theory-section'), 'theory-after-click');

  // The link reproduces the same state when opened afresh.
  await page.goto(page.url());
  await expect(page.getByTestId('theory-phase')).toHaveAttribute('data-phase', 'chaotic', { timeout: 45_000 });
});

test('the keyboard moves a cursor over the diagram and Enter applies it', async ({ page }) => {
  await openReady(page, '?v=1&depth=30');
  const overlay = page.getByTestId('phase-diagram-overlay');
  await overlay.focus();
  // The cursor starts on the current settings: He, σ_w² = 2, σ_b² = 0.
  await expect(page.getByTestId('phase-readout')).toContainText('σ_w² = 2, σ_b² = 0:');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Shift+ArrowLeft');
  await expect(page.getByTestId('phase-readout')).toContainText('σ_w² = 1.5, σ_b² = 0.1: χ₁ = 0.750, ordered');
  await shot(page.getByTestId('phase-diagram'), 'phase-keyboard-cursor');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/[?&]scale=1\.5(&|$)/);
  await expect(page).toHaveURL(/[?&]bias=0\.316228(&|$)/);
  await expect(page.getByTestId('theory-phase')).toHaveAttribute('data-phase', 'ordered', { timeout: 45_000 });
  await expect(page.getByTestId('theory-sentence')).toContainText('gradients shrink ×0.75 per layer');
});

test('ones: the theory does not apply, and the readout says why', async ({ page }) => {
  const diagram = await openReady(page, '?v=1&init=ones&act=tanh&depth=20');
  await expect(page.getByTestId('theory-phase')).toHaveAttribute('data-phase', 'not-applicable');
  await expect(page.getByTestId('theory-sentence')).toContainText('non-zero mean');
  await expect(diagram.locator('[data-marker="current"]')).toHaveCount(0);
  await expect(diagram.locator('.phase-notes')).toContainText('no marker');
});

test('sigmoid: every setting shown is ordered; the line is named although it is off the chart', async ({ page }) => {
  const diagram = await openReady(page, '?v=1&init=glorot_normal&act=sigmoid&depth=20');
  await expect(diagram.locator('[data-critical-line]')).toHaveCount(0);
  await expect(diagram.locator('.phase-notes')).toContainText('lies beyond this chart');
  await expect(page.getByTestId('theory-phase')).toHaveAttribute('data-phase', 'ordered');
  await shot(page.getByTestId('theory-section'), 'theory-sigmoid');
});

test('N(0, 1) weights: the marker waits at the chart’s edge, and the readout explains the runaway', async ({
  page,
}) => {
  const diagram = await openReady(page, '?v=1&init=random_normal&depth=50');
  await expect(diagram.locator('[data-marker="current"]')).toHaveAttribute('data-off-chart', 'true');
  await expect(diagram.locator('.phase-notes')).toContainText('(σ_w² = 256, σ_b² = 0) are off this chart');
  await expect(page.getByTestId('theory-phase')).toHaveAttribute('data-phase', 'runaway');
  await expect(page.getByTestId('theory-phase')).toContainText('No fixed point');
  await expect(page.getByTestId('theory-sentence')).toContainText('gradients grow (×128 per layer)');
  await shot(page.getByTestId('theory-section'), 'theory-random-normal');
});

test('the theory section passes axe in light and dark themes, with no CSP violation', async ({ page }) => {
  const csp = await watchCsp(page);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await openReady(page, '?v=1&init=torch_kaiming_normal&act=tanh&nl=tanh');
    await page.getByTestId('phase-diagram-overlay').focus();
    const results = await new AxeBuilder({ page })
      .include('[data-testid="theory-section"]')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    const report = results.violations.map(
      (v) => `${v.id}: ${v.help} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
    expect(report, report.join('\n')).toEqual([]);
    expect(results.passes.length).toBeGreaterThan(5);
    await shot(page.getByTestId('theory-section'), `theory-tanh-gain-${scheme}`);
  }
  expect(await csp()).toEqual([]);
});
