// Actions of compare mode: pin the current configuration, unpin one, or replace the list (a link
// was opened). A pin is known by its key, the canonical text url.ts writes for it in a link, so two
// configurations that would produce the same link are the same pin.

import type { SimConfig } from '../core/types';
import { MAX_PINS } from './pinCodec';
import { store, type AppState } from './store';
import { encodePin } from './url';

export { MAX_PINS };

/** The pin's identity, and its cache key for results: the text it has in a link. */
export function pinKey(config: SimConfig): string {
  return encodePin(config);
}

/** Why the current configuration cannot be pinned, in words a person can act on; null when it can. */
export function pinRefusal(state: Pick<AppState, 'config' | 'compare'>): string | null {
  const { pins } = state.compare;
  const key = pinKey(state.config);
  if (pins.some((p) => pinKey(p) === key)) return 'This configuration is already pinned.';
  if (pins.length >= MAX_PINS) return `At most ${MAX_PINS} configurations can be pinned: unpin one first.`;
  return null;
}

/** Replaces the pins (first MAX_PINS, no two alike); a list with the same keys changes nothing. */
export function setPins(configs: readonly SimConfig[]): void {
  const seen = new Set<string>();
  const pins: SimConfig[] = [];
  for (const config of configs) {
    const key = pinKey(config);
    if (seen.has(key) || pins.length === MAX_PINS) continue;
    seen.add(key);
    pins.push(config);
  }
  const current = store.getState().compare.pins;
  if (current.length === pins.length && current.every((p, i) => pinKey(p) === pinKey(pins[i]!))) return;
  store.setState((s) => ({ compare: { ...s.compare, pins } }));
}

/** Pins the live configuration; returns the reason when it cannot be pinned. */
export function pinCurrent(): string | null {
  const state = store.getState();
  const refusal = pinRefusal(state);
  if (refusal === null) setPins([...state.compare.pins, state.config]);
  return refusal;
}

export function unpin(key: string): void {
  setPins(store.getState().compare.pins.filter((p) => pinKey(p) !== key));
}
