// KaTeX and its stylesheet are a third of the page's script, yet the formulas sit below the fold.
// They load as a chunk of their own after the first render, so the page starts without parsing
// and compiling them; every formula waits for the one shared load, which starts once the page's
// first run has drawn.

import type katexModule from 'katex';
import { afterFirstRun } from '../afterFirstRun';

export type Katex = typeof katexModule;

let loaded: Katex | null = null;
let loading: Promise<Katex> | null = null;

/** KaTeX if it has arrived, else null. */
export function loadedKatex(): Katex | null {
  return loaded;
}

/** Starts the load once; every caller gets the same promise. */
export function loadKatex(): Promise<Katex> {
  loading ??= afterFirstRun()
    .then(() => Promise.all([import('katex'), import('katex/dist/katex.min.css')]))
    .then(([module]) => {
      loaded = module.default;
      return loaded;
    });
  return loading;
}
