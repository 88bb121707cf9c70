import { describe, expect, it } from 'vitest';
import { decodeQuery, encodeQuery } from '../../state/url';

describe('present=1 in links', () => {
  it('opens presentation mode and is written back', () => {
    const d = decodeQuery('?v=1&init=glorot_uniform&present=1');
    expect(d.notices).toEqual([]);
    expect(d.view.presenting).toBe(true);
    expect(encodeQuery(d.config, d.view)).toBe('?v=1&init=glorot_uniform&present=1');
  });

  it('is left out when off, and a bad value is reported', () => {
    const off = decodeQuery('?present=0');
    expect(off.view.presenting).toBe(false);
    expect(encodeQuery(off.config, off.view)).toBe('');
    const bad = decodeQuery('?present=maybe');
    expect(bad.view.presenting).toBe(false);
    expect(bad.notices.map((n) => n.key)).toEqual(['present']);
  });
});
