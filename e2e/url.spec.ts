// The link as a person uses it: a broken link opens with every correction named (and
// dismissible), a preset link shows its settings in the controls, and changing a control
// rewrites the address once the changes settle.

import { expect, test, type Page } from '@playwright/test';
import { DEFAULTS } from '../src/core/limits';
import { getPreset, type Preset } from '../src/state/presets';

const depthBox = (page: Page) => page.getByRole('textbox', { name: 'Depth', exact: true });

function preset(id: string): Preset {
  const p = getPreset(id);
  if (!p) throw new Error(`no preset ${id}`);
  return p;
}

test('a broken link names each corrected key, and each notice can be dismissed', async ({ page }) => {
  await page.goto('/?depth=100000&init=nope&foo=1');
  const notices = page.getByRole('status').getByRole('listitem');
  const expected = [
    /depth=100000 is above 2000.*using 2000/,
    new RegExp(`init="nope" is not a known initializer; using ${DEFAULTS.init}`),
    /unknown key "foo" ignored/,
  ];
  for (const text of expected) await expect(notices.filter({ hasText: text })).toHaveCount(1);
  await expect(notices).toHaveCount(expected.length);

  // What is shown is what the corrections say, and the address now links to exactly that.
  await expect(depthBox(page)).toHaveValue('2000');
  await expect(page.getByLabel('Initializer', { exact: true })).toHaveValue(DEFAULTS.init);
  await expect(page).toHaveURL(/\?v=1&depth=2000$/);

  for (const [i, text] of expected.entries()) {
    await notices
      .filter({ hasText: text })
      .getByRole('button', { name: /^Dismiss/ })
      .click();
    await expect(notices).toHaveCount(expected.length - i - 1);
  }
});

test('a preset link shows its values in the controls, without notices', async ({ page }) => {
  const vanishing = preset('normal-vanishing');
  await page.goto(`/${vanishing.query}`);
  await expect(page.getByLabel('Initializer', { exact: true })).toHaveValue('random_normal');
  await expect(page.getByLabel('Activation', { exact: true })).toHaveValue('tanh');
  await expect(page.getByRole('textbox', { name: 'Standard deviation', exact: true })).toHaveValue('0.01');
  await expect(depthBox(page)).toHaveValue(String(DEFAULTS.depth));
  await expect(page.getByRole('textbox', { name: 'Width', exact: true })).toHaveValue(String(DEFAULTS.width));
  await expect(page.getByRole('status').getByRole('listitem')).toHaveCount(0);
  // A canonical link is left exactly as it was opened.
  expect(new URL(page.url()).search).toBe(vanishing.query);

  const orthogonal = preset('orthogonal-linear');
  await page.goto(`/${orthogonal.query}`);
  await expect(page.getByLabel('Initializer', { exact: true })).toHaveValue('orthogonal');
  await expect(page.getByLabel('Activation', { exact: true })).toHaveValue('linear');
  await expect(depthBox(page)).toHaveValue('100');
  await expect(page.getByRole('textbox', { name: 'Width', exact: true })).toHaveValue('64');
  await expect(page.getByRole('status').getByRole('listitem')).toHaveCount(0);
});

test('changing the depth rewrites the link once the changes settle', async ({ page }) => {
  // Record every address the app writes, to see that a burst of changes is written once.
  await page.addInitScript(() => {
    const writes: string[] = [];
    (window as unknown as { urlWrites: string[] }).urlWrites = writes;
    const replace = history.replaceState.bind(history);
    history.replaceState = (data: unknown, unused: string, url?: string | URL | null) => {
      writes.push(String(url));
      replace(data, unused, url);
    };
  });
  await page.goto('/?v=1&init=glorot_uniform');
  await expect(depthBox(page)).toHaveValue(String(DEFAULTS.depth));

  const searchRightAfter = await page.getByRole('slider', { name: 'Depth slider' }).evaluate((slider) => {
    for (let i = 0; i < 5; i++)
      slider.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowUp', bubbles: true, cancelable: true }));
    return window.location.search;
  });
  // Debounced: nothing is written while the changes are still coming.
  expect(searchRightAfter).toBe('?v=1&init=glorot_uniform');

  const depth = await depthBox(page).inputValue();
  expect(Number(depth)).toBeGreaterThan(DEFAULTS.depth);
  await expect(page).toHaveURL(new RegExp(`\\?v=1&init=glorot_uniform&depth=${depth}$`));
  const writes = await page.evaluate(() =>
    (window as unknown as { urlWrites: string[] }).urlWrites.filter((u) => u.includes('depth=')),
  );
  expect(writes).toHaveLength(1);

  // Typing a value works the same way.
  await depthBox(page).fill('12');
  await depthBox(page).press('Enter');
  await expect(page).toHaveURL(/\?v=1&init=glorot_uniform&depth=12$/);
});

test('back and forward re-read the link', async ({ page }) => {
  await page.goto('/?v=1&depth=7');
  await expect(depthBox(page)).toHaveValue('7');
  await page.getByRole('button', { name: /^Xavier \+ tanh/ }).click();
  await expect(page.getByLabel('Activation', { exact: true })).toHaveValue('tanh');
  await page.goBack();
  await expect(depthBox(page)).toHaveValue('7');
  await expect(page.getByLabel('Activation', { exact: true })).toHaveValue(DEFAULTS.activation);
  await page.goForward();
  await expect(page.getByLabel('Activation', { exact: true })).toHaveValue('tanh');
  await expect(depthBox(page)).toHaveValue('50');
});
