/**
 * 一网通查 search engine: the one module the search page, the tests and the benchmarks use.
 * Built by scripts/build-search.ts to <out>/search/engine.js (ES module, no dependencies).
 *
 *   options({ basePath?, baseUrl?, language?, federation?, peers?, timeout? })
 *     basePath: URL of the search bundle directory (the one holding engine.js and
 *       manifest.json); default: the directory engine.js was loaded from.
 *     baseUrl: site base prepended to result paths; default: basePath without `search/`.
 *     language: 'zh' or 'mn', or a BCP 47 tag of either (zh-CN, zh-Hans, mn-Mong, mn-CN,
 *       mn-Mong-CN); any other tag rejects with the languages there are (lib/search/language.ts).
 *       Default: mn when <html lang> starts with mn, else zh.
 *     federation: false searches this site only; default: this site and the peers listed in
 *       its search/sites.json (content/site.yaml `federation:`).
 *     peers: [{ id, name, level, region, url }] instead of the sites.json list (benchmarks).
 *     timeout: milliseconds a peer may keep a query waiting (its own requests in flight)
 *       before it is skipped (default 5000). Each peer also has bounds per query on requests,
 *       bytes and declared sizes (src/lib/search/validate.ts PEER_LIMITS, docs/federation.md).
 *   search(query, { filters?, sort?, limit?, offset?, languages?, first?, onFirst? }) → { total, results, … }
 *     filters: { kind, issuer, topic, docType, year, status, level, site }: a value, a list
 *       (any of), or Pagefind's { any | all | none | not } forms. `site` (site id) and `level`
 *       (行政层级) choose the sites asked.
 *     sort: { published: 'asc' | 'desc' } (relevance when absent; an empty query lists the
 *       filtered library newest first); undated documents come last in both directions.
 *     languages: indexes to search (tags as for `language`), default [language]; ['zh', 'mn']
 *       on a Chinese page adds the Mongolian results.
 *     first, onFirst: onFirst(response) is called with the first `first` results as soon as
 *       they are built, before the rest of the page (this site's or one peer's results; a
 *       federated page is folded whole and answers once). Its total is the same; its
 *       suggestions come with the whole response. Not called when the page has no more.
 *     results: [{ url, title, docNumber?, published?, excerpt (HTML: escaped text, <mark> on
 *       matches), titleHtml, kind?, status? (有效性), match, site, language, sources? }] in
 *       rank order; `sources` lists every site that published the same document (same 文号
 *       and issuer).
 *     sites: every site asked and what it gave; notices: the peers skipped and why.
 *   prepare({ languages?, filters? }) loads sites.json, the manifest and the filter values of
 *     the indexes a query would ask (no word yet): the search page calls it once idle after loading.
 *   filters() → { name: { value: count } } over the whole library (facet UIs), with `site`
 *     and `level` across the federation.
 *
 * Ranking is global across sites: each token's IDF is computed over all sites' pages
 * together and every site's BM25 scores are rescaled to it (Pagefind's own mergeIndex keeps
 * per-index statistics and drops ranking options, pagefind#796), so the same document scores
 * the same on a small 旗县 site and on the 自治区 site. Indexes are read by this module itself
 * (site-index.ts): no pagefind.js or WebAssembly runs at query time.
 *
 * The steps live in ./engine/: plan.ts (query planning), peers.ts (sites, budgets, failures),
 * query.ts and docnum.ts (lookups per source), score.ts (postings scoring), order.ts (sort),
 * page.ts (federation merge), results.ts (excerpts), suggest.ts (near misses), facets.ts.
 */
import { pageResults } from './engine/results.ts';
import { facetCounts } from './engine/facets.ts';
import { pageOf } from './engine/page.ts';
import { budgets, failed, openSources, siteReport, tripped } from './engine/peers.ts';
import { planQuery, sitesToAsk } from './engine/plan.ts';
import { queryAll, variantsFor } from './engine/query.ts';
import { parseQuery } from '../lib/search/query.ts';
import { buildExcerpt, highlight, matchRanges } from '../lib/search/excerpt.ts';
import { sortCandidates } from './engine/order.ts';
import { configure, getFed } from './engine/state.ts';
import { suggestions } from './engine/suggest.ts';
import type { Candidate, EngineOptions, Plan, QueryCtx, SearchOptions, SearchResponse, SearchResult } from './engine/types.ts';
import type { PeerProblem } from '../lib/search/federation.ts';

export type { EngineOptions, FilterValue, SearchOptions, SearchResponse, SearchResult, SiteLabel } from './engine/types.ts';

export async function options(o: EngineOptions = {}): Promise<void> {
  configure(o);
}

/** Loads what every query reads before its words: sites.json, the manifest, and the filter
 * values of this site's indexes it would ask (every query filters: 历史版本 are left out by default).
 * The search page calls it once idle after loading; a failure is left to the query to report.
 * Peers are left to the first query: a visit that never searches tells no peer about itself, and
 * a peer slow at that moment is not marked down for the reader's real search. */
export async function prepare(opts: Pick<SearchOptions, 'languages' | 'filters'> = {}): Promise<void> {
  const fed = await getFed();
  const ctx: QueryCtx = { fed, nets: budgets(fed), report: [] };
  const own = sitesToAsk(fed, opts.filters).filter((s) => s.self);
  const sources = await openSources(ctx, own, planQuery(fed, '', opts).langs);
  const values = Promise.all(sources.flatMap((s) => s.ix.shards.map((sh) => sh.pf.filters().catch(() => null))));
  warmUp(fed.lang);
  await values;
}

/** A query's first steps run once on a sample while the filter values load: the query
 * parser's, tokenizer's and excerpt's patterns are compiled on first use (10–20 ms of a
 * first query, before its first request, otherwise). Reads nothing. */
function warmUp(lang: string): void {
  const parsed = parseQuery(WARM_QUERY);
  const { variants } = variantsFor(parsed, lang, new Set());
  const title = highlight(WARM_QUERY, matchRanges(WARM_QUERY, variants[0] ?? [], undefined, lang).ranges);
  buildExcerpt(`${title}${WARM_QUERY}`, variants[0] ?? [], 80, lang);
}
const WARM_QUERY = '关于银发〔2015〕305号文件的通知 政务公开';

export async function search(query: string, opts: SearchOptions = {}): Promise<SearchResponse> {
  const fed = await getFed();
  const plan = planQuery(fed, query, opts);
  const ctx: QueryCtx = { fed, nets: budgets(fed), report: [] };
  const sources = await openSources(ctx, sitesToAsk(fed, opts.filters), plan.langs);
  const { candidates, near } = await queryAll(ctx, sources, plan);
  // a peer that went over a bound meanwhile (even in a file whose failure was tolerated) is out
  const order = candidates.filter((c) => !tripped(ctx, c.src.site));
  await sortCandidates(order, plan);
  // the page: with several sites, the same document (文号 + issuer) is shown once with every source
  const federated = new Set(sources.map((s) => s.site.id)).size > 1;
  const page = pageResults(ctx, await pageOf(ctx, order, federated, plan), plan.listing);
  const first = Math.max(0, Math.floor(opts.first ?? 0));
  if (opts.onFirst && first > 0 && page.count > first) {
    // the first results while the rest load; suggestions come with the whole page
    const head = await page.head(first);
    opts.onFirst(respond({ ...ctx, report: [...ctx.report] }, plan, { order, results: head.results, suggested: [], dropped: head.dropped }, opts.debug));
  }
  const { items, results, dropped } = await page.all();
  const suggested = await suggestions(ctx, plan, { order, near, sources, items });
  return respond(ctx, plan, { order, results, suggested, dropped }, opts.debug);
}

/** The response: every site asked and the peers skipped, the total, and with `debug` the ranking. */
function respond(ctx: QueryCtx, plan: Plan, r: { order: Candidate[]; results: SearchResult[]; suggested: SearchResponse['suggestions']; dropped: number }, debug?: boolean): SearchResponse {
  // every peer that went over a bound or out of time in this query, wherever it happened
  for (const site of ctx.fed.sites) if (!site.self && tripped(ctx, site)) failed(ctx, site, null);
  const sites = siteReport(ctx.report, r.order);
  const notices = sites.filter((s) => s.status !== 'ok' && s.status !== 'no-language').map((s) => ({ site: s.site, problem: s.status as PeerProblem }));
  // with several sites `total` is an estimate: duplicates below the page are not known yet
  const total = Math.max(r.results.length + plan.offset, r.order.length - r.dropped);
  const res: SearchResponse = { total, results: r.results, suggestions: r.suggested, docNumbers: plan.parsed.docNumbers, sites, notices };
  if (debug) {
    res.ids = r.order.map((c) => (c.src.site.self ? c.id : `${c.src.site.id}:${c.id}`));
    res.ranked = r.order.map((c) => ({ site: c.src.site.id, id: c.id, tier: c.score.tier, score: c.score.score }));
  }
  return res;
}

/** Filter value counts over the whole library (every reachable site, this page's language),
 * with `site` and `level` counts across the federation. */
export async function filters(): Promise<Record<string, Record<string, number>>> {
  return facetCounts(await getFed());
}
