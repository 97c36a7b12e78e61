/**
 * Near misses for a query that found little: a 文号 with another year or a close serial, and
 * titles of the page shown that differ from the typed text by a character or two.
 */
import { normalizeText } from '../../lib/search/normalize.ts';
import { substringDistance, TIER_DOCNUMBER, TIER_PHRASE } from '../../lib/search/rank.ts';
import { keyCandidates, nearSerials } from './docnum.ts';
import { fragOf, urlOf } from './page.ts';
import { isDown } from './peers.ts';
import type { Candidate, Plan, QueryCtx, SearchResponse, Shown, Source, SourceDoc } from './types.ts';

const MAX = 5;

export async function suggestions(ctx: QueryCtx, plan: Plan, found: { order: Candidate[]; near: SourceDoc[]; sources: Source[]; items: Shown[] }): Promise<SearchResponse['suggestions']> {
  const ids = [...(await docNumberMisses(ctx, plan, found)), ...titleMisses(plan, found.order, found.items)];
  const out: SearchResponse['suggestions'] = [];
  const suggested = new Set<string>();
  for (const c of ids) {
    if (out.length >= MAX) break;
    const k = `${c.src.site.id}|${c.id}`;
    if (suggested.has(k)) continue;
    suggested.add(k);
    const f = await fragOf(ctx, c);
    if (!f) continue;
    const url = urlOf(ctx, c, f);
    if (!url) continue;
    const s: SearchResponse['suggestions'][number] = { url, title: f.meta.title ?? '' };
    if (f.meta.docNumber) s.docNumber = f.meta.docNumber;
    out.push(s);
  }
  return out;
}

/** A 文号 that found no document: the same serial in another year, then close serials. */
async function docNumberMisses(ctx: QueryCtx, plan: Plan, found: { order: Candidate[]; near: SourceDoc[]; sources: Source[] }): Promise<SourceDoc[]> {
  const { docNumbers } = plan.parsed;
  if (!docNumbers.length || found.order.some((c) => c.score.tier === TIER_DOCNUMBER)) return [];
  const out = [...found.near];
  for (const src of found.sources.filter((x) => !isDown(ctx, x.site))) {
    const keys = docNumbers.flatMap((k) => keyCandidates(k, src.ix.manifest.agencies));
    for (const k of keys) for (const id of await nearSerials(src.ix, k).catch(() => [])) out.push({ src, id });
  }
  return out;
}

/** Typed text with no phrase match: titles on the page within one or two edits (their
 * fragments are loaded already: no extra requests). */
function titleMisses(plan: Plan, order: Candidate[], items: Shown[]): SourceDoc[] {
  const typed = normalizeText(plan.parsed.rest).replace(/\s+/g, '');
  if (plan.listing || [...typed].length < 4 || order.some((c) => c.score.tier >= TIER_PHRASE)) return [];
  const maxErr = [...typed].length >= 10 ? 2 : 1;
  return items.filter(({ frag }) => substringDistance(typed, normalizeText(frag.meta.title ?? '')) <= maxErr).map(({ c }) => c);
}
