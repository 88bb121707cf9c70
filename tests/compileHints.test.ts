import { describe, expect, it } from 'vitest';
import type { OutputBundle, OutputChunk } from 'rolldown';
import { addCompileHint, COMPILE_HINT, pageEntry, startupChunks } from '../scripts/compileHints';

function chunk(fileName: string, fields: Partial<OutputChunk> = {}): OutputChunk {
  return {
    type: 'chunk',
    fileName,
    code: `/* ${fileName} */`,
    isEntry: false,
    isDynamicEntry: false,
    imports: [],
    map: null,
    ...fields,
  } as unknown as OutputChunk;
}

function bundleOf(...chunks: OutputChunk[]): OutputBundle {
  const bundle: Record<string, unknown> = { 'assets/x.css': { type: 'asset', fileName: 'assets/x.css' } };
  for (const c of chunks) bundle[c.fileName] = c;
  return bundle as OutputBundle;
}

describe('compile hints', () => {
  it('pick the page entries and what they import statically, not chunks loaded on demand', () => {
    const bundle = bundleOf(
      chunk('boot.js', { isEntry: true, imports: ['shared.js'] }),
      chunk('index.js', { isEntry: true, imports: ['react.js', 'shared.js'], dynamicImports: ['panels.js'] }),
      chunk('react.js', { imports: ['runtime.js'] }),
      chunk('runtime.js'),
      chunk('shared.js'),
      chunk('panels.js', { isEntry: true, isDynamicEntry: true, imports: ['katex.js'] }),
      chunk('katex.js'),
    );
    const names = startupChunks(bundle, pageEntry).map((c) => c.fileName);
    expect(names.sort()).toEqual(['boot.js', 'index.js', 'react.js', 'runtime.js', 'shared.js']);
  });

  it('go on the first line, once, and move a source map down with the code', () => {
    const c = chunk('index.js', { code: 'const a=1;', map: { mappings: 'AAAA' } as OutputChunk['map'] });
    addCompileHint(c);
    addCompileHint(c);
    expect(c.code).toBe(`${COMPILE_HINT}\nconst a=1;`);
    expect(c.code.split('\n')[0]).toBe('//# allFunctionsCalledOnLoad');
    expect(c.map!.mappings).toBe(';AAAA');
  });
});
