// Property-based fuzzing of the link decoder: people paste links from slides, chat and old
// bookmarks, so any query string must decode to valid settings, name every key it could not
// use, and land on a canonical link that decodes to the same settings again.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTIVATIONS, getActivation } from '../core/activations';
import { normalizeConfig } from '../core/config';
import { INITIALIZERS, getInitializer } from '../core/initializers';
import { LIMITS } from '../core/limits';
import { parseBoolean, parseParam } from '../core/params';
import type { ParamSpec, ParamValues, SimConfig } from '../core/types';
import { EMBED_CONTROLS, EMBED_PANELS } from './embedFields';
import { DEFAULT_VIEW, type ViewSettings } from './store';
import { PAGE_KEYS, URL_FIELDS, decodeQuery, encodeQuery, parseQuery, type Decoded } from './url';

const KEYS = URL_FIELDS.map((f) => f.key);
/** The link keys other keys' meaning depends on, with the config input each sets. */
const ARCHITECTURE_CONTEXT: [string, string][] = [
  ['res', 'residual'],
  ['bdepth', 'branchDepth'],
  ['norm', 'norm'],
  ['width', 'width'],
];
const FIELD = new Map(URL_FIELDS.map((f) => [f.key, f]));
const SPECS = [...INITIALIZERS, ...ACTIVATIONS].flatMap((s) => s.params);
const WORDS = [
  ...INITIALIZERS.map((s) => s.id),
  ...ACTIVATIONS.map((s) => s.id),
  ...SPECS.flatMap((p) => (p.kind === 'enum' ? p.choices : [])),
  ...['true', 'false', 'yes', 'off', '1', '0', 'ridgeline', 'heatmap', 'adaptive', 'fixed', 'normal', 'uniform'],
  ...[
    'signal',
    'phase',
    'init,depth',
    'act,act',
    'https://example.org',
    'http://127.0.0.1:8000/',
    '*',
    'null',
    'https://a.b/c',
  ],
];

const numberText = fc.oneof(
  fc.integer({ min: -5, max: 5000 }).map(String),
  fc.integer().map(String),
  fc.double().map(String),
  fc.bigInt().map(String),
  fc.constantFrom(
    'NaN',
    'Infinity',
    '-Infinity',
    '-0',
    '+0',
    '1e309',
    '-1e309',
    '1e-400',
    '5e-324',
    '0x10',
    '1_000',
    '١٢',
    ' 12 ',
    '12abc',
  ),
  fc.constantFrom(
    '.5',
    '5.',
    '1e',
    'e5',
    '+',
    '-',
    '0.1e1',
    '4294967295',
    '4294967296',
    '2000',
    '2001',
    '4096',
    '4097',
    '100',
    '100.0000001',
    '9'.repeat(400),
  ),
);
const word = fc.constantFrom(...WORDS).chain((w) => fc.constantFrom(w, w.toUpperCase(), ` ${w} `, `${w}x`, w.slice(1)));
const widthList = fc
  .array(fc.oneof(numberText, fc.constant(''), fc.integer({ min: 1, max: 64 }).map(String)), {
    minLength: 1,
    maxLength: 30,
  })
  .map((a) => a.join(','));
const hugeList = fc.integer({ min: 1995, max: 2100 }).map((n) => new Array<string>(n).fill('2').join(','));
const percentGarbage = fc
  .array(
    fc.constantFrom(
      '%',
      '%z',
      '%zz',
      '%E0',
      '%A4',
      '%FF',
      '%00',
      '%2',
      '%%',
      '%25',
      '%C3%A9',
      '%F0%9F%92%A5',
      '%ED%A0%80',
      '+',
      '=',
      '#',
      '?',
      ',',
      'a',
    ),
    { maxLength: 12 },
  )
  .map((a) => a.join(''));
const hostile = fc.constantFrom(
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '\u202Enormal',
  '\uD800',
  '\u0000',
  'constructor',
  '__proto__',
);
/** A pin-shaped value: link keys (some not settings at all) with link-like values, as `key:value~…`. */
const pinText = fc
  .array(fc.tuple(fc.constantFrom(...KEYS, 'nope'), fc.oneof(numberText, word, widthList)), { maxLength: 6 })
  .map((pairs) => pairs.map(([k, v]) => `${k}:${v}`).join('~'));
const long = fc
  .tuple(fc.integer({ min: 1000, max: 100_000 }), fc.constantFrom('x', '9', '%', 'é', ',', '1,'))
  .map(([n, c]) => c.repeat(n / c.length));

const value = fc.oneof(
  { weight: 6, arbitrary: numberText },
  { weight: 5, arbitrary: word },
  { weight: 2, arbitrary: widthList },
  { weight: 2, arbitrary: fc.constant('') },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 2, arbitrary: percentGarbage },
  { weight: 1, arbitrary: hostile },
  { weight: 1, arbitrary: hugeList },
  { weight: 1, arbitrary: long },
  { weight: 2, arbitrary: pinText },
);
const key = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom(...KEYS) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'Depth',
      'WIDTH',
      'testhook',
      '__proto__',
      'constructor',
      'toString',
      '%64epth',
      'unknown keys',
      ' depth',
      'v ',
    ),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 1, arbitrary: percentGarbage },
);

/** encodeURIComponent throws on a lone surrogate; such a value then goes in raw. */
function encode(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return s;
  }
}

const pair = fc
  .tuple(key, value, fc.constantFrom('raw', 'encoded', 'bare'))
  .map(([k, v, how]) => (how === 'bare' ? k : `${k}=${how === 'raw' ? v : encode(v)}`));
const query = fc.oneof(
  {
    weight: 20,
    arbitrary: fc
      .tuple(fc.constantFrom('?', '', '?&'), fc.array(pair, { maxLength: 12 }))
      .map(([lead, pairs]) => lead + pairs.join('&')),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
);

function inRange(v: number, r: { min: number; max: number }): boolean {
  return Number.isInteger(v) && v >= r.min && v <= r.max;
}

/** Problems are collected as text and asserted once per case: one readable failure, and fast. */
type Problems = string[];

function check(problems: Problems, ok: boolean, what: string): void {
  if (!ok) problems.push(what);
}

/** Every value lies in the field table's ranges: LIMITS and each parameter's spec. */
function checkValid({ config, view, notices }: Decoded, problems: Problems): void {
  const depth = config.widths.length;
  check(problems, depth >= LIMITS.depth.min && depth <= LIMITS.depth.max, `depth ${depth}`);
  check(
    problems,
    config.widths.every((w) => inRange(w, LIMITS.width)),
    'a width out of range',
  );
  check(problems, inRange(config.inputDim, LIMITS.inputDim), `inputDim ${config.inputDim}`);
  check(problems, inRange(config.batch, LIMITS.batch), `batch ${config.batch}`);
  check(problems, inRange(config.seed, LIMITS.seed) && !Object.is(config.seed, -0), `seed ${config.seed}`);
  check(
    problems,
    config.biasStd >= LIMITS.biasStd.min && config.biasStd <= LIMITS.biasStd.max,
    `biasStd ${config.biasStd}`,
  );
  check(problems, config.input === 'normal' || config.input === 'uniform', `input ${config.input}`);
  const checkParams = (specs: readonly ParamSpec[], values: ParamValues) => {
    check(
      problems,
      Object.keys(values).sort().join() ===
        specs
          .map((s) => s.name)
          .sort()
          .join(),
      `params ${Object.keys(values).join()}`,
    );
    for (const spec of specs) {
      const v = values[spec.name];
      const ok =
        spec.kind === 'number'
          ? typeof v === 'number' && v >= spec.min && v <= spec.max && !Object.is(v, -0)
          : spec.kind === 'enum'
            ? typeof v === 'string' && spec.choices.includes(v)
            : typeof v === 'boolean';
      check(problems, ok, `${spec.name}=${String(v)}`);
    }
  };
  checkParams(getInitializer(config.init)!.params, config.initParams);
  checkParams(getActivation(config.activation)!.params, config.activationParams);
  check(problems, typeof view.showActivations === 'boolean', 'showActivations');
  check(problems, view.histogram === 'ridgeline' || view.histogram === 'heatmap', `histogram ${view.histogram}`);
  check(problems, view.histRange === 'adaptive' || view.histRange === 'fixed', `histRange ${view.histRange}`);
  check(problems, (EMBED_PANELS as readonly string[]).includes(view.panel), `panel ${view.panel}`);
  check(
    problems,
    view.controls.every((c, i) => EMBED_CONTROLS.includes(c) && view.controls.indexOf(c) === i),
    `controls ${view.controls.join()}`,
  );
  // An origin is exactly what location.origin would give: the only text postMessage is matched against.
  check(
    problems,
    view.origin === '' || (/^https?:\/\/[^/?#@]+$/.test(view.origin) && new URL(view.origin).origin === view.origin),
    `origin ${view.origin}`,
  );
  for (const n of notices) {
    // A notice is one short line whatever was pasted.
    check(
      problems,
      // eslint-disable-next-line no-control-regex
      n.text.length < 400 && !/[\u0000-\u001f\u007f]/.test(n.text),
      `notice ${JSON.stringify(n.text.slice(0, 80))}`,
    );
  }
}

/** Whether a key's value, read on its own rules, is taken as given (no correction needed). */
function accepted(key: string, raw: string, decoded: Decoded, values: Map<string, string>): boolean {
  const place = FIELD.get(key)!.place;
  const { config } = decoded;
  switch (place.to) {
    case 'version':
      return raw.trim() === '1';
    case 'config': {
      // Architecture keys depend on each other (blocks only with res=1, fixup on bdepth, batch on
      // norm): a key is decoded with those of the link, and only its own problems count.
      const context = Object.fromEntries(
        ARCHITECTURE_CONTEXT.flatMap(([k, input]) => (k !== key && values.has(k) ? [[input, values.get(k)]] : [])),
      );
      const alone = normalizeConfig({ ...context, [place.input]: raw });
      if (alone.issues.some((i) => i.field === place.input || (i.field === 'width' && key === 'width'))) return false;
      if (place.input !== 'depth' || !values.get('width')?.includes(',')) return true;
      // A width list sets the depth; a depth that disagrees with it is not used.
      return alone.config.widths.length === config.widths.length;
    }
    case 'param': {
      const specs = [...getInitializer(config.init)!.params, ...getActivation(config.activation)!.params];
      const spec = specs.find((p) => p.name === place.param);
      return spec !== undefined && parseParam(spec, raw).ok;
    }
    case 'view': {
      if (place.choices === null) return parseBoolean(raw) !== null;
      return place.choices.includes(raw.trim().toLowerCase());
    }
    case 'view-text':
      // Read on its own rules: a list or an origin with nothing to drop or refuse.
      return place.read(raw, { ...DEFAULT_VIEW }).length === 0;
    case 'pin':
      // A repeatable key: checkPinsReported looks at each of them.
      return true;
    case 'training': {
      // The minibatch is checked against the data set's size, so it is read with the data key.
      const data = key === 'bs' && values.has('data') ? `&data=${encode(values.get('data')!)}` : '';
      return decodeQuery(`?${key}=${encode(raw)}${data}`).notices.every((n) => n.key !== key);
    }
  }
}

/** Each pin is kept as decoded on its own, or its notice ("pin N") says why not; past four, "pin" says so. */
function checkPinsReported(raws: readonly string[], decoded: Decoded, noticed: Set<string>, problems: Problems): void {
  check(problems, decoded.pins.length <= 4, `${decoded.pins.length} pins kept`);
  if (raws.length > 4) check(problems, noticed.has('pin'), `${raws.length} pins without a notice`);
  raws.slice(0, 4).forEach((raw, i) => {
    const alone = decodeQuery(`?pin=${encode(raw)}`);
    const shown = `pin ${i + 1}=${JSON.stringify(raw.slice(0, 60))}`;
    const kept =
      alone.pins.length === 1 && decoded.pins.some((p) => JSON.stringify(p) === JSON.stringify(alone.pins[0]));
    if (alone.notices.length > 0 || !kept)
      check(problems, noticed.has(`pin ${i + 1}`), `${shown} was corrected or dropped but not reported`);
  });
}

/** The settings a key carries when decoded on its own, as they appear in the full result. */
function reflected(key: string, raw: string, config: SimConfig, view: ViewSettings): boolean {
  const place = FIELD.get(key)!.place;
  if (place.to === 'view-text') return place.write(decodeQuery(`?${key}=${encode(raw)}`).view) === place.write(view);
  if (place.to === 'view')
    return JSON.stringify(decodeQuery(`?${key}=${encode(raw)}`).view[place.view]) === JSON.stringify(view[place.view]);
  if (place.to !== 'config') return true;
  const alone = normalizeConfig({ [place.input]: raw }).config;
  switch (place.input) {
    case 'depth':
      return alone.widths.length === config.widths.length;
    case 'width':
      return raw.includes(',')
        ? JSON.stringify(alone.widths) === JSON.stringify(config.widths)
        : config.widths.every((w) => w === alone.widths[0]);
    case 'biasStd':
      return alone.biasStd === config.biasStd;
    case 'residual':
    case 'blocks':
    case 'branchDepth':
    case 'norm':
    case 'normPosition':
    case 'normEps':
    case 'branchScale':
    case 'fixup':
      // Architecture keys depend on each other (blocks only with residual): decoded together.
      return true;
    default:
      return JSON.stringify(alone[place.input]) === JSON.stringify(config[place.input]);
  }
}

function checkEveryRejectedKeyReported(search: string, decoded: Decoded, problems: Problems): void {
  const noticed = new Set(decoded.notices.map((n) => n.key));
  const values = new Map<string, string>();
  const counts = new Map<string, number>();
  const pins: string[] = [];
  // Distinct keys: a key repeated is one unknown key (and one notice), not several.
  const unknown = new Set<string>();
  for (const [k, v] of parseQuery(search)) {
    if (PAGE_KEYS.has(k)) continue; // read elsewhere on the page, never reported
    if (!FIELD.has(k)) {
      unknown.add(k);
      // Past five unknown keys the rest are summed up in one notice.
      check(
        problems,
        noticed.has(k.slice(0, 40)) || noticed.has('unknown keys'),
        `unknown key ${JSON.stringify(k.slice(0, 60))} not reported`,
      );
      continue;
    }
    if (k === 'pin') {
      pins.push(v);
      continue;
    }
    values.set(k, v);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  if (unknown.size > 5) check(problems, noticed.has('unknown keys'), 'no summary of unknown keys');
  checkPinsReported(pins, decoded, noticed, problems);
  for (const [k, raw] of values) {
    const shown = `${k}=${JSON.stringify(raw.slice(0, 60))}`;
    if ((counts.get(k) ?? 0) > 1) check(problems, noticed.has(k), `repeated ${k} not reported`);
    if (!accepted(k, raw, decoded, values)) check(problems, noticed.has(k), `${shown} was not used but not reported`);
    else if (!noticed.has(k))
      check(problems, reflected(k, raw, decoded.config, decoded.view), `${shown} accepted but not applied`);
  }
}

function checkFixedPoint(decoded: Decoded, problems: Problems): void {
  const link = encodeQuery(decoded.config, decoded.view, decoded.pins, decoded.training);
  const again = decodeQuery(link);
  check(problems, again.notices.length === 0, `${link} decodes with notices ${JSON.stringify(again.notices)}`);
  check(problems, JSON.stringify(again.config) === JSON.stringify(decoded.config), `${link} decodes to other settings`);
  check(problems, JSON.stringify(again.view) === JSON.stringify(decoded.view), `${link} decodes to another view`);
  check(problems, JSON.stringify(again.pins) === JSON.stringify(decoded.pins), `${link} decodes to other pins`);
  check(
    problems,
    JSON.stringify(again.training) === JSON.stringify(decoded.training),
    `${link} decodes to other training settings`,
  );
  check(
    problems,
    encodeQuery(again.config, again.view, again.pins, again.training) === link,
    `${link} encodes differently the second time`,
  );
}

/** A time box for a shared, loaded machine; the cases themselves take seconds. */
const TIME_BOX_MS = 300_000;

describe('decodeQuery under fuzzing', () => {
  it(
    'never throws, stays in range, reports every rejected key and encodes to a fixed point (10,000 links)',
    () => {
      fc.assert(
        fc.property(query, (search) => {
          const problems: Problems = [];
          const decoded = decodeQuery(search);
          checkValid(decoded, problems);
          for (const pin of decoded.pins)
            checkValid(
              { config: pin, view: decoded.view, pins: [], training: decoded.training, notices: [] },
              problems,
            );
          checkEveryRejectedKeyReported(search, decoded, problems);
          checkFixedPoint(decoded, problems);
          expect(problems).toEqual([]);
        }),
        { seed: 20_240_611, numRuns: 10_000 },
      );
    },
    TIME_BOX_MS,
  );
});
