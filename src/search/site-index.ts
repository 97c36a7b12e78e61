/**
 * One site's search index in one language, as the engine (engine.ts) uses it: the manifest,
 * the posting index(es) (src/lib/search/postings.ts: chunks found through a two-level
 * directory, scored as Pagefind scores them) and the small files beside them (文号 buckets,
 * fragments, text sections, publication order). The engine holds one of these for its own site
 * and one per federated peer and language (issue 9). Nothing of a peer is ever run: its files
 * are data, read by this site's engine, each checked against its shape and bounds
 * (src/lib/search/validate-index.ts) and fetched under the query's budget for that site
 * (src/lib/search/peer-budget.ts: requests, bytes, inflated bytes, time, abort).
 */
import { cleanTerm, cmpWords, decodePostings, filterPages, indexFiles, pageId, groupsFor, scoreTerm, spanMayHold, type FilterSpec, type Posting } from '../lib/search/postings.ts';
import { decodeCbor } from '../lib/search/cbor.ts';
import type { IndexShard } from '../lib/search/layout.ts';
import { PeerBudget } from '../lib/search/peer-budget.ts';
import { NO_LIMITS, PEER_LIMITS, PeerError, type Check } from '../lib/search/validate.ts';
import { indexChecks, PAGE_ID, type FragmentData, type IndexChecks, type Manifest, type SortData } from '../lib/search/validate-index.ts';

export type { Manifest };
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
  /** the manifest entry and the files loaded from it (shared by every query) */
  desc: IndexShard;
  cache: Map<string, Promise<unknown>>;
}
export type Fragment = FragmentData;
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
  /** this query's requests to the site: bounds, time, abort (withBudget makes a view per query) */
  net: PeerBudget;
  /** the file shapes, with this site's bounds */
  checks: IndexChecks;
  fragments: Map<string, Promise<Fragment>>;
  files: Map<string, Promise<unknown>>;
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
  /** the requests' bounds and abort (a peer's per query); default: unbounded, or peer bounds
   * with `timeout` ms when that is set */
  net?: PeerBudget;
  /** time limit (0: none) when no `net` is given */
  timeout?: number;
  /** a manifest already fetched (and checked) */
  manifest?: Manifest;
}

/** A budget for this site's own index: shapes checked, no bounds. */
export const ownBudget = (): PeerBudget => new PeerBudget(NO_LIMITS, 0);

export async function openIndex(o: OpenOptions): Promise<SiteIndex> {
  const net = o.net ?? (o.timeout ? new PeerBudget(PEER_LIMITS, o.timeout) : ownBudget());
  const checks = indexChecks(net.limits);
  const manifest = o.manifest ?? (await fetchJson(net, o.base + 'manifest.json', checks.manifest, 'manifest.json'));
  const langKey = manifest.languages[o.lang] ? o.lang : !o.fallback ? '' : manifest.languages.zh ? 'zh' : (Object.keys(manifest.languages)[0] ?? '');
  const l = manifest.languages[langKey];
  if (!l) throw new MissingLanguage(`no ${o.lang} index`);
  const bundlePath = o.base + manifest.bundle;
  // `pf` is bound to a query's budget by withBudget below
  const shards = l.shards.map((desc) => ({ language: desc.language, pages: desc.pages, desc, cache: new Map<string, Promise<unknown>>() })) as Shard[];
  const common = new Set<string>();
  const cs = manifest.common ?? '';
  for (let i = 0; i + 1 < cs.length; i += 2) common.add(cs.slice(i, i + 2));
  const ix: SiteIndex = { lang: langKey, base: o.base, siteBase: o.siteBase, bundle: bundlePath, manifest, shards, pages: l.pages, common, net, checks, fragments: new Map(), files: new Map() };
  return withBudget(ix, net);
}

/** The same index, its requests made under `net` (one query's budget); caches are shared. */
export function withBudget(ix: SiteIndex, net: PeerBudget): SiteIndex {
  const shards = ix.shards.map((s) => ({ ...s, pf: postingIndex(s, ix.bundle, net, ix.checks) }));
  return { ...ix, net, shards };
}

/** A bundle file's bytes (inflated when gzipped); a missing file is an error. */
async function bytesOf(net: PeerBudget, url: string, what: string): Promise<Uint8Array> {
  const r = await net.fetch(url);
  if (!r.ok) throw new Error(`${what}: HTTP ${r.status}`);
  return r.bytes;
}

/** A peer's bad data trips its budget (the peer is skipped even where a caller falls back);
 * this site's own just throws. */
function bad(net: PeerBudget, e: unknown): unknown {
  return e instanceof PeerError && net.limits !== NO_LIMITS ? net.trip(e.problem, e.message) : e;
}

/** `c(x)`, tripping a peer's budget when it fails. */
function checked<T>(c: Check<T>, x: unknown, what: string, net: PeerBudget): T {
  try {
    return c(x, what);
  } catch (e) {
    throw bad(net, e);
  }
}

/** A CBOR file, decoded within bounds and checked. */
async function cborFile<T>(net: PeerBudget, url: string, c: Check<T>, what: string): Promise<T> {
  const bytes = await bytesOf(net, url, what);
  let x: unknown;
  try {
    x = decodeCbor(bytes);
  } catch (e) {
    throw bad(net, new PeerError('invalid', `${what}: ${(e as Error).message}`));
  }
  return checked(c, x, what, net);
}

/** A JSON file (after a `prefix` it may start with), parsed and checked. */
export async function fetchJson<T>(net: PeerBudget, url: string, c: Check<T>, what: string, prefix = ''): Promise<T> {
  let bytes = await bytesOf(net, url, what);
  if (prefix && String.fromCharCode(...bytes.subarray(0, prefix.length)) === prefix) bytes = bytes.subarray(prefix.length);
  let x: unknown;
  try {
    x = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw bad(net, new PeerError('broken', `${what}: not JSON`));
  }
  return checked(c, x, what, net);
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

/** Index chunks to load for a term: the one holding it, then extensions within a byte budget
 * (a single common character, 第 or 人, would otherwise load every chunk of its bigrams) and,
 * for a peer, a chunk count (its directory's byte counts are its own word). */
function chunksToLoad(wanted: { n: string; bytes: number }[], max: number): string[] {
  let spent = 0;
  return wanted
    .filter((c, i) => i === 0 || (spent += c.bytes) <= EXTENSION_BYTES)
    .slice(0, max)
    .map((c) => c.n);
}

/** One posting index: loads directory files, chunks and filter lists as queries need them
 * (cached in the shard, shared by queries), each request made under this query's `net`. */
function postingIndex(sh: Shard, bundle: string, net: PeerBudget, checks: IndexChecks): PostingIndex {
  const s = sh.desc;
  const once = <T>(key: string, load: () => Promise<T>): Promise<T> => cached(sh.cache, key, load);
  const dir = (g: number) => once(`d${g}`, () => fetchJson(net, bundle + indexFiles.dir(s.dirs[g]!), checks.dir, 'index directory'));
  const chunk = (name: string) =>
    once(`i${name}`, async () => {
      const [words] = await cborFile(net, bundle + indexFiles.chunk(name), checks.chunk, 'index chunk');
      return new Map(words);
    });
  /** index words equal to `term` or (prefix) starting with it, with their postings */
  const lookup = async (term: string, prefix: boolean): Promise<{ word: string; postings: Posting[] }[]> => {
    const out: { word: string; postings: Posting[] }[] = [];
    const wanted: { n: string; bytes: number }[] = [];
    // the groups' directory files in parallel (a prefix may span several)
    for (const entries of await Promise.all(groupsFor(s.groups, term, prefix).map(dir))) {
      for (const sp of entries) if (spanMayHold(sp[0], sp[1], term, prefix)) wanted.push({ n: sp[3], bytes: sp[2] });
    }
    for (const m of await Promise.all(chunksToLoad(wanted, net.limits.termChunks).map(chunk))) {
      for (const [w, flat] of m) if (w === term || (prefix && w.startsWith(term))) out.push({ word: w, postings: decodePostings(flat) });
    }
    return out.sort((a, b) => cmpWords(a.word, b.word));
  };
  const filterValues = () =>
    once('values', () => fetchJson(net, bundle + indexFiles.filterValues(s.filters), checks.filterValues, 'filter values'));
  const pagesOf = async (name: string, value: string): Promise<number[]> => {
    const file = (await filterValues())[name]?.find((v) => v[0] === value)?.[2];
    if (file === undefined) return [];
    return once(`f${file}`, async () => {
      const deltas = await cborFile(net, bundle + indexFiles.filter(file), checks.filterPages, 'filter');
      let n = 0;
      return deltas.map((d) => (n += d));
    });
  };
  // every page: the sort file lists them (numbers have gaps where documents were deleted)
  const all = () =>
    once('all', async () => {
      const raw = await sortOf(net, bundle, s, checks);
      try {
        return (Array.isArray(raw) ? raw : raw.ids).map((x) => pageNumber(s.tag, x)).sort((a, b) => a - b);
      } catch (e) {
        throw bad(net, e);
      }
    });
  const id = (page: number) => pageId(s.tag, page);
  return {
    async search(term, o) {
      const allowed = o.filters && Object.keys(o.filters).length ? await filterPages(o.filters as Record<string, FilterSpec>, pagesOf, all) : null;
      if (term === null) {
        const pages = allowed ? [...allowed].sort((a, b) => a - b) : await all();
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
      const values = await filterValues();
      return Object.fromEntries(Object.entries(values).map(([k, vs]) => [k, Object.fromEntries(vs.map((v) => [v[0], v[1]]))]));
    },
  };
}

/** Pagefind's fragments start with this signature (ours keep it) */
const SIG = 'pagefind_dcd';

/** A page's fragment; a page id not of the index's form (from a peer's 文号 or sort file) is
 * never put into a URL. */
export function loadFragment(ix: SiteIndex, id: string): Promise<Fragment> {
  if (!PAGE_ID.test(id)) return Promise.reject(bad(ix.net, new PeerError('invalid', `page id ${JSON.stringify(id.slice(0, 50))}`)));
  return cached(ix.fragments, id, () => fetchJson(ix.net, ix.bundle + indexFiles.fragment(id), ix.checks.fragment, `fragment ${id}`, SIG));
}

/** Body section k of a page (section 0 is in its fragment); the fragment's when it cannot be read. */
export async function loadSection(ix: SiteIndex, id: string, frag: Fragment, k: number): Promise<string> {
  if (k <= 0 || !frag.sections || k >= frag.sections || !PAGE_ID.test(id)) return frag.content;
  try {
    const text = new TextDecoder().decode(await bytesOf(ix.net, ix.bundle + indexFiles.text(id, k), `text ${id}.${k}`));
    return checked(ix.checks.text, text, `text ${id}.${k}`, ix.net);
  } catch {
    return frag.content;
  }
}

/** A JSON file of the bundle, checked and cached; `empty` when it is missing or unreadable (a
 * peer's bad file has tripped its budget by then). A failed request (a peer's timeout, a
 * missing file) is not cached: the next query asks again. */
function loadJson<T>(ix: SiteIndex, path: string, c: Check<T>, empty: T): Promise<T> {
  return cached(ix.files, path, () => fetchJson(ix.net, ix.base + path, c, path)).catch(() => empty);
}

/** 文号 bucket `b` (a number) or year bucket `y<n>` (docs/search.md); `{}` when there is none. */
export function loadBucket(ix: SiteIndex, b: number | string): Promise<Record<string, string[][]>> {
  const d = ix.manifest.docnum;
  const year = typeof b === 'string' && /^y\d+$/.test(b);
  const name = year ? d.yearFiles[Number(b.slice(1))] : d.files[Number(b)];
  if (name === undefined) return Promise.resolve({});
  return loadJson(ix, d.dir + indexFiles.docnum(name).replace(/^docnum\//, ''), ix.checks.bucket, {});
}

/** A shard's sort file, checked and cached (shared by its queries). */
function sortOf(net: PeerBudget, bundle: string, s: IndexShard, checks: IndexChecks): Promise<SortData> {
  return fetchJson(net, bundle + indexFiles.sort(s.sort), checks.sort, 'sort');
}

/** The page number of page id `id` of index `tag` (the inverse of pageId). */
function pageNumber(tag: string, id: string): number {
  const n = id.startsWith(tag) ? parseInt(id.slice(tag.length), 36) : NaN;
  if (!Number.isSafeInteger(n) || n < 0) throw new PeerError('invalid', `sort: page id ${JSON.stringify(id.slice(0, 50))} not of index ${tag}`);
  return n;
}

/** <bundle>/sort/<name>.json of shard `shard` (its language code): `{ids, dates: [[date, count]…]}`. */
export async function loadSort(ix: SiteIndex, shard: string): Promise<SortOrder> {
  const desc = ix.shards.find((s) => s.language === shard)?.desc;
  const raw = desc ? await loadJson<SortData>(ix, ix.manifest.bundle + indexFiles.sort(desc.sort), ix.checks.sort, []) : [];
  const ids = Array.isArray(raw) ? raw : raw.ids;
  const dates = new Map<string, string>();
  if (!Array.isArray(raw) && raw.dates) {
    let i = 0;
    for (const [d, n] of raw.dates) for (let k = 0; k < n && i < ids.length; k++) dates.set(ids[i++]!, d);
  }
  return { ids, dates };
}
