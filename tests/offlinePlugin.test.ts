import { describe, expect, it } from 'vitest';
import { offlinePlugin } from '../scripts/offlinePlugin';

/** Runs the plugin's generateBundle on a list of built files; returns the sw.js it emits. */
function emitted(files: string[]): string {
  const plugin = offlinePlugin(new URL('../public/', import.meta.url));
  let source = '';
  const context = { emitFile: (f: { fileName: string; source: string }) => void (source = f.source) };
  const bundle = Object.fromEntries(files.map((f) => [f, {}]));
  (plugin.generateBundle as unknown as (this: typeof context, o: unknown, b: unknown) => void).call(
    context,
    {},
    bundle,
  );
  return source;
}

const cacheName = (sw: string) => /const CACHE = "(initscope-[0-9a-f]{16})"/.exec(sw)?.[1];

describe('the service worker the build writes', () => {
  it('lists every built file and the public ones, not the fonts browsers never fetch nor _headers', () => {
    const sw = emitted([
      'index.html',
      'assets/index-abc.js',
      'assets/sim.worker-x.js',
      'assets/KaTeX_Main-Regular-a.woff2',
      'assets/KaTeX_Main-Regular-b.ttf',
      'assets/KaTeX_Main-Regular-c.woff',
    ]);
    const files = JSON.parse(/const FILES = (\[.*\]);/.exec(sw)![1]!) as string[];
    expect(files).toEqual([
      './',
      'assets/KaTeX_Main-Regular-a.woff2',
      'assets/index-abc.js',
      'assets/sim.worker-x.js',
      'favicon.svg',
      'index.html',
    ]);
  });

  it('names its cache after the files, so a new deploy gets a new cache and the same build the same', () => {
    const a = emitted(['index.html', 'assets/index-abc.js']);
    expect(cacheName(a)).toBeDefined();
    expect(cacheName(emitted(['assets/index-abc.js', 'index.html']))).toBe(cacheName(a));
    expect(cacheName(emitted(['index.html', 'assets/index-abd.js']))).not.toBe(cacheName(a));
  });

  it('answers only GET requests inside its own scope', () => {
    const sw = emitted(['index.html']);
    expect(sw).toContain("if (request.method !== 'GET' || !request.url.startsWith(SCOPE)) return;");
    expect(sw).toContain("n.startsWith('initscope-') && n !== CACHE");
  });
});
