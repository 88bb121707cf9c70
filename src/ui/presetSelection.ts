// Which preset's lesson is on screen. A preset counts as open when the settings encode to its
// query (so a shared preset link shows its lesson too) or when it was the last one chosen;
// a chosen preset whose settings were since changed is shown as "changed".

import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { PRESETS, type Preset } from '../state/presets';
import { useApp } from '../state/store';
import { encodeQuery } from '../state/url';

interface Selection {
  chosenId: string | null;
  /** The preset whose lesson was dismissed; it stays hidden until chosen again. */
  hiddenId: string | null;
}

const selection = createStore<Selection>()(() => ({ chosenId: null, hiddenId: null }));

/** Opens a preset like a link: a history entry (Back returns), then the URL sync loads it. */
export function openPreset(preset: Preset): void {
  selection.setState({ chosenId: preset.id, hiddenId: null });
  const { pathname, hash } = window.location;
  window.history.pushState(null, '', `${pathname}${preset.query}${hash}`);
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

export function useOpenPreset(): OpenPreset | null {
  // Presenting is how a view is shown, not what it shows: a preset stays open on the big screen.
  const query = useApp((s) => encodeQuery(s.config, { ...s.view, presenting: false }));
  const { chosenId, hiddenId } = useStore(selection);
  const matching = PRESETS.find((p) => p.query === query);
  const chosen = PRESETS.find((p) => p.id === chosenId);
  const preset = matching ?? chosen;
  if (!preset || preset.id === hiddenId) return null;
  return { preset, changed: preset !== matching };
}
