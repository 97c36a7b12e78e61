/**
 * Node test helper: a fetch that also reads file: URLs (query strings ignored), counting every
 * byte it serves, so engine.js runs unchanged in Node against a built dist/.
 */
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface FetchLog {
  /** url (without query) → bytes served */
  files: Map<string, number>;
  requests: number;
  reset(): void;
  /** bytes of distinct files served since the last reset (a browser cache serves repeats) */
  bytes(): number;
}

let installed: FetchLog | null = null;

export function installFileFetch(): FetchLog {
  if (installed) return installed;
  const realFetch = globalThis.fetch;
  const log: FetchLog = {
    files: new Map(),
    requests: 0,
    reset() {
      this.files.clear();
      this.requests = 0;
    },
    bytes() {
      let n = 0;
      for (const b of this.files.values()) n += b;
      return n;
    },
  };
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = requestUrl(input);
    if (!url.startsWith('file:')) return realFetch(input, init);
    log.requests++;
    const res = await fileResponse(url);
    if (res.ok) log.files.set(url.replace(/[?#].*$/, ''), Number(res.headers.get('content-length')));
    return res;
  }) as typeof fetch;
  installed = log;
  return log;
}

/** The URL a fetch() call asks for. */
export const requestUrl = (input: RequestInfo | URL): string => (typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);

/** A file: URL's file as a response (query strings ignored), 404 when it cannot be read. */
export async function fileResponse(url: string): Promise<Response> {
  const clean = url.replace(/[?#].*$/, '');
  try {
    const data = await readFile(fileURLToPath(clean));
    const type = clean.endsWith('.json') ? 'application/json' : clean.endsWith('.js') ? 'text/javascript' : 'application/octet-stream';
    return new Response(data, { status: 200, headers: { 'content-type': type, 'content-length': String(data.byteLength) } });
  } catch {
    return new Response('not found', { status: 404 });
  }
}

/** The directory of a built search bundle (search/pagefind/<build hash>/), from its manifest. */
export function bundleDir(outDir: string): string {
  const m = JSON.parse(readFileSync(join(outDir, 'search', 'manifest.json'), 'utf8')) as { bundle: string };
  return join(outDir, 'search', m.bundle);
}

/** The engine as tests see it: the types of src/search/engine.ts (built to engine.js). */
export type Engine = Pick<typeof import('../../src/search/engine.ts'), 'options' | 'search' | 'filters'>;

/**
 * Loads a fresh copy of <outDir>/search/engine.js (a new module instance each call, so each
 * has its own Pagefind instances and caches) configured for that directory.
 */
export async function loadEngine(outDir: string): Promise<Engine> {
  installFileFetch();
  const base = pathToFileURL(outDir.replace(/\/?$/, '/') + 'search/').href;
  const mod = (await import(`${base}engine.js?fresh=${Date.now()}-${Math.random()}`)) as Engine;
  await mod.options({ basePath: base, baseUrl: '/' });
  return mod;
}
