/**
 * A result as the page shows it: title and excerpt highlighted with the query variant that
 * matched, the excerpt from the body section holding the best match, and what the document's
 * fragment says of it (文号, date, type, 有效性).
 */
import { buildExcerpt, highlight, matchRanges } from '../../lib/search/excerpt.ts';
import { loadSection } from '../site-index.ts';
import { label, withoutTripped } from './peers.ts';
import { bestSection } from './score.ts';
import type { QueryCtx, SearchResult, Shown } from './types.ts';

const MATCH = ['words', 'title', 'phrase', 'title-phrase', 'docNumber'];

export async function buildResult({ c, frag, sources }: Shown, listing: boolean): Promise<SearchResult> {
  const toks = c.group.variants[c.variant] ?? c.group.variants[0] ?? [];
  const title = frag.meta.title ?? '';
  const lang = c.src.ix.lang;
  const text = listing ? frag.content : await loadSection(c.src.ix, c.id, frag, bestSection(c));
  const r: SearchResult = {
    url: sources[0]!.url,
    title,
    excerpt: buildExcerpt(text, toks, 80, lang),
    titleHtml: highlight(title, matchRanges(title, toks, undefined, lang).ranges),
    match: listing ? 'filter' : MATCH[c.score.tier]!,
    score: Math.round(c.score.score * 1000) / 1000,
    site: label(c.src.site),
    language: lang,
  };
  if (frag.meta.docNumber) r.docNumber = frag.meta.docNumber;
  if (frag.meta.published) r.published = frag.meta.published;
  if (frag.filters?.kind?.[0]) r.kind = frag.filters.kind[0];
  if (frag.filters?.status?.[0]) r.status = frag.filters.status[0];
  if (sources.length > 1) r.sources = sources.map((s) => ({ site: label(s.site), url: s.url }));
  return r;
}

/** A page's results as they are built, in rank order: `head(n)` the first n, `all()` every
 * one; each with the page's items (suggestions read them) and how many documents were dropped
 * (unreadable, unsafe, duplicates, or a peer that went over a bound meanwhile). */
export function pageResults(ctx: QueryCtx, page: { items: Promise<Shown | null>[]; dropped: number }, listing: boolean) {
  const built = page.items.map((p) => p.then(async (it) => (it ? { it, r: await buildResult(it, listing) } : null)));
  // a failure is thrown by the await that reads it (not reported twice when `head` has thrown it)
  for (const b of built) b.catch(() => {});
  const upTo = async (n: number) => {
    const done = await Promise.all(built.slice(0, n));
    const items = done.filter((d) => d !== null);
    const results = withoutTripped(items.map((d) => d.r), ctx.nets);
    return { items: items.map((d) => d.it), results, dropped: page.dropped + done.length - results.length };
  };
  return { count: built.length, head: upTo, all: () => upTo(built.length) };
}
