/**
 * 一网通查 search engine: the one module the search page, the tests and the benchmarks use.
 * Built by scripts/build-search.ts to <out>/search/engine.js (ES module, no dependencies).
 *
 *   options({ basePath?, baseUrl?, language?, federation?, peers?, timeout? })
 *     basePath: URL of the search bundle directory (the one holding engine.js and
 *       manifest.json); default: the directory engine.js was loaded from.
 *     baseUrl: site base prepended to result paths; default: basePath without `search/`.
 *     language: 'zh' (default) or 'mn'; default from <html lang> when it starts with mn.
 *     federation: false searches this site only; default: this site and the peers listed in
 *       its search/sites.json (content/site.yaml `federation:`).
 *     peers: [{ id, name, level, region, url }] instead of the sites.json list (benchmarks).
 *     timeout: milliseconds a peer may keep a query waiting (its own requests in flight)
 *       before it is skipped (default 5000). Each peer also has bounds per query on requests,
 *       bytes and declared sizes (src/lib/search/validate.ts PEER_LIMITS, docs/federation.md).
 *   search(query, { filters?, sort?, limit?, offset?, languages? }) → { total, results, … }
 *     filters: { kind, issuer, topic, docType, year, status, level, site }: a value, a list
 *       (any of), or Pagefind's { any | all | none | not } forms. `site` (site id) and `level`
 *       (行政层级) choose the sites asked.
 *     sort: { published: 'asc' | 'desc' } (relevance when absent; an empty query lists the
 *       filtered library newest first).
 *     languages: indexes to search, default [language]; ['zh', 'mn'] on a Chinese page adds
 *       the Mongolian results.
 *     results: [{ url, title, docNumber?, published?, excerpt (HTML: escaped text, <mark> on
 *       matches), titleHtml, kind?, match, site, language, sources? }] in rank order; `sources`
 *       lists every site that published the same document (same 文号 and issuer).
 *     sites: every site asked and what it gave; notices: the peers skipped and why.
 *   filters() → { name: { value: count } } over the whole library (facet UIs), with `site`
 *     and `level` across the federation.
 *
 * Ranking is global across sites: each token's IDF is computed over all sites' pages
 * together and every site's BM25 scores are rescaled to it (Pagefind's own mergeIndex keeps
 * per-index statistics and drops ranking options, pagefind#796), so the same document scores
 * the same on a small 旗县 site and on the 自治区 site. Indexes are read by this module itself
 * (site-index.ts): no pagefind.js or WebAssembly runs at query time.
 */
import { parseQuery, type ParsedQuery } from '../lib/search/query.ts';
import { coverTokens, queryTokens, type Token } from '../lib/search/tokenize.ts';
import { expandSynonyms } from '../lib/search/synonyms.ts';
import { buildExcerpt, highlight, matchRanges } from '../lib/search/excerpt.ts';
import { docnumBucket, fnv1a } from '../lib/search/layout.ts';
import { normalizeText } from '../lib/search/normalize.ts';
import { compareScores, idf, scoreDoc, substringDistance, TIER_DOCNUMBER, TIER_PHRASE, type DocScore, type DocTokenHit, type QueryToken } from '../lib/search/rank.ts';
import { duplicateKey, isSafeUrl, resolveSiteUrl, selectSites, SITES_FILE, type PeerProblem, type SiteInfo, type SitesFile } from '../lib/search/federation.ts';
import { PeerBudget } from '../lib/search/peer-budget.ts';
import { NO_LIMITS, PEER_LIMITS, PeerError } from '../lib/search/validate.ts';
import { indexChecks } from '../lib/search/validate-index.ts';
import { fetchJson, loadBucket, loadFragment, loadSection, loadSort, MissingLanguage, openIndex, ownBudget, withBudget, type Fragment, type Manifest, type PfResult, type SiteIndex } from './site-index.ts';

export interface EngineOptions {
  basePath?: string;
  baseUrl?: string;
  language?: string;
  federation?: boolean;
  peers?: SiteInfo[];
  timeout?: number;
}
export type FilterValue = string | string[] | { any?: string[]; all?: string[]; none?: string[]; not?: string | string[] };
export interface SearchOptions {
  filters?: Record<string, FilterValue | undefined>;
  sort?: { published?: 'asc' | 'desc' };
  limit?: number;
  offset?: number;
  languages?: string[];
  /** also return the internal ids of every ranked document (benchmarks) */
  debug?: boolean;
}
/** The site a result comes from, as the page labels it. */
export interface SiteLabel {
  id: string;
  name: { zh: string; mn?: string };
  level: string;
  /** this site (not a peer) */
  self: boolean;
}
export interface SearchResult {
  url: string;
  title: string;
  docNumber?: string;
  published?: string;
  excerpt: string;
  titleHtml: string;
  kind?: string;
  /** why it matched: docNumber | title-phrase | phrase | title | words | filter */
  match: string;
  score: number;
  site: SiteLabel;
  /** index language of the result ('zh', 'mn') */
  language: string;
  /** every site that published this document (same 文号 and issuer), this one first */
  sources?: { site: SiteLabel; url: string }[];
}
export interface SearchResponse {
  total: number;
  results: SearchResult[];
  /** near misses (a 文号 with another year, close titles) when there are no results */
  suggestions: { url: string; title: string; docNumber?: string }[];
  /** 文号 keys recognized in the query */
  docNumbers: string[];
  /** every site asked: `ok`, or why it gave nothing */
  sites: { site: SiteLabel; status: 'ok' | PeerProblem; total: number }[];
  /** peers skipped (down, slow, broken): the page shows these */
  notices: { site: SiteLabel; problem: PeerProblem }[];
  /** with `debug`: fragment ids of all ranked documents (a peer's prefixed with `<site id>:`) */
  ids?: string[];
  /** with `debug`: every ranked document's site, tier and score, before duplicates are folded */
  ranked?: { site: string; id: string; tier: number; score: number }[];
}

interface Site extends SiteLabel {
  region: string;
  /** URL of its search bundle directory */
  base: string;
  /** root its result paths are joined to */
  siteBase: string;
  /** 0 for this site, then the configured order (ties in ranking) */
  order: number;
}
interface Fed {
  self: Site;
  sites: Site[];
  lang: string;
  timeout: number;
  /** result URLs may be file: (Node reading built sites from disk) */
  fileUrls: boolean;
  selfManifest: Manifest;
  indexes: Map<string, Promise<SiteIndex>>;
  /** peers that failed recently: skipped until `until` */
  down: Map<string, { until: number; problem: PeerProblem }>;
}
/** a site's index in one language, ready for a query */
interface Source {
  site: Site;
  ix: SiteIndex;
}
/** a result on the page, with every site that published it */
interface Shown {
  c: Candidate;
  frag: Fragment;
  sources: { site: Site; url: string }[];
}

const DOWN_MS = 30_000;
let config: EngineOptions = {};
let state: Promise<Fed> | null = null;

export async function options(o: EngineOptions = {}): Promise<void> {
  const next = { ...config, ...o };
  if (JSON.stringify(next) !== JSON.stringify(config) || !state) {
    config = next;
    state = null;
  }
}

function defaultBase(): string {
  const here = new URL('./', import.meta.url).href;
  const loc = (globalThis as { location?: { origin?: string } }).location;
  if (loc?.origin && here.startsWith(loc.origin + '/')) return here.slice(loc.origin.length);
  return here;
}

function defaultLanguage(): string {
  const d = (globalThis as { document?: { documentElement?: { lang?: string } } }).document;
  return d?.documentElement?.lang?.toLowerCase().startsWith('mn') ? 'mn' : 'zh';
}

const isAbsolute = (u: string) => /^[a-z][a-z0-9+.-]*:/i.test(u);

/** This site's sites.json, checked; null when absent or not of the expected shape (a
 * records-only benchmark build has none): this site alone is searched then. */
async function readSites(base: string): Promise<SitesFile | null> {
  try {
    return await fetchJson(ownBudget(), base + SITES_FILE, indexChecks(NO_LIMITS).sites, SITES_FILE);
  } catch {
    return null;
  }
}

async function init(): Promise<Fed> {
  let base = config.basePath ?? defaultBase();
  if (!base.endsWith('/')) base += '/';
  const siteBase = config.baseUrl ?? base.replace(/search\/$/, '');
  const selfManifest = await fetchJson(ownBudget(), base + 'manifest.json', indexChecks(NO_LIMITS).manifest, 'manifest.json');
  const file = await readSites(base);
  const me = file?.site;
  const self: Site = { id: me?.id ?? 'self', name: me?.name ?? { zh: '' }, level: me?.level ?? '', region: me?.region ?? '', self: true, base, siteBase, order: 0 };
  const fileUrls = /^file:/i.test(base);
  const peers = config.peers ?? (config.federation === false ? [] : (file?.peers ?? []));
  const sites = [self];
  peers.forEach((p, i) => {
    // a peer root must be http(s) or a path (file: only for the engine in Node)
    if (p.id === self.id || !isSafeUrl(p.url, fileUrls)) return;
    // a path peer stays a path in the browser (same host); in Node it resolves against basePath
    const root = isAbsolute(p.url) || !isAbsolute(base) ? p.url : resolveSiteUrl(p.url, base);
    const r = root.endsWith('/') ? root : `${root}/`;
    sites.push({ id: p.id, name: p.name, level: p.level, region: p.region, self: false, base: r + 'search/', siteBase: r, order: i + 1 });
  });
  return { self, sites, lang: config.language ?? defaultLanguage(), timeout: config.timeout ?? 5000, fileUrls, selfManifest, indexes: new Map(), down: new Map() };
}

function getFed(): Promise<Fed> {
  if (!state) {
    state = init();
    state.catch(() => (state = null));
  }
  return state;
}

const label = (s: Site): SiteLabel => ({ id: s.id, name: s.name, level: s.level, self: s.self });

/** Why a peer failed: the bound it went over (its budget tripped), else what the error says. */
function problemOf(e: unknown, net?: PeerBudget): PeerProblem {
  if (net?.problem) return net.problem;
  if (e instanceof PeerError) return e.problem;
  if (e instanceof MissingLanguage) return 'no-language';
  const name = (e as { name?: string } | null)?.name;
  if (name === 'TimeoutError') return 'timeout';
  if (e instanceof TypeError || /HTTP \d/.test(String((e as Error)?.message))) return 'unreachable';
  return 'broken';
}

/** Per site, what this query may cost it: peers are bounded (PEER_LIMITS, `timeout` ms of
 * their own time), this site is not. A fresh set per query, so one query's trip does not
 * outlive it (the `down` list does that). */
type Nets = Map<string, PeerBudget>;
function budgets(fed: Fed): Nets {
  return new Map(fed.sites.map((s) => [s.id, s.self ? ownBudget() : new PeerBudget(PEER_LIMITS, fed.timeout)]));
}

/** A site's index in `lang`, its requests made under `net`; this site falls back to its other
 * language, peers do not. The opened index is shared by queries; a peer has no wall-clock
 * limit here: its budget stops it after `timeout` ms of its own requests, so a slow or
 * hostile peer never makes another one look slow. */
function getIndex(fed: Fed, site: Site, lang: string, net: PeerBudget): Promise<SiteIndex> {
  const key = `${site.id}|${lang}`;
  let p = fed.indexes.get(key);
  if (!p) {
    p = openIndex({ base: site.base, siteBase: site.siteBase, lang, fallback: site.self && lang === fed.lang, net, ...(site.self ? { manifest: fed.selfManifest } : {}) });
    fed.indexes.set(key, p);
    p.catch(() => fed.indexes.delete(key));
  }
  return p.then((ix) => withBudget(ix, net));
}

function markDown(fed: Fed, site: Site, problem: PeerProblem): void {
  if (site.self || problem === 'no-language') return;
  fed.down.set(site.id, { until: Date.now() + DOWN_MS, problem });
  fed.indexes.forEach((_, k) => k.startsWith(`${site.id}|`) && fed.indexes.delete(k));
}

/** Index filter object (Pagefind's forms) from ours (a bare string or list becomes an any-of list); `site`
 * and, for sites whose level is known, `level` are not index filters but choose sites. */
function pfFilters(f: SearchOptions['filters'], levelKnown = false): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(f ?? {})) {
    if (k === 'site' || (k === 'level' && levelKnown)) continue;
    if (v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    out[k] = typeof v === 'string' ? v : Array.isArray(v) ? { any: v } : v;
  }
  return out;
}

function fragmentPasses(frag: Fragment, filters: Record<string, unknown>): boolean {
  for (const [k, v] of Object.entries(filters)) {
    const have = frag.filters?.[k] ?? [];
    const list = (x: unknown) => (x === undefined ? [] : Array.isArray(x) ? x : [x]) as string[];
    if (typeof v === 'string') {
      if (!have.includes(v)) return false;
      continue;
    }
    const o = v as { any?: string[]; all?: string[]; none?: string[]; not?: string | string[] };
    if (o.any && !list(o.any).some((x) => have.includes(x))) return false;
    if (o.all && !list(o.all).every((x) => have.includes(x))) return false;
    if (o.none && list(o.none).some((x) => have.includes(x))) return false;
    if (o.not && list(o.not).some((x) => have.includes(x))) return false;
  }
  return true;
}

/** Known 文号 keys for a parsed key: the key itself, or with a shorter known 机关代字. */
function keyCandidates(key: string, agencies: string[]): string[] {
  const [agency = '', year = '', serial = ''] = key.split('|');
  if (agencies.includes(agency) || agencies.length === 0) return [key];
  const chars = [...agency];
  for (let i = 1; i < chars.length - 1; i++) {
    const a = chars.slice(i).join('');
    if (agencies.includes(a)) return [`${a}|${year}|${serial}`];
  }
  return [key];
}

/** Known 文号 of the same 机关代字 and year whose serial is closest to the one typed. */
async function nearSerials(ix: SiteIndex, key: string): Promise<string[]> {
  const n = ix.manifest.docnum.yearBuckets;
  if (!n) return [];
  const [agency, year, serial = ''] = key.split('|');
  if (!year) return [];
  const ay = `${agency}|${year}`;
  const bucket = await loadBucket(ix, `y${fnv1a(ay) % n}`);
  const list = (bucket[ay] ?? []).filter((e) => (e[3] ?? 'zh') === ix.lang);
  const dist = (s: string) => substringDistance(serial, s) + Math.abs(s.length - serial.length) + Math.min(1, Math.abs(Number(s) - Number(serial)) / 1000);
  return list
    .map((e) => ({ id: e[1]!, d: dist(e[0]!) }))
    .filter((x) => x.d <= 2)
    .sort((a, b) => a.d - b.d)
    .slice(0, 3)
    .map((x) => x.id);
}

/** What one site's index returned for a query: raw per-token hits, before global ranking. */
interface SourceHits {
  src: Source;
  docHits: string[];
  near: string[];
  perToken: Map<string, { n: number; perShard: { n: number; results: PfResult[] }[] }>;
  listing: string[];
}

async function querySource(src: Source, parsed: ParsedQuery, tokens: string[], filters: Record<string, unknown>, listing: boolean): Promise<SourceHits> {
  const { ix } = src;
  const out: SourceHits = { src, docHits: [], near: [], perToken: new Map(), listing: [] };
  if (listing) {
    for (const s of ix.shards) {
      const r = await s.pf.search(null, { filters });
      out.listing.push(...r.results.map((x) => x.id));
    }
    return out;
  }
  // exact 文号 lookup (its own small file per bucket)
  const keys = parsed.docNumbers.flatMap((k) => keyCandidates(k, ix.manifest.agencies));
  await Promise.all(
    keys.map(async (key) => {
      const bucket = await loadBucket(ix, docnumBucket(key, ix.manifest.docnum.buckets));
      const [agency, year, serial] = key.split('|');
      for (const [k, entries] of Object.entries(bucket)) {
        const [a, y, s] = k.split('|');
        if (a !== agency || s !== serial) continue;
        const ids = entries.filter((e) => (e[2] ?? 'zh') === ix.lang).map((e) => e[0]!);
        if (!year || !y || y === year) out.docHits.push(...ids);
        else out.near.push(...ids);
      }
    }),
  );
  if (Object.keys(filters).length) {
    const kept: string[] = [];
    for (const id of out.docHits) if (fragmentPasses(await loadFragment(ix, id), filters)) kept.push(id);
    out.docHits = kept;
  }
  // each token searched on its own (its chunk loads once); combined in rank()
  await Promise.all(
    tokens.map(async (tok) => {
      const perShard = await Promise.all(
        ix.shards.map(async (s) => {
          const r = await s.pf.search(tok, { filters });
          return { n: r.unfilteredResultCount, results: r.results };
        }),
      );
      out.perToken.set(tok, { n: perShard.reduce((a, b) => a + b.n, 0), perShard });
    }),
  );
  return out;
}

interface Candidate {
  key: string;
  src: Source;
  id: string;
  score: DocScore;
  variant: number;
  /** this language group's query token lists (excerpts) and looked-up covers (sections) */
  group: { variants: Token[][]; covers: Token[][]; idfs: Map<string, number> };
  hits?: Map<string, DocTokenHit>;
  date?: string;
  rank?: number;
}

/** Query variants (synonyms on Chinese free text) as tokens, and the covers looked up. */
function variantsFor(parsed: ParsedQuery, lang: string, common: Set<string>): { variants: Token[][]; covers: Token[][] } {
  const texts = parsed.raw ? (parsed.docNumbers.length || lang !== 'zh' ? [parsed.raw] : expandSynonyms(parsed.raw)) : [];
  const variants = texts.map((v) => queryTokens(v, lang)).filter((v) => v.length > 0);
  // 第 and 号 around a 文号's numbers say nothing the 文号 lookup does not, and 号 alone is
  // one of the largest posting lists of a library of 文件: not looked up (still highlighted)
  const decoration = (t: Token) => parsed.docNumbers.length > 0 && t.han && (t.text === '号' || t.text === '第');
  return { variants, covers: variants.map((v) => coverTokens(v, common).filter((t) => !decoration(t))) };
}

/** Global ranking over the sources of one language: IDF over all their pages together. */
function rankGroup(all: SourceHits[], group: Candidate['group'], parsed: ParsedQuery): Candidate[] {
  const { covers, idfs } = group;
  const pages = all.reduce((a, h) => a + h.src.ix.pages, 0);
  const df = new Map<string, number>();
  for (const h of all) for (const [tok, v] of h.perToken) df.set(tok, (df.get(tok) ?? 0) + v.n);
  for (const [tok, n] of df) idfs.set(tok, idf(pages, n));
  const out: Candidate[] = [];
  for (const h of all) {
    const { ix, site } = h.src;
    const hits = new Map<string, Map<string, DocTokenHit>>();
    for (const [tok, v] of h.perToken) {
      v.perShard.forEach((sh, si) => {
        // scored with this index's own IDF: rescale to the global one
        const local = idf(ix.shards[si]!.pages, sh.n);
        const scale = local > 0 ? idfs.get(tok)! / local : 1;
        for (const r of sh.results) {
          let m = hits.get(r.id);
          if (!m) hits.set(r.id, (m = new Map()));
          m.set(tok, { positions: r.words, score: r.score * scale, ...(r.partial ? { partial: true } : {}) });
        }
      });
    }
    const best = new Map<string, Candidate>();
    covers.forEach((toks, vi) => {
      const qt: QueryToken[] = toks.map((t) => ({ text: t.text, run: t.run, pos: t.pos, idf: idfs.get(t.text) ?? 0 }));
      for (const [id, m] of hits) {
        const sc = scoreDoc(qt, toks.map((t) => m.get(t.text)), ix.manifest.titleSlot, ix.manifest.positionCap ?? 0);
        if (vi > 0) sc.score *= 0.9;
        const prev = best.get(id);
        if (!prev || compareScores(sc, prev.score) < 0) best.set(id, { key: `${site.id}|${ix.lang}|${id}`, src: h.src, id, score: sc, variant: vi, group, hits: m });
      }
    });
    // keep documents that contain at least half of the query (IDF-weighted), or a whole phrase;
    // a query that is only a 文号 keeps word matches holding most of it (a year alone is a
    // "phrase" found in half the library)
    const onlyDocNumber = parsed.docNumbers.length > 0 && !parsed.rest;
    let kept = [...best.values()].filter((c) => (onlyDocNumber ? c.score.coverage >= 0.75 : c.score.coverage >= 0.5 || c.score.phrases > 0));
    if (parsed.exact) kept = kept.filter((c) => c.score.phrases === c.score.runs);
    // 文号 hits first (filters were applied when they were looked up)
    const docSet = new Set(h.docHits);
    kept = kept.filter((c) => !docSet.has(c.id));
    for (const id of docSet) {
      const c = best.get(id);
      kept.push({ key: `${site.id}|${ix.lang}|${id}`, src: h.src, id, variant: c?.variant ?? 0, group, ...(c?.hits ? { hits: c.hits } : {}), score: { tier: TIER_DOCNUMBER, score: c?.score.score ?? 0, coverage: 1, phrases: 0, runs: 0 } });
    }
    out.push(...kept);
  }
  return out;
}

/** The body section holding the best match: the first body position of the rarest query
 * token the document contains (a phrase's rarest bigram sits inside the phrase). */
function bestSection(c: Candidate): number {
  const { manifest } = c.src.ix;
  const size = manifest.sectionTokens;
  const toks = c.group.covers[c.variant] ?? [];
  if (!c.hits || !size) return 0;
  let best = -1;
  let bestIdf = -1;
  for (const t of toks) {
    const h = c.hits.get(t.text);
    if (!h) continue;
    const p = h.positions.find((x) => x >= manifest.titleSlot);
    if (p === undefined) continue;
    const w = c.group.idfs.get(t.text) ?? 0;
    if (w > bestIdf) {
      bestIdf = w;
      best = p;
    }
  }
  return best < 0 ? 0 : Math.floor((best - manifest.titleSlot) / size);
}

function joinUrl(base: string, path: string): string {
  return base.replace(/\/+$/, '') + '/' + path.replace(/^\/+/, '');
}

/** A peer failed: its pending requests aborted, reported, and skipped for DOWN_MS (this
 * site's failures are thrown). A missing language is no failure (its other index may answer). */
function failed(fed: Fed, site: Site, e: unknown, nets: Nets, report: SearchResponse['sites']): null {
  const problem = problemOf(e, nets.get(site.id));
  if (problem !== 'no-language' && !site.self) nets.get(site.id)?.trip(problem, `${site.id}: ${problem}`);
  markDown(fed, site, problem);
  report.push({ site: label(site), status: problem, total: 0 });
  return null;
}

/** Open the chosen sites' indexes (all at once); peers that fail are reported, not fatal. */
async function openSources(fed: Fed, sites: Site[], langs: string[], report: SearchResponse['sites'], nets: Nets): Promise<Source[]> {
  const now = Date.now();
  const opened = await Promise.all(
    sites.flatMap((site) =>
      langs.map(async (lang): Promise<Source | null> => {
        const down = fed.down.get(site.id);
        if (down && down.until > now) {
          report.push({ site: label(site), status: down.problem, total: 0 });
          return null;
        }
        try {
          const ix = await getIndex(fed, site, lang, nets.get(site.id)!);
          // the own index may have fallen back to another language: ask it once
          if (site.self && ix.lang !== lang && langs.includes(ix.lang)) return null;
          return { site, ix };
        } catch (e) {
          const problem = problemOf(e, nets.get(site.id));
          if (site.self && problem !== 'no-language') throw e;
          return failed(fed, site, e, nets, report);
        }
      }),
    ),
  );
  return opened.filter((s): s is Source => s !== null);
}

/** One language's sources queried together and ranked with one global IDF. */
async function queryGroup(
  fed: Fed,
  lang: string,
  srcs: Source[],
  q: { parsed: ParsedQuery; filters: SearchOptions['filters']; listing: boolean; nets: Nets },
): Promise<{ candidates: Candidate[]; near: { src: Source; id: string }[]; report: SearchResponse['sites'] }> {
  const report: SearchResponse['sites'] = [];
  const commonFrom = srcs.find((s) => s.site.self) ?? srcs[0]!;
  const { variants, covers } = variantsFor(q.parsed, lang, commonFrom.ix.common);
  const tokens = [...new Set(covers.flat().map((t) => t.text))];
  const group: Candidate['group'] = { variants, covers, idfs: new Map() };
  const settled = await Promise.all(
    srcs.map((src) =>
      querySource(src, q.parsed, tokens, pfFilters(q.filters, !!src.site.level), q.listing).catch((e: unknown) => {
        if (src.site.self) throw e;
        return failed(fed, src.site, e, q.nets, report);
      }),
    ),
  );
  const ok = settled.filter((h): h is SourceHits => h !== null);
  const candidates: Candidate[] = [];
  if (q.listing) {
    for (const h of ok) for (const id of h.listing) candidates.push({ key: `${h.src.site.id}|${lang}|${id}`, src: h.src, id, variant: 0, group, score: { tier: 0, score: 0, coverage: 1, phrases: 0, runs: 0 } });
  } else candidates.push(...rankGroup(ok, group, q.parsed));
  const near = ok.flatMap((h) => h.near.map((id) => ({ src: h.src, id })));
  for (const h of ok) report.push({ site: label(h.src.site), status: 'ok', total: 0 });
  return { candidates, near, report };
}

export async function search(query: string, opts: SearchOptions = {}): Promise<SearchResponse> {
  const fed = await getFed();
  const limit = Math.max(0, opts.limit ?? 10);
  const offset = Math.max(0, opts.offset ?? 0);
  const sortDir = opts.sort?.published;
  const parsed = parseQuery(query ?? '');
  const listing = !parsed.raw;
  const langs = [...new Set(opts.languages?.length ? opts.languages : [fed.lang])];
  const chosen = selectSites(fed.sites, opts.filters ?? {});
  // this site without a sites.json has no known level: the level filter goes to the index
  const unknownLevel = fed.sites.filter((s) => !s.level && !chosen.includes(s) && selectSites([s], { site: opts.filters?.site }).length);
  const report: SearchResponse['sites'] = [];
  const nets = budgets(fed);
  const sources = await openSources(fed, [...chosen, ...unknownLevel], langs, report, nets);

  // every source queried in parallel, the languages too; a peer is stopped by its budget
  const byLang = new Map<string, Source[]>();
  for (const s of sources) byLang.set(s.ix.lang, [...(byLang.get(s.ix.lang) ?? []), s]);
  const groups = await Promise.all([...byLang].map(([lang, srcs]) => queryGroup(fed, lang, srcs, { parsed, filters: opts.filters, listing, nets })));
  const candidates: Candidate[] = [];
  const near: { src: Source; id: string }[] = [];
  for (const g of groups) {
    candidates.push(...g.candidates);
    near.push(...g.near);
    report.push(...g.report);
  }
  const tripped = (site: Site) => !!nets.get(site.id)?.problem;

  // a peer that went over a bound meanwhile (even in a file whose failure was tolerated) is out
  let order = candidates.filter((c) => !tripped(c.src.site));
  const bySite = (a: Candidate, b: Candidate) => a.src.site.order - b.src.site.order || (a.src.ix.lang < b.src.ix.lang ? -1 : a.src.ix.lang > b.src.ix.lang ? 1 : 0);
  if (sortDir || listing) {
    // search/sort/<shard>.json: each site's ids in publication order, with their dates
    const answered = [...new Set(order.map((c) => c.src))];
    await Promise.all(answered.map(async (src) => {
      const sorts = await Promise.all(src.ix.shards.map((s) => loadSort(src.ix, s.language).catch(() => ({ ids: [], dates: new Map<string, string>() }))));
      const rank = new Map<string, number>();
      const dates = new Map<string, string>();
      let i = 0;
      for (const s of sorts) {
        for (const id of s.ids) rank.set(id, i++);
        s.dates.forEach((d, id) => dates.set(id, d));
      }
      for (const c of order) {
        if (c.src !== src) continue;
        c.rank = rank.get(c.id) ?? -1;
        const d = dates.get(c.id);
        if (d !== undefined) c.date = d;
      }
    }));
    const sign = (sortDir ?? 'desc') === 'asc' ? 1 : -1;
    order.sort((a, b) => {
      // a document without a known date (an older peer build) sorts as the oldest
      const da = a.date ?? '';
      const db = b.date ?? '';
      if (da !== db) return sign * (da < db ? -1 : 1);
      if (a.src === b.src) return sign * ((a.rank ?? -1) - (b.rank ?? -1)) || (a.id < b.id ? -1 : 1);
      return bySite(a, b);
    });
  } else {
    order.sort((a, b) => compareScores(a.score, b.score) || bySite(a, b) || (a.id < b.id ? -1 : 1));
  }

  // the page: with several sites, the same document (文号 + issuer) is shown once with every source
  const federated = new Set(sources.map((s) => s.site.id)).size > 1;
  const want = offset + limit;
  const fragOf = async (c: { src: Source; id: string }): Promise<Fragment | null> => {
    try {
      return await loadFragment(c.src.ix, c.id);
    } catch (e) {
      if (c.src.site.self) throw e;
      return failed(fed, c.src.site, e, nets, report);
    }
  };
  let pageItems: Shown[];
  let dropped = 0;
  const isDown = (site: Site) => tripped(site) || (!site.self && (fed.down.get(site.id)?.until ?? 0) > Date.now());
  // a result links to http(s) or a path of this host, whatever a peer's fragment says
  const urlOf = (c: { src: Source }, frag: Fragment): string | null => {
    const url = joinUrl(c.src.ix.siteBase, frag.url);
    return isSafeUrl(url, fed.fileUrls) ? url : null;
  };
  if (federated) {
    // fragments from the top (in batches), so duplicates above the page are folded in too;
    // a site that failed meanwhile is not asked again
    const shown: Shown[] = [];
    const seen = new Map<string, number>();
    for (let i = 0; i < order.length && shown.length < want; ) {
      const batch = order.slice(i, i + Math.max(10, want - shown.length));
      i += batch.length;
      const frags = await Promise.all(batch.map((c) => (isDown(c.src.site) ? Promise.resolve(null) : fragOf(c))));
      batch.forEach((c, k) => {
        const frag = frags[k];
        const url = frag && urlOf(c, frag);
        if (!frag || !url) return void dropped++;
        const key = duplicateKey(frag.meta.docNumber, frag.filters?.issuer);
        const dk = key && `${c.src.ix.lang}#${key}`;
        const at = dk ? seen.get(dk) : undefined;
        if (at !== undefined) {
          const first = shown[at]!;
          if (!first.sources.some((x) => x.site.id === c.src.site.id)) first.sources.push({ site: c.src.site, url });
          dropped++;
          return;
        }
        if (shown.length >= want) return;
        if (dk) seen.set(dk, shown.length);
        shown.push({ c, frag, sources: [{ site: c.src.site, url }] });
      });
    }
    pageItems = shown.slice(offset, want);
  } else {
    const page = order.slice(offset, want);
    const frags = await Promise.all(page.map((c) => fragOf(c)));
    pageItems = [];
    page.forEach((c, i) => {
      const frag = frags[i];
      const url = frag && urlOf(c, frag);
      if (!frag || !url) return void dropped++;
      pageItems.push({ c, frag, sources: [{ site: c.src.site, url }] });
    });
  }
  const built = await Promise.all(
    pageItems.map(async ({ c, frag, sources: srcs }) => {
      const toks = c.group.variants[c.variant] ?? c.group.variants[0] ?? [];
      const title = frag.meta.title ?? '';
      const lang = c.src.ix.lang;
      const text = listing ? frag.content : await loadSection(c.src.ix, c.id, frag, bestSection(c));
      const r: SearchResult = {
        url: srcs[0]!.url,
        title,
        excerpt: buildExcerpt(text, toks, 80, lang),
        titleHtml: highlight(title, matchRanges(title, toks, undefined, lang).ranges),
        match: listing ? 'filter' : ['words', 'title', 'phrase', 'title-phrase', 'docNumber'][c.score.tier]!,
        score: Math.round(c.score.score * 1000) / 1000,
        site: label(c.src.site),
        language: lang,
      };
      if (frag.meta.docNumber) r.docNumber = frag.meta.docNumber;
      if (frag.meta.published) r.published = frag.meta.published;
      if (frag.filters?.kind?.[0]) r.kind = frag.filters.kind[0];
      if (srcs.length > 1) r.sources = srcs.map((s) => ({ site: label(s.site), url: s.url }));
      return r;
    }),
  );
  const results = withoutTripped(built, nets);
  dropped += built.length - results.length;

  // near misses: a 文号 with another year or a close serial, a title with a wrong character
  const suggestIds: { src: Source; id: string }[] = [];
  if (parsed.docNumbers.length && !order.some((c) => c.score.tier === TIER_DOCNUMBER)) {
    suggestIds.push(...near);
    for (const src of sources.filter((x) => !isDown(x.site))) {
      const keys = parsed.docNumbers.flatMap((k) => keyCandidates(k, src.ix.manifest.agencies));
      for (const k of keys) for (const id of await nearSerials(src.ix, k).catch(() => [])) suggestIds.push({ src, id });
    }
  }
  const typed = normalizeText(parsed.rest).replace(/\s+/g, '');
  if (!listing && [...typed].length >= 4 && !order.some((c) => c.score.tier >= TIER_PHRASE)) {
    const maxErr = [...typed].length >= 10 ? 2 : 1;
    // the fragments of the page shown are loaded already: no extra requests
    for (const { c, frag } of pageItems) if (substringDistance(typed, normalizeText(frag.meta.title ?? '')) <= maxErr) suggestIds.push(c);
  }
  const suggestions: SearchResponse['suggestions'] = [];
  const suggested = new Set<string>();
  for (const c of suggestIds) {
    if (suggestions.length >= 5) break;
    const k = `${c.src.site.id}|${c.id}`;
    if (suggested.has(k)) continue;
    suggested.add(k);
    const f = await fragOf(c);
    if (!f) continue;
    const url = urlOf(c, f);
    if (!url) continue;
    const s: SearchResponse['suggestions'][number] = { url, title: f.meta.title ?? '' };
    if (f.meta.docNumber) s.docNumber = f.meta.docNumber;
    suggestions.push(s);
  }
  // every peer that went over a bound or out of time in this query, wherever it happened
  for (const site of fed.sites) if (!site.self && tripped(site)) failed(fed, site, null, nets, report);
  const sites = siteReport(report, order);
  const notices = sites.filter((r) => r.status !== 'ok' && r.status !== 'no-language').map((r) => ({ site: r.site, problem: r.status as PeerProblem }));
  // with several sites `total` is an estimate: duplicates below the page are not known yet
  const res: SearchResponse = { total: Math.max(results.length + offset, order.length - dropped), results, suggestions, docNumbers: parsed.docNumbers, sites, notices };
  if (opts.debug) {
    res.ids = order.map((c) => (c.src.site.self ? c.id : `${c.src.site.id}:${c.id}`));
    res.ranked = order.map((c) => ({ site: c.src.site.id, id: c.id, tier: c.score.tier, score: c.score.score }));
  }
  return res;
}

/** Results without those of a peer that tripped its budget while they were made (its notice
 * says its documents are not in the results), and without its copies in `sources`. */
function withoutTripped(results: SearchResult[], nets: Nets): SearchResult[] {
  const bad = (id: string) => !!nets.get(id)?.problem;
  const out = results.filter((r) => !bad(r.site.id));
  for (const r of out) {
    if (!r.sources) continue;
    r.sources = r.sources.filter((x) => !bad(x.site.id));
    if (r.sources.length < 2) delete r.sources;
  }
  return out;
}

/** One line per site asked: its first failure (down, slow, broken), else `ok` when any of its
 * indexes answered, else `no-language`. */
function siteReport(report: SearchResponse['sites'], order: Candidate[]): SearchResponse['sites'] {
  const weight = (s: string) => (s === 'no-language' ? 0 : s === 'ok' ? 1 : 2);
  const out = new Map<string, SearchResponse['sites'][number]>();
  for (const r of report) {
    const prev = out.get(r.site.id);
    if (!prev || weight(r.status) > weight(prev.status)) out.set(r.site.id, { ...r });
  }
  for (const r of out.values()) r.total = order.filter((c) => c.src.site.id === r.site.id).length;
  return [...out.values()];
}

/** Filter value counts over the whole library (every reachable site, this page's language),
 * with `site` and `level` counts across the federation. */
export async function filters(): Promise<Record<string, Record<string, number>>> {
  const fed = await getFed();
  const report: SearchResponse['sites'] = [];
  const nets = budgets(fed);
  const sources = await openSources(fed, fed.sites, [fed.lang], report, nets);
  const out: Record<string, Record<string, number>> = {};
  const add = (k: string, v: string, n: number) => {
    const o = (out[k] ??= {});
    o[v] = (o[v] ?? 0) + n;
  };
  // all sites at once: a slow peer costs its own time only
  const counts = await Promise.all(
    sources.map((src) =>
      Promise.all(src.ix.shards.map((s) => s.pf.filters())).catch((e: unknown) => {
        if (src.site.self) throw e;
        return failed(fed, src.site, e, nets, report);
      }),
    ),
  );
  sources.forEach((src, i) => {
    for (const f of counts[i] ?? []) {
      for (const [k, vals] of Object.entries(f)) {
        if (k === 'level' && src.site.level) continue;
        for (const [v, n] of Object.entries(vals)) add(k, v, n);
      }
    }
    if (!counts[i]) return;
    if (fed.sites.length > 1) add('site', src.site.id, src.ix.pages);
    if (src.site.level) add('level', src.site.level, src.ix.pages);
  });
  return out;
}
