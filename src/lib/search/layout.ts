/**
 * How a SearchRecord becomes the word stream the index holds, and the file layout of the
 * search bundle. Shared by the index writer (scripts/lib/search-index/) and src/search/engine.ts.
 *
 * Word positions: 0 … TITLE_SLOT-1 hold the title (and 文号) tokens, padded with a separator
 * word that takes a position but is not indexed; the body starts at TITLE_SLOT. The engine
 * tells title hits from body hits by position alone, without loading the fragment.
 * A body token that already occurred POSITION_CAP times in the document is replaced by the
 * separator too (keeps common-bigram posting lists — and so index chunks — small; ranking
 * saturates long before that).
 */
import { tokenizeLang, type Token } from './tokenize.ts';
import type { SearchRecord } from './record.ts';

export const TITLE_SLOT = 128;
export const DEFAULT_POSITION_CAP = 48;
/** body index positions per stored text section (excerpts load one section per result) */
export const SECTION_TOKENS = 600;
/** characters of the next section repeated at the end of a section (phrases across the cut) */
export const SECTION_OVERLAP = 40;
/** a word that takes a position but is not indexed (title padding, capped body tokens) */
export const FILLER = '·';

/** Code of shard i of a language (manifest `shards[].language`, the sort file's name). It was
 * Pagefind's language code when Pagefind built the postings: not starting with zh/ja/th and not
 * a valid BCP 47 tag, so Pagefind neither segmented nor stemmed. */
export function shardLanguage(language: string, shard: number): string {
  return `s${shard}-${language}`;
}

/** One posting index (src/lib/search/postings.ts): its files are named `<tag>…`. */
export interface IndexShard {
  language: string;
  pages: number;
  from?: string;
  to?: string;
  tag: string;
  avgLength: number;
  /** index chunks per directory file */
  groupSize: number;
  /** first word of every `groupSize` index chunks */
  groups: string[];
  /** file name (content hash) of each group's directory file, parallel to `groups` */
  dirs: string[];
  /** file name of the filter values file (filter/<name>.json) */
  filters: string;
  /** file name of the publication order file (sort/<name>.json) */
  sort: string;
}

/** docnum/<list>.json: bucket i is docnum/<files[i]>.json, year bucket i docnum/<yearFiles[i]>.json
 * (kept out of the manifest: 366 names at 10,000 documents, read only by 文号 queries). */
export interface DocnumList {
  files: string[];
  yearFiles: string[];
}

export interface SearchManifest {
  version: 3;
  titleSlot: number;
  positionCap: number;
  sectionTokens: number;
  /** site-relative bundle directory, relative to the engine's base */
  bundle: string;
  languages: Record<string, { shards: IndexShard[]; pages: number }>;
  /** 文号 lookup: <dir><list>.json names the bucket files (DocnumList), in <dir> too */
  docnum: { buckets: number; dir: string; yearBuckets: number; list: string };
  /** Han bigrams with very long posting lists, concatenated (queries avoid them when they can) */
  common?: string;
  agencies?: string[];
}

/** Text of the index's word stream for one record (space-separated words, indexWords joined). */
export function indexContent(
  record: Pick<SearchRecord, 'title' | 'docNumber' | 'body'> & { language?: string },
  cap = DEFAULT_POSITION_CAP,
  /** accumulates posting units (positions + 1 per document) per token */
  units?: Map<string, number>,
): { content: string; words: number } {
  const words = indexWords(record, cap, units);
  return { content: words.join(' '), words: words.length };
}

/**
 * The words of one record, word i at position i: title (and 文号) tokens padded with FILLER to
 * TITLE_SLOT, then the body tokens, a token past its `cap`-th body occurrence replaced by FILLER.
 * The page length BM25 uses is the number of words. `bodyTokens`: the body's index tokens when
 * the caller has them already (the writer cuts text sections from the same tokens).
 */
export function indexWords(
  record: Pick<SearchRecord, 'title' | 'docNumber' | 'body'> & { language?: string },
  cap = DEFAULT_POSITION_CAP,
  /** accumulates posting units (positions + 1 per document) per token */
  units?: Map<string, number>,
  bodyTokens?: readonly Token[],
): string[] {
  const words: string[] = [];
  const lang = record.language ?? 'zh';
  const head = tokenizeLang(record.docNumber ? `${record.title} ${record.docNumber}` : record.title, 'index', lang);
  for (const t of head) {
    if (words.length >= TITLE_SLOT) break;
    words.push(t.text);
  }
  while (words.length < TITLE_SLOT) words.push(FILLER);
  const seen = new Map<string, number>();
  for (const t of bodyTokens ?? tokenizeLang(record.body, 'index', lang)) {
    const n = (seen.get(t.text) ?? 0) + 1;
    seen.set(t.text, n);
    words.push(n > cap ? FILLER : t.text);
  }
  if (units) for (const [t, n] of seen) units.set(t, (units.get(t) ?? 0) + Math.min(n, cap) + 1);
  return words;
}

/**
 * The body cut into sections of SECTION_TOKENS index positions (section k holds the text of body
 * tokens k·SECTION_TOKENS …, i.e. word positions TITLE_SLOT + k·SECTION_TOKENS …), each followed by
 * SECTION_OVERLAP characters of the next. Text before the first token belongs to section 0.
 */
export function bodySections(body: string, size = SECTION_TOKENS, language = 'zh'): string[] {
  return sectionsOf(body, tokenizeLang(body, 'index', language), size);
}

/** bodySections from the body's index tokens (tokenizeLang(body, 'index', language)). */
export function sectionsOf(body: string, toks: readonly Token[], size = SECTION_TOKENS): string[] {
  return sectionsAt(body, sectionCuts(toks, size));
}

/** Where each body section starts (character offsets; the first is 0). */
export function sectionCuts(toks: readonly Token[], size = SECTION_TOKENS): number[] {
  const cuts: number[] = [0];
  for (let k = size; k < toks.length; k += size) cuts.push(toks[k]!.start);
  return cuts;
}

/** The sections starting at `cuts` (sectionCuts), each with SECTION_OVERLAP characters of the next. */
export function sectionsAt(body: string, cuts: readonly number[]): string[] {
  return cuts.map((c, i) => {
    const end = i + 1 < cuts.length ? cuts[i + 1]! : body.length;
    return body.slice(c, Math.min(body.length, end + (i + 1 < cuts.length ? SECTION_OVERLAP : 0)));
  });
}

/** Small stable string hash (FNV-1a, 32 bit). */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** 文号 lookup bucket: keyed by 机关代字 + 序号 (not the year), so a wrong year still lands in
 * the bucket that holds the right document and can be offered as a suggestion. */
export function docnumBucket(key: string, buckets: number): number {
  const [agency, , serial] = key.split('|');
  return fnv1a(`${agency}|${serial}`) % buckets;
}
