// Keeps the address bar and the store in step: the URL is read once at start and on back/forward,
// and rewritten (replaceState, so typing a depth does not flood the history) shortly after the
// settings change. The link therefore always reproduces what is on screen.

import { pushNotice, replaceSettings } from './actions';
import { setPins } from './pins';
import { store, type AppState } from './store';
import { replaceTraining, trainingStore } from './training';
import { decodeQuery, encodeQuery } from './url';

/** Long enough that dragging a slider writes the URL once, short enough to feel immediate. */
const WRITE_DELAY_MS = 250;

/** Loads a query (a link, a preset) into the store and shows what had to be corrected. */
export function applyQuery(search: string): void {
  const { config, view, pins, training, notices } = decodeQuery(search);
  replaceSettings(config, view);
  setPins(pins);
  replaceTraining(training);
  for (const n of notices) pushNotice(n.key, n.text, 'warning');
}

function queryOf(state: AppState): string {
  return encodeQuery(state.config, state.view, state.compare.pins, trainingStore.getState().choice);
}

/** The absolute link to what is on screen now, even before the debounced URL write. */
export function currentLink(): string {
  const url = new URL(window.location.href);
  url.search = queryOf(store.getState());
  return url.href;
}

function writeUrl(): void {
  const query = queryOf(store.getState());
  // `location.search` is '' for both "no query" and a bare "?", as is an all-default encoding.
  if (query === window.location.search) return;
  const { pathname, hash } = window.location;
  window.history.replaceState(window.history.state, '', `${pathname}${query}${hash}`);
}

/** Starts syncing; returns a function that stops it (flushing a pending write). */
export function startUrlSync(): () => void {
  applyQuery(window.location.search);
  // Show the corrected link straight away, so what is copied from the bar is already valid.
  writeUrl();

  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastQuery = queryOf(store.getState());
  const onChange = (state: AppState) => {
    const query = queryOf(state);
    if (query === lastQuery) return;
    lastQuery = query;
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      writeUrl();
    }, WRITE_DELAY_MS);
  };
  const unsubscribe = store.subscribe((state, previous) => {
    if (
      state.config === previous.config &&
      state.view === previous.view &&
      state.compare.pins === previous.compare.pins
    )
      return;
    onChange(state);
  });
  const unsubscribeTraining = trainingStore.subscribe((state, previous) => {
    if (state.choice !== previous.choice) onChange(store.getState());
  });

  // Back/forward (or an edited #fragment) lands on an entry whose query may differ from the store.
  const onPopState = () => {
    applyQuery(window.location.search);
    // The subscriber just scheduled a write for this change; do it now, canonicalizing the entry.
    clearTimeout(timer);
    timer = undefined;
    writeUrl();
  };
  window.addEventListener('popstate', onPopState);

  return () => {
    window.removeEventListener('popstate', onPopState);
    unsubscribe();
    unsubscribeTraining();
    if (timer !== undefined) {
      clearTimeout(timer);
      writeUrl();
    }
  };
}
