// The residual part of `npm run bench:browser`: 64 blocks × branch depth 2 × width 512 × batch 128
// (He normal + ReLU, pre-LayerNorm) against W1 (50 layers × 512, batch 256), both with the
// backward pass, in the same run. The figure is a person's wait: from the request (the seed box's
// Enter on a page that is up, so the worker is warm) to the finished run — the signal chart's
// data-phase turning to "done", which comes after the backward pass, not after the last forward
// layer as the `simulation` measure does. Median of several page loads. A benchmark: it never fails.

import type { Browser, Page } from '@playwright/test';
import { RESIDUAL_WORKLOAD } from './benchResidual';

const { blocks, branchDepth, width, batch } = RESIDUAL_WORKLOAD;
const CASES = [
  { name: 'W1 (L50 N512 B256)', query: '?v=1&depth=50&width=512&batch=256' },
  {
    name: `residual ${blocks}×${branchDepth} N${width} B${batch} pre-LN`,
    query: `?v=1&res=1&blocks=${blocks}&bdepth=${branchDepth}&width=${width}&batch=${batch}&norm=layer&npos=pre`,
  },
];

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Milliseconds from the seed box's Enter to the signal chart saying "done" for the new run. */
async function warmRun(page: Page): Promise<number> {
  const seedBox = page.locator('input#seed');
  await seedBox.fill(String(Number(await seedBox.inputValue()) + 1));
  await page.evaluate(() => {
    const w = window as unknown as { __residualBench: { start: number; running: boolean; done: number | null } };
    const figure = document.querySelector<HTMLElement>('[data-testid="signal-chart"]')!;
    const state = { start: performance.now(), running: false, done: null as number | null };
    w.__residualBench = state;
    // Timed where the attribute changes, not when the harness next polls.
    new MutationObserver((_, observer) => {
      if (figure.dataset.phase === 'running') state.running = true;
      else if (state.running && figure.dataset.phase === 'done') {
        state.done = performance.now();
        observer.disconnect();
      }
    }).observe(figure, { attributes: true, attributeFilter: ['data-phase'] });
  });
  await seedBox.press('Enter');
  const handle = await page.waitForFunction(
    () => {
      const s = (window as unknown as { __residualBench: { start: number; done: number | null } }).__residualBench;
      return s.done !== null ? s.done - s.start : null;
    },
    undefined,
    { timeout: 300_000, polling: 100 },
  );
  return (await handle.jsonValue())!;
}

async function measure(browser: Browser, url: string): Promise<{ first: number; warm: number }> {
  const page = await browser.newPage();
  const started = Date.now();
  await page.goto(url);
  await page.locator('[data-testid="signal-chart"][data-phase="done"]').waitFor({ timeout: 300_000 });
  const first = Date.now() - started;
  const warm = await warmRun(page);
  await page.close();
  return { first, warm };
}

export async function benchBrowserResidual(browser: Browser, base: string, repeats: number): Promise<void> {
  console.log('');
  console.log(
    `Residual vs W1, forward + backward, request → finished run (chart "done"), median of ${repeats} page loads`,
  );
  console.log('case                                  page load → done ms   warm re-run ms (median, all)');
  const medians: number[] = [];
  for (const c of CASES) {
    const samples: { first: number; warm: number }[] = [];
    for (let r = 0; r < repeats; r++) samples.push(await measure(browser, base + c.query));
    const warm = samples.map((s) => s.warm);
    medians.push(median(warm));
    console.log(
      `${c.name.padEnd(38)}${median(samples.map((s) => s.first))
        .toFixed(0)
        .padStart(10)}            ` +
        `${median(warm).toFixed(0).padStart(8)}  (${warm.map((v) => v.toFixed(0)).join(', ')})`,
    );
  }
  console.log(`residual / W1 (warm re-run medians): ${(medians[1]! / medians[0]!).toFixed(2)}×`);
}
