// A preset's lesson and the theory readout beside the chart, as a student reads them: the figures
// in both are the run's (the lesson's claims are checked in claims.test.ts), and the readout's
// words follow what this network does, not only where the theory says a deep one ends up.

import { expect, test, type Page } from '@playwright/test';
import { getPreset } from '../src/state/presets';
import { openDone } from './support/app';

test.use({ viewport: { width: 1280, height: 900 } });

async function openPreset(page: Page, id: string): Promise<void> {
  await openDone(page, getPreset(id)!.query, { timeout: 60_000 });
}

test('nn.Linear default + ReLU: the lesson’s figures and the readout’s “nearly identical by layer 6”', async ({
  page,
}) => {
  await openPreset(page, 'torch-linear-relu');
  const lesson = page.getByRole('complementary', { name: /nn\.Linear default/ });
  await expect(lesson).toContainText(getPreset('torch-linear-relu')!.lesson);
  await expect(lesson).toContainText('σ_w² = 1/3');
  const sentence = page.getByTestId('theory-sentence');
  await expect(sentence).toContainText('by a factor e every ξ_c = 0.56 layers', { timeout: 45_000 });
  await expect(sentence).toContainText('(correlation 0.991 ≥ 0.99) by layer 6', { timeout: 45_000 });
  await expect(sentence).not.toContainText('within one layer');
  await page.getByTestId('theory-section').screenshot({ path: test.info().outputPath('theory-torch-linear-relu.png') });
  await lesson.screenshot({ path: test.info().outputPath('lesson-torch-linear-relu.png') });
});

test('Xavier + tanh: gradients shrink by the run’s per-layer χ₁, not “keep their size”', async ({ page }) => {
  await openPreset(page, 'xavier-tanh');
  const sentence = page.getByTestId('theory-sentence');
  await expect(sentence).toContainText(
    'but here it is 0.46 at layer 1 and 0.98 at layer 50, so gradients shrink towards the input, ×0.92 per layer on average',
    { timeout: 45_000 },
  );
  await expect(sentence).toContainText('the correlation between two inputs barely changes', { timeout: 45_000 });
  await expect(sentence).not.toContainText('keep their size');
  await page.getByTestId('theory-section').screenshot({ path: test.info().outputPath('theory-xavier-tanh.png') });
});

test('He + ReLU: no depth scale, yet the correlation creeps towards 1', async ({ page }) => {
  await openPreset(page, 'he-relu');
  const sentence = page.getByTestId('theory-sentence');
  await expect(sentence).toContainText('still creeps towards 1, polynomially rather than geometrically', {
    timeout: 45_000,
  });
  await expect(sentence).toContainText('at layer 50 in this run');
  await expect(sentence).not.toContainText('no finite depth scale limits');
});
