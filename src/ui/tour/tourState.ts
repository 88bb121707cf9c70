// Whether the guided tour is open, at which step, and whether it opens by itself. It opens once
// for a first-time visitor; closing it (at any step) is remembered on this machine, and the Help
// button opens it again at will.
//
// Browsers driven by automation (navigator.webdriver: Playwright, Selenium) never get it by
// themselves, so end-to-end tests see the page as it is; a test of the tour opens the page with
// `?tour=1`, which makes such a browser behave like a person's. The key is read when this module
// loads, before the link is rewritten into its canonical form (which drops unknown keys).

import { createStore } from 'zustand/vanilla';
import { readPref, writePref } from '../localPrefs';

export const TOUR_DONE_KEY = 'initscope.tourDone';

const openedWith = typeof location === 'undefined' ? '' : location.search;

export interface TourState {
  open: boolean;
  step: number;
}

export const tourStore = createStore<TourState>()(() => ({ open: false, step: 0 }));

export interface TourEnvironment {
  /** The visitor closed the tour before. */
  done: boolean;
  /** navigator.webdriver: the browser is driven by a test. */
  webdriver: boolean;
  /** The query the page was opened with. */
  search: string;
  /** A presentation link: the audience sees the chart, not a tour. */
  presenting: boolean;
}

export function shouldStartTour(env: TourEnvironment): boolean {
  if (env.done || env.presenting) return false;
  return !env.webdriver || new URLSearchParams(env.search).get('tour') === '1';
}

export function tourEnvironment(presenting: boolean): TourEnvironment {
  return {
    done: readPref(TOUR_DONE_KEY) === '1',
    webdriver: typeof navigator !== 'undefined' && navigator.webdriver === true,
    search: openedWith,
    presenting,
  };
}

export function startTour(): void {
  tourStore.setState({ open: true, step: 0 });
}

export function goToStep(step: number): void {
  tourStore.setState({ step });
}

/** Closing at any step counts as "seen": it will not open by itself again. */
export function closeTour(): void {
  tourStore.setState({ open: false });
  writePref(TOUR_DONE_KEY, '1');
}
