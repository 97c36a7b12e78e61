/**
 * 推荐结果 (best bets, content/open/best-bets.yaml): a query matches a bet when one of the bet's
 * phrasings occurs in the query ("信息公开申请怎么办" contains "信息公开申请"), or when the query is
 * a large part of a phrasing ("公开申请" in "信息公开申请"; two thirds of it or more, so "申请" or
 * "政务公开" alone do not match a longer phrasing). Both sides are folded the way the search folds text (full-width forms, case,
 * Mongolian shaping controls and letter variants), punctuation and spaces removed.
 * Pure: the search page script and the build share it.
 */
import { normalizeText } from './search/normalize.ts';
import { foldMongolian } from './mongolian/fold.ts';

/** A bet as the search page gets it: title and link in the page's language, folded phrasings. */
export interface PageBestBet {
  title: string;
  /** the title's language when it is not the page's (a Chinese title on a Mongolian page) */
  lang?: string;
  href: string;
  /** folded phrasings (betKey) */
  keys: string[];
}

/** The folded form of a phrasing or a query. */
export function betKey(text: string): string {
  return foldMongolian(normalizeText(text)).replace(/[\p{P}\p{S}\p{Z}\s\u180e]+/gu, '');
}

/** How well `query` matches a bet: 3 same, 2 a phrasing inside the query, 1 the query inside a phrasing, 0 none. */
export function betScore(queryKey: string, keys: readonly string[]): number {
  if (queryKey.length < 2) return 0;
  let best = 0;
  for (const k of keys) {
    if (k.length < 2) continue;
    if (k === queryKey) return 3;
    if (queryKey.includes(k)) best = Math.max(best, 2);
    else if (k.includes(queryKey) && queryKey.length * 3 >= k.length * 2) best = Math.max(best, 1);
  }
  return best;
}

/** The bets `query` matches, best first (file order among equals), at most `max`. */
export function matchBestBets<B extends { keys: string[] }>(query: string, bets: readonly B[], max = 3): B[] {
  const q = betKey(query);
  return bets
    .map((b, i) => ({ b, i, s: betScore(q, b.keys) }))
    .filter((x) => x.s > 0)
    .sort((a, b) => b.s - a.s || a.i - b.i)
    .slice(0, max)
    .map((x) => x.b);
}
