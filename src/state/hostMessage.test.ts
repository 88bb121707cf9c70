// The host page's messages are read like links: the schema's cases, and fuzzing — any data at all
// gives either a request inside the schema or one line naming the problem, never a throw.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HOST_API_VERSION, REQUEST_TYPES, SETTABLE_KEYS, readHostMessage, type HostReading } from './hostMessage';
import { decodeSettings } from './hostSettings';
import { DEFAULT_VIEW, defaultConfig } from './store';
import { DEFAULT_TRAINING } from './training';
import { URL_FIELDS } from './url';

const base = { initscope: HOST_API_VERSION };
const problemOf = (r: HostReading) => (r.ok ? null : r.problem);

describe('readHostMessage', () => {
  it('reads the three requests, with and without an id', () => {
    expect(readHostMessage({ ...base, type: 'get' })).toEqual({ ok: true, request: { type: 'get', id: null } });
    expect(readHostMessage({ ...base, type: 'get', id: 'q1' })).toEqual({
      ok: true,
      request: { type: 'get', id: 'q1' },
    });
    expect(readHostMessage({ ...base, type: 'step', id: 7, by: -1 })).toEqual({
      ok: true,
      request: { type: 'step', id: 7, by: -1 },
    });
    expect(readHostMessage({ ...base, type: 'step', to: 'all' })).toEqual({
      ok: true,
      request: { type: 'step', id: null, to: 'all' },
    });
    expect(
      readHostMessage({ ...base, type: 'set', settings: { depth: 30, act: 'tanh', grads: false, bias: 0.05 } }),
    ).toEqual({
      ok: true,
      request: { type: 'set', id: null, settings: { depth: '30', act: 'tanh', grads: '0', bias: '0.05' } },
    });
  });

  it('names the first problem, keeping the id for the reply', () => {
    const cases: [unknown, RegExp][] = [
      ['get', /a message is an object .* not "get"/],
      [null, /not null/],
      [[1], /not a list/],
      [{ type: 'get' }, /initscope is undefined; this page speaks version 1/],
      [{ initscope: 2, type: 'get' }, /initscope is 2/],
      [{ ...base, type: 'delete' }, /type is "delete"; it must be one of set, step, get/],
      [{ ...base, type: 'get', extra: 1 }, /"extra" is not a field of a get message/],
      [{ ...base, type: 'get', id: {} }, /id is an object/],
      [{ ...base, type: 'set' }, /settings is undefined/],
      [{ ...base, type: 'set', settings: {} }, /settings is empty/],
      [
        { ...base, type: 'set', settings: { origin: 'https://evil.example' } },
        /settings\."origin" is not a setting a host can set/,
      ],
      [{ ...base, type: 'set', settings: { embed: 0 } }, /settings\."embed" is not a setting/],
      [{ ...base, type: 'set', settings: { __proto__x: 1 } }, /is not a setting/],
      [
        { ...base, type: 'set', settings: { depth: NaN } },
        /settings\.depth is NaN; a value is a string, a finite number or true\/false/,
      ],
      [{ ...base, type: 'set', settings: { depth: [30] } }, /settings\.depth is a list/],
      [{ ...base, type: 'step' }, /one of to .* and by/],
      [{ ...base, type: 'step', to: 1, by: 1 }, /one of to .* and by/],
      [{ ...base, type: 'step', to: 0 }, /to is 0; it must be a layer 1, 2, … or "all"/],
      [{ ...base, type: 'step', to: 2.5 }, /to is 2\.5/],
      [{ ...base, type: 'step', by: 0 }, /by is 0/],
    ];
    for (const [data, problem] of cases)
      expect(problemOf(readHostMessage(data)), JSON.stringify(data)).toMatch(problem);
    expect(readHostMessage({ ...base, id: 'q9', type: 'nope' })).toMatchObject({ ok: false, id: 'q9' });
  });

  it('lets a host set the link keys of the network and the view, but not who drives the embed', () => {
    const keys = URL_FIELDS.map((f) => f.key);
    for (const k of ['init', 'act', 'depth', 'width', 'seed', 'bias', 'std', 'acts', 'grads', 'quiz', 'panel'])
      expect(SETTABLE_KEYS.has(k), k).toBe(true);
    for (const k of ['v', 'embed', 'origin', 'controls', 'pin']) expect(SETTABLE_KEYS.has(k), k).toBe(false);
    for (const k of SETTABLE_KEYS) expect(keys).toContain(k);
  });
});

const settable = [...SETTABLE_KEYS];
const value = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer(), { maxLength: 2 }),
  fc.object({ maxDepth: 1 }),
);
const messageLike = fc.record(
  {
    initscope: fc.oneof(fc.constant(HOST_API_VERSION), fc.anything()),
    type: fc.oneof(fc.constantFrom(...REQUEST_TYPES), fc.string({ maxLength: 6 })),
    id: fc.oneof(fc.string({ maxLength: 120 }), fc.double(), fc.anything()),
    settings: fc.oneof(
      fc.dictionary(fc.oneof(fc.constantFrom(...settable), fc.string({ maxLength: 6 })), value, { maxKeys: 45 }),
      fc.anything(),
    ),
    to: fc.oneof(fc.integer({ min: -3, max: 200_000 }), fc.constant('all'), fc.double(), fc.anything()),
    by: fc.oneof(fc.integer({ min: -200_000, max: 200_000 }), fc.double(), fc.anything()),
    extra: fc.anything(),
  },
  { requiredKeys: [] },
);

describe('readHostMessage, fuzzed', () => {
  it('any data gives a request inside the schema or one short line, never a throw', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), messageLike), (data) => {
        const read = readHostMessage(data);
        if (!read.ok) {
          expect(read.problem.length).toBeGreaterThan(0);
          expect(read.problem.length).toBeLessThan(300);
          expect(read.problem).not.toMatch(/\n/);
          return;
        }
        const r = read.request;
        expect(REQUEST_TYPES).toContain(r.type);
        expect(r.id === null || typeof r.id === 'string' || Number.isFinite(r.id)).toBe(true);
        if (r.type === 'set') {
          const entries = Object.entries(r.settings);
          expect(entries.length).toBeGreaterThan(0);
          for (const [k, v] of entries) {
            expect(SETTABLE_KEYS.has(k)).toBe(true);
            expect(typeof v).toBe('string');
          }
        }
        if (r.type === 'step') {
          if ('to' in r) expect(r.to === 'all' || (Number.isInteger(r.to) && r.to >= 1)).toBe(true);
          else expect(Number.isInteger(r.by) && r.by !== 0).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('a set the schema accepts is either applied as a link would be or refused naming one of its keys', () => {
    const current = {
      config: defaultConfig(),
      view: { ...DEFAULT_VIEW, embed: true, origin: 'https://course.example.org' },
      pins: [],
      training: DEFAULT_TRAINING,
    };
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.constantFrom(...settable),
          fc.oneof(fc.string({ maxLength: 8 }), fc.integer({ min: -5, max: 3000 }), fc.boolean()),
          { minKeys: 1, maxKeys: 4 },
        ),
        (settings) => {
          const read = readHostMessage({ ...base, type: 'set', settings });
          if (!read.ok || read.request.type !== 'set') return;
          const result = decodeSettings(current, read.request.settings);
          if (!result.ok) {
            expect(Object.keys(settings).some((k) => result.problem.includes(k))).toBe(true);
            return;
          }
          // The embedder's keys survive every set: it stays an embed driven by the same origin.
          expect(result.decoded.view.embed).toBe(true);
          expect(result.decoded.view.origin).toBe('https://course.example.org');
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('decodeSettings', () => {
  const current = { config: defaultConfig(), view: { ...DEFAULT_VIEW }, pins: [], training: DEFAULT_TRAINING };

  it('puts the keys over the current settings through the link decoder', () => {
    const r = decodeSettings(current, { depth: '12', act: 'tanh' });
    expect(r.ok && r.decoded.config.widths.length).toBe(12);
    expect(r.ok && r.decoded.config.activation).toBe('tanh');
    expect(r.ok && r.decoded.config.init).toBe(current.config.init);
  });

  it('refuses a value the link decoder would correct, naming it, and applies nothing', () => {
    const problem = (settings: Record<string, string>) => {
      const r = decodeSettings(current, settings);
      return r.ok ? null : r.problem;
    };
    expect(problem({ depth: '0' })).toBe('depth=0 is below 1 (allowed 1…2000); using 1');
    expect(problem({ act: 'relux' })).toMatch(/^act="relux" is not a known activation/);
    expect(decodeSettings(current, { grads: 'maybe' })).toEqual({
      ok: false,
      problem: 'grads="maybe" is not 1 or 0; using 1',
    });
  });

  it('drops a parameter of the old initializer that the new one does not take, as the controls do', () => {
    const first = decodeSettings(current, { init: 'random_normal', std: '0.5' });
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    const next = decodeSettings({ ...current, config: first.decoded.config }, { init: 'he_normal' });
    expect(next.ok && next.decoded.config.init).toBe('he_normal');
  });
});
