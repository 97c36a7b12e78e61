/**
 * A federation peer that misbehaves (security tests, docs/federation.md "检索限额"): serves a
 * built site on 127.0.0.1 (its own port, so its own origin) and, by `mode`, replaces its search
 * files with hostile ones: gzip bombs, a manifest declaring 100,000 shards or absurd counts,
 * bodies dripped one byte per second, files of the wrong shape, HTML and script in fragments,
 * javascript: result URLs. `rewrite` lets a test serve a site with other sites.json peers and
 * a matching CSP (the site under test, listing the hostile peers).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { createGzip, gunzipSync, gzipSync } from 'node:zlib';

export type HostileMode =
  /** the site as built (a healthy peer) */
  | 'up'
  /** every gzipped index file (directory, chunk, filter, fragment, text) a gzip bomb */
  | 'bomb'
  /** manifest.json sent with Content-Encoding: gzip, inflating to hundreds of MB of spaces */
  | 'encoded-bomb'
  /** a manifest declaring 100,000 index shards */
  | 'huge-manifest'
  /** a small manifest declaring 10^12 pages and 100,000 directory groups */
  | 'absurd'
  /** every search file sent one byte per second */
  | 'drip'
  /** manifest.json parses, but has the wrong shape */
  | 'invalid-json'
  /** index chunks are CBOR nested 10,000 deep */
  | 'invalid-cbor'
  /** fragments carry HTML and script in title, 文号 and text */
  | 'html'
  /** fragments whose result URL is javascript: */
  | 'js-url';

export interface HostilePeer {
  url: string;
  mode: HostileMode;
  requests: string[];
  close(): Promise<void>;
}

/** what fragments of the `html` peer inject; a test asserts none of it runs */
export const INJECTED = {
  title: '<img src=x onerror="window.__pwned=1">',
  script: '<script>window.__pwned=2</script>',
  text: '<img src=x onerror="window.__pwned=3"><a href="javascript:window.__pwned=4">x</a>',
};

/** A gzip member inflating to `mib` MiB of `byte` (~1 KB per MiB compressed). */
export async function gzipBomb(mib: number, byte = 0): Promise<Buffer> {
  const z = createGzip({ level: 9 });
  const parts: Buffer[] = [];
  z.on('data', (b: Buffer) => parts.push(b));
  const done = new Promise((resolve) => z.on('end', resolve));
  const block = Buffer.alloc(2 ** 20, byte);
  for (let i = 0; i < mib; i++) if (!z.write(block)) await new Promise((r) => z.once('drain', r));
  z.end();
  await done;
  return Buffer.concat(parts);
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};
const SIG = Buffer.from('pagefind_dcd');
const GZIPPED = /\.(pf_dir|pf_index|pf_filter|pf_fragment)$|\/text\/[^/]+$/;

/** CBOR: 10,000 nested one-element lists around a 0 */
const deepCbor = () => gzipSync(Buffer.concat([Buffer.alloc(10_000, 0x81), Buffer.from([0])]));

function manifestFor(mode: HostileMode, real: Record<string, any>): unknown {
  const shard = real.languages.zh.shards[0];
  if (mode === 'huge-manifest') return { ...real, languages: { zh: { pages: 2, shards: Array.from({ length: 100_000 }, () => shard) } } };
  if (mode === 'absurd') return { ...real, languages: { zh: { pages: 1e12, shards: [{ ...shard, pages: 1e12, groups: Array.from({ length: 100_000 }, (_, i) => String(i)) }] } } };
  // the current format and version, so the shape check (not the version check) must refuse it
  return { format: real.format, version: real.version, bundle: '../../../etc/', languages: 'zh', docnum: { buckets: -1 } };
}

function fragmentFor(mode: HostileMode, gz: Buffer): Buffer {
  const frag = JSON.parse(gunzipSync(gz).subarray(SIG.length).toString('utf8'));
  if (mode === 'js-url') frag.url = 'javascript:window.__pwned=5//';
  else {
    frag.meta.title = `${INJECTED.title}${frag.meta.title}${INJECTED.script}`;
    if (frag.meta.docNumber) frag.meta.docNumber = `<b>${frag.meta.docNumber}</b>`;
    frag.content = `${INJECTED.script}${INJECTED.text}${frag.content}`;
  }
  return gzipSync(Buffer.concat([SIG, Buffer.from(JSON.stringify(frag))]));
}

/** The body the peer sends for `file` (a path inside the built site), by mode. */
function bodyFor(mode: HostileMode, file: string, bomb: Buffer): { body: Buffer; headers?: Record<string, string> } {
  const real = readFileSync(file);
  const name = file.replace(/\\/g, '/');
  if (name.endsWith('/search/manifest.json')) {
    if (mode === 'encoded-bomb') return { body: bomb, headers: { 'content-encoding': 'gzip' } };
    if (mode === 'huge-manifest' || mode === 'absurd' || mode === 'invalid-json') return { body: Buffer.from(JSON.stringify(manifestFor(mode, JSON.parse(real.toString('utf8'))))) };
  }
  if (mode === 'bomb' && GZIPPED.test(name)) return { body: bomb };
  if (mode === 'invalid-cbor' && name.endsWith('.pf_index')) return { body: deepCbor() };
  if ((mode === 'html' || mode === 'js-url') && name.endsWith('.pf_fragment')) return { body: fragmentFor(mode, real) };
  return { body: real };
}

/** Sends `body` one byte per second until the client goes away. */
function drip(res: ServerResponse, body: Buffer): void {
  res.writeHead(200, { 'content-type': 'application/octet-stream' });
  let i = 0;
  const timer = setInterval(() => {
    if (i >= body.length) return void (clearInterval(timer), res.end());
    res.write(body.subarray(i, ++i));
  }, 1000);
  res.on('close', () => clearInterval(timer));
}

export interface HostileOptions {
  /** the body sent for a file (its path on disk) instead of the one on disk */
  rewrite?: (file: string, body: Buffer) => Buffer;
  /** gzip bomb for `bomb` and `encoded-bomb` (default: 256 MiB; spaces for encoded-bomb) */
  bomb?: Buffer;
}

/** Serves the built site `dir` at `base` as a peer in `mode` (CORS open, like a real peer). */
export async function serveHostile(dir: string, base: string, mode: HostileMode, o: HostileOptions = {}): Promise<HostilePeer> {
  const bomb = o.bomb ?? (await gzipBomb(256, mode === 'encoded-bomb' ? 0x20 : 0));
  const requests: string[] = [];
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requests.push(path);
    res.setHeader('Access-Control-Allow-Origin', '*');
    let file = normalize(join(dir, path.slice(base.length)));
    if (!path.startsWith(base) || !file.startsWith(normalize(dir))) return void res.writeHead(404).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) return void res.writeHead(404).end();
    const out = bodyFor(peer.mode, file, bomb);
    const body = o.rewrite ? o.rewrite(file, out.body) : out.body;
    if (peer.mode === 'drip' && path.includes('/search/')) return drip(res, body);
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    res.writeHead(200, { 'content-type': type, 'content-length': String(body.length), ...out.headers }).end(body);
  };
  const server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  const peer: HostilePeer = {
    url: `http://127.0.0.1:${port}${base}`,
    mode,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  return peer;
}
