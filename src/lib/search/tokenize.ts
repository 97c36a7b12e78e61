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

export interface Token {
  text: string;
  /** UTF-16 span in the original string that the token covers */
  start: number;
  end: number;
  /** the token is a Han bigram or unigram (not a Latin/digit word) */
  han: boolean;
  /** index of the run (group of adjacent tokens without a separator between them) */
  run: number;
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
      out.push({ text: s, start: chars[i]!.start, end: chars[j - 1]!.end, han: false, run });
    }
    prev = cls;
    i = j;
  }
  return out;
}

function emitHan(chars: NormChar[], i: number, j: number, mode: 'index' | 'query', run: number, out: Token[]) {
  const n = j - i;
  if (mode === 'query' && n >= 2) {
    for (let k = i; k < j - 1; k++) {
      out.push({ text: chars[k]!.ch + chars[k + 1]!.ch, start: chars[k]!.start, end: chars[k + 1]!.end, han: true, run });
    }
    return;
  }
  for (let k = i; k < j; k++) {
    const last = k === j - 1;
    out.push({
      text: last ? chars[k]!.ch : chars[k]!.ch + chars[k + 1]!.ch,
      start: chars[k]!.start,
      end: last ? chars[k]!.end : chars[k + 1]!.end,
      han: true,
      run,
    });
  }
}

/** Query tokens: bigrams for Han runs of ≥2 characters, the character itself for a 1-character run. */
export function queryTokens(text: string): Token[] {
  return tokenize(text, 'query');
}
