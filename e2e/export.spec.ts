// Lecture-ready and shareable: the chart saved as PNG (2×) and standalone SVG, read back from the
// downloaded files; the formula card typeset by KaTeX from the site's own files; the verdict
// explained in words. Nothing may leave 127.0.0.1 and no CSP rule may fire. Besides the site's own
// policy, the export test adds `img-src 'self' blob: data:` on top, so drawing the PNG is checked
// against that rule even if the site's policy changes.

import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type Download, type Page } from '@playwright/test';
import { watchCsp } from './support/cspGuard';

const QUERY = '/?v=1&init=he_normal&act=relu&depth=50&width=512&batch=256&seed=1';
const SETTINGS = 'He normal · ReLU · depth 50 · width 512 · batch 256 · seed 1';
const IMAGE_CSP = "img-src 'self' blob: data:";

/** Fails every request that is not for the site itself and remembers it; returns what was tried. */
async function keepOffline(page: Page): Promise<string[]> {
  const outside: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (
      (url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'ws:') &&
      url.hostname !== '127.0.0.1'
    )
      outside.push(request.url());
  });
  await page.context().route(
    (url) => url.hostname !== '127.0.0.1' && url.protocol !== 'blob:' && url.protocol !== 'data:',
    (route) => route.abort('blockedbyclient'),
  );
  return outside;
}

/** Serves the page with an extra image policy, so a blocked blob: image would show. */
async function withImageCsp(page: Page): Promise<void> {
  await page.route(
    (url) => url.hostname === '127.0.0.1' && (url.pathname === '/' || url.pathname.endsWith('.html')),
    async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': IMAGE_CSP } });
    },
  );
}

async function download(page: Page, name: string): Promise<Download> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
  return file;
}

/** Width and height from a PNG's IHDR chunk, after checking the 8-byte signature. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test.use({ viewport: { width: 1280, height: 900 } });

/** Equal, numbers to 5e-13 of their size (the last bits of float64 Math; see the training test), everything else exactly. */
function expectSameRecord(actual: unknown, expected: unknown, path = '$'): void {
  if (typeof expected === 'number' && typeof actual === 'number') {
    expect(Math.abs(actual - expected), `${path}: ${actual} vs ${expected}`).toBeLessThanOrEqual(
      5e-13 * Math.abs(expected),
    );
  } else if (expected !== null && typeof expected === 'object' && actual !== null && typeof actual === 'object') {
    expect(Object.keys(actual).sort(), path).toEqual(Object.keys(expected).sort());
    for (const [k, v] of Object.entries(expected))
      expectSameRecord((actual as Record<string, unknown>)[k], v, `${path}.${k}`);
  } else {
    expect(actual, path).toEqual(expected);
  }
}

test('the chart saves as a 2× PNG and a standalone SVG with settings, verdict and legend', async ({ page }) => {
  const outside = await keepOffline(page);
  await withImageCsp(page);
  const cspViolations = await watchCsp(page);
  await page.goto(QUERY);
  const chart = page.getByTestId('signal-chart');
  await expect(chart).toHaveAttribute('data-phase', 'done', { timeout: 45_000 });
  await expect(chart.locator('[data-verdict]')).toHaveAttribute('data-verdict', 'stable');
  const css = await chart
    .locator('svg.signal-svg')
    .evaluate((svg) => ({ width: svg.getBoundingClientRect().width, height: svg.getBoundingClientRect().height }));

  const svgFile = await download(page, 'Download SVG');
  expect(svgFile.suggestedFilename()).toBe('initscope-he_normal-relu-d50-w512-s1.svg');
  const svgText = readFileSync(await svgFile.path(), 'utf8');
  writeCopy(svgText, 'export.svg');
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const root = doc.documentElement;
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      tag: root.localName,
      namespace: root.namespaceURI,
      width: Number(root.getAttribute('width')),
      height: Number(root.getAttribute('height')),
      viewBox: root.getAttribute('viewBox'),
      title: root.querySelector(':scope > title')?.textContent ?? '',
      texts: [...root.querySelectorAll('text')].map((t) => t.textContent ?? ''),
      points: root.querySelectorAll('circle[data-layer]').length,
      fontFamilies: [
        ...new Set(
          [root, ...root.querySelectorAll('*')]
            .filter((e) => e.matches('[font-family], [style*="font-family"]'))
            .map((e) => e.getAttribute('font-family') ?? e.getAttribute('style')),
        ),
      ],
    };
  }, svgText);
  expect(parsed.error).toBeNull();
  expect(parsed).toMatchObject({ tag: 'svg', namespace: 'http://www.w3.org/2000/svg', width: css.width });
  expect(parsed.viewBox).toBe(`0 0 ${parsed.width} ${parsed.height}`);
  // Header and legend are added around the chart, never drawn over it.
  expect(parsed.height).toBeGreaterThan(css.height + 60);
  expect(parsed.title).toContain(SETTINGS);
  expect(parsed.texts).toContain(SETTINGS);
  expect(parsed.texts.some((t) => /^measured: stable: ×(0\.9\d|1\.\d\d) per layer$/.test(t))).toBe(true);
  expect(parsed.texts).toEqual(expect.arrayContaining(['measured (pre-activation)', 'theory (mean field)', 'layer']));
  expect(parsed.points).toBe(50);
  expect(parsed.fontFamilies).toEqual(['sans-serif']);
  expect(svgText).not.toContain('var(--');
  expect(svgText).not.toMatch(/url\(|<image|href=|@import|<foreignObject/i);
  // The only URL in the file is the SVG namespace itself.
  expect(svgText.match(/https?:\/\/[^"'\s)]+/g)).toEqual(['http://www.w3.org/2000/svg']);

  const pngFile = await download(page, 'Download PNG');
  expect(pngFile.suggestedFilename()).toBe('initscope-he_normal-relu-d50-w512-s1.png');
  const png = readFileSync(await pngFile.path());
  writeCopy(png, 'export.png');
  expect(pngSize(png)).toEqual({ width: 2 * css.width, height: 2 * parsed.height });
  await expect(page.locator('.export-error')).toHaveCount(0);

  expect(await cspViolations()).toEqual([]);
  expect(outside).toEqual([]);
});

test('the formula card typesets the rule and the length map with the live numbers', async ({ page }) => {
  const outside = await keepOffline(page);
  const cspViolations = await watchCsp(page);
  const fontRequests: string[] = [];
  page.on('requestfinished', (request) => {
    if (/KaTeX_.*\.(woff2?|ttf)$/.test(request.url())) fontRequests.push(request.url());
  });
  await page.goto(QUERY);
  await expect(page.getByTestId('signal-chart')).toHaveAttribute('data-phase', 'done', { timeout: 45_000 });
  const card = page.locator('.formula-card');
  await card.scrollIntoViewIfNeeded();
  await expect(card.locator('.katex').first()).toBeVisible();
  expect(await card.locator('.katex').count()).toBeGreaterThan(5);
  // MathML for screen readers beside the drawn formula, and no KaTeX error boxes.
  expect(await card.locator('.katex-mathml math').count()).toBe(await card.locator('.katex').count());
  await expect(card.locator('.katex-error')).toHaveCount(0);
  const rule = card.locator('.rule-math').first();
  for (const number of ['0.07105', '0.1421', '0.003906', '512']) await expect(rule).toContainText(number);
  await expect(card.locator('.length-map')).toContainText('φ is ReLU');
  await expect(card.locator('.length-map annotation')).toHaveCount(3);
  await expect(card.locator('.length-map annotation').nth(1)).toContainText('q^{l} = 2\\,\\mathbb{E}');
  // The KaTeX fonts came from the site itself.
  await expect.poll(() => fontRequests.length).toBeGreaterThan(0);
  for (const url of fontRequests) expect(new URL(url).hostname).toBe('127.0.0.1');
  await expect(card.locator('.initializer-origin')).toContainText('He, Zhang, Ren & Sun (2015)');
  await expect(card.locator('.initializer-origin')).toContainText('discards half');
  await card.screenshot({ path: test.info().outputPath('formula-card.png') });
  // KaTeX positions glyphs with inline style attributes; the policy must let them through.
  expect(await cspViolations()).toEqual([]);
  expect(outside).toEqual([]);
});

test('each verdict is explained in plain words under it', async ({ page }) => {
  await page.goto('/?v=1&init=glorot_uniform&act=relu&depth=30');
  const chart = page.getByTestId('signal-chart');
  await expect(chart).toHaveAttribute('data-phase', 'done', { timeout: 45_000 });
  await expect(chart.locator('[data-explains="vanishing"]')).toContainText('less than one');
  await chart.screenshot({ path: test.info().outputPath('verdict-vanishing.png') });

  await page.goto('/?v=1&init=random_normal&act=relu&depth=200&std=1');
  await expect(chart).toHaveAttribute('data-phase', 'done', { timeout: 45_000 });
  await expect(chart.locator('[data-explains="overflow"]')).toContainText('largest number a 32-bit float can hold');
  await page.locator('.chart-card').screenshot({ path: test.info().outputPath('verdict-overflow.png') });
});

/** Keeps a copy beside the test's other output, so a person can open the exported files themselves. */
function writeCopy(content: string | Buffer, name: string): void {
  writeFileSync(test.info().outputPath(name), content);
}

test('with a finished training run, the JSON download carries it as npm run train prints it, and its CSV too', async ({
  page,
}) => {
  test.setTimeout(180_000);
  // A residual net with a stem (2 inputs → width 16) and momentum: the whole request crosses to the worker.
  const query = '/?v=1&width=16&seed=3&res=1&blocks=3&train=1&data=circles&opt=momentum&steps=60';
  const flags = ['--width', '16', '--seed', '3', '--residual', '--blocks', '3', '--dataset', 'circles'];
  const cli = (format: string) =>
    execFileSync(
      'npx',
      ['tsx', 'src/cli/train.ts', ...flags, '--optimizer', 'momentum', '--steps', '60', '--format', format],
      {
        encoding: 'utf8',
        cwd: process.cwd(),
      },
    );
  await page.goto(query);
  const panel = page.getByTestId('training-panel');
  await expect(panel.locator('.training-status li[data-done="true"]')).toHaveCount(1, { timeout: 120_000 });
  await expect(page.getByRole('button', { name: 'Download JSON' })).toBeEnabled({ timeout: 60_000 });
  const json = JSON.parse(readFileSync(await (await download(page, 'Download JSON')).path(), 'utf8')) as {
    training?: unknown;
    layers?: unknown[];
  };
  expect(json.layers?.length).toBeGreaterThan(0);
  // The weights are bit for bit the same (the same float32 kernels and seeds in the page and in
  // node); the losses and ratios are float64 sums of exp, log and log10 of them, whose last bit may
  // differ between the page's and node's Math: each of ≤ 1,000 terms by an ulp (2.2e-16 relative),
  // so a mean by at most 1,000 · 2.2e-16 ≈ 2.2e-13 of its terms' size.
  expectSameRecord(json.training, JSON.parse(cli('json')));
  const csv = readFileSync(await (await download(page, 'Download training CSV')).path(), 'utf8');
  const rows = (text: string) =>
    text
      .trim()
      .split('\n')
      .map((line) => line.split(','));
  const [head, ...body] = rows(csv);
  const [cliHead, ...cliBody] = rows(cli('csv'));
  expect(head).toEqual(cliHead);
  expectSameRecord(
    body.map((r) => r.map(Number)),
    cliBody.map((r) => r.map(Number)),
  );
});
