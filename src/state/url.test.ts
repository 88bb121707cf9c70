import { describe, expect, it } from 'vitest';
import { ACTIVATIONS, getActivation } from '../core/activations';
import { normalizeConfig, type ConfigInput } from '../core/config';
import { INITIALIZERS, getInitializer } from '../core/initializers';
import { DEFAULTS, LIMITS } from '../core/limits';
import { parseParam } from '../core/params';
import type { ParamSpec, ParamValues, SimConfig } from '../core/types';
import { EMBED_CONTROLS, EMBED_PANELS } from './embedFields';
import { DEFAULT_VIEW, type ViewSettings } from './store';
import { URL_FIELDS, decodeQuery, encodeQuery, formatValue, parseQuery } from './url';

/** Small deterministic generator so a failing random case can be replayed. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function expectValid(config: SimConfig, view: ViewSettings): void {
  const init = getInitializer(config.init);
  const act = getActivation(config.activation);
  expect(init).toBeDefined();
  expect(act).toBeDefined();
  const inRange = (v: number, r: { min: number; max: number }) => Number.isInteger(v) && v >= r.min && v <= r.max;
  expect(config.widths.length).toBeGreaterThanOrEqual(LIMITS.depth.min);
  expect(config.widths.length).toBeLessThanOrEqual(LIMITS.depth.max);
  expect(config.widths.every((w) => inRange(w, LIMITS.width))).toBe(true);
  expect(inRange(config.inputDim, LIMITS.inputDim)).toBe(true);
  expect(inRange(config.batch, LIMITS.batch)).toBe(true);
  expect(inRange(config.seed, LIMITS.seed)).toBe(true);
  expect(Object.is(config.seed, -0)).toBe(false);
  expect(config.biasStd >= LIMITS.biasStd.min && config.biasStd <= LIMITS.biasStd.max).toBe(true);
  expect(['normal', 'uniform']).toContain(config.input);
  const checkParams = (specs: readonly ParamSpec[], values: ParamValues) => {
    expect(Object.keys(values).sort()).toEqual(specs.map((s) => s.name).sort());
    for (const spec of specs)
      expect(parseParam(spec, values[spec.name])).toMatchObject({ ok: true, value: values[spec.name] });
  };
  checkParams(init!.params, config.initParams);
  checkParams(act!.params, config.activationParams);
  expect(typeof view.showActivations).toBe('boolean');
  expect(['ridgeline', 'heatmap']).toContain(view.histogram);
  expect(['adaptive', 'fixed']).toContain(view.histRange);
}

/** decode → encode → decode gives the same settings, and encoding that again changes nothing. */
function expectFixedPoint(search: string): void {
  const first = decodeQuery(search);
  const query = encodeQuery(first.config, first.view, first.pins);
  const second = decodeQuery(query);
  expect(second.notices).toEqual([]);
  expect(second.config).toEqual(first.config);
  expect(second.view).toEqual(first.view);
  expect(second.pins).toEqual(first.pins);
  expect(encodeQuery(second.config, second.view, second.pins)).toBe(query);
}

function randomParams(specs: readonly ParamSpec[], next: () => number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const spec of specs) {
    if (next() < 0.3) continue;
    if (spec.kind === 'number') {
      const u = next();
      out[spec.name] = u < 0.2 ? spec.min : u < 0.3 ? spec.max : spec.min + next() * (spec.max - spec.min);
    } else if (spec.kind === 'enum') out[spec.name] = spec.choices[Math.floor(next() * spec.choices.length)];
    else out[spec.name] = next() < 0.5;
  }
  return out;
}

function randomCase(next: () => number): { config: SimConfig; view: ViewSettings } {
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const init = INITIALIZERS[int(0, INITIALIZERS.length - 1)]!;
  const act = ACTIVATIONS[int(0, ACTIVATIONS.length - 1)]!;
  const input: ConfigInput = {
    init: init.id,
    activation: act.id,
    initParams: randomParams(init.params, next),
    activationParams: randomParams(act.params, next),
    batch: int(LIMITS.batch.min, LIMITS.batch.max),
    seed: next() < 0.1 ? LIMITS.seed.max : int(0, LIMITS.seed.max),
    biasStd: next() < 0.5 ? 0 : next() * LIMITS.biasStd.max,
    input: next() < 0.5 ? 'normal' : 'uniform',
  };
  if (next() < 0.5) {
    input.depth = int(LIMITS.depth.min, LIMITS.depth.max);
    input.width = int(LIMITS.width.min, LIMITS.width.max);
  } else {
    input.width = Array.from({ length: int(1, 40) }, () => int(LIMITS.width.min, LIMITS.width.max));
  }
  if (next() < 0.5) input.inputDim = int(LIMITS.inputDim.min, LIMITS.inputDim.max);
  const { config, issues } = normalizeConfig(input);
  expect(issues).toEqual([]);
  const view: ViewSettings = {
    showActivations: next() < 0.5,
    showGradients: next() < 0.5,
    histogram: next() < 0.5 ? 'ridgeline' : 'heatmap',
    histRange: next() < 0.5 ? 'adaptive' : 'fixed',
    histValues: (['activations', 'preactivations', 'gradients'] as const)[int(0, 2)]!,
    signalAxis: next() < 0.5 ? 'block' : 'layer',
    presenting: next() < 0.5,
    showJacobian: next() < 0.5,
    embed: next() < 0.5,
    panel: EMBED_PANELS[int(0, EMBED_PANELS.length - 1)]!,
    controls: EMBED_CONTROLS.filter(() => next() < 0.3),
    quiz: next() < 0.5,
    origin: next() < 0.5 ? '' : 'https://course.example.org:8443',
    showSweep: next() < 0.5,
  };
  return { config, view };
}

describe('encodeQuery', () => {
  it('is empty for the defaults and leaves defaults out otherwise', () => {
    const { config, view } = decodeQuery('');
    expect(encodeQuery(config, view)).toBe('');
    const tanh = decodeQuery('?act=tanh&init=glorot_uniform&depth=30&width=256');
    expect(encodeQuery(tanh.config, tanh.view)).toBe('?v=1&init=glorot_uniform&act=tanh');
  });

  it('writes parameters only for the chosen initializer and only when not at their default', () => {
    const { config, view } = decodeQuery('?init=variance_scaling&scale=1&mode=fan_avg');
    expect(encodeQuery(config, view)).toBe('?v=1&init=variance_scaling&mode=fan_avg');
    const leaky = decodeQuery('?act=leaky_relu&slope=0.2&init=torch_kaiming_uniform&a=0.2&nl=leaky_relu');
    expect(encodeQuery(leaky.config, leaky.view)).toBe(
      '?v=1&init=torch_kaiming_uniform&act=leaky_relu&a=0.2&slope=0.2',
    );
  });

  it('writes a width profile as a list and an input dimension only when it differs', () => {
    const { config, view } = decodeQuery('?width=64,32,16&in=10');
    expect(config.widths).toEqual([64, 32, 16]);
    expect(encodeQuery(config, view)).toBe('?v=1&width=64,32,16&in=10');
    const constant = decodeQuery('?width=64,64,64');
    expect(encodeQuery(constant.config, constant.view)).toBe('?v=1&depth=3&width=64');
  });

  it('prints numbers in their shortest round-trip form, without a "+" that would read as a space', () => {
    expect(formatValue(0.1)).toBe('0.1');
    expect(formatValue(1 / 3)).toBe(String(1 / 3));
    expect(formatValue(1e-7)).toBe('1e-7');
    expect(formatValue(1e21)).toBe('1e21');
    expect(formatValue(-0)).toBe('0');
    expect(formatValue(true)).toBe('1');
    const { config, view } = decodeQuery('?bias=0.30000000000000004');
    expect(encodeQuery(config, view)).toBe('?v=1&bias=0.30000000000000004');
  });

  it('writes view settings', () => {
    const { config, view } = decodeQuery('?acts=1&hist=heatmap&range=fixed&values=preactivations&jacobian=1');
    expect(view).toEqual({
      ...DEFAULT_VIEW,
      showActivations: true,
      showGradients: true,
      histogram: 'heatmap',
      histRange: 'fixed',
      histValues: 'preactivations',
      presenting: false,
      showJacobian: true,
      showSweep: false,
    });
    expect(encodeQuery(config, view)).toBe('?v=1&acts=1&hist=heatmap&range=fixed&values=preactivations&jacobian=1');
    // The default, the outputs φ(h), stays out of links.
    expect(encodeQuery(config, { ...view, histValues: 'activations' })).not.toContain('values=');
  });

  it('hides the gradient curve with grads=0 and leaves the default out of links', () => {
    const hidden = decodeQuery('?grads=0');
    expect(hidden.notices).toEqual([]);
    expect(hidden.view.showGradients).toBe(false);
    expect(encodeQuery(hidden.config, hidden.view)).toBe('?v=1&grads=0');
    expect(decodeQuery('?v=1').view.showGradients).toBe(true);
  });
});

describe('decodeQuery', () => {
  // decodeView takes a choice key's words from the field table alone: each word sets the view to
  // itself, any other word is refused with the table's list.
  it.each(
    URL_FIELDS.flatMap((f) =>
      f.place.to === 'view' && f.place.choices ? f.place.choices.map((c) => [f.key, c, f.place] as const) : [],
    ),
  )('%s=%s decodes to that word, in any case', (key, choice, place) => {
    if (place.to !== 'view') throw new Error('not a view key');
    const d = decodeQuery(`?${key}=${choice.toUpperCase()}`);
    expect(d.notices).toEqual([]);
    expect(d.view[place.view]).toBe(choice);
    const wrong = decodeQuery(`?${key}=nope`);
    expect(wrong.view[place.view]).toBe(DEFAULT_VIEW[place.view]);
    expect(wrong.notices).toEqual([
      { key, text: `${key}="nope" is not one of ${place.choices!.join(', ')}; using ${DEFAULT_VIEW[place.view]}` },
    ]);
  });

  it('reads every key of a valid link without notices', () => {
    const d = decodeQuery(
      '?v=1&init=torch_kaiming_normal&act=elu&depth=12&width=100&in=7&batch=64&seed=99&bias=0.5&input=uniform&mode=fan_out&nl=tanh&alpha=0.5&acts=1',
    );
    expect(d.notices).toEqual([]);
    expect(d.config).toMatchObject({
      init: 'torch_kaiming_normal',
      activation: 'elu',
      inputDim: 7,
      batch: 64,
      seed: 99,
      biasStd: 0.5,
      input: 'uniform',
    });
    expect(d.config.widths).toEqual(new Array<number>(12).fill(100));
    expect(d.config.initParams).toMatchObject({ mode: 'fan_out', nonlinearity: 'tanh' });
    expect(d.config.activationParams).toMatchObject({ alpha: 0.5 });
    expect(d.view.showActivations).toBe(true);
  });

  it('names key, value and what is used for each correction', () => {
    const d = decodeQuery('?depth=100000&init=<script>alert(1)</script>&foo=1');
    const text = (key: string) => d.notices.find((n) => n.key === key)?.text;
    expect(text('depth')).toMatch(/^depth=100000 is above 2000.*; using 2000$/);
    expect(text('init')).toBe(`init="<script>alert(1)</script>" is not a known initializer; using ${DEFAULTS.init}`);
    expect(text('foo')).toBe('unknown key "foo" ignored');
    expect(d.config.widths).toHaveLength(2000);
  });

  it('passes over the page keys (test hook, tour) without a notice, but not look-alikes', () => {
    expect(decodeQuery('?depth=5&testhook=1&tour=1').notices).toEqual([]);
    expect(decodeQuery('?Tour=1').notices).toEqual([{ key: 'Tour', text: 'unknown key "Tour" ignored' }]);
  });

  it('uses the last of repeated keys and says so', () => {
    const d = decodeQuery('?depth=5&depth=6&depth=7');
    expect(d.config.widths).toHaveLength(7);
    expect(d.notices).toEqual([{ key: 'depth', text: 'depth given 3 times; using the last' }]);
  });

  it('reports a parameter that the chosen initializer and activation do not have', () => {
    const d = decodeQuery('?init=he_normal&scale=2');
    expect(d.notices).toHaveLength(1);
    expect(d.notices[0]!.key).toBe('scale');
    expect(d.notices[0]!.text).toMatch(/^scale="2" does not apply to he_normal with relu/);
  });

  it('reports a parameter out of its range under its URL key', () => {
    const d = decodeQuery('?init=variance_scaling&dist=cauchy&scale=1e9');
    expect(d.notices.map((n) => n.key).sort()).toEqual(['dist', 'scale']);
    expect(d.notices.find((n) => n.key === 'dist')!.text).toMatch(
      /^dist="cauchy" is not one of .*; using truncated_normal$/,
    );
    expect(d.config.initParams.scale).toBe(100);
  });

  it('reports a depth that disagrees with a width list', () => {
    const d = decodeQuery('?depth=9&width=8,8,4');
    expect(d.config.widths).toEqual([8, 8, 4]);
    expect(d.notices).toEqual([{ key: 'depth', text: 'depth="9" ignored: the width list sets 3 layers' }]);
    expect(decodeQuery('?depth=3&width=8,8,4').notices).toEqual([]);
  });

  it('reports a link version it does not know', () => {
    expect(decodeQuery('?v=2&depth=3').notices.map((n) => n.key)).toEqual(['v']);
  });

  it('parses queries like URLSearchParams, also without the "?"', () => {
    expect(parseQuery('?a=1&&b=x+y&c&d=e=f&%64=%41')).toEqual([
      ['a', '1'],
      ['b', 'x y'],
      ['c', ''],
      ['d', 'e=f'],
      ['d', 'A'],
    ]);
    expect(decodeQuery('depth=4').config.widths).toHaveLength(4);
  });

  it('survives broken percent-encoding', () => {
    expect(parseQuery('?init=%E0%A4%A&x=%&y=%zz&z=%C3%A9')).toEqual([
      ['init', '\uFFFD%A'],
      ['x', '%'],
      ['y', '%zz'],
      ['z', 'é'],
    ]);
    const d = decodeQuery('?init=%E0%A4%A&act=%FF%FE');
    expect(d.config.init).toBe(DEFAULTS.init);
    expect(d.notices.map((n) => n.key).sort()).toEqual(['act', 'init']);
  });

  const hostile: [string, string[]][] = [
    ['?depth=NaN', ['depth']],
    ['?depth=-5', ['depth']],
    ['?width=1e309', ['width']],
    ['?batch=Infinity', ['batch']],
    ['?seed=-Infinity', ['seed']],
    ['?seed=-1', ['seed']],
    ['?seed=4294967296', ['seed']],
    ['?seed=2.5', ['seed']],
    ['?bias=-0.1', ['bias']],
    ['?bias=1e309', ['bias']],
    ['?in=0', ['in']],
    [
      '?depth=&width=&batch=&seed=&bias=&in=&init=&act=&input=&hist=&range=',
      ['depth', 'width', 'batch', 'seed', 'bias', 'in', 'init', 'act', 'input', 'hist', 'range'],
    ],
    ['?width=64,,x,-1,99999', ['width']],
    ['?width=' + ','.repeat(5000), ['width']],
    ['?acts=maybe&hist=3d&range=%00', ['acts', 'hist', 'range']],
    ['?values=outputs', ['values']],
    ['?init=random_normal&std=-1', ['std']],
    ['?act=leaky_relu&slope=NaN', ['slope']],
    ['?init=tf1_variance_scaling&uniform=perhaps', ['uniform']],
    ['?init=torch_kaiming_normal&nl=gelu', ['nl']],
    ['?init=' + 'x'.repeat(100_000), ['init']],
    ['?' + 'k'.repeat(100_000) + '=1', ['k'.repeat(40)]],
    ['?depth=' + '9'.repeat(100_000), ['depth']],
    ['?init=%F0%9F%92%A5&act=t%C3%A4nh&input=норм', ['init', 'act', 'input']],
    ['?input=\u202Enormal', ['input']],
  ];
  it.each(
    hostile.map(
      ([search, keys]) =>
        [search.length > 80 ? `${search.slice(0, 60)}… (${search.length} chars)` : search, search, keys] as const,
    ),
  )('never throws and reports every rejected key: %s', (_label, search, keys) => {
    const d = decodeQuery(search);
    expectValid(d.config, d.view);
    for (const key of keys) expect(d.notices.map((n) => n.key)).toContain(key);
    for (const n of d.notices) expect(n.text.length).toBeLessThan(400);
    expectFixedPoint(search);
  });

  it('stores seed=-0 as +0', () => {
    const d = decodeQuery('?seed=-0');
    expect(Object.is(d.config.seed, 0)).toBe(true);
    expect(d.notices).toEqual([]);
  });

  it('sums up a flood of unknown keys in a few notices', () => {
    const search = '?' + Array.from({ length: 1000 }, (_, i) => `k${i}=1`).join('&');
    const d = decodeQuery(search);
    expect(d.notices.length).toBeLessThanOrEqual(6);
    expect(d.notices.at(-1)!.text).toBe('995 more unknown keys ignored');
  });

  it('never throws on random garbage, and what it returns is a fixed point', () => {
    const next = rng(7);
    const keys = URL_FIELDS.map((f) => f.key);
    const alphabet = [
      '%',
      '&',
      '=',
      '+',
      ',',
      '#',
      '?',
      '-',
      '.',
      'e',
      '0',
      '1',
      '9',
      'x',
      'é',
      '\u0000',
      '%E0',
      '%A4',
      '%zz',
      'relu',
      'tanh',
      'fan_in',
      ' ',
    ];
    for (let n = 0; n < 500; n++) {
      const parts: string[] = [];
      for (let i = Math.floor(next() * 8); i > 0; i--) {
        const key =
          next() < 0.8 ? keys[Math.floor(next() * keys.length)]! : alphabet[Math.floor(next() * alphabet.length)]!;
        let value = '';
        for (let j = Math.floor(next() * 6); j > 0; j--) value += alphabet[Math.floor(next() * alphabet.length)]!;
        parts.push(`${key}=${value}`);
      }
      const search = '?' + parts.join('&');
      const d = decodeQuery(search);
      expectValid(d.config, d.view);
      expectFixedPoint(search);
    }
  });
});

describe('round trip', () => {
  it('every field of a random valid config survives encode → decode unchanged', () => {
    const next = rng(2024);
    for (let n = 0; n < 400; n++) {
      const { config, view } = randomCase(next);
      const query = encodeQuery(config, view);
      const back = decodeQuery(query);
      expect(back.notices).toEqual([]);
      expect(back.config).toEqual(config);
      expect(back.view).toEqual(view);
      expect(encodeQuery(back.config, back.view)).toBe(query);
    }
  });

  it('a link with the LSUV initializer survives encode → decode, and with a residual stream it is refused naming the key', () => {
    const back = decodeQuery('?init=lsuv&act=tanh&depth=12&width=48&batch=40&seed=7&bias=0.2');
    expect(back.notices).toEqual([]);
    expect(back.config).toMatchObject({ init: 'lsuv', activation: 'tanh', batch: 40, seed: 7, biasStd: 0.2 });
    expect(back.config.widths).toEqual(new Array(12).fill(48));
    const query = encodeQuery(back.config, back.view);
    expect(query).toContain('init=lsuv');
    expect(decodeQuery(query).config).toEqual(back.config);

    const residual = decodeQuery('?init=lsuv&res=1');
    expect(residual.config.init).toBe(DEFAULTS.init);
    expect(residual.notices.map((n) => n.key)).toContain('init');
  });

  it('every parameter of every initializer and activation has a URL key', () => {
    const paramKeys = new Set(URL_FIELDS.flatMap((f) => (f.place.to === 'param' ? [f.place.param] : [])));
    for (const spec of [...INITIALIZERS, ...ACTIVATIONS])
      for (const p of spec.params) expect(paramKeys, `${spec.id}.${p.name}`).toContain(p.name);
  });
});
