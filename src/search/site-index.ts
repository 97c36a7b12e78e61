/**
 * One site's search index in one language, as the engine (engine.ts) uses it: the manifest,
 * the Pagefind instance(s) over the bigram postings, and the small files beside them (文号
 * buckets, fragments, text sections, publication order). The engine holds one of these for
 * its own site and one per federated peer and language (issue 9).
 *
 * Every site's index runs in this site's own pagefind.js (peers' files are fetched, never
 * run). Pagefind's WebAssembly is module state shared by all instances; each instance keeps its
 * own index pointer, which a call replaces when it loads a chunk, so two calls on one instance
 * must not interleave: calls run one at a time per site, and a slow peer only delays its own
 * queue.
 */

export interface Manifest {
  titleSlot: number;
  positionCap?: number;
  sectionTokens?: number;
  bundle: string;
  languages: Record<string, { shards: { language: string; pages: number }[]; pages: number }>;
  docnum: { buckets: number; dir: string; yearBuckets?: number };
  agencies: string[];
  common?: string;
}
export interface PfResult {
  id: string;
  score: number;
  words: number[];
}
interface PfInstance {
  init(): Promise<void>;
  preload(term: string): Promise<void>;
  search(term: string | null, o: object): Promise<{ results: PfResult[]; unfilteredResultCount: number }>;
  filters(): Promise<Record<string, Record<string, number>>>;
  destroy(): Promise<void>;
}
export interface Shard {
  language: string;
  pages: number;
  pf: PfInstance;
}
export interface Fragment {
  url: string;
  /** the body's first section (all of it when `sections` is absent) */
  content: string;
  sections?: number;
  filters: Record<string, string[]>;
  meta: { title?: string; docNumber?: string; published?: string };
}
/** page ids in ascending publication order, and each id's date when the index records it */
export interface SortOrder {
  ids: string[];
  dates: Map<string, string>;
}

export interface SiteIndex {
  /** search language of this index ('zh', 'mn') */
  lang: string;
  /** URL of the search bundle directory (…/search/) */
  base: string;
  /** site root prepended to result paths */
  siteBase: string;
  bundle: string;
  manifest: Manifest;
  shards: Shard[];
  pages: number;
  common: Set<string>;
  /** runs calls into this site's Pagefind one at a time */
  serial<T>(fn: () => Promise<T>): Promise<T>;
  /** fetch with this site's time limit */
  get(url: string): Promise<Response>;
  fragments: Map<string, Promise<Fragment>>;
  files: Map<string, Promise<unknown>>;
  destroy(): void;
}

/** fetch that rejects after `ms` (0: no limit) with an error named TimeoutError; the limit
 * covers the body too (a server that sends headers and then stalls is as slow as one that
 * never answers), so the response comes back already read. */
export async function fetchWithin(url: string, ms: number): Promise<Response> {
  if (!ms) return fetch(url);
  const ctl = new AbortController();
  const timer = setTimeout(() => ctl.abort(new DOMException('timeout', 'TimeoutError')), ms);
  try {
    const r = await fetch(url, { signal: ctl.signal });
    const body = await r.arrayBuffer();
    return new Response([101, 204, 205, 304].includes(r.status) ? null : body, { status: r.status, headers: r.headers });
  } finally {
    clearTimeout(timer);
  }
}

/** `p`, or a TimeoutError after `ms` (0: no limit). */
export function within<T>(p: Promise<T>, ms: number): Promise<T> {
  if (!ms) return p;
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new DOMException('timeout', 'TimeoutError')), ms);
    p.then(
      (v) => (clearTimeout(timer), resolve(v)),
      (e) => (clearTimeout(timer), reject(e)),
    );
  });
}

/** Create a Pagefind instance whose language is `lang`, whatever <html lang> says. */
function createWithLanguage(pf: { createInstance(o: object): PfInstance }, basePath: string, lang: string): PfInstance {
  const g = globalThis as { document?: { documentElement?: Element } };
  const el = g.document?.documentElement;
  const make = () => pf.createInstance({ basePath, noWorker: true, excerptLength: 0 });
  if (el && typeof el.getAttribute === 'function') {
    const had = el.getAttribute('lang');
    el.setAttribute('lang', lang);
    try {
      return make();
    } finally {
      if (had === null) el.removeAttribute('lang');
      else el.setAttribute('lang', had);
    }
  }
  const prev = Object.getOwnPropertyDescriptor(globalThis, 'document');
  Object.defineProperty(globalThis, 'document', {
    configurable: true,
    writable: true,
    value: { querySelector: (s: string) => (s === 'html' ? { getAttribute: () => lang } : null) },
  });
  try {
    return make();
  } finally {
    if (prev) Object.defineProperty(globalThis, 'document', prev);
    else delete (globalThis as { document?: unknown }).document;
  }
}

export class MissingLanguage extends Error {}

let wasmReady = false;
let wasmLoading: Promise<void> | null = null;
/**
 * Pagefind's glue keeps one WebAssembly instance per module, but instances created at the same
 * moment each instantiate it and the later one replaces the earlier one's memory (a trap,
 * "unreachable", or a search that never returns). An instance starts loading when it is
 * created, and its init() returns before the WebAssembly is there; preload('') waits for it
 * without fetching anything. So the first instance is created alone and awaited; once the
 * module has its WebAssembly, the others may be created together.
 */
async function createReady(pf: { createInstance(o: object): PfInstance }, basePath: string, lang: string): Promise<PfInstance> {
  while (wasmLoading) await wasmLoading.catch(() => {});
  if (wasmReady) return createWithLanguage(pf, basePath, lang);
  const inst = createWithLanguage(pf, basePath, lang);
  wasmLoading = inst.init().then(() => inst.preload(''));
  try {
    await wasmLoading;
    wasmReady = true;
  } finally {
    wasmLoading = null;
  }
  return inst;
}

export interface OpenOptions {
  /** URL of the site's search bundle directory (…/search/) */
  base: string;
  siteBase: string;
  /** wanted search language; `fallback` allows another when the index lacks it */
  lang: string;
  fallback: boolean;
  /** URL of the pagefind.js module to use for this site */
  pagefindUrl: string;
  /** time limit per request (0: none) */
  timeout: number;
  /** a manifest already fetched */
  manifest?: Manifest;
  /** this site's Pagefind bundle: a peer's WebAssembly is taken from there (see shareWasm) */
  wasmFrom?: string;
}

const wasmFrom = new Map<string, string>();
let fetchWrapped = false;
/**
 * Pagefind downloads its WebAssembly for every instance, even though the module runs only the
 * first copy it loaded (Pagefind's mergeIndex skips the download, but merges the statistics
 * too). A peer's request for it is answered from this site's identical file, which the browser
 * has cached: twenty peers cost no extra 55 KB each.
 */
function shareWasm(peerBundle: string, ownBundle: string): void {
  wasmFrom.set(peerBundle, ownBundle);
  // Pagefind drops this page's origin from a same-origin basePath: match that form too
  const origin = (globalThis as { location?: { origin?: string } }).location?.origin;
  if (origin && peerBundle.startsWith(origin + '/')) wasmFrom.set(peerBundle.slice(origin.length), ownBundle);
  if (fetchWrapped) return;
  fetchWrapped = true;
  const inner = globalThis.fetch;
  globalThis.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const m = /^(.*\/)(wasm\.[^/?#]+\.pagefind)(?:[?#].*)?$/.exec(url);
    const own = m && wasmFrom.get(m[1]!);
    return inner.call(globalThis, own ? own + m![2] : input, init);
  }) as typeof fetch;
}

export async function openIndex(o: OpenOptions): Promise<SiteIndex> {
  const get = (url: string) => fetchWithin(url, o.timeout);
  let manifest = o.manifest;
  if (!manifest) {
    const r = await get(o.base + 'manifest.json');
    if (!r.ok) throw new Error(`manifest.json: HTTP ${r.status}`);
    manifest = (await r.json()) as Manifest;
  }
  if (!manifest.languages || !manifest.bundle || !manifest.docnum) throw new Error('manifest.json: not a search manifest');
  const langKey = manifest.languages[o.lang] ? o.lang : !o.fallback ? '' : manifest.languages.zh ? 'zh' : (Object.keys(manifest.languages)[0] ?? '');
  const l = manifest.languages[langKey];
  if (!l) throw new MissingLanguage(`no ${o.lang} index`);
  const bundlePath = o.base + manifest.bundle;
  if (o.wasmFrom && o.wasmFrom !== bundlePath) shareWasm(bundlePath, o.wasmFrom);
  const pf = await within(import(/* @vite-ignore */ o.pagefindUrl), o.timeout);
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const p = chain.then(fn);
    chain = p.catch(() => {});
    return p;
  };
  const shards: Shard[] = [];
  // the first instance loads the WebAssembly; the others reuse the module's copy
  for (const s of l.shards) {
    const inst = await within(createReady(pf, bundlePath, s.language), o.timeout);
    await within(
      serial(() => inst.init()),
      o.timeout,
    );
    shards.push({ language: s.language, pages: s.pages, pf: inst });
  }
  const common = new Set<string>();
  const cs = manifest.common ?? '';
  for (let i = 0; i + 1 < cs.length; i += 2) common.add(cs.slice(i, i + 2));
  return {
    lang: langKey,
    base: o.base,
    siteBase: o.siteBase,
    bundle: bundlePath,
    manifest,
    shards,
    pages: l.pages,
    common,
    serial,
    get,
    fragments: new Map(),
    files: new Map(),
    destroy: () => void Promise.all(shards.map((s) => s.pf.destroy())).catch(() => {}),
  };
}

async function gunzipJson<T>(buf: ArrayBuffer): Promise<T> {
  let bytes = new Uint8Array(buf);
  const sig = 'pagefind_dcd';
  const hasSig = (b: Uint8Array) => String.fromCharCode(...b.subarray(0, sig.length)) === sig;
  if (!hasSig(bytes)) {
    const ds = new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip')));
    bytes = new Uint8Array(await ds.arrayBuffer());
  }
  if (hasSig(bytes)) bytes = bytes.subarray(sig.length);
  return JSON.parse(new TextDecoder().decode(bytes)) as T;
}

export function loadFragment(ix: SiteIndex, id: string): Promise<Fragment> {
  let f = ix.fragments.get(id);
  if (!f) {
    f = ix.get(`${ix.bundle}fragment/${id}.pf_fragment`).then(async (r) => {
      if (!r.ok) throw new Error(`fragment ${id}: HTTP ${r.status}`);
      return gunzipJson<Fragment>(await r.arrayBuffer());
    });
    f.catch(() => ix.fragments.delete(id));
    ix.fragments.set(id, f);
  }
  return f;
}

/** Body section k of a page (section 0 is in its fragment). */
export async function loadSection(ix: SiteIndex, id: string, frag: Fragment, k: number): Promise<string> {
  if (k <= 0 || !frag.sections || k >= frag.sections) return frag.content;
  try {
    const r = await ix.get(`${ix.base}text/${id}.${k}`);
    if (!r.ok) return frag.content;
    const ds = new Response(new Blob([await r.arrayBuffer()]).stream().pipeThrough(new DecompressionStream('gzip')));
    return await ds.text();
  } catch {
    return frag.content;
  }
}

/** A JSON file of the bundle, cached; `empty` when it is missing or unreadable. */
function loadJson<T>(ix: SiteIndex, path: string, empty: T): Promise<T> {
  let f = ix.files.get(path) as Promise<T> | undefined;
  if (!f) {
    f = ix
      .get(ix.base + path)
      .then((r) => (r.ok ? (r.json() as Promise<T>) : empty))
      .catch(() => empty);
    ix.files.set(path, f);
  }
  return f;
}

export function loadBucket(ix: SiteIndex, b: number | string): Promise<Record<string, string[][]>> {
  return loadJson(ix, `${ix.manifest.docnum.dir}${b}.json`, {});
}

/** search/sort/<shard>.json: `{ids, dates: [[date, count]…]}`, or (older builds) the ids alone. */
export async function loadSort(ix: SiteIndex, shard: string): Promise<SortOrder> {
  const raw = await loadJson<string[] | { ids: string[]; dates?: [string, number][] }>(ix, `sort/${shard}.json`, []);
  const ids = Array.isArray(raw) ? raw : (raw.ids ?? []);
  const dates = new Map<string, string>();
  if (!Array.isArray(raw) && raw.dates) {
    let i = 0;
    for (const [d, n] of raw.dates) for (let k = 0; k < n && i < ids.length; k++) dates.set(ids[i++]!, d);
  }
  return { ids, dates };
}
