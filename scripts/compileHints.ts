// Tells V8 which built scripts run as the page opens, so that it compiles them whole while they
// download instead of function by function on first call. V8 compiles a script's top level on a
// background thread as it streams in, but each inner function only when first called, on the
// thread that calls it: on a cold link that was about 70 ms of the page's main thread (React and
// the app rendering for the first time) and 35 ms of the simulation worker's first run. The magic
// comment `//# allFunctionsCalledOnLoad` on a script's first line asks V8 to compile all of its
// functions eagerly, off the main thread (https://v8.dev/blog/explicit-compile-hints, Chrome 136+;
// elsewhere it is an ordinary comment). Only the scripts the page runs at once get it: a chunk
// loaded on demand (the panels below the chart, KaTeX, the code export) would be compiled for
// nothing.

import type { Plugin } from 'vite';
import type { OutputBundle, OutputChunk } from 'rolldown';

export const COMPILE_HINT = '//# allFunctionsCalledOnLoad';

/** The chunks `isStartupEntry` picks and every chunk they import statically, transitively. */
export function startupChunks(bundle: OutputBundle, isStartupEntry: (chunk: OutputChunk) => boolean): OutputChunk[] {
  const chunks = new Map<string, OutputChunk>();
  for (const item of Object.values(bundle)) if (item.type === 'chunk') chunks.set(item.fileName, item);
  const found = new Map<string, OutputChunk>();
  const visit = (chunk: OutputChunk): void => {
    if (found.has(chunk.fileName)) return;
    found.set(chunk.fileName, chunk);
    for (const name of chunk.imports) {
      const imported = chunks.get(name);
      if (imported) visit(imported);
    }
  };
  for (const chunk of chunks.values()) if (isStartupEntry(chunk)) visit(chunk);
  return [...found.values()];
}

/** Puts the hint on the chunk's first line; its source map, if any, moves down a line with the code. */
export function addCompileHint(chunk: OutputChunk): void {
  if (chunk.code.startsWith(COMPILE_HINT)) return;
  chunk.code = `${COMPILE_HINT}\n${chunk.code}`;
  if (chunk.map) chunk.map.mappings = `;${chunk.map.mappings}`;
}

/** The page's entries (index.html's scripts), not chunks that are only imported on demand. */
export const pageEntry = (chunk: OutputChunk): boolean => chunk.isEntry && !chunk.isDynamicEntry;

export function compileHintsPlugin(isStartupEntry: (chunk: OutputChunk) => boolean = pageEntry): Plugin {
  return {
    name: 'initscope:compile-hints',
    apply: 'build',
    // Last, after Vite has put its preload helper at the top of the entry chunk.
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        for (const chunk of startupChunks(bundle, isStartupEntry)) addCompileHint(chunk);
      },
    },
  };
}
