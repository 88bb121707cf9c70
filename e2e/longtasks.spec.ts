// The UI thread never blocks while a run computes: after the page has started, no main-thread
// task over 50 ms (the browser's "long task") may overlap a run — from the moment its settings
// are applied to the end of its `simulation` measure, plus a short settling time in which the
// panels that follow a run in the background (distributions, correlations, table, theory) draw.
//
// A speed test on a shared machine, so it retries (a neighbour's burst can stall any task), and
// on failure it lists every task it saw. Playwright's own work in the page is kept out of the
// windows: the controls are found by id, and waiting polls one cheap expression per frame.

import { expect, test, type Page } from '@playwright/test';
import { DEFAULTS } from '../src/core/limits';

/** What the browser reports as a long task, and the budget the app must keep within. */
const LONG_TASK_MS = 50;
/** After a run ends, the deferred panels draw; their tasks count as the run's. */
const SETTLE_MS = 600;

interface Task {
  start: number;
  duration: number;
}

interface RunWindow {
  step: string;
  start: number;
  end: number;
}

declare global {
  interface Window {
    __longTasks?: Task[];
  }
}

/** Measures named `simulation` so far: start = settings applied, end = last layer drawn. */
function runsEnded(page: Page): Promise<number> {
  return page.evaluate(() => performance.getEntriesByName('simulation').length);
}

/** Waits for the next `simulation` measure of a run with `depth` layers and returns its span. */
async function waitForRun(page: Page, before: number, depth: number): Promise<{ start: number; end: number }> {
  const handle = await page.waitForFunction(
    ([n, d]) => {
      const runs = performance.getEntriesByName('simulation').slice(n) as PerformanceMeasure[];
      const run = runs.find((m) => (m.detail as { depth?: number } | null)?.depth === d);
      return run ? { start: run.startTime, end: run.startTime + run.duration } : null;
    },
    [before, depth] as const,
    { polling: 'raf', timeout: 45_000 },
  );
  return (await handle.jsonValue())!;
}

/** Waits until the phase diagram shows the grid of `activation`. */
async function waitForPhaseDiagram(page: Page, activation: string): Promise<void> {
  await page.waitForFunction(
    (act) => {
      const figure = document.querySelector('[data-testid="phase-diagram"]');
      return figure?.getAttribute('data-status') === 'ready' && figure.getAttribute('data-activation') === act;
    },
    activation,
    { polling: 'raf', timeout: 45_000 },
  );
}

const overlaps = (t: Task, w: RunWindow) => t.start < w.end && t.start + t.duration > w.start;
const describeTask = (t: Task) => `${t.duration.toFixed(0)} ms at ${t.start.toFixed(0)} ms`;

test.describe('main-thread long tasks', () => {
  test.describe.configure({ retries: 2 });

  test('no task over 50 ms while runs compute, stream and draw', async ({ page }) => {
    test.setTimeout(120_000);
    await page.addInitScript(() => {
      const tasks: Task[] = [];
      window.__longTasks = tasks;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) tasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask' });
    });
    await page.goto('/');
    // Start-up (script evaluation, the first render) is bench:browser's figure, not this test's.
    await waitForRun(page, 0, DEFAULTS.depth);
    await waitForPhaseDiagram(page, DEFAULTS.activation);
    // KaTeX loads and typesets the formulas after the first run: start-up too.
    await page.waitForFunction(
      () => document.querySelector('.formula-card .katex') !== null && document.querySelector('.tex-pending') === null,
      null,
      {
        polling: 'raf',
        timeout: 45_000,
      },
    );
    await page.waitForTimeout(SETTLE_MS);
    await page.evaluate(() => window.__longTasks!.splice(0));

    const windows: RunWindow[] = [];
    /** Does what a person does, then waits for the run (and the diagram) it started. */
    const step = async (name: string, depth: number, act: () => Promise<void>, activation?: string) => {
      const before = await runsEnded(page);
      await act();
      const run = await waitForRun(page, before, depth);
      if (activation) await waitForPhaseDiagram(page, activation);
      await page.waitForTimeout(SETTLE_MS);
      const settled = await page.evaluate(() => performance.now());
      windows.push({ step: name, start: run.start, end: Math.max(run.end + SETTLE_MS, settled) });
    };

    const depthBox = page.locator('input#depth');
    await step('depth 30 → 40 typed in the depth box', 40, async () => {
      await depthBox.fill('40');
      await depthBox.press('Enter');
    });
    await step('initializer → Glorot uniform', 40, () =>
      page
        .locator('select#initializer')
        .selectOption('glorot_uniform')
        .then(() => undefined),
    );
    // A preset with gradients (shown by default) and another activation: a new phase diagram too.
    await step(
      'preset Xavier + tanh',
      50,
      () =>
        page
          .locator('button.preset-card')
          .filter({ has: page.locator('.preset-title', { hasText: /^Xavier \+ tanh$/ }) })
          .click(),
      'tanh',
    );
    await step(
      'activation → GELU',
      50,
      () =>
        page
          .locator('select#activation')
          .selectOption('gelu')
          .then(() => undefined),
      'gelu',
    );

    const tasks = await page.evaluate(() => window.__longTasks!.slice());
    const report = windows.map((w) => {
      const inside = tasks.filter((t) => t.duration > LONG_TASK_MS && overlaps(t, w));
      return { ...w, inside };
    });
    const blocked = report.filter((w) => w.inside.length > 0);
    const lines = [
      ...report.map(
        (w) =>
          `${w.step}: ${w.start.toFixed(0)}–${w.end.toFixed(0)} ms, ${w.inside.length === 0 ? 'no long task' : w.inside.map(describeTask).join(', ')}`,
      ),
      `all long tasks after start-up: ${tasks.map(describeTask).join(', ') || 'none'}`,
    ];
    if (blocked.length > 0) console.log(lines.join('\n'));
    // The windows are real: every run took some time, and each came after the one before.
    expect(windows.every((w, i) => w.end > w.start && (i === 0 || w.start >= windows[i - 1]!.start))).toBe(true);
    expect(
      blocked.map((w) => `${w.step}: ${w.inside.map(describeTask).join(', ')}`),
      lines.join('\n'),
    ).toEqual([]);
  });
});
