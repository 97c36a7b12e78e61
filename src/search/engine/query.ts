/**
 * Query planning and the lookups per source: the query's variants (synonyms) and the tokens
 * looked up, then for every source of one language its 文号 hits and each token's postings,
 * all sources at once, ranked together (score.ts).
 */
import type { ParsedQuery } from '../../lib/search/query.ts';
import { coverTokens, queryTokens, type Token } from '../../lib/search/tokenize.ts';
import { expandSynonyms } from '../../lib/search/synonyms.ts';
import { fragmentPasses, pfFilters } from '../../lib/search/filters.ts';
import { loadFragment, type PfResult } from '../site-index.ts';
import { lookupDocNumbers } from './docnum.ts';
import { failed, label } from './peers.ts';
import { rankGroup } from './score.ts';
import type { Candidate, Plan, QueryCtx, SiteStatus, Source, SourceDoc } from './types.ts';

/** What one site's index returned for a query: raw per-token hits, before global ranking. */
export interface SourceHits {
  src: Source;
  docHits: string[];
  near: string[];
  perToken: Map<string, { n: number; perShard: { n: number; results: PfResult[] }[] }>;
  listing: string[];
}

/** Query variants (synonyms on Chinese free text) as tokens, and the covers looked up. */
export function variantsFor(parsed: ParsedQuery, lang: string, common: Set<string>): { variants: Token[][]; covers: Token[][] } {
  const texts = parsed.raw ? (parsed.docNumbers.length || lang !== 'zh' ? [parsed.raw] : expandSynonyms(parsed.raw)) : [];
  const variants = texts.map((v) => queryTokens(v, lang)).filter((v) => v.length > 0);
  // 第 and 号 around a 文号's numbers say nothing the 文号 lookup does not, and 号 alone is
  // one of the largest posting lists of a library of 文件: not looked up (still highlighted)
  const decoration = (t: Token) => parsed.docNumbers.length > 0 && t.han && (t.text === '号' || t.text === '第');
  return { variants, covers: variants.map((v) => coverTokens(v, common).filter((t) => !decoration(t))) };
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
  // each token searched on its own (its chunk loads once; combined in rank()), at the same time
  // as the exact 文号 lookup (its own small file per bucket): no round trip waits for another
  const words = Promise.all(
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
  words.catch(() => {});
  const docs = await lookupDocNumbers(ix, parsed.docNumbers);
  out.docHits = docs.hits;
  out.near = docs.near;
  if (Object.keys(filters).length) {
    const frags = await Promise.all(out.docHits.map((id) => loadFragment(ix, id)));
    out.docHits = out.docHits.filter((_, i) => fragmentPasses(frags[i]!, filters));
  }
  await words;
  return out;
}

/** One language's sources queried together and ranked with one global IDF. */
export async function queryGroup(ctx: QueryCtx, lang: string, srcs: Source[], plan: Plan): Promise<{ candidates: Candidate[]; near: SourceDoc[]; report: SiteStatus[] }> {
  const report: SiteStatus[] = [];
  const commonFrom = srcs.find((s) => s.site.self) ?? srcs[0]!;
  const { variants, covers } = variantsFor(plan.parsed, lang, commonFrom.ix.common);
  const tokens = [...new Set(covers.flat().map((t) => t.text))];
  const group: Candidate['group'] = { variants, covers, idfs: new Map() };
  // a peer's failure goes to this group's report (merged in language order by the caller)
  const groupCtx: QueryCtx = { ...ctx, report };
  const settled = await Promise.all(
    srcs.map((src) =>
      querySource(src, plan.parsed, tokens, pfFilters(plan.filters, !!src.site.level), plan.listing).catch((e: unknown) => {
        if (src.site.self) throw e;
        return failed(groupCtx, src.site, e);
      }),
    ),
  );
  const ok = settled.filter((h): h is SourceHits => h !== null);
  const candidates: Candidate[] = [];
  if (plan.listing) {
    for (const h of ok) for (const id of h.listing) candidates.push({ src: h.src, id, variant: 0, group, score: { tier: 0, score: 0, coverage: 1, phrases: 0, runs: 0 } });
  } else candidates.push(...rankGroup(ok, group, plan.parsed));
  const near = ok.flatMap((h) => h.near.map((id) => ({ src: h.src, id })));
  for (const h of ok) report.push({ site: label(h.src.site), status: 'ok', total: 0 });
  return { candidates, near, report };
}

/** Every source queried in parallel, the languages too (one group per language, each ranked
 * on its own); a peer is stopped by its budget. */
export async function queryAll(ctx: QueryCtx, sources: Source[], plan: Plan): Promise<{ candidates: Candidate[]; near: SourceDoc[] }> {
  const byLang = new Map<string, Source[]>();
  for (const s of sources) byLang.set(s.ix.lang, [...(byLang.get(s.ix.lang) ?? []), s]);
  const groups = await Promise.all([...byLang].map(([lang, srcs]) => queryGroup(ctx, lang, srcs, plan)));
  const candidates: Candidate[] = [];
  const near: SourceDoc[] = [];
  for (const g of groups) {
    candidates.push(...g.candidates);
    near.push(...g.near);
    ctx.report.push(...g.report);
  }
  return { candidates, near };
}
