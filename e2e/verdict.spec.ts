// The verdict as a person reads it, and as tools read its data-verdict* attributes: the four cases
// of its contract, each the same as the command line's verdict for the same link.

import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';

const CASES = [
  {
    query: '?v=1&depth=30&width=256',
    args: ['--init', 'he_normal', '--depth', '30', '--width', '256'],
    headline: /^→stable: ×/,
  },
  {
    query: '?v=1&init=glorot_uniform',
    args: ['--init', 'glorot_uniform'],
    headline: /^↘vanishing: ×0\.5\d per layer; gradients vanish ×0\.5\d per layer/,
  },
  {
    query: '?v=1&init=torch_linear_default',
    args: ['--init', 'torch_linear_default'],
    headline:
      /^⇉ordered: the bias has taken over by layer \d — every input gives nearly the same output from layer \d; gradients vanish ×0\.1\d per layer/,
  },
  {
    query: '?v=1&init=torch_kaiming_normal&act=tanh&nl=tanh',
    args: ['--init', 'torch_kaiming_normal', '--nonlinearity', 'tanh', '--activation', 'tanh'],
    headline: /^⇶chaotic: nearby inputs are pulled apart ×1\.2\d? per layer/,
  },
];

function cliVerdict(args: string[]): Record<string, string> {
  const out = execFileSync('npx', ['tsx', 'src/cli/main.ts', ...args, '--backward', '--format', 'json'], {
    encoding: 'utf8',
    cwd: process.cwd(),
  });
  return (JSON.parse(out) as { verdict: Record<string, string> }).verdict;
}

for (const c of CASES) {
  test(`verdict of ${c.query} agrees with the command line`, async ({ page }) => {
    const expected = cliVerdict(c.args);
    await page.goto(`/${c.query}`);
    const verdict = page.locator('[data-testid="signal-chart"] .verdict');
    await expect(verdict).toHaveAttribute('data-verdict', expected.headline!, { timeout: 45_000 });
    await expect(verdict).toHaveAttribute('data-verdict-size', expected.size!);
    await expect(verdict).toHaveAttribute('data-verdict-inputs', expected.inputs!);
    await expect(verdict).toHaveAttribute('data-verdict-gradient', expected.gradient!);
    await expect(verdict.locator('.verdict-text')).toHaveText(c.headline);
    await expect(page.locator('.verdict-explanation')).toHaveAttribute('data-explains', expected.headline!);
    await page
      .locator('.chart-card')
      .first()
      .screenshot({ path: test.info().outputPath(`verdict-${expected.headline}.png`) });
  });
}
