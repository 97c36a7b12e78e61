/**
 * Filter value counts over the whole library (every reachable site, the page's language),
 * with `site` and `level` counts across the federation: what facet UIs show.
 */
import { budgets, failed, openSources } from './peers.ts';
import type { Fed, QueryCtx } from './types.ts';

type Counts = Record<string, Record<string, number>>;

export async function facetCounts(fed: Fed): Promise<Counts> {
  const ctx: QueryCtx = { fed, nets: budgets(fed), report: [] };
  const sources = await openSources(ctx, fed.sites, [fed.lang]);
  const out: Counts = {};
  const add = (k: string, v: string, n: number) => {
    const o = (out[k] ??= {});
    o[v] = (o[v] ?? 0) + n;
  };
  // all sites at once: a slow peer costs its own time only
  const counts = await Promise.all(
    sources.map((src) =>
      Promise.all(src.ix.shards.map((s) => s.pf.filters())).catch((e: unknown) => {
        if (src.site.self) throw e;
        return failed(ctx, src.site, e);
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
