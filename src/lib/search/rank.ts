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
  /** word positions of the token in the document, ascending (title region < titleSlot) */
  positions: number[];
  /** BM25 contribution rescaled to the global IDF */
  score: number;
  /** the index kept only some of this token's positions here (a thinned word) */
  partial?: boolean;
}

export interface DocScore {
  tier: number;
  score: number;
  /** IDF-weighted share of the query tokens present */
  coverage: number;
  phrases: number;
  runs: number;
}

/** `x` in the ascending list `a`. */
function sortedHas(a: readonly number[], x: number): boolean {
  let lo = 0;
  let hi = a.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = a[mid]!;
    if (v === x) return true;
    if (v < x) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** One phrase group of the query: its token indices and each one's offset from the first. */
interface Run {
  tokens: number[];
  offs: number[];
}

/**
 * Does the run occur as a phrase with its first token in [from, to)? Tokens whose body
 * positions were capped at index time (`saturated`: the document holds more occurrences than
 * the index keeps) cannot be placed, so they only need to be present; the other tokens must sit
 * at their exact relative offsets. Returns 2 for a verified phrase (every token placed), 1 for a
 * probable one (the placed tokens aligned, the saturated ones present), else 0. Positions are
 * ascending: the others are found by binary search (a Set per document and run cost more than
 * the scoring itself at 10,000 documents) and the anchor's stop at `to`.
 */
function phraseAt(run: Run, hits: (DocTokenHit | undefined)[], from: number, to: number, saturated: ((i: number) => boolean) | null): number {
  const { tokens, offs } = run;
  let anchor = -1;
  for (let k = 0; k < tokens.length; k++) {
    if (!hits[tokens[k]!]) return 0;
    if (anchor < 0 && !saturated?.(tokens[k]!)) anchor = k;
  }
  if (anchor < 0) return 1;
  let placed = 0;
  for (let k = 0; k < tokens.length; k++) if (!saturated?.(tokens[k]!)) placed++;
  const base = offs[anchor]!;
  outer: for (const p of hits[tokens[anchor]!]!.positions) {
    const start = p - base;
    if (start < from) continue;
    if (start >= to) break;
    for (let k = anchor + 1; k < tokens.length; k++) {
      if (saturated?.(tokens[k]!)) continue;
      if (!sortedHas(hits[tokens[k]!]!.positions, start + offs[k]!)) continue outer;
    }
    // every token placed: verified; some only present (saturated): probable
    return placed === tokens.length ? 2 : 1;
  }
  return 0;
}

/**
 * A scorer for one list of query tokens: what depends on the query alone (its phrase groups,
 * IDF sums) is worked out once, then each document costs only its own hits.
 * @param cap body positions kept per token and document at index time (0: no cap); a token
 *   with that many body positions in a document is saturated there (see phraseAt).
 */
export function docScorer(tokens: QueryToken[], titleSlot: number, cap = 0): (hits: (DocTokenHit | undefined)[]) => DocScore {
  const byRun = new Map<number, number[]>();
  tokens.forEach((t, i) => byRun.set(t.run, [...(byRun.get(t.run) ?? []), i]));
  const runs: Run[] = [...byRun.values()].map((r) => ({ tokens: r, offs: r.map((i) => tokens[i]!.pos - tokens[r[0]!]!.pos) }));
  const multi = tokens.map((t) => [...t.text].length >= 2);
  const totalIdf = tokens.reduce((a, t) => a + t.idf, 0);
  const nRuns = runs.length;
  return (hits) => {
    let foundIdf = 0;
    let titleIdf = 0;
    let bm = 0;
    for (let i = 0; i < tokens.length; i++) {
      const h = hits[i];
      if (!h) continue;
      foundIdf += tokens[i]!.idf;
      bm += h.score;
      if (h.positions.length && h.positions[0]! < titleSlot) titleIdf += tokens[i]!.idf;
    }
    const saturated = (i: number) => multi[i]! && !!hits[i] && (!!hits[i]!.partial || (cap > 0 && bodyCount(hits[i]!.positions, titleSlot) >= cap));
    let phrases = 0;
    let probable = 0;
    let titlePhrases = 0;
    for (const run of runs) {
      const inTitle = phraseAt(run, hits, 0, titleSlot, null) === 2;
      // the positions known may already show the phrase; else capped tokens only need to be present
      const inBody = inTitle ? 2 : phraseAt(run, hits, titleSlot, Infinity, null) || phraseAt(run, hits, titleSlot, Infinity, saturated);
      if (inTitle) titlePhrases++;
      if (inBody === 2) phrases++;
      else if (inBody === 1) probable++;
    }
    const coverage = totalIdf > 0 ? foundIdf / totalIdf : 0;
    const titleCov = totalIdf > 0 ? titleIdf / totalIdf : 0;
    let tier = TIER_WORDS;
    if (nRuns > 0 && titlePhrases === nRuns) tier = TIER_TITLE_PHRASE;
    else if (nRuns > 0 && phrases + probable === nRuns) tier = TIER_PHRASE;
    else if (titleCov >= 0.999) tier = TIER_TITLE_WORDS;
    // BM25 + title bonus + phrase bonus (a probable phrase counts half), scaled by coverage²
    const phraseShare = nRuns ? (phrases + 0.5 * probable) / nRuns : 0;
    const score = (bm + TITLE_WEIGHT * titleIdf + phraseShare * totalIdf) * coverage * coverage;
    return { tier, score, coverage, phrases: phrases + probable, runs: nRuns };
  };
}

/** Positions at or past `titleSlot` in an ascending list. */
function bodyCount(positions: readonly number[], titleSlot: number): number {
  let n = 0;
  for (let k = positions.length - 1; k >= 0 && positions[k]! >= titleSlot; k--) n++;
  return n;
}

/** One document's score (docScorer for a single document). */
export function scoreDoc(tokens: QueryToken[], hits: (DocTokenHit | undefined)[], titleSlot: number, cap = 0): DocScore {
  return docScorer(tokens, titleSlot, cap)(hits);
}

/** weight of the query's IDF found in the title (topic queries: documents about the subject) */
export const TITLE_WEIGHT = 4;

export function compareScores(a: DocScore, b: DocScore): number {
  return b.tier - a.tier || b.score - a.score;
}

/**
 * Smallest edit distance (substitutions, insertions, deletions) between `pattern` and any
 * substring of `text` (Sellers' algorithm), by code point. Suggestions: a title that contains
 * the query with one wrong character is at distance 1.
 */
export function substringDistance(pattern: string, text: string): number {
  const p = [...pattern];
  const t = [...text];
  let prev = Array.from({ length: p.length + 1 }, (_, i) => i);
  let best = prev[p.length]!;
  for (let j = 1; j <= t.length; j++) {
    const cur = [0];
    for (let i = 1; i <= p.length; i++) {
      cur[i] = Math.min(prev[i]! + 1, cur[i - 1]! + 1, prev[i - 1]! + (p[i - 1] === t[j - 1] ? 0 : 1));
    }
    best = Math.min(best, cur[p.length]!);
    prev = cur;
  }
  return best;
}
