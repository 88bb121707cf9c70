// Which preset's lesson is on screen. A preset counts as open when the settings encode to its
// query (so a shared preset link shows its lesson too) or when it was the last one chosen;
// a chosen preset whose settings were since changed is shown as "changed".

import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { PRESETS, type Preset } from '../state/presets';
import { store, useApp, type AppState } from '../state/store';
import { DEFAULT_TRAINING, trainingStore, useTraining, type TrainingChoice } from '../state/training';
import { decodeQuery, encodeQuery } from '../state/url';

interface Selection {
  chosenId: string | null;
  /** The preset whose lesson was dismissed; it stays hidden until chosen again. */
  hiddenId: string | null;
}

const selection = createStore<Selection>()(() => ({ chosenId: null, hiddenId: null }));

/**
 * The link a preset opens: its own query, plus the configurations pinned now unless the preset
 * pins its own — so pinning one preset and opening another compares the two.
 */
function presetLink(preset: Preset): string {
  const { config, view, pins, training } = decodeQuery(preset.query);
  if (pins.length > 0) return preset.query;
  // A preset that says nothing of training leaves the training panel as it is.
  const trains = JSON.stringify(training) !== JSON.stringify(DEFAULT_TRAINING);
  return encodeQuery(config, view, store.getState().compare.pins, trains ? training : trainingStore.getState().choice);
}

/** Opens a preset like a link: a history entry (Back returns), then the URL sync loads it. */
export function openPreset(preset: Preset): void {
  selection.setState({ chosenId: preset.id, hiddenId: null });
  const { pathname, hash } = window.location;
  window.history.pushState(null, '', `${pathname}${presetLink(preset)}${hash}`);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

export function dismissLesson(id: string): void {
  selection.setState({ chosenId: null, hiddenId: id });
}

export interface OpenPreset {
  preset: Preset;
  /** The settings no longer equal the preset's. */
  changed: boolean;
}

/** The settings' queries without and with the pins, encoded again only when one of them changed. */
interface Queries {
  config: AppState['config'];
  view: AppState['view'];
  pins: AppState['compare']['pins'];
  training: TrainingChoice;
  query: string;
  withPins: string;
  /** With the training settings: what a training preset's query is compared with. */
  trainingQuery: string;
  trainingWithPins: string;
}
let lastQueries: Queries | null = null;

/**
 * The selectors below run on every store update, and a streaming run updates the store every
 * frame; the settings rarely change meanwhile, so their encoding is cached by identity.
 */
function queriesOf(s: AppState, training: TrainingChoice): Queries {
  const { config, view } = s;
  const pins = s.compare.pins;
  if (
    lastQueries &&
    lastQueries.config === config &&
    lastQueries.view === view &&
    lastQueries.pins === pins &&
    lastQueries.training === training
  )
    return lastQueries;
  // Presenting is how a view is shown, not what it shows: a preset stays open on the big screen.
  const shown = { ...view, presenting: false };
  lastQueries = {
    config,
    view,
    pins,
    training,
    query: encodeQuery(config, shown),
    withPins: encodeQuery(config, shown, pins),
    trainingQuery: encodeQuery(config, shown, [], training),
    trainingWithPins: encodeQuery(config, shown, pins, training),
  };
  return lastQueries;
}

export function useOpenPreset(): OpenPreset | null {
  const training = useTraining((s) => s.choice);
  const queries = useApp((s) => queriesOf(s, training));
  const { chosenId, hiddenId } = useStore(selection);
  // A preset that pins configurations matches only with its pins; the others match whatever is
  // pinned. A training preset matches with its training settings; the others whatever they are.
  const matching = [queries.trainingWithPins, queries.trainingQuery, queries.withPins, queries.query].reduce<
    Preset | undefined
  >((found, q) => found ?? PRESETS.find((p) => p.query === q), undefined);
  const chosen = PRESETS.find((p) => p.id === chosenId);
  const preset = matching ?? chosen;
  if (!preset || preset.id === hiddenId) return null;
  return { preset, changed: preset !== matching };
}
