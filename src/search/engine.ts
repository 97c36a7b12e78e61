/**
 * 一网通查 search engine: the one module the search page, the tests and the benchmarks use.
 * Built by scripts/build-search.ts to <out>/search/engine.js (ES module, no dependencies).
 *
 *   options({ basePath?, baseUrl?, language? })
 *     basePath: URL of the search bundle directory (the one holding engine.js and
 *       manifest.json); default: the directory engine.js was loaded from.
 *     baseUrl: site base prepended to result paths; default: basePath without `search/`.
 *     language: 'zh' (default) or 'mn'; default from <html lang> when it starts with mn.
 *   search(query, { filters?, sort?, limit?, offset? }) → { total, results, suggestions, ... }
 *     filters: { kind, issuer, topic, docType, year, status, level }: a value, a list (any of),
 *       or Pagefind's { any | all | none | not } forms.
 *     sort: { published: 'asc' | 'desc' } (relevance when absent; an empty query lists the
 *       filtered library newest first).
 *     results: [{ url, title, docNumber?, published?, excerpt (HTML: escaped text, <mark> on
 *       matches), titleHtml, kind?, match }] in rank order.
 *   filters() → { name: { value: count } } over the whole library (facet UIs).
 *
 * Pagefind (pagefind/pagefind.js) holds the bigram postings: one instance per language index
 * (the manifest may list several shards; the indexer now merges its parts into one), created
 * with the index's own language code so pagefind.js never re-segments the query (the page
 * keeps lang="zh-CN"). Mongolian ('mn') queries are folded with src/lib/mongolian/fold.ts like
 * the index. Runs in browsers and in Node (with a fetch that reads file:).
 */
import { parseQuery } from '../lib/search/query.ts';
import { coverTokens, queryTokens, type Token } from '../lib/search/tokenize.ts';
import { expandSynonyms } from '../lib/search/synonyms.ts';
import { buildExcerpt, highlight, matchRanges } from '../lib/search/excerpt.ts';
import { docnumBucket, fnv1a } from '../lib/search/layout.ts';
import { normalizeText } from '../lib/search/normalize.ts';
import { compareScores, idf, scoreDoc, substringDistance, TIER_DOCNUMBER, TIER_PHRASE, type DocScore, type DocTokenHit, type QueryToken } from '../lib/search/rank.ts';

export interface EngineOptions {
  basePath?: string;
  baseUrl?: string;
  language?: string;
}
export type FilterValue = string | string[] | { any?: string[]; all?: string[]; none?: string[]; not?: string | string[] };
export interface SearchOptions {
  filters?: Record<string, FilterValue | undefined>;
  sort?: { published?: 'asc' | 'desc' };
  limit?: number;
  offset?: number;
  /** also return the internal ids of every ranked document (benchmarks) */
  debug?: boolean;
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
}
export interface SearchResponse {
  total: number;
  results: SearchResult[];
  /** near misses (a 文号 with another year, close titles) when there are no results */
  suggestions: { url: string; title: string; docNumber?: string }[];
  /** 文号 keys recognized in the query */
  docNumbers: string[];
  /** with `debug`: fragment ids of all ranked documents */
  ids?: string[];
}

interface Manifest {
  titleSlot: number;
  positionCap?: number;
  sectionTokens?: number;
  bundle: string;
  languages: Record<string, { shards: { language: string; pages: number }[]; pages: number }>;
  docnum: { buckets: number; dir: string; yearBuckets?: number };
  agencies: string[];
  common?: string;
}
interface PfResult {
  id: string;
  score: number;
  words: number[];
}
interface PfInstance {
  init(): Promise<void>;
  search(term: string | null, o: object): Promise<{ results: PfResult[]; unfilteredResultCount: number }>;
  filters(): Promise<Record<string, Record<string, number>>>;
  destroy(): Promise<void>;
}
interface Shard {
  language: string;
  pages: number;
  pf: PfInstance;
}
interface State {
  base: string;
  siteBase: string;
  bundle: string;
  manifest: Manifest;
  shards: Shard[];
  pages: number;
  fragments: Map<string, Promise<Fragment>>;
  buckets: Map<string, Promise<Record<string, string[][]>>>;
  common: Set<string>;
  /** search language of the loaded index ('zh', 'mn') */
  lang: string;
}
interface Fragment {
  url: string;
  /** the body's first section (all of it when `sections` is absent) */
  content: string;
  sections?: number;
  filters: Record<string, string[]>;
  meta: { title?: string; docNumber?: string; published?: string };
}

let config: EngineOptions = {};
// Pagefind instances share one WebAssembly module whose index pointer moves on every chunk
// load; interleaved calls across instances corrupted it (memory access out of bounds with 2+
// shards), so calls into Pagefind run one at a time.
let chain: Promise<unknown> = Promise.resolve();
function serial<T>(fn: () => Promise<T>): Promise<T> {
  const p = chain.then(fn);
  chain = p.catch(() => {});
  return p;
}
let state: Promise<State> | null = null;

export async function options(o: EngineOptions = {}): Promise<void> {
  const next = { ...config, ...o };
  if (JSON.stringify(next) !== JSON.stringify(config) || !state) {
    const old = state;
    config = next;
    state = null;
    if (old) old.then((s) => Promise.all(s.shards.map((x) => x.pf.destroy()))).catch(() => {});
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

/** Create a Pagefind instance whose language is `lang`, whatever <html lang> says. */
function createWithLanguage(pf: { createInstance(o: object): PfInstance }, basePath: string, lang: string): PfInstance {
  const g = globalThis as { document?: { documentElement?: Element } };
  const el = g.document?.documentElement;
  if (el && typeof el.getAttribute === 'function') {
    const had = el.getAttribute('lang');
    el.setAttribute('lang', lang);
    try {
      return pf.createInstance({ basePath, noWorker: true, excerptLength: 0 });
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
    return pf.createInstance({ basePath, noWorker: true, excerptLength: 0 });
  } finally {
    if (prev) Object.defineProperty(globalThis, 'document', prev);
    else delete (globalThis as { document?: unknown }).document;
  }
}

async function init(): Promise<State> {
  let base = config.basePath ?? defaultBase();
  if (!base.endsWith('/')) base += '/';
  const siteBase = config.baseUrl ?? base.replace(/search\/$/, '');
  const manifest = (await (await fetch(base + 'manifest.json')).json()) as Manifest;
  const lang = config.language ?? defaultLanguage();
  const langKey = manifest.languages[lang] ? lang : manifest.languages.zh ? 'zh' : Object.keys(manifest.languages)[0]!;
  const l = manifest.languages[langKey];
  if (!l) throw new Error('search index has no languages');
  const bundle = base + manifest.bundle;
  const pf = await import(/* @vite-ignore */ bundle + 'pagefind.js');
  const mk = async (s: { language: string; pages: number }): Promise<Shard> => {
    const inst = createWithLanguage(pf, bundle, s.language);
    await serial(() => inst.init());
    return { language: s.language, pages: s.pages, pf: inst };
  };
  // the first instance loads the WebAssembly; the others reuse the cached module
  const first = await mk(l.shards[0]!);
  const rest: Shard[] = [];
  for (const s of l.shards.slice(1)) rest.push(await mk(s));
  const common = new Set<string>();
  const cs = manifest.common ?? '';
  for (let i = 0; i + 1 < cs.length; i += 2) common.add(cs.slice(i, i + 2));
  return { base, siteBase, bundle, manifest, shards: [first, ...rest], pages: l.pages, fragments: new Map(), buckets: new Map(), common, lang: langKey };
}

function getState(): Promise<State> {
  if (!state) {
    state = init();
    state.catch(() => (state = null));
  }
  return state;
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

function loadFragment(st: State, id: string): Promise<Fragment> {
  let f = st.fragments.get(id);
  if (!f) {
    f = fetch(`${st.bundle}fragment/${id}.pf_fragment`).then(async (r) => gunzipJson<Fragment>(await r.arrayBuffer()));
    st.fragments.set(id, f);
  }
  return f;
}

async function loadSection(st: State, id: string, frag: Fragment, k: number): Promise<string> {
  if (k <= 0 || !frag.sections || k >= frag.sections) return frag.content;
  try {
    const r = await fetch(`${st.base}text/${id}.${k}`);
    if (!r.ok) return frag.content;
    const ds = new Response(new Blob([await r.arrayBuffer()]).stream().pipeThrough(new DecompressionStream('gzip')));
    return await ds.text();
  } catch {
    return frag.content;
  }
}

/** The body section holding the best match: the first body position of the rarest query
 * token the document contains (a phrase's rarest bigram sits inside the phrase). */
function bestSection(st: State, m: Map<string, DocTokenHit> | undefined, toks: Token[], idfs: Map<string, number>): number {
  const size = st.manifest.sectionTokens;
  if (!m || !size) return 0;
  const slot = st.manifest.titleSlot;
  let best = -1;
  let bestIdf = -1;
  for (const t of toks) {
    const h = m.get(t.text);
    if (!h) continue;
    const p = h.positions.find((x) => x >= slot);
    if (p === undefined) continue;
    const w = idfs.get(t.text) ?? 0;
    if (w > bestIdf) {
      bestIdf = w;
      best = p;
    }
  }
  return best < 0 ? 0 : Math.floor((best - slot) / size);
}

function loadBucket(st: State, b: number | string): Promise<Record<string, string[][]>> {
  let f = st.buckets.get(String(b));
  if (!f) {
    f = fetch(`${st.base}${st.manifest.docnum.dir}${b}.json`)
      .then((r) => (r.ok ? r.json() : {}))
      .catch(() => ({}));
    st.buckets.set(String(b), f);
  }
  return f;
}

function loadSort(st: State, shard: string): Promise<string[]> {
  const key = `sort:${shard}`;
  let f = st.buckets.get(key) as Promise<unknown> | undefined;
  if (!f) {
    f = fetch(`${st.base}sort/${shard}.json`).then((r) => (r.ok ? r.json() : [])).catch(() => []);
    st.buckets.set(key, f as Promise<Record<string, string[][]>>);
  }
  return f as Promise<string[]>;
}

/** Known 文号 of the same 机关代字 and year whose serial is closest to the one typed. */
async function nearSerials(st: State, key: string): Promise<string[]> {
  const n = st.manifest.docnum.yearBuckets;
  if (!n) return [];
  const [agency, year, serial = ''] = key.split('|');
  if (!year) return [];
  const ay = `${agency}|${year}`;
  const bucket = await loadBucket(st, `y${fnv1a(ay) % n}`);
  const list = (bucket[ay] ?? []).filter((e) => (e[3] ?? 'zh') === st.lang);
  const dist = (s: string) => substringDistance(serial, s) + Math.abs(s.length - serial.length) + Math.min(1, Math.abs(Number(s) - Number(serial)) / 1000);
  return list
    .map((e) => ({ id: e[1]!, d: dist(e[0]!) }))
    .filter((x) => x.d <= 2)
    .sort((a, b) => a.d - b.d)
    .slice(0, 3)
    .map((x) => x.id);
}

/** Pagefind filter object from ours (a bare string or list becomes an any-of list). */
function pfFilters(f: SearchOptions['filters']): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(f ?? {})) {
    if (v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    out[k] = typeof v === 'string' ? v : Array.isArray(v) ? { any: v } : v;
  }
  return out;
}

function fragmentPasses(frag: Fragment, f: SearchOptions['filters']): boolean {
  for (const [k, v] of Object.entries(pfFilters(f))) {
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

interface Candidate {
  id: string;
  score: DocScore;
  variant: number;
}

export async function search(query: string, opts: SearchOptions = {}): Promise<SearchResponse> {
  const st = await getState();
  const limit = Math.max(0, opts.limit ?? 10);
  const offset = Math.max(0, opts.offset ?? 0);
  const filters = pfFilters(opts.filters);
  const sortDir = opts.sort?.published;
  const parsed = parseQuery(query ?? '');
  const suggestions: SearchResponse['suggestions'] = [];

  // 1. exact 文号 lookup (its own small file per bucket)
  const docHits: string[] = [];
  const near: string[] = [];
  const keys = parsed.docNumbers.flatMap((k) => keyCandidates(k, st.manifest.agencies));
  await Promise.all(
    keys.map(async (key) => {
      const bucket = await loadBucket(st, docnumBucket(key, st.manifest.docnum.buckets));
      const [agency, year, serial] = key.split('|');
      for (const [k, entries] of Object.entries(bucket)) {
        const [a, y, s] = k.split('|');
        if (a !== agency || s !== serial) continue;
        const ids = entries.filter((e) => (e[2] ?? 'zh') === st.lang).map((e) => e[0]!);
        if (!year || !y || y === year) docHits.push(...ids);
        else near.push(...ids);
      }
    }),
  );

  // 2. text: every query variant (synonyms) as bigram tokens, each token searched on its own
  const textVariants = parsed.raw ? (parsed.docNumbers.length || st.lang !== 'zh' ? [parsed.raw] : expandSynonyms(parsed.raw)) : [];
  // full token lists (excerpts) and the covers actually looked up (ranking)
  const variants: Token[][] = textVariants.map((v) => queryTokens(v, st.lang)).filter((v) => v.length > 0);
  const covers: Token[][] = variants.map((v) => coverTokens(v, st.common));
  const unique = [...new Set(covers.flat().map((t) => t.text))];
  const perToken = new Map<string, { n: number; perShard: { n: number; results: PfResult[] }[] }>();
  await Promise.all(
    unique.map(async (tok) => {
      const perShard = await Promise.all(
        st.shards.map(async (s) => {
          const r = await serial(() => s.pf.search(tok, { filters }));
          return { n: r.unfilteredResultCount, results: r.results };
        }),
      );
      perToken.set(tok, { n: perShard.reduce((a, b) => a + b.n, 0), perShard });
    }),
  );
  const globalIdf = new Map<string, number>();
  for (const [tok, v] of perToken) globalIdf.set(tok, idf(st.pages, v.n));
  // hits[id][token] = { positions, score rescaled to the global IDF }
  const hits = new Map<string, Map<string, DocTokenHit>>();
  for (const [tok, v] of perToken) {
    v.perShard.forEach((sh, si) => {
      const local = idf(st.shards[si]!.pages, sh.n);
      const scale = local > 0 ? globalIdf.get(tok)! / local : 1;
      for (const r of sh.results) {
        let m = hits.get(r.id);
        if (!m) hits.set(r.id, (m = new Map()));
        m.set(tok, { positions: r.words, score: r.score * scale });
      }
    });
  }
  const candidates = new Map<string, Candidate>();
  covers.forEach((toks, vi) => {
    const qt: QueryToken[] = toks.map((t) => ({ text: t.text, run: t.run, pos: t.pos, idf: globalIdf.get(t.text) ?? 0 }));
    for (const [id, m] of hits) {
      const sc = scoreDoc(qt, toks.map((t) => m.get(t.text)), st.manifest.titleSlot, st.manifest.positionCap ?? 0);
      if (vi > 0) sc.score *= 0.9;
      const prev = candidates.get(id);
      if (!prev || compareScores(sc, prev.score) < 0) candidates.set(id, { id, score: sc, variant: vi });
    }
  });
  // keep documents that contain at least half of the query (IDF-weighted), or a whole phrase
  let ranked = [...candidates.values()].filter((c) => c.score.coverage >= 0.5 || c.score.phrases > 0);
  if (parsed.exact) ranked = ranked.filter((c) => c.score.phrases === c.score.runs);

  // 文号 hits first (filters still apply)
  const docSet = new Set<string>();
  for (const id of docHits) {
    if (docSet.has(id)) continue;
    if (Object.keys(filters).length && !fragmentPasses(await loadFragment(st, id), opts.filters)) continue;
    docSet.add(id);
    const c = candidates.get(id);
    const score: DocScore = { tier: TIER_DOCNUMBER, score: c?.score.score ?? 0, coverage: 1, phrases: 0, runs: 0 };
    candidates.set(id, { id, score, variant: c?.variant ?? 0 });
  }
  ranked = ranked.filter((c) => !docSet.has(c.id));
  ranked.sort((a, b) => compareScores(a.score, b.score) || (a.id < b.id ? -1 : 1));
  let order = [...[...docSet].map((id) => candidates.get(id)!), ...ranked];

  // empty query: the filtered library
  const listing = !parsed.raw;
  if (listing) {
    order = [];
    for (const s of st.shards) {
      const r = await serial(() => s.pf.search(null, { filters }));
      for (const x of r.results) order.push({ id: x.id, score: { tier: 0, score: 0, coverage: 1, phrases: 0, runs: 0 }, variant: 0 });
    }
  }
  if (sortDir || listing) {
    const dir = sortDir ?? 'desc';
    // search/sort/<shard>.json: the shard's page ids in ascending publication order; shards
    // cover consecutive date ranges, so walking them in order gives the global order
    const rank = new Map<string, number>();
    let i = 0;
    for (const s of st.shards) {
      const ids = await loadSort(st, s.language);
      for (const id of ids) rank.set(id, i++);
    }
    const sign = dir === 'asc' ? 1 : -1;
    order.sort((a, b) => sign * ((rank.get(a.id) ?? -1) - (rank.get(b.id) ?? -1)) || (a.id < b.id ? -1 : 1));
  }

  const page = order.slice(offset, offset + limit);
  const results = await Promise.all(
    page.map(async (c) => {
      const frag = await loadFragment(st, c.id);
      const toks = variants[c.variant] ?? variants[0] ?? [];
      const title = frag.meta.title ?? '';
      const text = listing ? frag.content : await loadSection(st, c.id, frag, bestSection(st, hits.get(c.id), covers[c.variant] ?? [], globalIdf));
      const r: SearchResult = {
        url: joinUrl(st.siteBase, frag.url),
        title,
        excerpt: buildExcerpt(text, toks, 80, st.lang),
        titleHtml: highlight(title, matchRanges(title, toks, undefined, st.lang).ranges),
        match: listing ? 'filter' : ['words', 'title', 'phrase', 'title-phrase', 'docNumber'][c.score.tier]!,
        score: Math.round(c.score.score * 1000) / 1000,
      };
      if (frag.meta.docNumber) r.docNumber = frag.meta.docNumber;
      if (frag.meta.published) r.published = frag.meta.published;
      if (frag.filters?.kind?.[0]) r.kind = frag.filters.kind[0];
      return r;
    }),
  );
  // near misses: a 文号 with another year or a close serial, a title with a wrong character
  const suggestIds: string[] = [];
  if (keys.length && docHits.length === 0) {
    suggestIds.push(...near);
    for (const k of keys) suggestIds.push(...(await nearSerials(st, k)));
  }
  const typed = normalizeText(parsed.rest).replace(/\s+/g, '');
  if (!listing && [...typed].length >= 4 && !ranked.some((c) => c.score.tier >= TIER_PHRASE)) {
    const maxErr = [...typed].length >= 10 ? 2 : 1;
    // the fragments of the page shown are loaded already: no extra requests
    for (const c of page) {
      const f = await loadFragment(st, c.id);
      if (substringDistance(typed, normalizeText(f.meta.title ?? '')) <= maxErr) suggestIds.push(c.id);
    }
  }
  for (const id of [...new Set(suggestIds)].slice(0, 5)) {
    const f = await loadFragment(st, id);
    const s: SearchResponse['suggestions'][number] = { url: joinUrl(st.siteBase, f.url), title: f.meta.title ?? '' };
    if (f.meta.docNumber) s.docNumber = f.meta.docNumber;
    suggestions.push(s);
  }
  const res: SearchResponse = { total: order.length, results, suggestions, docNumbers: parsed.docNumbers };
  if (opts.debug) res.ids = order.map((c) => c.id);
  return res;
}

function joinUrl(base: string, path: string): string {
  return base.replace(/\/+$/, '') + '/' + path.replace(/^\/+/, '');
}

/** Filter value counts over the whole library (merged over shards). */
export async function filters(): Promise<Record<string, Record<string, number>>> {
  const st = await getState();
  const out: Record<string, Record<string, number>> = {};
  for (const s of st.shards) {
    for (const [k, vals] of Object.entries(await serial(() => s.pf.filters()))) {
      const o = (out[k] ??= {});
      for (const [v, n] of Object.entries(vals)) o[v] = (o[v] ?? 0) + n;
    }
  }
  return out;
}
