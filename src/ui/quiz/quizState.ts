// The answer a viewer picked and whether it was revealed: a moment in a lecture, not a setting, so
// it lives here rather than in the link or the app store. New settings ask a new question, so any
// change of the config clears it (a host page's postMessage `set` included).

import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { GuessPoint } from '../../charts/GuessPlot';
import { guessChoice, type QuizChoice } from '../../readings/quizAnswer';
import { store } from '../../state/store';

export interface QuizState {
  choice: QuizChoice | null;
  revealed: boolean;
  /** A line drawn on the chart as the guess; it also picks the choice it reads as. */
  guess: GuessPoint[];
}

const INITIAL: QuizState = { choice: null, revealed: false, guess: [] };

export const quizStore = createStore<QuizState>()(() => INITIAL);

export function useQuiz<T>(selector: (s: QuizState) => T): T {
  return useStore(quizStore, selector);
}

export function choose(choice: QuizChoice): void {
  if (!quizStore.getState().revealed) quizStore.setState({ choice });
}

export function drawGuess(guess: GuessPoint[]): void {
  if (quizStore.getState().revealed) return;
  const read = guessChoice(guess);
  quizStore.setState(read ? { guess, choice: read.choice } : { guess });
}

export function reveal(): void {
  if (quizStore.getState().choice !== null) quizStore.setState({ revealed: true });
}

export function askAgain(): void {
  quizStore.setState(INITIAL);
}

store.subscribe((state, previous) => {
  if (state.config !== previous.config) askAgain();
});
