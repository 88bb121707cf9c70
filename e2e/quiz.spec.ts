// Predict, then reveal (quiz=1), as a class meets it: the measured curve and the theory stay hidden
// behind the question, the answer is given by keyboard alone, and the reveal draws the curve and
// says right or wrong — with the answer the settings give (readings/quizAnswer.ts) and the theory
// verdict the page itself shows after the reveal agreeing. In the full app and in an embed; axe clean.

import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { normalizeConfig } from '../src/core/config';
import { choiceOf, isQuestion, quizQuestion } from '../src/readings/quizAnswer';
import type { VerdictKind } from '../src/readings/verdict';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const report = results.violations.map(
    (v) => `${v.id}: ${v.help}\n${v.nodes.map((n) => `  ${n.target.join(' ')}`).join('\n')}`,
  );
  expect(report, report.join('\n\n')).toEqual([]);
}

/** The answer the settings give, computed here as the page computes it. */
function answerFor(input: Parameters<typeof normalizeConfig>[0]) {
  const q = quizQuestion(normalizeConfig(input).config);
  if (!isQuestion(q)) throw new Error(q.reason);
  return q.answer;
}

async function expectConcealed(page: Page): Promise<void> {
  const chart = page.getByTestId('signal-chart');
  // The run has finished behind the question: its layers are there, only not drawn.
  await expect(chart).toHaveAttribute('data-phase', 'done', { timeout: 45_000 });
  await expect(chart.locator('svg.signal-svg .signal-point')).toHaveCount(0);
  await expect(chart.locator('path.series-theory')).toHaveAttribute('d', '');
  await expect(chart.locator('path.series-measured-line')).toHaveAttribute('d', '');
  await expect(chart.locator('.verdict')).toHaveCount(0);
  await expect(chart.locator('svg.signal-svg').getByText(/^hidden until the question is answered/)).toBeVisible();
  await expect(page.getByTestId('quiz')).not.toHaveAttribute('data-answer');
}

/** After the reveal: every layer drawn, the theory drawn, and the page's own theory verdict gives the quiz's answer. */
async function expectRevealed(page: Page, depth: number, answer: string): Promise<void> {
  const chart = page.getByTestId('signal-chart');
  await expect(chart.locator('circle.signal-point[data-layer]')).toHaveCount(depth);
  await expect(chart.locator('path.series-theory')).not.toHaveAttribute('d', '');
  const theoryKind = (await chart.locator('[data-verdict-theory]').getAttribute('data-verdict-theory')) as VerdictKind;
  expect(choiceOf(theoryKind)).toBe(answer);
  await expect(page.getByTestId('quiz')).toHaveAttribute('data-answer', answer);
}

test('full app: a wrong answer by keyboard, then the curve, the theory and why', async ({ page }) => {
  // Two axe passes over the whole app (every panel below the chart) take most of a minute on a busy machine.
  test.slow();
  const answer = answerFor({ init: 'glorot_uniform', activation: 'relu', depth: 30 });
  expect(answer).toBe('vanish');
  await page.goto('/?init=glorot_uniform&act=relu&depth=30&quiz=1');
  const quiz = page.getByTestId('quiz');
  await expect(quiz.getByRole('group', { name: 'What will the signal do over these 30 layers?' })).toBeVisible();
  await expectConcealed(page);
  await expect(page.getByRole('button', { name: 'Reveal' })).toBeDisabled();
  await expectNoAxeViolations(page);

  // Keyboard only: into the group, arrows choose (vanish → stay), Enter reveals.
  await quiz.getByRole('radio').first().focus();
  await page.keyboard.press('Space');
  await expect(quiz.getByRole('radio', { name: /vanishes/ })).toBeChecked();
  await page.keyboard.press('ArrowDown');
  await expect(quiz.getByRole('radio', { name: /stays about the same/ })).toBeChecked();
  await page.keyboard.press('Enter');

  const result = page.getByTestId('quiz-result');
  await expect(result).toBeFocused();
  await expect(result).toHaveAttribute('aria-live', 'polite');
  await expect(result).toHaveText(
    /^Not quite: the signal vanishes; you said it would keep its size\. Mean-field theory: vanishing: ×0\.50 per layer/,
  );
  await expect(result).toContainText('The measured run agrees: vanishing');
  await expect(quiz).toHaveAttribute('data-correct', 'false');
  await expectRevealed(page, 30, answer);
  await expectNoAxeViolations(page);

  // Ask again hides the curve once more and gives the keyboard back to the choices.
  await page.getByRole('button', { name: 'Ask again' }).press('Enter');
  await expect(quiz.getByRole('radio').first()).toBeFocused();
  await expectConcealed(page);
});

test('embed at 640×360: Tab into the question, the right answer, the reveal fits the frame', async ({ page }) => {
  await page.setViewportSize({ width: 640, height: 360 });
  const answer = answerFor({ init: 'random_normal', initParams: { std: 1 }, activation: 'relu', depth: 20 });
  expect(answer).toBe('explode');
  await page.goto('/?init=random_normal&act=relu&depth=20&embed=1&quiz=1');
  await expect(page.getByTestId('embed')).toBeVisible();
  await expectConcealed(page);
  await expectNoAxeViolations(page);

  await page.keyboard.press('Tab');
  await expect(page.getByRole('radio').first()).toBeFocused();
  await page.keyboard.press('ArrowUp'); // wraps to the last choice, explode
  await expect(page.getByRole('radio', { name: /explodes/ })).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Reveal' })).toBeFocused();
  await page.keyboard.press('Space');

  await expect(page.getByTestId('quiz-result')).toHaveText(/^Right: the signal explodes\. Mean-field theory: /);
  await expect(page.getByTestId('quiz')).toHaveAttribute('data-correct', 'true');
  await expectRevealed(page, 20, answer);
  const box = await page.evaluate(() => ({ sh: document.documentElement.scrollHeight, h: innerHeight }));
  expect(box.sh).toBeLessThanOrEqual(box.h);
  await expectNoAxeViolations(page);
});

test('a drawn guess: a line dragged down the hidden chart reads as vanishing, and stays under the revealed curve', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/?init=glorot_uniform&act=relu&depth=30&embed=1&quiz=1');
  await expectConcealed(page);
  const area = page.getByTestId('guess-area');
  const box = (await area.boundingBox())!;
  // From the top left to the bottom right: twelve decades down over the 30 layers.
  await page.mouse.move(box.x + 2, box.y + 2);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++)
    await page.mouse.move(box.x + 2 + ((box.width - 4) * i) / 10, box.y + 2 + ((box.height - 4) * i) / 10);
  await page.mouse.up();
  await expect(page.getByRole('radio', { name: /vanishes/ })).toBeChecked();
  await expect(page.getByTestId('quiz-result')).toHaveText(
    /^Your line reads as: it vanishes \(shrinks toward 0\) \(×0\.\d+ per layer\)\.$/,
  );
  const guess = page.getByTestId('guess-line');
  await expect(guess).toHaveAttribute('d', /^M[\d.]+,[\d.]+(L[\d.]+,[\d.]+){29}$/);
  await page.getByRole('button', { name: 'Reveal' }).click();
  await expect(page.getByTestId('quiz-result')).toHaveText(
    /^Right: the signal vanishes\..* Your line went ×0\.\d+ per layer\.$/,
  );
  await expectRevealed(page, 30, 'vanish');
  await expect(guess).toBeVisible();
  await expect(page.locator('.chart-legend')).toContainText('your guess');
  await expectNoAxeViolations(page);
});

test('a view with no question says why and shows its chart', async ({ page }) => {
  await page.goto('/?depth=2&quiz=1');
  await expect(page.getByTestId('quiz')).toHaveText(/Too shallow for a question: 2 layers/);
  await expect(page.getByTestId('signal-chart').locator('circle.signal-point[data-layer]')).toHaveCount(2, {
    timeout: 45_000,
  });
});
