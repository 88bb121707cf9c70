// Predict, then reveal (quiz=1): the question beside the signal chart, whose curves stay hidden
// until a viewer picks an answer and reveals it. The question and its answer come from the
// settings (readings/quizAnswer.ts); this component only asks and tells. Native radio buttons give
// the keyboard its usual moves (arrows choose, Enter reveals from the group), the result is
// announced by a live region, and focus moves to it after the reveal and back to the group after
// "Ask again", so a keyboard or screen-reader user never loses their place.

import { useId, useRef } from 'react';
import { flushSync } from 'react-dom';
import type { FormEvent } from 'react';
import {
  CHOICE_LABELS,
  QUIZ_CHOICES,
  explainAnswer,
  guessChoice,
  isQuestion,
  type NoQuestion,
  type QuizQuestion,
} from '../../readings/quizAnswer';
import { formatFactor } from '../../readings/format';
import type { Verdict } from '../../readings/verdict';
import { askAgain, choose, reveal, useQuiz } from './quizState';
import './quiz.css';

export function QuizCard({ question, measured }: { question: QuizQuestion | NoQuestion; measured: Verdict | null }) {
  const choice = useQuiz((s) => s.choice);
  const revealed = useQuiz((s) => s.revealed);
  const guess = useQuiz((s) => s.guess);
  const promptId = useId();
  const resultRef = useRef<HTMLParagraphElement>(null);
  const firstRef = useRef<HTMLInputElement>(null);
  if (!isQuestion(question)) {
    return (
      <div className="quiz" data-testid="quiz" data-state="none">
        <p className="quiz-none">{question.reason}</p>
      </div>
    );
  }
  const line = guessChoice(guess);
  const outcome = revealed && choice !== null ? explainAnswer(question, choice, measured) : null;
  // Focus follows the step: to the result once it is shown, back to the choices once they are asked again.
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    flushSync(reveal);
    resultRef.current?.focus();
  };
  const onAskAgain = () => {
    flushSync(askAgain);
    firstRef.current?.focus();
  };

  return (
    <form
      className="quiz"
      data-testid="quiz"
      data-state={outcome ? 'revealed' : 'asking'}
      data-answer={outcome ? question.answer : undefined}
      data-correct={outcome ? String(outcome.correct) : undefined}
      aria-labelledby={promptId}
      onSubmit={onSubmit}
    >
      <fieldset className="quiz-choices" disabled={revealed}>
        <legend id={promptId} className="quiz-prompt">
          {question.prompt}
        </legend>
        {QUIZ_CHOICES.map((c, i) => (
          <label key={c} className={`quiz-choice${outcome && c === question.answer ? ' quiz-choice-answer' : ''}`}>
            <input
              ref={i === 0 ? firstRef : undefined}
              type="radio"
              name="quiz-choice"
              value={c}
              checked={choice === c}
              onChange={() => choose(c)}
            />
            {CHOICE_LABELS[c]}
            {outcome && c === question.answer && <span className="quiz-mark"> ✓ the theory's answer</span>}
          </label>
        ))}
      </fieldset>
      <div className="quiz-actions">
        {revealed ? (
          <button type="button" className="button-quiet" onClick={onAskAgain}>
            Ask again
          </button>
        ) : (
          <button type="submit" className="button" disabled={choice === null}>
            Reveal
          </button>
        )}
        <p
          ref={resultRef}
          className={`quiz-result${outcome ? (outcome.correct ? ' quiz-right' : ' quiz-wrong') : ''}`}
          role="status"
          aria-live="polite"
          tabIndex={-1}
          data-testid="quiz-result"
        >
          {outcome
            ? `${outcome.text}${line ? ` Your line went ${formatFactor(line.factor)} per ${question.unit}.` : ''}`
            : line
              ? `Your line reads as: ${CHOICE_LABELS[line.choice].toLowerCase()} (${formatFactor(line.factor)} per ${question.unit}).`
              : choice === null
                ? 'Pick an answer or drag a line across the chart, then reveal the curve.'
                : ''}
        </p>
      </div>
    </form>
  );
}
