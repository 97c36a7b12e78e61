/**
 * A tiny static server for a built dist/ on 127.0.0.1 (random port), mounted at `base`,
 * so browser tests load the site the way a static host serves it.
 */
import { createServer, type Server } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.pdf': 'application/pdf',
};

export interface Served {
  url: string;
  close(): Promise<void>;
  /** every path requested, for asserting what a page downloaded */
  requests: string[];
  /** how the server behaves from now on (federation tests): serving, answering after
   * `delayMs`, or answering every search file with garbage */
  mode: 'up' | 'slow' | 'broken';
  delayMs: number;
}

export interface ServeOptions {
  /** send Access-Control-Allow-Origin: * (a federated peer, docs/federation.md) */
  cors?: boolean;
  /** listen on this port (a stopped peer coming back at its address); default: any free one */
  port?: number;
}

export function serveDist(outDir: string, base = '/', opts: ServeOptions = {}): Promise<Served> {
  return serveMany([{ dir: outDir, base }], opts);
}

/** Several built sites on one server, each under its own base (the federation benchmark);
 * `url` is the first one's. */
export async function serveMany(mounts: { dir: string; base: string }[], opts: ServeOptions = {}): Promise<Served> {
  const requests: string[] = [];
  const longestFirst = [...mounts].sort((a, b) => b.base.length - a.base.length);
  const server: Server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requests.push(path);
    if (opts.cors) res.setHeader('Access-Control-Allow-Origin', '*');
    if (served.mode === 'slow') await new Promise((r) => setTimeout(r, served.delayMs));
    if (served.mode === 'broken' && path.includes('/search/')) {
      res.writeHead(200, { 'content-type': 'application/octet-stream' }).end('<html>not an index</html>');
      return;
    }
    const mount = longestFirst.find((m) => path.startsWith(m.base));
    if (!mount) {
      res.writeHead(404).end();
      return;
    }
    const { dir: outDir, base } = mount;
    let file = normalize(join(outDir, path.slice(base.length)));
    if (!file.startsWith(normalize(outDir))) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      // the Mongolian 404 page for addresses under mn/, as docs/nginx.conf.example configures it
      const mnNotFound = join(outDir, 'mn', '404.html');
      const notFound = path.slice(base.length).startsWith('mn/') && existsSync(mnNotFound) ? mnNotFound : join(outDir, '404.html');
      res.writeHead(404, { 'content-type': TYPES['.html']! });
      if (existsSync(notFound)) createReadStream(notFound).pipe(res);
      else res.end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  const served: Served = {
    url: '',
    requests,
    mode: 'up',
    delayMs: 0,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // browsers keep connections alive: a stopped peer must refuse at once
        server.closeAllConnections();
      }),
  };
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  served.url = `http://127.0.0.1:${port}${mounts[0]?.base ?? '/'}`;
  return served;
}
