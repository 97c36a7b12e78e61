/**
 * Scoring one query term over the pages its words occur on, as pagefind_web (search.rs) scores
 * it, so that ranking is what it was: per matched word BM25 (k1 1.4, b 0.75) times a length bonus
 * for extensions; IDF per word. Postings come from src/lib/search/postings.ts.
 */
import type { Posting } from './postings.ts';

const K1 = 1.4;
const B = 0.75;
/** Pagefind weighs every location of a custom record 25, and divides term counts by 24 */
const TF_UNIT = 25 / 24;

export const idf = (total: number, withTerm: number): number => Math.log((total - withTerm + 0.5) / (withTerm + 0.5) + 1);

/** pagefind_web's word_length_bonus (term_similarity 1): extensions count a little less */
function lengthBonus(word: string, term: string): number {
  const bytes = (s: string) => new TextEncoder().encode(s).length;
  const diff = Math.abs(bytes(word) - bytes(term)) + 1;
  const base = Math.exp((-0.5 * diff * diff) / 4);
  return Math.exp(base) / Math.E;
}

export interface TermHit {
  page: number;
  score: number;
  /** word positions of every matched word, ascending, without repeats */
  positions: number[];
  /** a matched word was thinned and this page has more occurrences than positions kept */
  partial?: boolean;
}

/**
 * Pages matching `term` through `words` (the term's extensions, or its longest indexed
 * prefix), scored as pagefind_web scores one search term.
 */
export function scoreTerm(term: string, words: { word: string; postings: Posting[] & { cap?: number } }[], totalPages: number, avgLength: number): TermHit[] {
  const hits = new Map<number, TermHit>();
  for (const w of words) {
    const wIdf = idf(totalPages, w.postings.length);
    const bonus = lengthBonus(w.word, term);
    for (const p of w.postings) {
      const tf = (p.tf ?? p.positions.length) * TF_UNIT * bonus;
      const norm = K1 * (1 - B + (B * p.length) / (avgLength || 1));
      const s = (wIdf * ((K1 + 1) * tf)) / (norm + tf);
      let h = hits.get(p.page);
      if (!h) hits.set(p.page, (h = { page: p.page, score: 0, positions: [] }));
      h.score += s;
      if (p.tf !== undefined && p.tf > p.positions.length) h.partial = true;
      // shared, not copied: nothing downstream changes a hit's positions
      h.positions = h.positions.length ? mergeSorted(h.positions, p.positions) : p.positions;
    }
  }
  return [...hits.values()].sort((a, b) => b.score - a.score || a.page - b.page);
}

function mergeSorted(a: number[], b: number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = j >= b.length || (i < a.length && a[i]! <= b[j]!) ? a[i++]! : b[j++]!;
    if (out.at(-1) !== x) out.push(x);
  }
  return out;
}
