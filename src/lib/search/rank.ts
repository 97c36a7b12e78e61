/**
 * Ranking over Pagefind's candidates. Pagefind is asked for each query token separately
 * (its chunks load once per token); this module combines the per-token hits with global
 * statistics (IDF summed over all shards), so ranking does not depend on how the library
 * was sharded.
 *
 * Order: exact 文号 > every phrase of the query in the title > every phrase in the text >
 * the rest by a BM25 sum over bigrams with a title bonus, scaled by how much of the query
 * (IDF-weighted) the document contains.
 */

export const TIER_DOCNUMBER = 4;
export const TIER_TITLE_PHRASE = 3;
export const TIER_PHRASE = 2;
export const TIER_TITLE_WORDS = 1;
export const TIER_WORDS = 0;

/** Pagefind's BM25 IDF (pagefind_web/src/search.rs). */
export function idf(totalPages: number, pagesWithTerm: number): number {
  return Math.log((totalPages - pagesWithTerm + 0.5) / (pagesWithTerm + 0.5) + 1);
}

export interface QueryToken {
  text: string;
  /** phrase group (adjacent characters without a separator) */
  run: number;
  /** word position relative to the run start */
  pos: number;
  /** global IDF */
  idf: number;
}

export interface DocTokenHit {
  /** word positions of the token in the document (title region < titleSlot) */
  positions: number[];
  /** BM25 contribution rescaled to the global IDF */
  score: number;
}

export interface DocScore {
  tier: number;
  score: number;
  /** IDF-weighted share of the query tokens present */
  coverage: number;
  phrases: number;
  runs: number;
}

function hasPhrase(tokens: QueryToken[], run: number[], hits: (DocTokenHit | undefined)[], from: number, to: number): boolean {
  const first = hits[run[0]!];
  if (!first) return false;
  const sets = run.slice(1).map((i) => hits[i]);
  if (sets.some((h) => !h)) return false;
  const lookup = sets.map((h) => new Set(h!.positions));
  const base = tokens[run[0]!]!.pos;
  const offs = run.slice(1).map((i) => tokens[i]!.pos - base);
  outer: for (const p of first.positions) {
    if (p < from || p >= to) continue;
    for (let k = 0; k < lookup.length; k++) if (!lookup[k]!.has(p + offs[k]!)) continue outer;
    return true;
  }
  return false;
}

export function scoreDoc(tokens: QueryToken[], hits: (DocTokenHit | undefined)[], titleSlot: number): DocScore {
  const runs = new Map<number, number[]>();
  tokens.forEach((t, i) => {
    const r = runs.get(t.run) ?? [];
    r.push(i);
    runs.set(t.run, r);
  });
  let totalIdf = 0;
  let foundIdf = 0;
  let titleIdf = 0;
  let bm = 0;
  tokens.forEach((t, i) => {
    totalIdf += t.idf;
    const h = hits[i];
    if (!h) return;
    foundIdf += t.idf;
    bm += h.score;
    if (h.positions.some((p) => p < titleSlot)) titleIdf += t.idf;
  });
  let phrases = 0;
  let titlePhrases = 0;
  for (const run of runs.values()) {
    if (hasPhrase(tokens, run, hits, titleSlot, Infinity) || hasPhrase(tokens, run, hits, 0, titleSlot)) phrases++;
    if (hasPhrase(tokens, run, hits, 0, titleSlot)) titlePhrases++;
  }
  const coverage = totalIdf > 0 ? foundIdf / totalIdf : 0;
  const titleCov = totalIdf > 0 ? titleIdf / totalIdf : 0;
  const nRuns = runs.size;
  let tier = TIER_WORDS;
  if (nRuns > 0 && titlePhrases === nRuns) tier = TIER_TITLE_PHRASE;
  else if (nRuns > 0 && phrases === nRuns) tier = TIER_PHRASE;
  else if (titleCov >= 0.999) tier = TIER_TITLE_WORDS;
  // BM25 + title bonus, scaled by coverage² and by the share of phrases found
  const score = (bm + 1.5 * titleIdf + (nRuns ? (phrases / nRuns) * totalIdf : 0)) * coverage * coverage;
  return { tier, score, coverage, phrases, runs: nRuns };
}

export function compareScores(a: DocScore, b: DocScore): number {
  return b.tier - a.tier || b.score - a.score;
}
