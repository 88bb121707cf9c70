// The link keys that put a view into someone else's page: embed=1 (one panel sized to its frame),
// panel= (which one), controls= (the few settings an embed keeps), quiz=1 (predict, then reveal)
// and origin= (the host page allowed to drive the embed by postMessage). The field table in urlFields.ts
// has one row for each; this module holds their values' vocabulary and the two text-valued ones'
// readers, which never throw and say what they dropped.

import { quote } from '../core/params';

/** The panels an embed can show, by their link name. */
export const EMBED_PANELS = ['signal', 'distributions', 'correlation', 'phase'] as const;
export type EmbedPanel = (typeof EMBED_PANELS)[number];

/** The settings an embed can keep, by the link key that holds each (controls=init,depth). */
export const EMBED_CONTROLS = ['init', 'act', 'depth', 'width', 'batch', 'seed', 'bias'] as const;
export type EmbedControl = (typeof EMBED_CONTROLS)[number];

export interface EmbedView {
  /** Embed mode (embed=1): one panel sized to its frame, for slides, course pages and notebooks. */
  embed: boolean;
  /** The panel an embed shows. */
  panel: EmbedPanel;
  /** The controls an embed keeps, in the order given (none by default). */
  controls: readonly EmbedControl[];
  /** Predict, then reveal (quiz=1): the measured curve stays hidden until the question is answered. */
  quiz: boolean;
  /** The origin of the host page that may drive this one by postMessage; '' lets none. */
  origin: string;
}

export const DEFAULT_EMBED_VIEW: EmbedView = { embed: false, panel: 'signal', controls: [], quiz: false, origin: '' };

export function isEmbedPanel(s: string): s is EmbedPanel {
  return (EMBED_PANELS as readonly string[]).includes(s);
}

function isEmbedControl(s: string): s is EmbedControl {
  return (EMBED_CONTROLS as readonly string[]).includes(s);
}

/** What a reader made of a value: the value to use and what it could not use, in words. */
export interface Reading<T> {
  value: T;
  problems: string[];
}

/** Past this many entries a controls list is not a list of controls any more. */
const MAX_CONTROL_ENTRIES = 20;

/** `init,depth` → ['init', 'depth']; unknown or repeated names are dropped and named. */
export function readControls(raw: string): Reading<EmbedControl[]> {
  const value: EmbedControl[] = [];
  const problems: string[] = [];
  const entries = raw.split(',').map((s) => s.trim().toLowerCase());
  if (raw.trim() === '') return { value, problems };
  for (const entry of entries.slice(0, MAX_CONTROL_ENTRIES)) {
    if (entry === '') problems.push('controls has an empty entry; ignored');
    else if (!isEmbedControl(entry))
      problems.push(`controls: ${quote(entry)} is not one of ${EMBED_CONTROLS.join(', ')}; ignored`);
    else if (value.includes(entry)) problems.push(`controls names ${entry} twice; kept once`);
    else value.push(entry);
  }
  if (entries.length > MAX_CONTROL_ENTRIES)
    problems.push(`controls has ${entries.length} entries; only the first ${MAX_CONTROL_ENTRIES} were read`);
  return { value, problems };
}

export function writeControls(controls: readonly EmbedControl[]): string | null {
  return controls.length > 0 ? controls.join(',') : null;
}

const ORIGIN_EXAMPLE = 'e.g. https://example.org';

/**
 * A web origin (scheme, host and port, as `location.origin` gives it) for postMessage. Only one
 * exact origin: a wildcard or a bare host would let pages the embedder never meant drive the view.
 */
export function readOrigin(raw: string): Reading<string> {
  const s = raw.trim();
  if (s === '') return { value: '', problems: [] };
  const refuse = (why: string): Reading<string> => ({
    value: '',
    problems: [`origin=${quote(raw)} ${why}; no page may send settings`],
  });
  if (s === '*') return refuse(`would let any page drive this one: give the host page's origin (${ORIGIN_EXAMPLE})`);
  let url: URL;
  try {
    url = new URL(s);
  } catch {
    return refuse(`is not an origin (${ORIGIN_EXAMPLE})`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return refuse(`is not an http or https origin (${ORIGIN_EXAMPLE})`);
  if (url.username || url.password) return refuse('has a user name or password');
  if (url.pathname !== '/' || url.search || url.hash || !/^https?:\/\/[^/?#]+\/?$/i.test(s))
    return refuse(`has a path, query or fragment; an origin is scheme, host and port only (${ORIGIN_EXAMPLE})`);
  return { value: url.origin, problems: [] };
}
