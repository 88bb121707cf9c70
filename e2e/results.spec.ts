// Beyond the browser, as a practitioner uses it: open a results file written by an exported
// script (picker and drag-and-drop) and see it on the signal chart named by its source, with the
// theory of its settings; a broken file gets a notice naming its first problem; Export → code
// shows the script with copy and download.

import { execFileSync } from 'node:child_process';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { waitForDone } from './support/app';

const chart = (page: Page) => page.getByTestId('signal-chart');

/** The x of every vertex of a drawn line (d3's "Mx,yLx,y…"). */
const vertexXs = async (path: Locator): Promise<number[]> =>
  [...((await path.getAttribute('d')) ?? '').matchAll(/[ML](-?[\d.]+),/g)].map((m) => Number(m[1]));

/** A file as an exported PyTorch script writes it: He normal + ReLU, width 2560, 8 layers. */
function scriptResult(): string {
  const widths = Array.from({ length: 8 }, () => 2560);
  const config = {
    init: 'he_normal',
    initParams: {},
    activation: 'relu',
    activationParams: {},
    depth: 8,
    widths,
    inputDim: 2560,
    batch: 128,
    seed: 1,
    biasStd: 0,
    input: 'normal',
  };
  const layers = widths.map((w, i) => ({
    layer: i + 1,
    fanIn: w,
    fanOut: w,
    status: 'ok',
    preactivation: { secondMoment: 2 * (1 + 0.01 * Math.sin(i)) },
  }));
  return JSON.stringify({ config, layers, source: { framework: 'pytorch', version: '2.13.0+cpu', device: 'cuda' } });
}

test.use({ viewport: { width: 1280, height: 900 } });

test('a script’s JSON opens next to the live run, named by its source, with its theory', async ({ page }) => {
  await page.goto('/?v=1&depth=8');
  await waitForDone(page);
  await page
    .getByTestId('open-results-input')
    .setInputFiles({ name: 'run.json', mimeType: 'application/json', buffer: Buffer.from(scriptResult()) });
  await expect(page.getByTestId('opened-result')).toHaveCount(1);
  await expect(page.getByTestId('opened-result')).toContainText('PyTorch 2.13.0+cpu · run.json');
  await expect(chart(page).locator('.chart-legend')).toContainText('file: PyTorch 2.13.0+cpu · run.json');
  const series = chart(page).locator('.pin-series[data-pin-key^="file:"]');
  await expect(series.locator('.pin-line')).toHaveCount(1);
  await expect(series.locator('.pin-theory')).toHaveCount(1);
  await page.screenshot({ path: test.info().outputPath('results-opened.png') });

  await page.getByRole('button', { name: 'Close PyTorch 2.13.0+cpu · run.json' }).click();
  await expect(page.getByTestId('opened-result')).toHaveCount(0);
  await expect(chart(page).locator('.pin-series')).toHaveCount(0);
});

test('a dropped file opens too; a broken one gets a notice naming its first problem', async ({ page }) => {
  await page.goto('/?v=1&depth=8');
  await waitForDone(page);
  const drop = (name: string, text: string) =>
    page.evaluate(
      ([n, t]) => {
        const data = new DataTransfer();
        data.items.add(new File([t!], n!, { type: 'application/json' }));
        document.body.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
        document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
      },
      [name, text],
    );
  await drop('bad.json', JSON.stringify({ layers: [{ layer: 1, preactivation: { secondMoment: 'Infinity' } }] }));
  await expect(page.getByTestId('results-problem')).toContainText(
    'Could not open bad.json: layers[0].preactivation.secondMoment is the string "Infinity": numbers must be JSON numbers',
  );
  await expect(chart(page).locator('.pin-series')).toHaveCount(0);
  await drop('<img src=x onerror=alert(1)>.json', scriptResult());
  await expect(page.getByTestId('opened-result')).toContainText(
    'PyTorch 2.13.0+cpu · <img src=x onerror=alert(1)>.json',
  );
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expect(page.getByTestId('results-problem')).toHaveCount(0);
});

test('Export → code shows the script for the settings, with copy and download', async ({ page }) => {
  await page.goto('/?v=1&depth=8&init=lecun_normal&act=selu');
  await waitForDone(page);
  await page.getByText('Export → code (PyTorch, JAX, Keras, numpy)').click();
  const code = page.getByTestId('code-export-code');
  await expect(code).toContainText('nn.SELU()');
  await page.getByRole('button', { name: 'JAX', exact: true }).click();
  await expect(code).toContainText('jax.nn.initializers.lecun_normal()');
  await expect(code).toContainText('"depth": 8');
  await page.getByTestId('code-export').scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('code-export.png') });
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download initscope_jax.py' }).click();
  expect((await download).suggestedFilename()).toBe('initscope_jax.py');
});

test('Export → code builds a residual network with the framework’s own norm layers', async ({ page }) => {
  await page.goto('/?v=1&res=1&blocks=12&width=128&batch=64&norm=layer');
  await waitForDone(page);
  await page.getByText('Export → code (PyTorch, JAX, Keras, numpy)').click();
  const code = page.getByTestId('code-export-code');
  await expect(code).toContainText('The network: a residual network of 12 blocks with LayerNorm (pre-norm).');
  await expect(code).toContainText('nn.LayerNorm(width, eps=eps, device=device)');
  await expect(page.getByTestId('code-export')).toContainText('--blocks');
  await page.getByRole('button', { name: 'Keras', exact: true }).click();
  await expect(code).toContainText('keras.layers.LayerNormalization(epsilon=eps)');
  await page.getByTestId('code-export').scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('code-export-residual.png') });
});

test('a classic snippet preset shows its exact line of code and what it really draws', async ({ page }) => {
  await page.goto('/?v=1&init=tf1_variance_scaling');
  await waitForDone(page);
  const lesson = page.getByRole('complementary').filter({ hasText: 'tf.contrib MSRA (He) initializer' });
  await expect(lesson).toContainText(
    "tf.contrib.layers.variance_scaling_initializer(factor=2.0, mode='FAN_IN', uniform=False)",
  );
  await expect(lesson).toContainText('σ_w² = 2.012 rather than 2');
  await page.screenshot({ path: test.info().outputPath('snippet-preset.png') });
});

test('the CLI’s JSON of a residual net opens per block, on the live run’s blocks, with its theory', async ({
  page,
}) => {
  // Another seed than the page's: the file's line is its own, not drawn under the live one.
  const flags = ['--residual', '--blocks', '4', '--width', '64', '--batch', '32', '--seed', '9'];
  const text = execFileSync('npm', ['run', '--silent', 'simulate', '--', ...flags, '--format', 'json'], {
    encoding: 'utf8',
    cwd: process.cwd(),
  });
  const data = JSON.parse(text) as { layers: unknown[]; blocks: unknown[] };
  // Two linear layers per block: per layer the file would be a line of 8 points, per block of 4.
  expect([data.layers.length, data.blocks.length]).toEqual([8, 4]);
  await page.goto('/?v=1&res=1&blocks=4&width=64&batch=32&seed=5');
  await waitForDone(page);
  await page
    .getByTestId('open-results-input')
    .setInputFiles({ name: 'residual.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  const series = chart(page).locator('.pin-series[data-pin-key^="file:"]');
  await expect(series.locator('.pin-line')).toHaveCount(1);
  await expect(chart(page).getByRole('radio', { name: 'per block' })).toBeChecked();
  // The file's stream sits at the live run's four block positions, its theory dashed at the same ones.
  const live = chart(page).locator('circle.signal-point[data-layer]');
  await expect(live).toHaveCount(4);
  const liveXs = await live.evaluateAll((cs) => cs.map((c) => Number(c.getAttribute('cx'))));
  const lineXs = await vertexXs(series.locator('.pin-line'));
  expect(lineXs).toHaveLength(4);
  lineXs.forEach((x, i) => expect(x).toBeCloseTo(liveXs[i]!, 0));
  expect(await vertexXs(series.locator('.pin-theory'))).toEqual(lineXs);
  await chart(page).screenshot({ path: test.info().outputPath('results-residual-per-block.png') });

  // Per linear layer, the same file is its 8 layers, without a per-block theory.
  await chart(page).getByRole('radio', { name: 'per layer' }).check();
  await expect.poll(async () => (await vertexXs(series.locator('.pin-line'))).length).toBe(8);
  await expect(series.locator('.pin-theory')).toHaveCount(0);
});
