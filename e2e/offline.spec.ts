// The built site is static and self-contained: served from a sub-path (/initscope/) by a plain
// file server, it loads its scripts, worker, WebAssembly kernel, styles and fonts from there and
// asks nothing of any other host. Under the headers of public/_headers it is cross-origin
// isolated and its CSP blocks nothing it needs; on a host that sends no headers it still works.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { DEFAULTS } from '../src/core/limits';
import { watchCsp } from './support/cspGuard';
import { parseHeadersFile, serveStatic, type StaticSite } from './support/staticServer';

// The build the Playwright web server made (see outDir in playwright.config.ts).
const port = Number(process.env.PW_PORT ?? 4173);
const DIST = resolve(port === 4173 ? 'dist' : `dist-e2e-${port}`);
const MOUNT = '/initscope/';
const QUERY = '?v=1&init=glorot_uniform&act=tanh';

test.use({ viewport: { width: 1280, height: 900 } });

/** Records every request of the context; anything not addressed to this site is aborted and kept. */
async function localOnly(context: BrowserContext, site: StaticSite): Promise<{ all: string[]; foreign: string[] }> {
  const seen = { all: [] as string[], foreign: [] as string[] };
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    seen.all.push(url);
    if (new URL(url).hostname === '127.0.0.1' && url.startsWith(new URL(site.url).origin)) await route.continue();
    else {
      seen.foreign.push(url);
      await route.abort('blockedbyclient');
    }
  });
  return seen;
}

async function openAndFinish(page: Page, site: StaticSite): Promise<void> {
  await page.goto(`${site.url}${QUERY}`);
  const chart = page.getByTestId('signal-chart');
  await expect(chart).toHaveAttribute('data-phase', 'done', { timeout: 45_000 });
  await expect(chart.locator('circle.signal-point[data-layer]')).toHaveCount(DEFAULTS.depth);
  await expect(page.getByRole('button', { name: 'Download CSV' })).toBeEnabled();
}

test.describe('served under /initscope/ with the _headers of the build', () => {
  let site: StaticSite;
  test.beforeAll(async () => {
    site = await serveStatic(DIST, MOUNT, { headers: true });
  });
  test.afterAll(async () => site.close());

  test('loads everything from the sub-path, runs the worker and the wasm kernel, and asks no other host', async ({
    page,
    context,
  }) => {
    const requests = await localOnly(context, site);
    const csp = await watchCsp(page);
    await openAndFinish(page, site);

    expect(requests.foreign).toEqual([]);
    for (const url of requests.all) expect(url.startsWith(site.url), url).toBe(true);
    // The worker script came from the sub-path, and the worker ran the WebAssembly kernel.
    expect(requests.all.some((u) => /\/initscope\/assets\/sim\.worker-[\w-]+\.js$/.test(u))).toBe(true);
    const workers = page.workers().map((w) => w.url());
    expect(workers).toContainEqual(expect.stringMatching(/\/initscope\/assets\/sim\.worker-/));
    for (const url of workers) expect(url.startsWith(`${site.url}assets/`), url).toBe(true);
    await expect(page.locator('.status-text')).toHaveAttribute('title', 'Matrix multiply: wasm-simd');
    // COOP + COEP from _headers: the page is cross-origin isolated.
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);

    // A download works under the policy too.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    expect(
      readFileSync(await download.path(), 'utf8')
        .trim()
        .split('\n'),
    ).toHaveLength(DEFAULTS.depth + 1);
    expect(requests.foreign).toEqual([]);
    expect(await csp()).toEqual([]);
  });

  test('without workers, the page compiles the wasm kernel itself under the same policy', async ({ page, context }) => {
    const requests = await localOnly(context, site);
    await page.addInitScript(() => {
      // @ts-expect-error -- removing Worker makes the app take its main-thread fallback
      delete window.Worker;
    });
    const csp = await watchCsp(page);
    await openAndFinish(page, site);
    expect(page.workers()).toEqual([]);
    await expect(page.locator('.status-text')).toHaveAttribute('title', 'Matrix multiply: wasm-simd');
    expect(requests.foreign).toEqual([]);
    expect(await csp()).toEqual([]);
  });

  test('the page carries the same CSP as a meta tag, before any script', () => {
    const html = readFileSync(resolve(DIST, 'index.html'), 'utf8');
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html);
    const policy = meta?.[1]?.replaceAll('&#39;', "'");
    expect(policy).toBe(parseHeadersFile(readFileSync(resolve(DIST, '_headers'), 'utf8'))['Content-Security-Policy']);
    expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
    // Every asset reference is relative, so the site works from any sub-path.
    expect(html).not.toMatch(/(src|href)="\//);
  });
});

test.describe('served under /initscope/ by a host that sends no headers', () => {
  let site: StaticSite;
  test.beforeAll(async () => {
    site = await serveStatic(DIST, MOUNT, { headers: false });
  });
  test.afterAll(async () => site.close());

  test('still works, with its meta-tag CSP and without cross-origin isolation', async ({ page, context }) => {
    const requests = await localOnly(context, site);
    const csp = await watchCsp(page);
    await openAndFinish(page, site);
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
    await expect(page.locator('.status-text')).toHaveAttribute('title', 'Matrix multiply: wasm-simd');
    expect(requests.foreign).toEqual([]);
    expect(await csp()).toEqual([]);
  });
});
