/**
 * The page of results: the candidates' fragments for offset … offset + limit, their URLs
 * checked; with several sites the same document (文号 + issuer) is shown once with every site
 * that published it (federation merge).
 */
import { duplicateKey, isSafeUrl } from '../../lib/search/federation.ts';
import { loadFragment, prefetchSection, type Fragment } from '../site-index.ts';
import { bestSection } from './score.ts';
import { failed, isDown } from './peers.ts';
import type { Candidate, Plan, QueryCtx, Shown, SourceDoc } from './types.ts';

function joinUrl(base: string, path: string): string {
  return base.replace(/\/+$/, '') + '/' + path.replace(/^\/+/, '');
}

/** A document's fragment; a peer that fails is reported (null), this site's failure thrown. */
export async function fragOf(ctx: QueryCtx, c: SourceDoc): Promise<Fragment | null> {
  try {
    return await loadFragment(c.src.ix, c.id);
  } catch (e) {
    if (c.src.site.self) throw e;
    return failed(ctx, c.src.site, e);
  }
}

/** A result links to http(s) or a path of this host, whatever a peer's fragment says. */
export function urlOf(ctx: QueryCtx, c: SourceDoc, frag: Fragment): string | null {
  const url = joinUrl(c.src.ix.siteBase, frag.url);
  return isSafeUrl(url, ctx.fed.fileUrls) ? url : null;
}

/** The page's items, in rank order, each null when its document was dropped (unreadable,
 * unsafe, a duplicate folded into an earlier one), and how many ranked documents were dropped
 * besides. One site's items arrive one by one (the first can be shown before the last is in);
 * a federated page is folded whole. */
export async function pageOf(ctx: QueryCtx, order: Candidate[], federated: boolean, plan: Plan): Promise<{ items: Promise<Shown | null>[]; dropped: number }> {
  if (!federated) return { items: singlePage(ctx, order, plan), dropped: 0 };
  const page = await federatedPage(ctx, order, plan);
  return { items: page.items.map((it) => Promise.resolve(it)), dropped: page.dropped };
}

/** Each document's fragment and the text section of its excerpt, requested in rank order (the
 * first result's files first: a browser sends few requests to one host at a time) and in one
 * round trip (the section follows from the match positions, not from the fragment). */
function singlePage(ctx: QueryCtx, order: Candidate[], plan: Plan): Promise<Shown | null>[] {
  return order.slice(plan.offset, plan.offset + plan.limit).map((c) => {
    const frag = fragOf(ctx, c);
    if (!plan.listing) prefetchSection(c.src.ix, c.id, bestSection(c));
    return frag.then((f) => {
      const url = f && urlOf(ctx, c, f);
      return f && url ? { c, frag: f, sources: [{ site: c.src.site, url }] } : null;
    });
  });
}

/** Fragments from the top (in batches), so duplicates above the page are folded in too; a
 * site that failed meanwhile is not asked again. */
async function federatedPage(ctx: QueryCtx, order: Candidate[], plan: Plan): Promise<{ items: Shown[]; dropped: number }> {
  const want = plan.offset + plan.limit;
  const fold: Fold = { shown: [], seen: new Map(), dropped: 0, want };
  for (let i = 0; i < order.length && fold.shown.length < want; ) {
    const batch = order.slice(i, i + Math.max(10, want - fold.shown.length));
    i += batch.length;
    const frags = await Promise.all(batch.map((c) => (isDown(ctx, c.src.site) ? Promise.resolve(null) : fragOf(ctx, c))));
    batch.forEach((c, k) => foldIn(ctx, fold, c, frags[k] ?? null));
  }
  return { items: fold.shown.slice(plan.offset, want), dropped: fold.dropped };
}

interface Fold {
  shown: Shown[];
  /** language + duplicate key → index in `shown` */
  seen: Map<string, number>;
  dropped: number;
  want: number;
}

/** One ranked document: a new item, or another source of an item already shown. */
function foldIn(ctx: QueryCtx, f: Fold, c: Candidate, frag: Fragment | null): void {
  const url = frag && urlOf(ctx, c, frag);
  if (!frag || !url) return void f.dropped++;
  const key = duplicateKey(frag.meta.docNumber, frag.filters?.issuer);
  const dk = key && `${c.src.ix.lang}#${key}`;
  const at = dk ? f.seen.get(dk) : undefined;
  if (at !== undefined) {
    const first = f.shown[at]!;
    if (!first.sources.some((x) => x.site.id === c.src.site.id)) first.sources.push({ site: c.src.site, url });
    f.dropped++;
    return;
  }
  if (f.shown.length >= f.want) return;
  if (dk) f.seen.set(dk, f.shown.length);
  f.shown.push({ c, frag, sources: [{ site: c.src.site, url }] });
}
