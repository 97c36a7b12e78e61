/**
 * The order of the ranked documents: by relevance (tier, score, then site order), or by
 * publication date when a sort is asked for or the filtered library is listed (dates from
 * each answering source's sort files), undated documents last in both directions.
 */
import { compareScores } from '../../lib/search/rank.ts';
import { loadSort } from '../site-index.ts';
import type { Candidate, Plan, Source } from './types.ts';

const bySite = (a: Candidate, b: Candidate) => a.src.site.order - b.src.site.order || (a.src.ix.lang < b.src.ix.lang ? -1 : a.src.ix.lang > b.src.ix.lang ? 1 : 0);

/** `order` sorted in place as the plan asks. */
export async function sortCandidates(order: Candidate[], plan: Plan): Promise<void> {
  if (!plan.sortDir && !plan.listing) {
    order.sort((a, b) => compareScores(a.score, b.score) || bySite(a, b) || (a.id < b.id ? -1 : 1));
    return;
  }
  const answered = [...new Set(order.map((c) => c.src))];
  await Promise.all(answered.map((src) => datesOf(src, order)));
  const sign = (plan.sortDir ?? 'desc') === 'asc' ? 1 : -1;
  order.sort((a, b) => {
    // a document without a date (undated, or from an older peer build) comes last either way
    const da = a.date ?? '';
    const db = b.date ?? '';
    if (!da !== !db) return da ? -1 : 1;
    if (da !== db) return sign * (da < db ? -1 : 1);
    if (a.src === b.src) return sign * ((a.rank ?? -1) - (b.rank ?? -1)) || (a.id < b.id ? -1 : 1);
    return bySite(a, b);
  });
}

/** search/sort/<shard>.json: each of `src`'s candidates gets its place in publication order and its date. */
async function datesOf(src: Source, order: Candidate[]): Promise<void> {
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
}
