// The postMessage API as a host page uses it: docs/examples/host.html, served from another origin
// than the app's, embeds Initscope with origin= naming itself, sets settings, steps the reveal and
// reads the results; a page of a third origin is ignored (no reply, nothing changes), and a message
// outside the schema gets an error naming its first problem, with nothing applied.

import { expect, test, type Frame, type Page } from '@playwright/test';
import { watchCsp } from './support/cspGuard';
import { serveHostPages, type HostSite } from './support/hostPages';

interface Reply {
  initscope: number;
  type: string;
  id: string | null;
  [field: string]: unknown;
}

let host: HostSite;
let stranger: HostSite;

test.beforeAll(async () => {
  host = await serveHostPages();
  stranger = await serveHostPages();
});

test.afterAll(async () => {
  await host.close();
  await stranger.close();
});

async function openHost(page: Page, site: HostSite, baseURL: string): Promise<Frame> {
  await page.goto(`${site.url}examples/host.html?app=${encodeURIComponent(`${baseURL}/`)}`);
  const frame = page.frameLocator('#initscope');
  await expect(frame.getByTestId('signal-chart')).toHaveAttribute('data-phase', 'done', { timeout: 45_000 });
  return page.frame({ url: (u) => u.href.startsWith(baseURL) })!;
}

const send = (page: Page, request: object) =>
  page.evaluate(
    (r) => (window as unknown as { initscope: { send: (r: object) => Promise<Reply> } }).initscope.send(r),
    request,
  );
const replies = (page: Page) =>
  page.evaluate(() => (window as unknown as { initscope: { replies: Reply[] } }).initscope.replies);
const points = (page: Page) =>
  page.frameLocator('#initscope').locator('svg.signal-svg circle.signal-point[data-layer]');

test('the host sets settings, steps the reveal and gets the results it set', async ({ page, baseURL }) => {
  const csp = await watchCsp(page);
  const app = await openHost(page, host, baseURL!);
  expect(new URL(app.url()).searchParams.get('origin')).toBe(host.origin);
  expect((await replies(page))[0]).toEqual({ initscope: 1, type: 'ready', id: null });

  const set = await send(page, { type: 'set', settings: { depth: 12, act: 'tanh', init: 'glorot_normal' } });
  expect(set).toEqual({ initscope: 1, type: 'ok', id: set.id, request: 'set', runs: true });
  await expect(points(page)).toHaveCount(12, { timeout: 45_000 });
  // The finished run is announced unasked, with the results the JSON download has.
  await expect
    .poll(async () => (await replies(page)).filter((r) => r.type === 'result' && r.id === null).length, {
      timeout: 45_000,
    })
    .toBeGreaterThan(0);

  const got = await send(page, { type: 'get' });
  expect(got).toMatchObject({ type: 'result', phase: 'done' });
  const results = got.results as {
    config: Record<string, unknown>;
    layers: { layer: number; preactivation: { secondMoment: number } }[];
    verdict: { headline: string };
  };
  expect(results.config).toMatchObject({ depth: 12, activation: 'tanh', init: 'glorot_normal' });
  expect(results.layers.map((l) => l.layer)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
  expect(results.layers.every((l) => l.preactivation.secondMoment > 0)).toBe(true);
  // The verdict the embed shows is the one the results carry.
  await expect(page.frameLocator('#initscope').locator('.verdict')).toHaveAttribute(
    'data-verdict',
    results.verdict.headline,
  );
  await expect(page.locator('#verdict')).not.toHaveText(/waiting/);

  // Layer by layer: to 5, one forward, one back past the first is held at the first, then all.
  expect(await send(page, { type: 'step', to: 5 })).toMatchObject({ type: 'ok', request: 'step', shown: 5, depth: 12 });
  await expect(points(page)).toHaveCount(5);
  await page.getByRole('button', { name: 'Layer ▶' }).click();
  await expect(points(page)).toHaveCount(6);
  expect(await send(page, { type: 'step', by: -20 })).toMatchObject({ shown: 1 });
  await expect(points(page)).toHaveCount(1);
  await page.getByRole('button', { name: 'All layers' }).click();
  await expect(points(page)).toHaveCount(12);
  // Every reply went to this page, none elsewhere: the ones it got are all it asked for, plus ready and results.
  expect((await replies(page)).every((r) => r.initscope === 1)).toBe(true);
  expect(await csp()).toEqual([]);
});

test('an invalid message gets an error naming its first problem, and nothing is applied', async ({ page, baseURL }) => {
  await openHost(page, host, baseURL!);
  await expect(points(page)).toHaveCount(30);
  const cases: [object, RegExp][] = [
    [{ type: 'set', settings: { depth: 0 } }, /^depth=0 is below/],
    [{ type: 'set', settings: { depth: 12, act: 'relux' } }, /^act="relux" is not a known activation/],
    [
      { type: 'set', settings: { origin: 'https://elsewhere.example' } },
      /settings\."origin" is not a setting a host can set/,
    ],
    [{ type: 'launch' }, /^type is "launch"; it must be one of set, step, get$/],
    [{ type: 'step', to: 31 }, /^to is 31; this network has 30 layers$/],
  ];
  for (const [request, problem] of cases) {
    const reply = await send(page, request);
    expect(reply.type, JSON.stringify(request)).toBe('error');
    expect(reply.error).toMatch(problem);
  }
  // Not even the envelope: a bare string still gets its one line (the host opted in), with no id.
  const bare = await page.evaluate(
    () =>
      new Promise<Reply>((done) => {
        const frame = document.getElementById('initscope') as HTMLIFrameElement;
        addEventListener(
          'message',
          (e) => e.source === frame.contentWindow && (e.data as Reply).type === 'error' && done(e.data as Reply),
        );
        frame.contentWindow!.postMessage('depth=12', new URL(frame.src).origin);
      }),
  );
  expect(bare).toEqual({
    initscope: 1,
    type: 'error',
    id: null,
    error: expect.stringMatching(/^a message is an object .* not "depth=12"$/),
  });
  // Nothing changed: the first set (depth 12 with a valid act) was refused whole.
  await expect(points(page)).toHaveCount(30);
  expect(new URL(page.frame({ url: (u) => u.href.startsWith(baseURL!) })!.url()).searchParams.get('depth')).toBeNull();
});

test('a page of another origin is ignored: no reply, not even ready, and nothing changes', async ({
  page,
  baseURL,
}) => {
  // The stranger frames the app with a link that names the lecturer's origin, not its own.
  stranger.vars.APP = `${baseURL}/`;
  stranger.vars.ORIGIN = encodeURIComponent(host.origin);
  await page.goto(`${stranger.url}stranger.html`);
  await expect(page.frameLocator('#initscope').getByTestId('signal-chart')).toHaveAttribute('data-phase', 'done', {
    timeout: 45_000,
  });
  await expect(points(page)).toHaveCount(30);
  await page.evaluate((app) => {
    const frame = document.getElementById('initscope') as HTMLIFrameElement;
    for (const request of [{ type: 'set', settings: { depth: 5 } }, { type: 'get' }, { type: 'nonsense' }])
      frame.contentWindow!.postMessage({ initscope: 1, id: 'x', ...request }, new URL(app).origin);
  }, `${baseURL}/`);
  // Give a reply every chance to arrive (a set would also start a run), then check that none did.
  await page.waitForTimeout(1500);
  expect(await page.evaluate(() => (window as unknown as { received: unknown[] }).received)).toEqual([]);
  await expect(points(page)).toHaveCount(30);
});

test('the right origin from another window than the framing one is ignored too', async ({ page, baseURL }) => {
  await openHost(page, host, baseURL!);
  await expect(points(page)).toHaveCount(30);
  // A sibling frame of the host's own origin (srcdoc inherits it) posts to the embed: same origin, wrong window.
  await page.evaluate((app) => {
    const sibling = document.createElement('iframe');
    sibling.srcdoc = `<script>parent.document.getElementById('initscope').contentWindow.postMessage({ initscope: 1, id: 'sibling', type: 'set', settings: { depth: 5 } }, ${JSON.stringify(new URL(app).origin)});</script>`;
    document.body.append(sibling);
  }, `${baseURL}/`);
  // The embed still answers its host: a get sent after the sibling's set comes back, and finds 30 layers.
  await page.waitForTimeout(1000);
  const got = await send(page, { type: 'get' });
  expect((got.results as { config: { depth: number } }).config.depth).toBe(30);
  expect((await replies(page)).some((r) => r.id === 'sibling')).toBe(false);
  await expect(points(page)).toHaveCount(30);
});
