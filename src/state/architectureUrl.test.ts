import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW } from './store';
import { decodeQuery, encodeQuery } from './url';

describe('architecture keys in links', () => {
  const links = [
    '?v=1&res=1',
    '?v=1&res=1&blocks=64&bdepth=3&bscale=1%2Fsqrt(K)',
    '?v=1&res=1&bscale=1%2FK&norm=layer&npos=post&eps=0.001',
    '?v=1&res=1&bscale=0',
    '?v=1&res=1&fixup=1&blocks=8',
    '?v=1&width=512&in=64&res=1&norm=batch',
    '?v=1&depth=20&norm=batch',
    '?v=1&act=tanh&norm=layer',
  ];
  for (const link of links) {
    it(`${link} decodes without notices and encodes back to the same settings`, () => {
      const decoded = decodeQuery(link);
      expect(decoded.notices).toEqual([]);
      expect(decoded.config.architecture).toBeDefined();
      const again = decodeQuery(encodeQuery(decoded.config, DEFAULT_VIEW));
      expect(again.config).toEqual(decoded.config);
    });
  }

  it('a plain network’s link has none of the keys; norm=none is the plain network', () => {
    const plain = decodeQuery('?v=1&depth=12&norm=none');
    expect(plain.config.architecture).toBeUndefined();
    expect(encodeQuery(plain.config, DEFAULT_VIEW)).toBe('?v=1&depth=12');
  });

  it('a residual link sets the depth from the blocks, and says so when a depth is given', () => {
    const d = decodeQuery('?v=1&res=1&blocks=10&bdepth=3&depth=7');
    expect(d.config.widths).toHaveLength(30);
    expect(d.notices.map((n) => n.key)).toEqual(['depth']);
    expect(encodeQuery(d.config, DEFAULT_VIEW)).not.toMatch(/[?&]depth=/);
  });

  const bad: [string, string, RegExp][] = [
    ['?v=1&res=1&bscale=-1', 'bscale', /bscale="-1" is not a number 0…100, 1\/sqrt\(K\) or 1\/K; using 1/],
    ['?v=1&res=1&bscale=NaN', 'bscale', /is not a number/],
    ['?v=1&norm=group', 'norm', /norm="group" is not one of none, batch, layer, rms; using none/],
    ['?v=1&norm=layer&eps=0', 'eps', /ε must be above 0/],
    ['?v=1&res=1&fixup=1&bdepth=1', 'fixup', /needs a branch depth of 2/],
    ['?v=1&norm=batch&batch=1', 'batch', /batch variance of every unit is 0.*using 2/],
    ['?v=1&res=1&width=8,9', 'width', /a residual network has one width/],
    ['?v=1&blocks=4', 'blocks', /applies only to a residual network/],
    ['?v=1&res=1&blocks=0', 'blocks', /not a whole number 1…1000/],
  ];
  for (const [link, key, text] of bad) {
    it(`${link}: a notice on ${key}, and a network that runs`, () => {
      const d = decodeQuery(link);
      const notice = d.notices.find((n) => n.key === key);
      expect(notice?.text).toMatch(text);
      expect(d.config.widths.length).toBeGreaterThan(0);
    });
  }
});
