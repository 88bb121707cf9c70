// The URL is the app's public save format: every view is a link. Its field table (which key means
// what, its default and range, where it goes) is urlFields.ts; this module is the decoder that
// never throws and the encoder whose output decodes back to the same settings. Config values are
// validated by normalizeConfig, so a link can never put into the store what the CLI would refuse.

import { getActivation } from '../core/activations';
import { normalizeConfig, type ConfigInput, type Issue } from '../core/config';
import { getInitializer } from '../core/initializers';
import { parseBoolean, quote } from '../core/params';
import type { ParamSpec, SimConfig } from '../core/types';
import { isResidual } from './architectureUrl';
import { MAX_PINS, PIN_KEY, joinPin, pinParam, splitPin } from './pinCodec';
import { formatValue, parseQuery } from './queryText';
import { DEFAULT_VIEW, type ViewSettings } from './store';
import { DEFAULT_TRAINING, type TrainingChoice } from './training';
import { decodeTraining, encodeTraining } from './trainingUrl';
import { URL_FIELDS, URL_VERSION, unlessDefault, type ChoiceView, type Place } from './urlFields';

export { formatValue, parseQuery } from './queryText';
export { URL_FIELDS, URL_VERSION, type UrlField } from './urlFields';

export interface UrlNotice {
  /** The URL key the notice is about; one notice per key. */
  key: string;
  text: string;
}

export interface Decoded {
  config: SimConfig;
  view: ViewSettings;
  /** Configurations pinned for comparison, in link order (at most MAX_PINS, no two alike). */
  pins: SimConfig[];
  training: TrainingChoice;
  notices: UrlNotice[];
}

const FIELD_BY_KEY = new Map(URL_FIELDS.map((f) => [f.key, f]));
/** URL key of each engine Issue field, so normalizeConfig's complaints name what the person typed. */
const KEY_BY_ISSUE_FIELD = new Map<string, string>(
  URL_FIELDS.flatMap((f): [string, string][] =>
    f.place.to === 'config'
      ? [[f.place.input, f.key]]
      : f.place.to === 'param'
        ? [[`param:${f.place.param}`, f.key]]
        : [],
  ),
);
const KEY_BY_PARAM = new Map(
  URL_FIELDS.flatMap((f) => (f.place.to === 'param' ? [[f.place.param, f.key] as const] : [])),
);
/**
 * Keys that are not settings but are read once by other parts of the page at load: `testhook`
 * (end-to-end test handles, worker/client.ts) and `tour` (the guided tour, ui/tour/tourState.ts).
 * They are passed over silently rather than reported as unknown.
 */
export const PAGE_KEYS: ReadonlySet<string> = new Set(['testhook', 'tour']);
/** Past this many, unknown keys are summed up in one notice rather than one each. */
const MAX_UNKNOWN_NOTICES = 5;
/** A width list of 2000 bad entries still makes a readable notice. */
const MAX_TEXTS_PER_NOTICE = 3;

/** Collects one notice per key (the store keeps only the newest per key), each a few lines at most. */
class NoticeList {
  private readonly byKey = new Map<string, string[]>();
  add(key: string, text: string): void {
    const texts = this.byKey.get(key) ?? [];
    if (!texts.includes(text)) texts.push(text);
    this.byKey.set(key, texts);
  }
  list(): UrlNotice[] {
    return [...this.byKey].map(([key, texts]) => {
      const shown = texts.slice(0, MAX_TEXTS_PER_NOTICE);
      if (texts.length > shown.length) shown.push(`${texts.length - shown.length} more problems with ${key}`);
      return { key, text: shown.join('; ') };
    });
  }
  /** Every text in order, e.g. to fold a pin's problems into one notice about that pin. */
  texts(): string[] {
    return [...this.byKey.values()].flat();
  }
}

/**
 * Keeps the last value of each key (as a person editing a link expects) and reports the rest.
 * `pin` is the one repeatable key: its values are appended to `pins` in order.
 */
function collect(search: string, notices: NoticeList, pins: string[]): Map<string, string> {
  const values = new Map<string, string>();
  const counts = new Map<string, number>();
  const unknown: string[] = [];
  for (const [key, value] of parseQuery(search)) {
    if (!FIELD_BY_KEY.has(key)) {
      if (!PAGE_KEYS.has(key) && !unknown.includes(key)) unknown.push(key);
      continue;
    }
    if (key === PIN_KEY) {
      pins.push(value);
      continue;
    }
    values.set(key, value);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  for (const [key, n] of counts) if (n > 1) notices.add(key, `${key} given ${n} times; using the last`);
  for (const key of unknown.slice(0, MAX_UNKNOWN_NOTICES))
    notices.add(key.slice(0, 40), `unknown key ${quote(key)} ignored`);
  if (unknown.length > MAX_UNKNOWN_NOTICES)
    notices.add('unknown keys', `${unknown.length - MAX_UNKNOWN_NOTICES} more unknown keys ignored`);
  return values;
}

function specParams(initId: string, actId: string): { init: readonly ParamSpec[]; act: readonly ParamSpec[] } {
  return { init: getInitializer(initId)?.params ?? [], act: getActivation(actId)?.params ?? [] };
}

/** Sends each parameter key to the initializer and/or activation that declares it. */
function routeParams(values: Map<string, string>, input: ConfigInput, notices: NoticeList): void {
  // The chosen ids decide where parameters go, so resolve them first (unknown ids fall back).
  const { config: chosen } = normalizeConfig({ init: input.init, activation: input.activation });
  const specs = specParams(chosen.init, chosen.activation);
  const initParams: Record<string, string> = {};
  const activationParams: Record<string, string> = {};
  for (const field of URL_FIELDS) {
    const value = values.get(field.key);
    if (field.place.to !== 'param' || value === undefined) continue;
    const { param } = field.place;
    const inInit = specs.init.some((p) => p.name === param);
    const inAct = specs.act.some((p) => p.name === param);
    if (inInit) initParams[param] = value;
    if (inAct) activationParams[param] = value;
    if (!inInit && !inAct) {
      const own = [...specs.init, ...specs.act].map((p) => KEY_BY_PARAM.get(p.name) ?? p.name);
      const theirs = own.length ? `they take ${own.join(', ')}` : 'they take no parameters';
      notices.add(
        field.key,
        `${field.key}=${quote(value)} does not apply to ${chosen.init} with ${chosen.activation} (${theirs}); ignored`,
      );
    }
  }
  input.initParams = initParams;
  input.activationParams = activationParams;
}

function issueText(key: string, issue: Issue, raw: string | undefined): string {
  if (issue.field === 'init') return `init=${quote(raw)} is not a known initializer; using ${issue.using}`;
  if (issue.field === 'activation') return `act=${quote(raw)} is not a known activation; using ${issue.using}`;
  // Most problems start with the value itself ("100000 is above 2000"), which reads as key=value.
  const joiner = /^["+\-\d.]/.test(issue.problem) ? '=' : ': ';
  return `${key}${joiner}${issue.problem}; using ${issue.using}`;
}

function decodeView(values: Map<string, string>, notices: NoticeList): ViewSettings {
  const view: ViewSettings = { ...DEFAULT_VIEW };
  for (const field of URL_FIELDS) {
    const raw = values.get(field.key);
    if (raw === undefined) continue;
    if (field.place.to === 'view-text') {
      for (const problem of field.place.read(raw, view)) notices.add(field.key, problem);
      continue;
    }
    if (field.place.to !== 'view') continue;
    if (field.place.choices === null) {
      const b = parseBoolean(raw);
      if (b === null) notices.add(field.key, `${field.key}=${quote(raw)} is not 1 or 0; using ${field.default}`);
      else view[field.place.view] = b;
      continue;
    }
    const choice = field.place.choices.find((c) => c === raw.trim().toLowerCase());
    // The table's words are the setting's own type (choiceField), and url.test.ts decodes each.
    if (choice !== undefined) (view as Record<ChoiceView, string>)[field.place.view] = choice;
    else
      notices.add(
        field.key,
        `${field.key}=${quote(raw)} is not one of ${field.place.choices.join(', ')}; using ${field.default}`,
      );
  }
  return view;
}

export function decodeQuery(search: string): Decoded {
  const notices = new NoticeList();
  const pinTexts: string[] = [];
  const values = collect(search, notices, pinTexts);

  const version = values.get('v');
  if (version !== undefined && version.trim() !== URL_VERSION)
    notices.add('v', `v=${quote(version)} is not a known link version; reading it as version ${URL_VERSION}`);

  const config = decodeConfig(values, notices);
  const view = decodeView(values, notices);
  const pins = decodePins(pinTexts, notices);
  const training = decodeTraining(values, config.seed, (key, text) => notices.add(key, text));
  return { config, view, pins, training, notices: notices.list() };
}

/** The network settings the config and parameter keys among `values` describe; problems go to `notices`. */
function decodeConfig(values: Map<string, string>, notices: NoticeList): SimConfig {
  const input: ConfigInput = {};
  for (const field of URL_FIELDS) {
    const value = values.get(field.key);
    if (field.place.to === 'config' && value !== undefined) input[field.place.input] = value;
  }
  routeParams(values, input, notices);
  const { config, issues } = normalizeConfig(input);
  for (const issue of issues) {
    const key = KEY_BY_ISSUE_FIELD.get(issue.field) ?? issue.field;
    notices.add(key, issueText(key, issue, values.get(key)));
  }
  // normalizeConfig takes a list in `width` over `depth`; say so when the two disagree.
  const depth = values.get('depth');
  if (depth !== undefined && values.get('width')?.includes(',') && Number(depth.trim()) !== config.widths.length) {
    notices.add('depth', `depth=${quote(depth)} ignored: the width list sets ${config.widths.length} layers`);
  }
  if (depth !== undefined && isResidual(config))
    notices.add('depth', `depth=${quote(depth)} ignored: a residual network has the stem plus blocks × bdepth layers`);
  // "seed=-0" passes every range check; store +0 so equal links decode to deep-equal configs.
  config.seed = config.seed === 0 ? 0 : config.seed;
  return config;
}

/** Problems of one pin shown in its notice; more are counted, so the line stays short. */
const MAX_TEXTS_PER_PIN = 2;

/**
 * Each pin through the same keys and normalizeConfig as the link itself. Its problems become one
 * notice keyed "pin N", so a person can tell which pin to fix; a pin alike an earlier one is dropped.
 */
function decodePins(texts: readonly string[], notices: NoticeList): SimConfig[] {
  if (texts.length > MAX_PINS)
    notices.add(PIN_KEY, `${texts.length} pins given; only ${MAX_PINS} pins are kept (the first ${MAX_PINS})`);
  const pins: SimConfig[] = [];
  const seen = new Set<string>();
  texts.slice(0, MAX_PINS).forEach((text, i) => {
    const own = new NoticeList();
    const values = new Map<string, string>();
    const { pairs, malformed } = splitPin(text);
    for (const part of malformed) own.add(part.slice(0, 40), `${quote(part)} is not a key:value pair; ignored`);
    for (const [key, value] of pairs) {
      const place = FIELD_BY_KEY.get(key)?.place;
      if (place?.to !== 'config' && place?.to !== 'param') {
        own.add(key.slice(0, 40), `${quote(key)} is not a network setting; ignored`);
        continue;
      }
      if (values.has(key)) own.add(key, `${key} given more than once; using the last`);
      values.set(key, value);
    }
    const config = decodeConfig(values, own);
    const name = `${PIN_KEY} ${i + 1}`;
    const problems = own.texts();
    const shown = problems.slice(0, MAX_TEXTS_PER_PIN);
    if (problems.length > shown.length) shown.push(`${problems.length - shown.length} more problems`);
    if (shown.length > 0) notices.add(name, `${name}: ${shown.join('; ')}`);
    const key = encodePin(config);
    if (seen.has(key)) notices.add(name, `${name} is the same configuration as an earlier pin; ignored`);
    else pins.push(config);
    seen.add(key);
  });
  return pins;
}

function paramValueOf(specs: readonly ParamSpec[], values: SimConfig['initParams'], param: string): string | null {
  const spec = specs.find((p) => p.name === param);
  const value = values[param];
  return spec && value !== undefined && value !== spec.default ? formatValue(value) : null;
}

/** The text of a config or parameter key for `config`, or null when it is left out (the default). */
function configValue(place: Place, config: SimConfig, specs: ReturnType<typeof specParams>): string | null {
  if (place.to === 'config') return place.write(config);
  if (place.to === 'param')
    return (
      paramValueOf(specs.init, config.initParams, place.param) ??
      paramValueOf(specs.act, config.activationParams, place.param)
    );
  return null;
}

/**
 * One pin's text: its non-default keys as `key:value~…` (see pinCodec.ts), the initializer always
 * written so the pin reads as what it is. Equal configurations give equal texts: the pin's identity.
 */
export function encodePin(config: SimConfig): string {
  const specs = specParams(config.init, config.activation);
  const pairs: [string, string][] = [];
  for (const field of URL_FIELDS) {
    const value = field.key === 'init' ? config.init : configValue(field.place, config, specs);
    if (value !== null) pairs.push([field.key, value]);
  }
  return joinPin(pairs);
}

/** `?v=1&…` with defaults left out, or '' when everything is the default. */
export function encodeQuery(
  config: SimConfig,
  view: ViewSettings,
  pins: readonly SimConfig[] = [],
  training: TrainingChoice = DEFAULT_TRAINING,
): string {
  const trainingValues = new Map(encodeTraining(training, formatValue));
  const specs = specParams(config.init, config.activation);
  const parts: string[] = [];
  for (const field of URL_FIELDS) {
    const { place } = field;
    let value: string | null = null;
    if (place.to === 'config' || place.to === 'param') value = configValue(place, config, specs);
    else if (place.to === 'view') {
      value = unlessDefault(formatValue(view[place.view]), field.default);
    } else if (place.to === 'view-text') {
      value = place.write(view);
    } else if (place.to === 'pin') {
      for (const pin of pins) parts.push(`${field.key}=${pinParam(encodePin(pin))}`);
    } else if (place.to === 'training') {
      value = trainingValues.get(field.key) ?? null;
    }
    if (value !== null) parts.push(`${field.key}=${encodeURIComponent(value).replace(/%2C/g, ',')}`);
  }
  return parts.length ? `?v=${URL_VERSION}&${parts.join('&')}` : '';
}
