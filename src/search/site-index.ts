/**
 * One site's search index in one language, as the engine (engine.ts) uses it: the manifest,
 * the posting index(es) (src/lib/search/postings.ts: chunks found through a two-level
 * directory, scored as Pagefind scores them) and the small files beside them (文号 buckets,
 * fragments, text sections, publication order). The engine holds one of these for its own site
 * and one per federated peer and language (issue 9). Nothing of a peer is ever run: its files
 * are data, read by this site's engine.
 */
import { cleanTerm, cmpWords, decodePostings, filterPages, indexFiles, pageId, groupsFor, scoreTerm, spanMayHold, type FilterSpec, type Posting } from '../lib/search/postings.ts';
import { decodeCbor, type Cbor } from '../lib/search/cbor.ts';
import type { IndexShard, SearchManifest } from '../lib/search/layout.ts';

export type Manifest = SearchManifest & { agencies: string[] };
export interface PfResult {
  id: string;
  score: number;
  words: number[];
  /** some positions were not kept (a thinned word, postings.ts) */
  partial?: boolean;
}
/** What the engine asks of an index: Pagefind's search/filters calls, one term at a time. */
interface PostingIndex {
  search(term: string | null, o: { filters?: Record<string, unknown> }): Promise<{ results: PfResult[]; unfilteredResultCount: number }>;
  filters(): Promise<Record<string, Record<string, number>>>;
}
export interface Shard {
  language: string;
  pages: number;
  pf: PostingIndex;
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
  /** fetch with this site's time limit */
  get(url: string): Promise<Response>;
  fragments: Map<string, Promise<Fragment>>;
  files: Map<string, Promise<unknown>>;
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

export class MissingLanguage extends Error {}

/** bytes of index chunks a prefix search may load beyond the first (Pagefind loads one) */
const EXTENSION_BYTES = 64 * 1024;

export interface OpenOptions {
  /** URL of the site's search bundle directory (…/search/) */
  base: string;
  siteBase: string;
  /** wanted search language; `fallback` allows another when the index lacks it */
  lang: string;
  fallback: boolean;
  /** time limit per request (0: none) */
  timeout: number;
  /** a manifest already fetched */
  manifest?: Manifest;
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
  if (manifest.version !== 2) throw new Error(`manifest.json: index version ${manifest.version}, this engine reads version 2 (rebuild the site)`);
  const langKey = manifest.languages[o.lang] ? o.lang : !o.fallback ? '' : manifest.languages.zh ? 'zh' : (Object.keys(manifest.languages)[0] ?? '');
  const l = manifest.languages[langKey];
  if (!l) throw new MissingLanguage(`no ${o.lang} index`);
  const bundlePath = o.base + manifest.bundle;
  const shards: Shard[] = l.shards.map((s) => ({ language: s.language, pages: s.pages, pf: postingIndex(s, bundlePath, get) }));
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
    get,
    fragments: new Map(),
    files: new Map(),
  };
}

/** A gzipped index file's bytes (as they are, if a server already inflated it). */
async function gunzip(r: Response, what: string): Promise<Uint8Array> {
  if (!r.ok) throw new Error(`${what}: HTTP ${r.status}`);
  const raw = new Uint8Array(await r.arrayBuffer());
  if (raw[0] !== 0x1f || raw[1] !== 0x8b) return raw;
  const ds = new Response(new Blob([raw]).stream().pipeThrough(new DecompressionStream('gzip')));
  return new Uint8Array(await ds.arrayBuffer());
}

/** `load()` once per key; a failed load is forgotten, so the next call tries again. */
function cached<T>(cache: Map<string, Promise<unknown>>, key: string, load: () => Promise<T>): Promise<T> {
  let p = cache.get(key) as Promise<T> | undefined;
  if (!p) {
    p = load();
    p.catch(() => cache.delete(key));
    cache.set(key, p);
  }
  return p;
}

/** One posting index: loads directory files, chunks and filter lists as queries need them. */
function postingIndex(s: IndexShard, bundle: string, get: (url: string) => Promise<Response>): PostingIndex {
  const cache = new Map<string, Promise<unknown>>();
  const once = <T>(key: string, load: () => Promise<T>): Promise<T> => cached(cache, key, load);
  const dir = (g: number) =>
    once(`d${g}`, async () => JSON.parse(new TextDecoder().decode(await gunzip(await get(bundle + indexFiles.dir(s.tag, g)), 'index directory'))) as [string, string, number?][]);
  const chunk = (n: number) =>
    once(`i${n}`, async () => {
      const words = (decodeCbor(await gunzip(await get(bundle + indexFiles.chunk(s.tag, n)), 'index chunk')) as Cbor[][])[0] as Cbor[][];
      return new Map(words.map((w) => [w[0] as string, w[1] as number[]]));
    });
  /** index words equal to `term` or (prefix) starting with it, with their postings */
  const lookup = async (term: string, prefix: boolean): Promise<{ word: string; postings: Posting[] }[]> => {
    const out: { word: string; postings: Posting[] }[] = [];
    const wanted: { n: number; bytes: number }[] = [];
    for (const g of groupsFor(s.groups, term, prefix)) {
      (await dir(g)).forEach((sp, i) => spanMayHold(sp[0], sp[1], term, prefix) && wanted.push({ n: g * s.groupSize + i, bytes: sp[2] ?? 0 }));
    }
    // the chunk holding the term, then extension chunks within a budget: a single common
    // character (第, 人) would otherwise load every chunk of its bigrams
    let spent = 0;
    const load = wanted.filter((c, i) => i === 0 || (spent += c.bytes) <= EXTENSION_BYTES);
    for (const m of await Promise.all(load.map((c) => chunk(c.n)))) {
      for (const [w, flat] of m) if (w === term || (prefix && w.startsWith(term))) out.push({ word: w, postings: decodePostings(flat) });
    }
    return out.sort((a, b) => cmpWords(a.word, b.word));
  };
  const filterValues = () =>
    once('values', async () => {
      const r = await get(bundle + indexFiles.filterValues(s.tag));
      if (!r.ok) throw new Error(`filter values: HTTP ${r.status}`);
      return r.json() as Promise<Record<string, [string, number][]>>;
    });
  const pagesOf = async (name: string, value: string): Promise<number[]> => {
    const all = await filterValues();
    const fi = Object.keys(all).indexOf(name);
    const vi = fi < 0 ? -1 : all[name]!.findIndex((v) => v[0] === value);
    if (vi < 0) return [];
    return once(`f${fi}-${vi}`, async () => {
      const deltas = decodeCbor(await gunzip(await get(bundle + indexFiles.filter(s.tag, fi, vi)), 'filter')) as number[];
      let n = 0;
      return deltas.map((d) => (n += d));
    });
  };
  const id = (page: number) => pageId(s.tag, page);
  return {
    async search(term, o) {
      const allowed = o.filters && Object.keys(o.filters).length ? await filterPages(o.filters as Record<string, FilterSpec>, pagesOf, s.pages) : null;
      if (term === null) {
        const pages = allowed ? [...allowed].sort((a, b) => a - b) : Array.from({ length: s.pages }, (_, i) => i);
        return { results: pages.map((p) => ({ id: id(p), score: 0, words: [] })), unfilteredResultCount: s.pages };
      }
      const t = cleanTerm(term);
      if (!t) return { results: [], unfilteredResultCount: 0 };
      let words = await lookup(t, true);
      // no word starts with the term: its longest indexed prefix (as pagefind_web does)
      for (let k = [...t].length - 1; !words.length && k > 0; k--) words = await lookup([...t].slice(0, k).join(''), false);
      const hits = scoreTerm(t, words, s.pages, s.avgLength);
      return {
        results: hits.filter((h) => !allowed || allowed.has(h.page)).map((h) => ({ id: id(h.page), score: h.score, words: h.positions, ...(h.partial ? { partial: true } : {}) })),
        unfilteredResultCount: hits.length,
      };
    },
    async filters() {
      const all = await filterValues();
      return Object.fromEntries(Object.entries(all).map(([k, vs]) => [k, Object.fromEntries(vs)]));
    },
  };
}

/** A fragment's JSON, after the signature Pagefind's fragments start with. */
function fragmentJson<T>(bytes: Uint8Array): T {
  const sig = 'pagefind_dcd';
  const hasSig = String.fromCharCode(...bytes.subarray(0, sig.length)) === sig;
  return JSON.parse(new TextDecoder().decode(hasSig ? bytes.subarray(sig.length) : bytes)) as T;
}

export function loadFragment(ix: SiteIndex, id: string): Promise<Fragment> {
  return cached(ix.fragments, id, async () => fragmentJson<Fragment>(await gunzip(await ix.get(`${ix.bundle}fragment/${id}.pf_fragment`), `fragment ${id}`)));
}

/** Body section k of a page (section 0 is in its fragment). */
export async function loadSection(ix: SiteIndex, id: string, frag: Fragment, k: number): Promise<string> {
  if (k <= 0 || !frag.sections || k >= frag.sections) return frag.content;
  try {
    return new TextDecoder().decode(await gunzip(await ix.get(`${ix.bundle}text/${id}.${k}`), `text ${id}.${k}`));
  } catch {
    return frag.content;
  }
}

/** A JSON file of the bundle, cached; `empty` when it is missing or unreadable. A failed
 * request (a peer's timeout) is not cached: the next query asks again. */
function loadJson<T>(ix: SiteIndex, path: string, empty: T): Promise<T> {
  return cached(ix.files, path, async () => {
    const r = await ix.get(ix.base + path);
    return r.ok ? (r.json() as Promise<T>) : empty;
  }).catch(() => empty);
}

export function loadBucket(ix: SiteIndex, b: number | string): Promise<Record<string, string[][]>> {
  return loadJson(ix, `${ix.manifest.docnum.dir}${b}.json`, {});
}

/** <bundle>/sort/<shard>.json: `{ids, dates: [[date, count]…]}`. */
export async function loadSort(ix: SiteIndex, shard: string): Promise<SortOrder> {
  const raw = await loadJson<string[] | { ids: string[]; dates?: [string, number][] }>(ix, `${ix.manifest.bundle}sort/${shard}.json`, []);
  const ids = Array.isArray(raw) ? raw : (raw.ids ?? []);
  const dates = new Map<string, string>();
  if (!Array.isArray(raw) && raw.dates) {
    let i = 0;
    for (const [d, n] of raw.dates) for (let k = 0; k < n && i < ids.length; k++) dates.set(ids[i++]!, d);
  }
  return { ids, dates };
}
