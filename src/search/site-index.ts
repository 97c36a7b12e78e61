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
import type { IndexShard } from '../lib/search/layout.ts';
import { PeerBudget } from '../lib/search/peer-budget.ts';
import { NO_LIMITS, PEER_LIMITS } from '../lib/search/validate.ts';
import { indexChecks, type FragmentData, type IndexChecks, type Manifest } from '../lib/search/validate-index.ts';
import { bad, cached, cborFile, fetchJson } from './checked-fetch.ts';
import { pageNumber, sortOf } from './page-files.ts';

export type { Manifest };
export { fetchJson } from './checked-fetch.ts';
export { loadBucket, loadFragment, loadSection, loadSort, prefetchSection } from './page-files.ts';
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

/** The words a term matches: its extensions, else its longest indexed prefix (as pagefind_web does). */
async function termWords(r: Reader, t: string): Promise<{ word: string; postings: Posting[] }[]> {
  let words = await lookup(r, t, true);
  for (let k = [...t].length - 1; !words.length && k > 0; k--) words = await lookup(r, [...t].slice(0, k).join(''), false);
  return words;
}

/** Where a shard's files are read from, under which budget and checks; its file cache. */
interface Reader {
  sh: Shard;
  bundle: string;
  net: PeerBudget;
  checks: IndexChecks;
}

const once = <T>(r: Reader, key: string, load: () => Promise<T>): Promise<T> => cached(r.sh.cache, key, load);

/** Index words equal to `term` or (prefix) starting with it, with their postings: the groups'
 * directory files (in parallel: a prefix may span several), then the chunks they name. */
async function lookup(r: Reader, term: string, prefix: boolean): Promise<{ word: string; postings: Posting[] }[]> {
  const { bundle, net, checks } = r;
  const s = r.sh.desc;
  const dir = (g: number) => once(r, `d${g}`, () => fetchJson(net, bundle + indexFiles.dir(s.dirs[g]!), checks.dir, 'index directory'));
  const chunk = (name: string) =>
    once(r, `i${name}`, async () => {
      const [words] = await cborFile(net, bundle + indexFiles.chunk(name), checks.chunk, 'index chunk');
      return new Map(words);
    });
  const wanted: { n: string; bytes: number }[] = [];
  for (const entries of await Promise.all(groupsFor(s.groups, term, prefix).map(dir))) {
    for (const sp of entries) if (spanMayHold(sp[0], sp[1], term, prefix)) wanted.push({ n: sp[3], bytes: sp[2] });
  }
  const out: { word: string; postings: Posting[] }[] = [];
  for (const m of await Promise.all(chunksToLoad(wanted, net.limits.termChunks).map(chunk))) {
    for (const [w, flat] of m) if (w === term || (prefix && w.startsWith(term))) out.push({ word: w, postings: decodePostings(flat) });
  }
  return out.sort((a, b) => cmpWords(a.word, b.word));
}

const filterValues = (r: Reader) =>
  once(r, 'values', () => fetchJson(r.net, r.bundle + indexFiles.filterValues(r.sh.desc.filters), r.checks.filterValues, 'filter values'));

/** The pages of one filter value. */
async function pagesOf(r: Reader, name: string, value: string): Promise<number[]> {
  const file = (await filterValues(r))[name]?.find((v) => v[0] === value)?.[2];
  if (file === undefined) return [];
  return once(r, `f${file}`, async () => {
    const deltas = await cborFile(r.net, r.bundle + indexFiles.filter(file), r.checks.filterPages, 'filter');
    let n = 0;
    return deltas.map((d) => (n += d));
  });
}

/** Every page: the sort file lists them (numbers have gaps where documents were deleted). */
function allPages(r: Reader): Promise<number[]> {
  return once(r, 'all', async () => {
    const raw = await sortOf(r.net, r.bundle, r.sh.desc, r.checks);
    try {
      return (Array.isArray(raw) ? raw : raw.ids).map((x) => pageNumber(r.sh.desc.tag, x)).sort((a, b) => a - b);
    } catch (e) {
      throw bad(r.net, e);
    }
  });
}

/** One posting index: loads directory files, chunks and filter lists as queries need them
 * (cached in the shard, shared by queries), each request made under this query's `net`. */
function postingIndex(sh: Shard, bundle: string, net: PeerBudget, checks: IndexChecks): PostingIndex {
  const r: Reader = { sh, bundle, net, checks };
  const s = sh.desc;
  const id = (page: number) => pageId(s.tag, page);
  return {
    async search(term, o) {
      const t = term === null ? '' : cleanTerm(term);
      // the term's words load while the filter lists do (no round trip waits for the other)
      const found = t ? termWords(r, t) : undefined;
      found?.catch(() => {});
      const allowed = o.filters && Object.keys(o.filters).length ? await filterPages(o.filters as Record<string, FilterSpec>, (n, v) => pagesOf(r, n, v), () => allPages(r)) : null;
      if (term === null) {
        const pages = allowed ? [...allowed].sort((a, b) => a - b) : await allPages(r);
        return { results: pages.map((p) => ({ id: id(p), score: 0, words: [] })), unfilteredResultCount: s.pages };
      }
      if (!found) return { results: [], unfilteredResultCount: 0 };
      const hits = scoreTerm(t, await found, s.pages, s.avgLength);
      const results: PfResult[] = [];
      for (const h of hits) {
        if (allowed && !allowed.has(h.page)) continue;
        const r: PfResult = { id: id(h.page), score: h.score, words: h.positions };
        if (h.partial) r.partial = true;
        results.push(r);
      }
      return { results, unfilteredResultCount: hits.length };
    },
    async filters() {
      const values = await filterValues(r);
      return Object.fromEntries(Object.entries(values).map(([k, vs]) => [k, Object.fromEntries(vs.map((v) => [v[0], v[1]]))]));
    },
  };
}
