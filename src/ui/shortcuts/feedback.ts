// A short confirmation after a shortcut that changes nothing visible (a copied link): shown
// briefly on screen and announced politely to screen readers.

import { createStore } from 'zustand/vanilla';

export interface Feedback {
  /** Grows with every message, so the same text twice is shown (and announced) twice. */
  id: number;
  text: string;
}

export const feedbackStore = createStore<Feedback>()(() => ({ id: 0, text: '' }));

export function announce(text: string): void {
  feedbackStore.setState((f) => ({ id: f.id + 1, text }));
}

export function clearFeedback(id: number): void {
  if (feedbackStore.getState().id === id) feedbackStore.setState({ text: '' });
}
