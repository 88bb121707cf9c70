// Offline after the first visit: once a page has drawn its first chart, the service worker has
// cached the whole site, and a reload with the network cut still opens a link to a finished chart
// (scripts, workers, WebAssembly from the cache), under the same CSP. The worker answers only for
// its own site and caches nothing from elsewhere.

import { expect, test } from '@playwright/test';
import { watchCsp } from './support/cspGuard';
import { waitForDone } from './support/app';

test.use({ viewport: { width: 1280, height: 900 } });

test('after a first visit, a link opens to a finished chart with the network cut', async ({ page, context }) => {
  const csp = await watchCsp(page);
  await page.goto('/?v=1&init=glorot_uniform&act=tanh&depth=20');
  await waitForDone(page, { points: 20 });
  // The worker registers after the first chart and takes the page once it has cached the site.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller)
      await new Promise((resolve) =>
        navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
      );
  });
  const cached = await page.evaluate(async () => {
    const names = await caches.keys();
    const cache = await caches.open(names.find((n) => n.startsWith('initscope-'))!);
    return { names, urls: (await cache.keys()).map((r) => r.url) };
  });
  expect(cached.names.filter((n) => n.startsWith('initscope-'))).toHaveLength(1);
  const origin = new URL(page.url()).origin;
  for (const url of cached.urls) expect(url.startsWith(`${origin}/`), url).toBe(true);
  expect(cached.urls.some((u) => /\/assets\/sim\.worker-[\w-]+\.js$/.test(u))).toBe(true);

  await context.setOffline(true);
  // Another view than the first: any link of the site opens offline, not only the one visited.
  await page.goto('/?v=1&init=he_normal&depth=12&grads=0');
  await waitForDone(page, { points: 12 });
  await expect(page.locator('.verdict')).toHaveAttribute('data-verdict', 'stable');
  await page.reload();
  await waitForDone(page, { points: 12 });
  // An embed opens offline too, and the panels under the chart (their own chunk) load from the cache.
  await page.goto('/?v=1&depth=8&embed=1');
  await waitForDone(page, { points: 8 });
  expect(await csp()).toEqual([]);
  await context.setOffline(false);
});
