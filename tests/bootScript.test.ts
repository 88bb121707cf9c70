import { describe, expect, it } from 'vitest';
import type { OutputBundle } from 'rolldown';
import { chunkFileOf, withScriptFirst } from '../scripts/bootScript';

describe('the boot script in index.html', () => {
  it('goes before the first module script, so it runs first', () => {
    const html =
      '<head>\n    <title>x</title>\n    <script type="module" crossorigin src="./assets/index-1.js"></script>\n</head>';
    const out = withScriptFirst(html, './assets/boot-2.js');
    expect(out.indexOf('boot-2.js')).toBeGreaterThan(out.indexOf('<title>'));
    expect(out.indexOf('boot-2.js')).toBeLessThan(out.indexOf('index-1.js'));
    expect(out.match(/<script /g)).toHaveLength(2);
  });

  it('refuses a page without a module script', () => {
    expect(() => withScriptFirst('<head></head>', './b.js')).toThrow('no module script');
  });

  it('is the entry chunk built from the boot module, not a chunk that merely contains it', () => {
    const bundle = {
      'assets/shared-1.js': {
        type: 'chunk',
        fileName: 'assets/shared-1.js',
        isEntry: false,
        facadeModuleId: '/p/src/boot.ts',
      },
      'assets/boot-2.js': {
        type: 'chunk',
        fileName: 'assets/boot-2.js',
        isEntry: true,
        facadeModuleId: '/p/src/boot.ts',
      },
      'assets/x.css': { type: 'asset', fileName: 'assets/x.css' },
    } as unknown as OutputBundle;
    expect(chunkFileOf(bundle, '/src/boot.ts')).toBe('assets/boot-2.js');
    expect(() => chunkFileOf(bundle, '/src/other.ts')).toThrow('no entry chunk is built from /src/other.ts');
  });
});
