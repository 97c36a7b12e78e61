/**
 * The posting files of the project's own index (docs/search.md): scripts/lib/search-index/
 * inverts the records' tokens into them, the engine reads them. Unlike Pagefind's bundle, a
 * query loads no table of every page and index chunk (Pagefind's metadata: 356 KB at 50,000
 * documents), nor pagefind.js and its WebAssembly. Instead:
 *
 * - chunks: word-sorted CBOR `[[word, postings], …]`; `postings` is one flat list per word,
 *   per page `-(lengthCode + 1), pageDelta, position, positionDelta…` (the negative number
 *   starts a page; deltas keep the numbers small, so the files are ~30 % smaller);
 * - a two-level directory: the manifest lists the first word of every DIR_GROUP chunks, a
 *   directory file per group lists its chunks' first and last words and gzipped sizes (a query
 *   loads one small file per token instead of the whole chunk table);
 * - page ids follow from the page number (`<tag><n in base 36>`): no page table; a page keeps
 *   its number across incremental builds, so numbers have gaps (the sort file lists them all);
 * - a page's length travels with its postings (BM25 needs it only for pages that match);
 * - a very common word (more than THIN_UNITS posting units: 机构, 信息 at 50,000 documents) keeps
 *   its title positions and only its first THIN_CAP body positions per page, with the true
 *   count: BM25 is unchanged, and the ranker treats the word like one that reached the
 *   index-time cap (present, not placed) when it checks phrases. This halves the bytes of
 *   queries made of common words; a flat list starting with THINNED holds such a word.
 *
 * Lookup and scoring follow pagefind_web (search.rs) so that ranking is what it was:
 * prefix extensions of a term (from the chunk holding it and, unlike Pagefind, which reads
 * one chunk, further chunks within a byte budget), else the longest indexed prefix of it; per
 * matched word BM25 (k1 1.4, b 0.75) times a length bonus for extensions; IDF per word.
 */

export const DIR_GROUP = 128;

/** A page's id: the index's tag and the page number in base 36 (fragments and text are named by it). */
export function pageId(tag: string, page: number): string {
  return `${tag}${page.toString(36)}`;
}

/**
 * File names under the bundle directory, for the indexer and the engine alike. Every file but a
 * page's fragment and text is named by a hash of its bytes (`name`, listed by the manifest or a
 * directory file), so an unchanged file keeps its URL across builds; a page id is never reused
 * for other content within a bundle directory (stable page numbers, docs/search.md). Each has an
 * extension (a static server such as `astro preview` takes an extensionless path for a page),
 * and none ends in .gz (Apache would add Content-Encoding and the browser would inflate it).
 */
export const indexFiles = {
  chunk: (name: string) => `index/${name}.pf_index`,
  dir: (name: string) => `dir/${name}.pf_dir`,
  filter: (name: string) => `filter/${name}.pf_filter`,
  filterValues: (name: string) => `filter/${name}.json`,
  sort: (name: string) => `sort/${name}.json`,
  docnum: (name: string) => `docnum/${name}.json`,
  fragment: (id: string) => `fragment/${id}.pf_fragment`,
  text: (id: string, k: number) => `text/${id}.${k}`,
};
/** posting units (positions + 2 per page) above which a word is thinned: ~180 KB of postings,
 * none at 4,000 documents, 323 words at 50,000 (recombined corpus) */
export const THIN_UNITS = 150_000;
/** body positions a thinned word keeps per page */
export const THIN_CAP = 2;
export const THINNED = -100_000;

/** Rust orders strings by UTF-8 bytes, i.e. by code point (JS `<` compares UTF-16 units). */
export function cmpWords(a: string, b: string): number {
  if (a === b) return 0;
  if (!/[\ud800-\udfff]/.test(a + b)) return a < b ? -1 : 1;
  const x = [...a].map((c) => c.codePointAt(0)!);
  const y = [...b].map((c) => c.codePointAt(0)!);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
}

/** A page length as a small code (4 significant bits, ~6 %): BM25 barely notices. */
export function lengthCode(n: number): number {
  if (n < 32) return Math.max(0, Math.round(n));
  const e = Math.floor(Math.log2(n)) - 4;
  let m = Math.round(n / 2 ** e);
  let exp = e;
  if (m >= 32) (m = 16), exp++;
  return 32 + (exp - 1) * 16 + (m - 16);
}

export function lengthOf(code: number): number {
  if (code < 32) return code;
  const exp = Math.floor((code - 32) / 16) + 1;
  return (16 + ((code - 32) % 16)) * 2 ** exp;
}

export interface Posting {
  page: number;
  length: number;
  positions: number[];
  /** occurrences, when the word was thinned (positions then holds fewer) */
  tf?: number;
}

/**
 * One word's postings, flat (see the header); positions are stored ascending. With `thin`,
 * each page keeps its title positions (< titleSlot) and its first `thin.cap` body positions,
 * preceded by the number of occurrences (`tf`, when a page's positions were thinned before).
 */
export function encodePostings(pages: readonly { page: number; length: number; positions: readonly number[]; tf?: number }[], thin?: { cap: number; titleSlot: number }): number[] {
  const out: number[] = thin ? [THINNED, thin.cap] : [];
  let last = 0;
  for (const p of pages) {
    out.push(-(lengthCode(p.length) + 1), p.page - last);
    last = p.page;
    let prev = 0;
    let kept = [...p.positions].sort((a, b) => a - b);
    if (thin) {
      out.push(p.tf ?? kept.length);
      const title = kept.filter((x) => x < thin.titleSlot);
      kept = [...title, ...kept.slice(title.length, title.length + thin.cap)];
    } else if (p.tf !== undefined && p.tf !== kept.length) {
      throw new Error('postings: a thinned page cannot be stored unthinned');
    }
    kept.forEach((x, i) => {
      out.push(i === 0 ? x : x - prev);
      prev = x;
    });
  }
  return out;
}

/** Postings of one word, and the body positions kept per page when it was thinned. */
export function decodePostings(flat: readonly number[]): Posting[] & { cap?: number } {
  const out: Posting[] & { cap?: number } = [];
  let page = 0;
  let cur: Posting | null = null;
  const thinned = flat[0] === THINNED;
  if (thinned) out.cap = flat[1]!;
  for (let i = thinned ? 2 : 0; i < flat.length; i++) {
    const v = flat[i]!;
    if (v < 0) {
      page += flat[++i]!;
      cur = { page, length: lengthOf(-v - 1), positions: [] };
      if (thinned) cur.tf = flat[++i]!;
      out.push(cur);
    } else if (cur) {
      const prev = cur.positions.at(-1);
      cur.positions.push(prev === undefined ? v : prev + v);
    } else {
      throw new Error('postings: a position before any page');
    }
  }
  return out;
}

/** Does a chunk (or group) spanning [first, last] hold `term` or a word starting with it? */
export function spanMayHold(first: string, last: string | undefined, term: string, prefix: boolean): boolean {
  if (last !== undefined && cmpWords(last, term) < 0) return false;
  if (cmpWords(first, term) <= 0) return true;
  return prefix && first.startsWith(term);
}

/** Groups (by their first words, in order) whose range may hold `term` (or its extensions). */
export function groupsFor(firsts: readonly string[], term: string, prefix: boolean): number[] {
  const out: number[] = [];
  for (let g = 0; g < firsts.length; g++) {
    const next = firsts[g + 1];
    // group g holds words from firsts[g] up to (not including) firsts[g + 1]
    if (next !== undefined && cmpWords(next, term) <= 0) continue;
    if (!spanMayHold(firsts[g]!, undefined, term, prefix)) break;
    out.push(g);
  }
  return out;
}

/**
 * A query term as the indexer stores words: lower case, marks removed (as Pagefind keyed café
 * as cafe and ᠠᢅᠠ as ᠠᠠ, folding the marked form's pages in).
 */
export function cleanTerm(t: string): string {
  return t.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').trim();
}

/**
 * The index word a token is stored under: cleanTerm(token), the key a query looks up ('' when
 * nothing is left: the token keeps its position but is not indexed). Han bigrams and lower-case
 * ASCII words, nearly every token, are their own key (checked without normalizing).
 */
export function indexWord(token: string): string {
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (!((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39))) return cleanTerm(token);
  }
  return token;
}

/** cmpWords without a regular expression (the writer sorts millions of words): UTF-16 units
 * compared with surrogates moved above U+E000–U+FFFF, which is code point order. */
export function cmpCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

const codePointRank = (u: number): number => (u >= 0xd800 && u <= 0xdfff ? u + 0x2000 : u >= 0xe000 ? u - 0x800 : u);

export { idf, scoreTerm, type TermHit } from './term-score.ts';

export type FilterSpec = string | string[] | { any?: string[] | string; all?: string[] | string; none?: string[] | string; not?: string[] | string };

/**
 * Pages passing `filters` (every name must pass; a bare list means any of it), given each
 * value's pages; null when there is no filter. Pagefind's semantics for any/all/none/not.
 */
export async function filterPages(
  filters: Record<string, FilterSpec>,
  pagesOf: (name: string, value: string) => Promise<number[]>,
  /** every page of the index (page numbers have gaps where documents were deleted) */
  all: () => Promise<readonly number[]>,
): Promise<Set<number> | null> {
  let result: Set<number> | null = null;
  const list = (x: string[] | string | undefined) => (x === undefined ? [] : Array.isArray(x) ? x : [x]);
  const union = async (name: string, values: string[]) => {
    const s = new Set<number>();
    for (const v of values) for (const p of await pagesOf(name, v)) s.add(p);
    return s;
  };
  const intersect = (a: Set<number>, b: Set<number>) => new Set([...a].filter((x) => b.has(x)));
  for (const [name, spec] of Object.entries(filters)) {
    let s: Set<number>;
    if (typeof spec === 'string') s = await union(name, [spec]);
    else if (Array.isArray(spec)) s = await union(name, spec);
    else {
      const excluded = await union(name, [...list(spec.none), ...list(spec.not)]);
      // only exclusions, and nothing to exclude (e.g. the default version filter on a site without
      // 历史版本): no filter, and the list of every page is not fetched
      if (spec.any === undefined && spec.all === undefined && !excluded.size) continue;
      s = new Set(await all());
      if (spec.any !== undefined) s = intersect(s, await union(name, list(spec.any)));
      for (const v of list(spec.all)) s = intersect(s, await union(name, [v]));
      if (excluded.size) s = new Set([...s].filter((x) => !excluded.has(x)));
    }
    result = result ? intersect(result, s) : s;
  }
  return result;
}
