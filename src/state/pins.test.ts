import { beforeEach, describe, expect, it } from 'vitest';
import { normalizeConfig } from '../core/config';
import type { SimConfig } from '../core/types';
import { joinPin, pinParam, splitPin } from './pinCodec';
import { MAX_PINS, pinCurrent, pinKey, pinRefusal, setPins, unpin } from './pins';
import { DEFAULT_VIEW, resetStore, store } from './store';
import { decodeQuery, encodePin, encodeQuery } from './url';

const config = (input: Parameters<typeof normalizeConfig>[0]): SimConfig => normalizeConfig(input).config;

/** decode → encode → decode keeps the pins, without notices, and encoding again changes nothing. */
function expectFixedPoint(search: string): void {
  const first = decodeQuery(search);
  const query = encodeQuery(first.config, first.view, first.pins);
  const second = decodeQuery(query);
  expect(second.notices).toEqual([]);
  expect(second.pins).toEqual(first.pins);
  expect(second.config).toEqual(first.config);
  expect(encodeQuery(second.config, second.view, second.pins)).toBe(query);
}

describe('pin text', () => {
  it('splits key:value pairs on ~, keeps colons inside values and names parts without one', () => {
    expect(splitPin('init:he_normal~depth:50~~')).toEqual({
      pairs: [
        ['init', 'he_normal'],
        ['depth', '50'],
      ],
      malformed: [],
    });
    expect(splitPin('a:b:c~oops')).toEqual({ pairs: [['a', 'b:c']], malformed: ['oops'] });
    expect(
      joinPin([
        ['init', 'he_normal'],
        ['width', '64,32'],
      ]),
    ).toBe('init:he_normal~width:64,32');
  });

  it('leaves : , and ~ readable in a query and escapes what would break it', () => {
    expect(pinParam('init:he_normal~width:64,32')).toBe('init:he_normal~width:64,32');
    expect(pinParam('a:b&c=d+e#f%')).toBe('a:b%26c%3Dd%2Be%23f%25');
  });

  it('writes the initializer always and other keys only when not the default', () => {
    expect(encodePin(config({}))).toBe('init:he_normal');
    expect(encodePin(config({ init: 'variance_scaling', initParams: { scale: 2 }, depth: 50, width: [64, 32] }))).toBe(
      'init:variance_scaling~width:64,32~scale:2',
    );
    expect(encodePin(config({ activation: 'leaky_relu', activationParams: { negative_slope: 0.2 }, seed: 7 }))).toBe(
      'init:he_normal~act:leaky_relu~seed:7~slope:0.2',
    );
  });
});

describe('pins in a link', () => {
  it('round-trips up to four pins in order, after the other keys', () => {
    const pins = [
      config({ init: 'he_normal' }),
      config({ init: 'glorot_uniform', depth: 50 }),
      config({ activation: 'tanh', width: 64 }),
      config({ seed: 9, biasStd: 0.5 }),
    ];
    const query = encodeQuery(config({ init: 'glorot_uniform' }), DEFAULT_VIEW, pins);
    expect(query).toBe(
      '?v=1&init=glorot_uniform&pin=init:he_normal&pin=init:glorot_uniform~depth:50&pin=init:he_normal~act:tanh~width:64&pin=init:he_normal~seed:9~bias:0.5',
    );
    const back = decodeQuery(query);
    expect(back.notices).toEqual([]);
    expect(back.pins).toEqual(pins);
    expectFixedPoint(query);
  });

  it('decodes a pin through the same rules as the link: defaults, parameters routed to their owner', () => {
    const { pins, notices } = decodeQuery(
      '?pin=init:torch_kaiming_normal~act:leaky_relu~a:0.2~slope:0.2~nl:leaky_relu',
    );
    expect(notices).toEqual([]);
    expect(pins[0]).toEqual(
      config({
        init: 'torch_kaiming_normal',
        initParams: { a: 0.2, nonlinearity: 'leaky_relu' },
        activation: 'leaky_relu',
        activationParams: { negative_slope: 0.2 },
      }),
    );
    // A pin without keys is the default configuration.
    expect(decodeQuery('?pin=').pins).toEqual([config({})]);
  });

  it('keeps the first four pins and says so', () => {
    const search =
      '?' +
      ['he_normal', 'glorot_uniform', 'lecun_normal', 'orthogonal', 'zeros', 'ones']
        .map((id) => `pin=init:${id}`)
        .join('&');
    const { pins, notices } = decodeQuery(search);
    expect(pins.map((p) => p.init)).toEqual(['he_normal', 'glorot_uniform', 'lecun_normal', 'orthogonal']);
    expect(notices).toEqual([{ key: 'pin', text: '6 pins given; only 4 pins are kept (the first 4)' }]);
    expectFixedPoint(search);
  });

  it('drops a pin alike an earlier one (however it was written), naming it', () => {
    const { pins, notices } = decodeQuery('?pin=init:he_normal&pin=depth:30~init:he_normal~width:256');
    expect(pins).toHaveLength(1);
    expect(notices).toEqual([{ key: 'pin 2', text: 'pin 2 is the same configuration as an earlier pin; ignored' }]);
  });

  it('names the pin whose value was corrected, and uses what normalizeConfig would', () => {
    const { pins, notices } = decodeQuery('?pin=init:he_normal&pin=init:nope~depth:100000');
    expect(pins.map((p) => [p.init, p.widths.length])).toEqual([
      ['he_normal', 30],
      ['he_normal', 2000],
    ]);
    expect(notices.map((n) => n.key)).toEqual(['pin 2']);
    expect(notices[0]!.text).toMatch(
      /^pin 2: init="nope" is not a known initializer; using he_normal; depth=100000 is above 2000.*using 2000$/,
    );
  });

  it.each([
    ['a view key', '?pin=acts:1', /^pin 1: "acts" is not a network setting; ignored$/],
    ['the version', '?pin=v:1', /^pin 1: "v" is not a network setting; ignored$/],
    ['a pin in a pin', '?pin=pin:init%3Ahe_normal', /^pin 1: "pin" is not a network setting; ignored$/],
    ['an unknown key', '?pin=__proto__:1', /^pin 1: "__proto__" is not a network setting; ignored$/],
    ['a part without a colon', '?pin=he_normal', /^pin 1: "he_normal" is not a key:value pair; ignored$/],
    ['a repeated key', '?pin=depth:5~depth:6', /^pin 1: depth given more than once; using the last$/],
    [
      'a parameter of neither',
      '?pin=init:he_normal~scale:2',
      /^pin 1: scale="2" does not apply to he_normal with relu/,
    ],
    [
      'markup',
      '?pin=init:%3Cscript%3Ealert(1)%3C%2Fscript%3E',
      /^pin 1: init="<script>alert\(1\)<\/script>" is not a known initializer; using he_normal$/,
    ],
    [
      'broken escapes',
      '?pin=init:%E0%A4%A~act:%FF',
      /^pin 1: init=".*" is not a known initializer; using he_normal; act=".*" is not a known activation; using relu$/,
    ],
  ])('reports %s inside a pin, never throwing', (_what, search, text) => {
    const d = decodeQuery(search);
    expect(d.notices).toHaveLength(1);
    expect(d.notices[0]!.key).toBe('pin 1');
    expect(d.notices[0]!.text).toMatch(text);
    expect(d.pins).toHaveLength(1);
    expectFixedPoint(search);
  });

  it('keeps a notice about a very broken pin to one short line', () => {
    const search = `?pin=${encodeURIComponent(['x'.repeat(5000), 'k:1', 'depth:abc', 'width:0', 'seed:-1', 'act:?'].join('~'))}`;
    const d = decodeQuery(search);
    expect(d.notices).toHaveLength(1);
    expect(d.notices[0]!.text.length).toBeLessThan(400);
    expect(d.notices[0]!.text).toMatch(/; 4 more problems$/);
    expectFixedPoint(search);
  });

  it('a link without pins decodes to none and encodes as before', () => {
    const d = decodeQuery('?v=1&depth=12');
    expect(d.pins).toEqual([]);
    expect(encodeQuery(d.config, d.view, d.pins)).toBe('?v=1&depth=12');
  });
});

describe('pin actions', () => {
  beforeEach(() => resetStore());

  it('pins the current configuration once, and says why not a second time or a fifth', () => {
    expect(pinCurrent()).toBeNull();
    expect(store.getState().compare.pins).toEqual([store.getState().config]);
    expect(pinCurrent()).toBe('This configuration is already pinned.');
    setPins([config({ depth: 1 }), config({ depth: 2 }), config({ depth: 3 }), config({ depth: 4 })]);
    expect(pinRefusal(store.getState())).toBe(`At most ${MAX_PINS} configurations can be pinned: unpin one first.`);
    expect(pinCurrent()).not.toBeNull();
    expect(store.getState().compare.pins).toHaveLength(4);
  });

  it('unpins by key, and a list with the same pins changes nothing in the store', () => {
    const a = config({ init: 'he_normal' });
    const b = config({ init: 'glorot_uniform' });
    setPins([a, b, a]);
    const pins = store.getState().compare.pins;
    expect(pins).toEqual([a, b]);
    setPins([config({ init: 'he_normal' }), config({ init: 'glorot_uniform' })]);
    expect(store.getState().compare.pins).toBe(pins);
    unpin(pinKey(a));
    expect(store.getState().compare.pins).toEqual([b]);
  });
});
