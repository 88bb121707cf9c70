import { describe, expect, it } from 'vitest';
import { readControls, readOrigin } from './embedFields';
import { decodeQuery, encodeQuery } from './url';

describe('embed keys in links', () => {
  it('decode embed, panel, controls, quiz and origin, and encode them back', () => {
    const d = decodeQuery('?embed=1&panel=phase&controls=init,depth&quiz=1&origin=https://course.example.org');
    expect(d.notices).toEqual([]);
    expect(d.view).toMatchObject({
      embed: true,
      panel: 'phase',
      controls: ['init', 'depth'],
      quiz: true,
      origin: 'https://course.example.org',
    });
    const link = encodeQuery(d.config, d.view);
    expect(link).toBe('?v=1&embed=1&panel=phase&controls=init,depth&quiz=1&origin=https%3A%2F%2Fcourse.example.org');
    expect(decodeQuery(link).view).toEqual(d.view);
  });

  it('leave all five out of a link at their defaults', () => {
    const d = decodeQuery('?embed=0&panel=signal&controls=&quiz=0&origin=');
    expect(d.notices).toEqual([]);
    expect(encodeQuery(d.config, d.view)).toBe('');
  });

  it('name a panel that does not exist and keep the signal chart', () => {
    const d = decodeQuery('?embed=1&panel=table');
    expect(d.view.panel).toBe('signal');
    expect(d.notices).toEqual([
      { key: 'panel', text: 'panel="table" is not one of signal, distributions, correlation, phase; using signal' },
    ]);
  });
});

describe('readControls', () => {
  it('keeps known controls in the order given, case and spaces aside', () => {
    expect(readControls(' Depth, init ,width')).toEqual({ value: ['depth', 'init', 'width'], problems: [] });
  });

  it('drops unknown, empty and repeated entries, naming each', () => {
    const r = readControls('init,,nope,init');
    expect(r.value).toEqual(['init']);
    expect(r.problems).toEqual([
      'controls has an empty entry; ignored',
      'controls: "nope" is not one of init, act, depth, width, batch, seed, bias; ignored',
      'controls names init twice; kept once',
    ]);
  });

  it('reads no more than twenty entries of a pasted wall of text', () => {
    const r = readControls(new Array(5000).fill('depth').join(','));
    expect(r.value).toEqual(['depth']);
    expect(r.problems.at(-1)).toBe('controls has 5000 entries; only the first 20 were read');
    expect(r.problems.length).toBeLessThanOrEqual(21);
  });
});

describe('readOrigin', () => {
  it('takes one exact http(s) origin, normalized as location.origin writes it', () => {
    expect(readOrigin('https://Course.Example.org/')).toEqual({ value: 'https://course.example.org', problems: [] });
    expect(readOrigin('http://127.0.0.1:8000')).toEqual({ value: 'http://127.0.0.1:8000', problems: [] });
    expect(readOrigin('https://example.org:443').value).toBe('https://example.org');
  });

  it.each([
    ['*', 'would let any page drive this one'],
    ['example.org', 'is not an origin'],
    ['null', 'is not an origin'],
    ['javascript:alert(1)', 'is not an http or https origin'],
    ['file:///tmp', 'is not an http or https origin'],
    ['https://user:pw@example.org', 'has a user name or password'],
    ['https://example.org/slides', 'has a path, query or fragment'],
    ['https://example.org?x=1', 'has a path, query or fragment'],
    ['https://example.org#x', 'has a path, query or fragment'],
  ])('refuses %s', (raw, why) => {
    const r = readOrigin(raw);
    expect(r.value).toBe('');
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toContain(why);
    expect(r.problems[0]).toContain('no page may send settings');
  });
});
