// The messages a host page may send an embed by postMessage (when the link names its origin, see
// embedFields.ts), read like a link: a typed, versioned schema, and for anything outside it one
// line naming the first problem. The values of `set` are the link's own keys and texts; hostSettings.ts
// runs them through the link decoder, so a message can set exactly what a link can, checked the same way.

import { quote } from '../core/params';
import { URL_FIELDS } from './url';

/** The version of the message API; every message carries it as `initscope: 1`. */
export const HOST_API_VERSION = 1;

/** Echoed in the reply so a host can match it to its request; null when the request had none. */
export type RequestId = string | number | null;

export type HostRequest =
  | { type: 'set'; id: RequestId; settings: Record<string, string> }
  | { type: 'step'; id: RequestId; to: number | 'all' }
  | { type: 'step'; id: RequestId; by: number }
  | { type: 'get'; id: RequestId };

export type HostReading = { ok: true; request: HostRequest } | { ok: false; id: RequestId; problem: string };

export const REQUEST_TYPES = ['set', 'step', 'get'] as const;
const FIELDS: Record<(typeof REQUEST_TYPES)[number], readonly string[]> = {
  set: ['initscope', 'type', 'id', 'settings'],
  step: ['initscope', 'type', 'id', 'to', 'by'],
  get: ['initscope', 'type', 'id'],
};

/**
 * The link keys a host may set: the network's settings and parameters and the view's switches. Not
 * `embed` (the host chose an embed), nor `origin` or `controls` (who may drive the page and what its
 * reader may change are the embedder's to write in the link), nor pins and training.
 */
export const SETTABLE_KEYS: ReadonlySet<string> = new Set(
  URL_FIELDS.filter(
    (f) => (f.place.to === 'config' || f.place.to === 'param' || f.place.to === 'view') && f.key !== 'embed',
  ).map((f) => f.key),
);

/** More than any real change needs; a bound so a message cannot make the page work for long. */
const MAX_SETTINGS = 40;
const MAX_ID_LENGTH = 100;
const MAX_VALUE_LENGTH = 200;
/** Past any depth the page can run (LIMITS.depth, residual stems and blocks included). */
const MAX_STEP = 100_000;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A text short enough to name in a one-line reply. */
function show(v: unknown): string {
  if (typeof v === 'string') return quote(v);
  if (typeof v === 'number' || typeof v === 'boolean' || v === null || v === undefined) return String(v);
  if (Array.isArray(v)) return 'a list';
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

function readId(v: unknown): RequestId | undefined {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string' && v.length <= MAX_ID_LENGTH) return v;
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  return undefined;
}

/** A setting's value as link text: strings as they are, finite numbers and booleans as a link writes them. */
function settingText(key: string, v: unknown): { text: string } | { problem: string } {
  if (typeof v === 'string')
    return v.length <= MAX_VALUE_LENGTH
      ? { text: v }
      : { problem: `settings.${key} is longer than ${MAX_VALUE_LENGTH} characters` };
  if (typeof v === 'boolean') return { text: v ? '1' : '0' };
  if (typeof v === 'number' && Number.isFinite(v)) return { text: String(v === 0 ? 0 : v).replace('e+', 'e') };
  return { problem: `settings.${key} is ${show(v)}; a value is a string, a finite number or true/false, as in a link` };
}

function readSettings(v: unknown): { settings: Record<string, string> } | { problem: string } {
  if (!isRecord(v))
    return { problem: `settings is ${show(v)}; it must be an object of link keys and values, e.g. {"depth": 30}` };
  const keys = Object.keys(v);
  if (keys.length === 0) return { problem: 'settings is empty; name at least one link key, e.g. {"depth": 30}' };
  if (keys.length > MAX_SETTINGS) return { problem: `settings has ${keys.length} keys; at most ${MAX_SETTINGS}` };
  const settings: Record<string, string> = {};
  for (const key of keys) {
    if (!SETTABLE_KEYS.has(key))
      return {
        problem: `settings.${show(key)} is not a setting a host can set (the keys of a link: init, act, depth, width, seed, …)`,
      };
    const read = settingText(key, v[key]);
    if ('problem' in read) return read;
    settings[key] = read.text;
  }
  return { settings };
}

function readStep(data: Record<string, unknown>, id: RequestId): HostReading {
  const has = (k: string) => Object.hasOwn(data, k);
  if (has('to') === has('by'))
    return {
      ok: false,
      id,
      problem: 'a step message takes one of to (a layer, or "all") and by (layers forward, or back when negative)',
    };
  if (has('to')) {
    const to = data.to;
    if (to === 'all') return { ok: true, request: { type: 'step', id, to } };
    if (typeof to !== 'number' || !Number.isInteger(to) || to < 1 || to > MAX_STEP)
      return { ok: false, id, problem: `to is ${show(to)}; it must be a layer 1, 2, … or "all"` };
    return { ok: true, request: { type: 'step', id, to } };
  }
  const by = data.by;
  if (typeof by !== 'number' || !Number.isInteger(by) || by === 0 || Math.abs(by) > MAX_STEP)
    return {
      ok: false,
      id,
      problem: `by is ${show(by)}; it must be a whole number of layers other than 0, e.g. 1 or -1`,
    };
  return { ok: true, request: { type: 'step', id, by } };
}

/** Reads one message's data; never throws. The first problem found is the one named. */
export function readHostMessage(data: unknown): HostReading {
  if (!isRecord(data))
    return {
      ok: false,
      id: null,
      problem: `a message is an object such as {"initscope": ${HOST_API_VERSION}, "type": "get"}, not ${show(data)}`,
    };
  const id = readId(data.id);
  if (id === undefined)
    return {
      ok: false,
      id: null,
      problem: `id is ${show(data.id)}; it must be a string of at most ${MAX_ID_LENGTH} characters or a finite number`,
    };
  if (data.initscope !== HOST_API_VERSION)
    return {
      ok: false,
      id,
      problem: `initscope is ${show(data.initscope)}; this page speaks version ${HOST_API_VERSION} of the message API (initscope: ${HOST_API_VERSION})`,
    };
  const type = data.type;
  if (typeof type !== 'string' || !(REQUEST_TYPES as readonly string[]).includes(type))
    return { ok: false, id, problem: `type is ${show(type)}; it must be one of ${REQUEST_TYPES.join(', ')}` };
  const kind = type as HostRequest['type'];
  const extra = Object.keys(data).find((k) => !FIELDS[kind].includes(k));
  if (extra !== undefined)
    return {
      ok: false,
      id,
      problem: `${show(extra)} is not a field of a ${kind} message (its fields: ${FIELDS[kind].join(', ')})`,
    };
  if (kind === 'get') return { ok: true, request: { type: 'get', id } };
  if (kind === 'step') return readStep(data, id);
  const read = readSettings(data.settings);
  if ('problem' in read) return { ok: false, id, problem: read.problem };
  return { ok: true, request: { type: 'set', id, settings: read.settings } };
}
