// Opening a link and waiting for its run, as every spec does: one home for "the run is finished"
// so the specs say what they check, not how they wait. A run is finished when the signal chart
// says `data-phase="done"`; a count of drawn points (one per layer) says the chart has all of it.

import { expect, type FrameLocator, type Locator, type Page } from '@playwright/test';

/** Where a run is read: the page, or an embed's frame. */
export type Root = Page | FrameLocator;

/** Long enough for a cold page under a loaded test machine; slower specs pass their own. */
export const RUN_TIMEOUT = 45_000;

export interface WaitOptions {
  /** Also wait until this many layer points are drawn. */
  points?: number;
  timeout?: number;
}

export function signalChart(root: Root): Locator {
  return root.getByTestId('signal-chart');
}

/** Waits until the signal chart shows a finished run (and, with `points`, all of its layers). */
export async function waitForDone(root: Root, { points, timeout = RUN_TIMEOUT }: WaitOptions = {}): Promise<Locator> {
  const chart = signalChart(root);
  await expect(chart).toHaveAttribute('data-phase', 'done', { timeout });
  if (points !== undefined) await expect(chart.locator('circle.signal-point[data-layer]')).toHaveCount(points);
  return chart;
}

/** Opens a link (a query such as `?init=he_normal`, or '' for the default view) and waits for its run. */
export async function openDone(page: Page, query: string, options: WaitOptions = {}): Promise<Locator> {
  await page.goto(`/${query}`);
  return waitForDone(page, options);
}

/** Moves to another link the way back/forward does, without reloading the page. */
export async function navigateInPage(page: Page, query: string): Promise<void> {
  await page.evaluate((q) => {
    history.pushState(null, '', q);
    dispatchEvent(new PopStateEvent('popstate'));
  }, query);
}
