// A minimal static host for the built site, mounted under a sub-path as on a shared web server
// (e.g. /initscope/). With `headers`, it sends what public/_headers asks static hosts to send
// (COOP, COEP, CSP), read from the build's own copy; without, it is a host that sets no headers.

import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

/** Headers of the `/*` block of a Netlify/Cloudflare `_headers` file. */
export function parseHeadersFile(text: string): Record<string, string> {
  const headers: Record<string, string> = {};
  let inAll = false;
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      inAll = line.trim() === '/*';
      continue;
    }
    const colon = line.indexOf(':');
    if (inAll && colon > 0) headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return headers;
}

export interface StaticSite {
  /** e.g. http://127.0.0.1:41234/initscope/ */
  url: string;
  close(): Promise<void>;
}

export async function serveStatic(root: string, mount: string, options: { headers: boolean }): Promise<StaticSite> {
  const headers = options.headers ? parseHeadersFile(await readFile(join(root, '_headers'), 'utf8')) : {};
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://host').pathname);
    if (path === mount.slice(0, -1)) {
      res.writeHead(301, { Location: mount }).end();
      return;
    }
    const relative = path.startsWith(mount) ? path.slice(mount.length) || 'index.html' : null;
    const file = relative === null ? null : normalize(join(root, relative));
    // Nothing outside the mount point, and nothing outside the build directory.
    if (file === null || !file.startsWith(root + sep) || relative?.startsWith('_headers')) {
      res.writeHead(404).end();
      return;
    }
    readFile(file).then(
      (body) =>
        res
          .writeHead(200, { ...headers, 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' })
          .end(body),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${mount}`,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
