import { describe, expect, it } from 'vitest';
import { decodeQuery } from '../../state/url';
import { embedLink, escapeAttribute, iframeSnippet } from './embedSnippet';

describe('embed code', () => {
  it('links this view with embed=1 on the same page address, presenting left out', () => {
    const { config, view, pins } = decodeQuery(
      '?init=glorot_uniform&act=tanh&depth=50&present=1&controls=depth&pin=init:he_normal',
    );
    const link = embedLink('https://example.org/initscope/?old=1#x', config, view, pins);
    expect(link).toBe(
      'https://example.org/initscope/?v=1&init=glorot_uniform&act=tanh&depth=50&embed=1&controls=depth&pin=init:he_normal',
    );
    const again = decodeQuery(new URL(link).search);
    expect(again.notices).toEqual([]);
    expect(again.view.embed).toBe(true);
    expect(again.config).toEqual(config);
  });

  it('escapes the link and the title for an HTML attribute', () => {
    expect(escapeAttribute(`a&b"c'd<e>`)).toBe('a&amp;b&quot;c&#39;d&lt;e&gt;');
    const snippet = iframeSnippet('https://example.org/?v=1&embed=1', 'He "normal" <x>');
    expect(snippet).toBe(
      '<iframe src="https://example.org/?v=1&amp;embed=1" width="640" height="360" title="He &quot;normal&quot; &lt;x&gt;" loading="lazy" style="border: 0"></iframe>',
    );
  });
});
