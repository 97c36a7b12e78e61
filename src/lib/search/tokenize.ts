/**
 * Chinese tokenization for the search index: overlapping character bigrams.
 *
 * A run of n Han characters c0…c(n-1) yields n tokens, one per character position:
 * c0c1, c1c2, …, c(n-2)c(n-1), c(n-1). The last one is the run-final character alone, so
 * token i always starts at character i (positions line up with the text, which the excerpt
 * builder relies on) and a single-character query (prefix search) also finds characters at the
 * end of a run. A run of other letters/digits is one token. Separators (punctuation, spaces)
 * produce no token and no position.
 *
 * Queries use bigrams only (`queryTokens`): "农村低保" → 农村 村低 低保; a one-character run
 * becomes a one-character token that Pagefind matches as a prefix (every bigram starting with
 * it plus the run-final unigram).
 */
import { charClass, normalizeWithOffsets, type NormChar } from './normalize.ts';
import { mongolianTokens } from '../mongolian/fold.ts';
import { attachCaseSuffixes } from '../mongolian/rewrite.ts';

/** A Mongolian word as written: letters with the controls that only shape them (FVS, MVS,
 * ZWJ/ZWNJ, CGJ, nirugu) and U+202F before a suffix. */
const MONGOLIAN_WORD = /[\u1820-\u1878\u1880-\u18AA](?:[\u1820-\u1878\u1880-\u18AA\u180A-\u180F\u200C\u200D\u034F]|\u202F(?=[\u180B-\u180F]*[\u1820-\u1878\u1880-\u18AA]))*/gu;

/**
 * Tokens of a text in a search language. 'zh' (and anything else): the bigram tokenizer below.
 * 'mn': a space before a case suffix counts as U+202F (src/lib/mongolian/rewrite.ts), then
 * every Mongolian word becomes the tokens of src/lib/mongolian/fold.ts `mongolianTokens`
 * (folded: FVS, ZWJ/ZWNJ removed, U+202F/U+180E unified, loose letter key) — for the index the
 * joined word, then its stem and suffixes; for a query the joined word only (the index holds
 * every form a query can take). Each word is one run; other text (Han, digits) is tokenized as
 * in 'zh'. Index and query call this same function, so they always agree.
 */
export function tokenizeLang(text: string, mode: 'index' | 'query', language = 'zh'): Token[] {
  if (language !== 'mn' || !/[\u1820-\u18AA]/u.test(text)) return tokenize(text, mode);
  // a case suffix detached by a plain space (old government CMS) is the same word as with U+202F;
  // length-preserving, so token offsets still point into the caller's text
  text = attachCaseSuffixes(text);
  const out: Token[] = [];
  let run = -1;
  let last = 0;
  const other = (from: number, to: number) => {
    if (to <= from) return;
    const part = tokenize(text.slice(from, to), mode);
    const base = run + 1;
    for (const t of part) {
      out.push({ ...t, start: t.start + from, end: t.end + from, run: base + t.run });
      run = Math.max(run, base + t.run);
    }
  };
  for (const m of text.matchAll(MONGOLIAN_WORD)) {
    other(last, m.index);
    const toks = mongolianTokens(m[0]);
    const use = mode === 'query' ? toks.slice(0, 1) : toks;
    if (use.length) run++;
    use.forEach((w, pos) => out.push({ text: w, start: m.index, end: m.index + m[0].length, han: false, run, pos }));
    last = m.index + m[0].length;
  }
  other(last, text.length);
  return out;
}

export interface Token {
  text: string;
  /** UTF-16 span in the original string that the token covers */
  start: number;
  end: number;
  /** the token is a Han bigram or unigram (not a Latin/digit word) */
  han: boolean;
  /** index of the run (group of adjacent tokens without a separator between them) */
  run: number;
  /** word position relative to the run's first token, as the index numbers it */
  pos: number;
}

/** Tokens of a text, for the index (with run-final unigrams) or for a query (bigrams only). */
export function tokenize(text: string, mode: 'index' | 'query' = 'index'): Token[] {
  const chars = normalizeWithOffsets(text);
  const out: Token[] = [];
  let run = -1;
  let prev: 'han' | 'word' | 'sep' = 'sep';
  let i = 0;
  while (i < chars.length) {
    const cls = charClass(chars[i]!.ch);
    if (cls === 'sep') {
      prev = 'sep';
      i++;
      continue;
    }
    let j = i + 1;
    while (j < chars.length && charClass(chars[j]!.ch) === cls) j++;
    // Han and Latin/digit runs that touch (e.g. 2015年) stay in one phrase group
    if (prev === 'sep') run++;
    if (cls === 'han') emitHan(chars, i, j, mode, run, out);
    else {
      let s = '';
      for (let k = i; k < j; k++) s += chars[k]!.ch;
      out.push({ text: s, start: chars[i]!.start, end: chars[j - 1]!.end, han: false, run, pos: 0 });
    }
    prev = cls;
    i = j;
  }
  let runStart = 0;
  for (let k = 0; k < out.length; k++) {
    if (k === 0 || out[k]!.run !== out[k - 1]!.run) runStart = k;
    out[k]!.pos = k - runStart;
  }
  if (mode === 'index') return out;
  // queries: a Han segment of ≥2 characters is its bigrams (the run-final unigram is implied)
  return out.filter((t, k) => !(t.han && [...t.text].length === 1 && k > 0 && out[k - 1]!.han && out[k - 1]!.run === t.run && [...out[k - 1]!.text].length === 2 && out[k - 1]!.end === t.end));
}

/**
 * The query tokens to look up: for each Han segment, the cheapest set of bigrams that still
 * covers every character (so a phrase is still verified exactly from positions), avoiding
 * `common` bigrams (huge posting lists) where another cover exists. Words and single
 * characters are always kept.
 */
export function coverTokens(tokens: Token[], common: ReadonlySet<string>): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    if (!t.han || [...t.text].length !== 2) {
      out.push(t);
      i++;
      continue;
    }
    // maximal segment of consecutive bigrams (same run, consecutive positions)
    let j = i + 1;
    while (j < tokens.length && tokens[j]!.han && [...tokens[j]!.text].length === 2 && tokens[j]!.run === t.run && tokens[j]!.pos === tokens[j - 1]!.pos + 1) j++;
    const seg = tokens.slice(i, j);
    const cost = seg.map((x) => (common.has(x.text) ? 8 : 1));
    // choose a subset with the first and last chosen and no two adjacent bigrams both skipped
    const len = seg.length;
    const best: number[] = new Array(len).fill(Infinity);
    const from: number[] = new Array(len).fill(-1);
    best[0] = cost[0]!;
    for (let k = 1; k < len; k++) {
      for (const d of [1, 2]) {
        const p = k - d;
        if (p >= 0 && best[p]! + cost[k]! < best[k]!) {
          best[k] = best[p]! + cost[k]!;
          from[k] = p;
        }
      }
    }
    const picked: Token[] = [];
    for (let k = len - 1; k >= 0; k = from[k]!) picked.unshift(seg[k]!);
    out.push(...picked);
    i = j;
  }
  return out;
}

function emitHan(chars: NormChar[], i: number, j: number, mode: 'index' | 'query', run: number, out: Token[]) {
  for (let k = i; k < j; k++) {
    const last = k === j - 1;
    out.push({
      text: last ? chars[k]!.ch : chars[k]!.ch + chars[k + 1]!.ch,
      start: chars[k]!.start,
      end: last ? chars[k]!.end : chars[k + 1]!.end,
      han: true,
      run,
      pos: 0,
    });
  }
}

/** Query tokens: bigrams for Han runs of ≥2 characters, the character itself for a 1-character run. */
export function queryTokens(text: string, language = 'zh'): Token[] {
  return tokenizeLang(text, 'query', language);
}
