// A host's `set` message applied as a link would be: the current settings written as a link, the
// message's keys put over theirs, and the whole read by the link decoder (url.ts). Anything the
// decoder would correct in a key the message named refuses the message, naming the first problem,
// and nothing is applied — a host needs to know its change did not happen, not see it altered.

import type { SimConfig } from '../core/types';
import type { ViewSettings } from './store';
import type { TrainingChoice } from './training';
import { decodeQuery, encodeQuery, parseQuery, type Decoded } from './url';

export interface CurrentSettings {
  config: SimConfig;
  view: ViewSettings;
  pins: readonly SimConfig[];
  training: TrainingChoice;
}

export function decodeSettings(
  current: CurrentSettings,
  settings: Readonly<Record<string, string>>,
): { ok: true; decoded: Decoded } | { ok: false; problem: string } {
  const pairs = new Map(parseQuery(encodeQuery(current.config, current.view, current.pins, current.training)));
  for (const [key, value] of Object.entries(settings)) pairs.set(key, value);
  const query = [...pairs].map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
  const decoded = decodeQuery(`?${query}`);
  // A problem with a key the message did not name comes of the change (an old initializer's
  // parameter that the new one does not take): it is dropped, as the page's own controls drop it.
  const named = decoded.notices.find((n) => Object.hasOwn(settings, n.key));
  return named ? { ok: false, problem: named.text } : { ok: true, decoded };
}
