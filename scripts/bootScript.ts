// Builds src/boot.ts as an entry of its own and lists it in index.html before the app's entry.
// Vite bundles all of a page's module scripts into one entry, which would run only once the whole
// app had loaded; a separate entry, first in document order, runs as soon as its few bytes arrive.
// What the two entries share (the worker handed over) lands in a chunk both import, so it is one
// module instance. Relative paths, so the site still works from any sub-path.

import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import type { OutputBundle, OutputChunk } from 'rolldown';

/** The file name of the chunk built from the module whose path ends with `moduleEnd`. */
export function chunkFileOf(bundle: OutputBundle, moduleEnd: string): string {
  const chunk = Object.values(bundle).find(
    (c): c is OutputChunk => c.type === 'chunk' && c.isEntry && !!c.facadeModuleId?.endsWith(moduleEnd),
  );
  if (!chunk) throw new Error(`no entry chunk is built from ${moduleEnd}`);
  return chunk.fileName;
}

/** `html` with a module script for `src` before its first module script. */
export function withScriptFirst(html: string, src: string): string {
  const at = html.indexOf('<script type="module"');
  if (at < 0) throw new Error('index.html has no module script to put the boot script before');
  return `${html.slice(0, at)}<script type="module" crossorigin src="${src}"></script>\n    ${html.slice(at)}`;
}

export function bootScriptPlugin(entry: string): Plugin {
  return {
    name: 'initscope:boot-script',
    apply: 'build',
    config: (config) => {
      const index = fileURLToPath(new URL('../index.html', import.meta.url));
      const boot = fileURLToPath(new URL(`../${entry}`, import.meta.url));
      return { build: { rolldownOptions: { ...config.build?.rolldownOptions, input: { index, boot } } } };
    },
    transformIndexHtml: {
      order: 'post',
      handler: (html, ctx) => (ctx.bundle ? withScriptFirst(html, `./${chunkFileOf(ctx.bundle, `/${entry}`)}`) : html),
    },
  };
}
