// Dragging the depth slider on a network large enough for previews: while the pointer moves the
// chart shows quick previews (smaller batch), labelled as such; when it is released the full run
// of the depth it ended on replaces them, and the page then shows exactly what a fresh load of
// that depth shows. Pages are opened with ?testhook=1 (window.__initscope gives the store).

import { expect, test, type Locator, type Page } from '@playwright/test';

/** Width 1024 × batch 256: seconds per full run, far past the preview threshold. */
const WIDE = 'width=1024&batch=256';
const START_DEPTH = 6;
/** Slider positions moved through, one per pointer step (depth 1…100 is one position per layer). */
const STEPS = 14;
/** Between two pointer steps: a drag's pace, inside the runner's 250 ms gap and 200 ms settle. */
const STEP_MS = 90;

interface Shown {
  phase: string;
  preview: unknown;
  depth: number;
  layers: number;
  /** The shown results are for the settings in the store (same batch too). */
  current: boolean;
  secondMoments: (number | null)[];
}

function shown(page: Page): Promise<Shown> {
  return page.evaluate(() => {
    const s = window.__initscope!.store.getState();
    return {
      phase: s.run.phase,
      preview: s.run.preview,
      depth: s.config.widths.length,
      layers: s.run.layers.length,
      current: JSON.stringify(s.run.config) === JSON.stringify(s.config),
      secondMoments: s.run.layers.map((l) => l.preactivation.secondMoment),
    };
  });
}

async function waitForFullRun(page: Page): Promise<Shown> {
  await expect
    .poll(async () => (await shown(page)).phase === 'done' && (await shown(page)).current, {
      timeout: 90_000,
      intervals: [100, 250, 500],
    })
    .toBe(true);
  return shown(page);
}

/** Centre of the range input's thumb at `position` (the thumb's travel is the width minus its size). */
async function thumbX(slider: Locator, position: number): Promise<number> {
  const box = (await slider.boundingBox())!;
  const max = Number(await slider.getAttribute('max'));
  const thumb = 16;
  return box.x + thumb / 2 + (position / max) * (box.width - thumb);
}

/** What a person reads: the verdict and every row of the layer table. */
async function reading(page: Page): Promise<{ verdict: string; rows: string[] }> {
  return {
    verdict: (await page.locator('.verdict-banner .verdict').first().innerText()).trim(),
    rows: await page.locator('.layer-table tbody tr:not(.spacer)').allInnerTexts(),
  };
}

test('dragging depth shows labelled previews, and ends on the full run of the last depth', async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`/?testhook=1&depth=${START_DEPTH}&${WIDE}`);
  const before = await waitForFullRun(page);
  expect(before).toMatchObject({ depth: START_DEPTH, preview: null });

  // Every label and status text the page shows, however briefly, in the order they appear.
  await page.evaluate(() => {
    const seen: { label: string; status: string | null; dotted: string }[] = [];
    (window as unknown as { previewSeen: typeof seen }).previewSeen = seen;
    const record = () => {
      const label = document.querySelector('[data-testid="preview-label"]');
      if (!label) return;
      const line = document.querySelector('.signal-chart .series-measured-line');
      const entry = {
        label: label.textContent ?? '',
        status: document.querySelector('[data-testid="status-preview"]')?.textContent ?? null,
        dotted: line ? getComputedStyle(line).strokeDasharray : '',
      };
      const last = seen[seen.length - 1];
      if (!last || JSON.stringify(last) !== JSON.stringify(entry)) seen.push(entry);
    };
    new MutationObserver(record).observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
    });
  });

  const slider = page.getByRole('slider', { name: 'Depth slider' });
  await slider.scrollIntoViewIfNeeded();
  const box = (await slider.boundingBox())!;
  const y = box.y + box.height / 2;
  await page.mouse.move(await thumbX(slider, START_DEPTH - 1), y);
  await page.mouse.down();
  for (let i = 1; i <= STEPS; i++) {
    await page.mouse.move(await thumbX(slider, START_DEPTH - 1 + i), y, { steps: 2 });
    await page.waitForTimeout(STEP_MS);
  }
  await page.mouse.up();

  const after = await waitForFullRun(page);
  const seen = await page.evaluate(
    () =>
      (window as unknown as { previewSeen: { label: string; status: string | null; dotted: string }[] }).previewSeen,
  );
  // Previews appeared during the drag, said so in the chart and in the status line, and were drawn dotted.
  expect(seen.length).toBeGreaterThan(0);
  for (const entry of seen) {
    expect(entry.label).toBe('Preview · batch 16 of 256');
    expect(entry.status).toBe('Preview · batch 16 of 256 · full run when you stop');
  }
  expect(seen.some((e) => e.dotted !== 'none' && e.dotted !== '')).toBe(true);

  // The end: no label, the full batch, the depth the slider shows, every layer, drawn solid.
  expect(after.depth).toBeGreaterThan(START_DEPTH);
  expect(after).toMatchObject({ preview: null, layers: after.depth });
  await expect(page.getByTestId('preview-label')).toHaveCount(0);
  await expect(page.getByTestId('status-preview')).toHaveCount(0);
  await expect(slider).toHaveAttribute('aria-valuetext', `${after.depth} layers`);
  expect(
    await page.locator('.signal-chart .series-measured-line').evaluate((el) => getComputedStyle(el).strokeDasharray),
  ).toBe('none');
  await expect(page.getByRole('button', { name: 'Download CSV' })).toBeEnabled();
  await page.screenshot({ path: testInfo.outputPath('after-drag-full-run.png') });

  // Exactly what a fresh load of the final depth shows.
  const fresh = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await fresh.goto(`/?testhook=1&depth=${after.depth}&${WIDE}`);
  const reference = await waitForFullRun(fresh);
  expect(after.secondMoments).toEqual(reference.secondMoments);
  expect(await reading(page)).toEqual(await reading(fresh));
  await fresh.close();
});

test('a preview as a person sees it: labelled, dotted and open, downloads off', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  // The page's clock is stopped once the first run is done, so the drag's end (200 ms after the
  // last change) never comes while the preview is looked at; the worker still runs in real time.
  await page.clock.install();
  await page.goto(`/?testhook=1&depth=${START_DEPTH}&${WIDE}`);
  await waitForFullRun(page);
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000);

  const slider = page.getByRole('slider', { name: 'Depth slider' });
  await slider.focus();
  // A held arrow key: the first keydown is a change like a single press (a full run); the
  // key's repeat comes while that run is going, so it is a drag and gets a preview.
  await page.keyboard.down('ArrowRight');
  await page.clock.runFor(20);
  await page.keyboard.down('ArrowRight');
  await page.clock.runFor(20);
  // The forward-only preview finishes in real time; one frame then writes all it sent.
  await expect
    .poll(
      async () => {
        await page.clock.runFor(1);
        return (await shown(page)).layers;
      },
      { timeout: 60_000 },
    )
    .toBe(START_DEPTH + 2);
  expect(await shown(page)).toMatchObject({ phase: 'running', preview: { batch: 16, fullBatch: 256 } });

  await expect(page.getByTestId('preview-label')).toBeVisible();
  await expect(page.getByTestId('preview-label')).toHaveText('Preview · batch 16 of 256');
  await expect(page.getByTestId('status-preview')).toHaveText('Preview · batch 16 of 256 · full run when you stop');
  await expect(page.getByRole('button', { name: 'Download CSV' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Download JSON' })).toBeDisabled();
  const point = page.locator('.signal-chart .signal-point').first();
  expect(await point.evaluate((el) => getComputedStyle(el).fill)).not.toBe(
    await point.evaluate((el) => getComputedStyle(el).stroke),
  );
  expect(
    await page.locator('.signal-chart .series-measured-line').evaluate((el) => getComputedStyle(el).strokeDasharray),
  ).not.toBe('none');
  await page.screenshot({ path: testInfo.outputPath('preview.png') });

  // The key is let go: the drag has ended, and the full run replaces the preview.
  await page.keyboard.up('ArrowRight');
  await page.clock.resume();
  const after = await waitForFullRun(page);
  expect(after).toMatchObject({ depth: START_DEPTH + 2, layers: START_DEPTH + 2, preview: null });
  await expect(page.getByTestId('preview-label')).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('full.png') });
});
