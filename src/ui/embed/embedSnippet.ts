// The <iframe> a "Copy embed code" press gives: this view's link with embed=1, in a 16:9 frame a
// slide or a course page can take as it is. Pure, so the snippet's escaping is tested in Node.

import type { SimConfig } from '../../core/types';
import type { ViewSettings } from '../../state/store';
import { encodeQuery } from '../../state/url';

/** 16:9, the shape of most slides; the page fills whatever frame it is given. */
export const EMBED_FRAME = { width: 640, height: 360 } as const;

/** The link of this view as an embed (the page's address with its own query replaced). */
export function embedLink(pageHref: string, config: SimConfig, view: ViewSettings, pins: readonly SimConfig[]): string {
  const url = new URL(pageHref);
  url.search = encodeQuery(config, { ...view, embed: true, presenting: false }, pins);
  url.hash = '';
  return url.href;
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&#39;', '<': '&lt;', '>': '&gt;' };

/** Text safe inside a double-quoted HTML attribute. */
export function escapeAttribute(text: string): string {
  return text.replace(/[&"'<>]/g, (c) => ENTITIES[c]!);
}

export function iframeSnippet(
  src: string,
  title: string,
  frame: { width: number; height: number } = EMBED_FRAME,
): string {
  return `<iframe src="${escapeAttribute(src)}" width="${frame.width}" height="${frame.height}" title="${escapeAttribute(title)}" loading="lazy" style="border: 0"></iframe>`;
}
