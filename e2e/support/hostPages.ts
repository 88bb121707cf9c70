// Pages of other sites that embed Initscope (a reveal.js deck, a course page, a page that drives an
// embed by postMessage), served from e2e/fixtures/hosts on an origin of their own, as a lecturer's
// web space would be; /examples/ serves docs/examples, the pages the documentation shows, as they
// are. Each `__NAME__` in an HTML page is replaced by `vars[NAME]` when it is served
// (the app's address, a snippet the test copied), so a page is the recipe with the blanks filled in.

import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';

const ROOT = resolve('e2e/fixtures/hosts');
const EXAMPLES = resolve('docs/examples');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

export interface HostSite {
  /** e.g. http://127.0.0.1:41234/ — another origin than the app's (another port). */
  url: string;
  origin: string;
  /** Filled into the pages as they are served; change them between requests. */
  vars: Record<string, string>;
  close(): Promise<void>;
}

export async function serveHostPages(vars: Record<string, string> = {}): Promise<HostSite> {
  const site = { vars: { ...vars } };
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://host').pathname);
    const examples = path.startsWith('/examples/');
    const root = examples ? EXAMPLES : ROOT;
    const file = normalize(join(root, examples ? path.slice('/examples'.length) : path));
    if (!file.startsWith(root + sep)) {
      res.writeHead(404).end();
      return;
    }
    readFile(file).then(
      (body) => {
        const type = TYPES[extname(file)] ?? 'application/octet-stream';
        const text =
          extname(file) === '.html'
            ? body.toString('utf8').replace(/__([A-Z]+)__/g, (m, name: string) => site.vars[name] ?? m)
            : body;
        res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store' }).end(text);
      },
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  // Another port is another origin than the app's.
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/`,
    origin,
    vars: site.vars,
    close: () => new Promise<void>((done, fail) => server.close((e) => (e ? fail(e) : done()))),
  };
}
