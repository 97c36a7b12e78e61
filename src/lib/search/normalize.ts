/**
 * Search-text normalization shared by the indexer (scripts/build-search.ts) and the engine
 * (src/search/engine.ts): the same function runs on both sides, so index and query agree.
 *
 * Per code point: NFKC (full-width ASCII → ASCII, compatibility ideographs → unified), then
 * lower-case, then diacritics dropped (NFD minus marks). Mongolian free variation selectors
 * (U+180B–U+180F), the vowel separator U+180E, the narrow no-break space U+202F used before
 * suffixes, ZWJ/ZWNJ, ZWSP and soft hyphens are removed, so Mongolian words match whatever
 * shaping controls the writer used. Every output character remembers the span of the input it
 * came from, so excerpts can be cut from the original text.
 */

export interface NormChar {
  /** one normalized character (a single code point) */
  ch: string;
  /** UTF-16 offsets of the source code point in the original string */
  start: number;
  end: number;
}

const DROP = /[\u180b-\u180f\u200b-\u200d\u202f\u2060\ufeff\u00ad]/u;
const MARK = /\p{M}/gu;

const cache = new Map<string, string>();

/** Normalized form of one code point ('' when it is dropped). */
export function normalizeChar(cp: string): string {
  const code = cp.codePointAt(0)!;
  // fast path: CJK unified ideographs and lower-case ASCII letters/digits are unchanged
  if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39)) return cp;
  let n = cache.get(cp);
  if (n !== undefined) return n;
  if (DROP.test(cp)) n = '';
  else {
    n = cp.normalize('NFKC').toLowerCase().normalize('NFD').replace(MARK, '');
    // Mongolian letters carry no combining marks we want to drop except FVS (handled above);
    // keep the NFKC form for scripts where NFD would split a letter we need (Hangul etc.)
    if (n === '' && cp.trim() !== '') n = cp.normalize('NFKC').toLowerCase();
  }
  cache.set(cp, n);
  return n;
}

/** Normalize a string, keeping for each output character the span of its source. */
export function normalizeWithOffsets(text: string): NormChar[] {
  const out: NormChar[] = [];
  let i = 0;
  for (const cp of text) {
    const start = i;
    i += cp.length;
    const n = normalizeChar(cp);
    if (n.length === 0) continue;
    for (const c of n) out.push({ ch: c, start, end: i });
  }
  return out;
}

/** Normalized text (no offsets). */
export function normalizeText(text: string): string {
  let s = '';
  for (const cp of text) s += normalizeChar(cp);
  return s;
}

const HAN = /\p{Script=Han}/u;
const WORDCHAR = /[\p{L}\p{N}]/u;

/** Character class after normalization: Han ideograph, other letter/digit, or separator. */
export function charClass(ch: string): 'han' | 'word' | 'sep' {
  const code = ch.codePointAt(0)!;
  if (code >= 0x4e00 && code <= 0x9fff) return 'han';
  if ((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39)) return 'word';
  if (code < 0x80) return 'sep';
  if (HAN.test(ch)) return 'han';
  if (WORDCHAR.test(ch)) return 'word';
  return 'sep';
}
