/**
 * Mechanical fixes for Mongolian text pasted from existing government sites (issue #17 item 5,
 * `npm run check -- --fix`). Only two rewrites, both unambiguous, both idempotent:
 *
 * 1. Vertical presentation forms (U+FE10–FE19, U+FE30–FE4F: ︽︾ ﹇﹈ ︵︶ ︐ …) → the plain
 *    character NFKC gives (《》 [ ] ( ) ,). They render alike in vertical text but split search
 *    results, and `check` refuses them (MONGOLIAN.md checklist 2). The old government CMS writes
 *    them everywhere (MONGOLIAN-TERMS.md §F: 44 in 10 pages).
 * 2. A plain space between a Mongolian word and a case suffix → U+202F (the suffix connector), when
 *    the next word is one of CASE_SUFFIXES and nothing but a non-letter follows it. Old-CMS pages
 *    show 250 such detached suffixes in 10 pages (§F). A word that is also a stand-alone word
 *    (ᠪᠠ "and", ᠨᠢ "its") is not in the list, so it is never joined.
 *
 * Pure and length-preserving for rule 2 (one UTF-16 unit for another), so the search tokenizer
 * applies `attachCaseSuffixes` to index and query text alike without moving offsets.
 */

const LETTER = '\\u1820-\\u18AA';
const FVS = '\\u180B-\\u180D\\u180F';

/**
 * Detached case suffixes (MONGOLIAN-TERMS.md §F counts ᠤᠨ ᠶᠢᠨ ᠤ ᠶᠢ ᠢ ᠳᠤ ᠲᠤ on government pages),
 * in both vowel classes, without FVS. Genitive, accusative, dative-locative, ablative,
 * instrumental, comitative, reflexive-possessive and the attributive -ᠳᠠᠬᠢ.
 */
export const CASE_SUFFIXES: readonly string[] = [
  // not ᠵᠢᠨ: the new CMS's genitive, but also a syllable of Chinese names (ᠰᠢ ᠵᠢᠨ ᠫᠢᠩ)
  'ᠤᠨ', 'ᠦᠨ', 'ᠶᠢᠨ', 'ᠤ', 'ᠦ',
  'ᠢ', 'ᠶᠢ',
  'ᠳᠤ', 'ᠲᠤ', 'ᠳᠦ', 'ᠲᠦ', 'ᠳᠤᠷ', 'ᠳᠦᠷ',
  'ᠠᠴᠠ', 'ᠡᠴᠡ',
  'ᠪᠠᠷ', 'ᠪᠡᠷ', 'ᠢᠶᠠᠷ', 'ᠢᠶᠡᠷ',
  'ᠲᠠᠢ', 'ᠲᠡᠢ',
  'ᠢᠶᠠᠨ', 'ᠢᠶᠡᠨ', 'ᠪᠠᠨ', 'ᠪᠡᠨ',
  'ᠳᠠᠬᠢ', 'ᠲᠠᠬᠢ', 'ᠳᠡᠬᠢ', 'ᠲᠡᠬᠢ',
];

const SUFFIX_ALT = [...CASE_SUFFIXES].sort((a, b) => b.length - a.length).map((s) => [...s].join(`[${FVS}]?`)).join('|');
/** a space after a Mongolian letter (and its FVS), before a whole case suffix */
const DETACHED_RE = new RegExp(`(?<=[${LETTER}][${FVS}]?) (?=(?:${SUFFIX_ALT})[${FVS}]?(?![${LETTER}${FVS}\\u180E]))`, 'g');
// U+FE49–FE4C (overlines) are left alone: NFKC gives two characters (space + U+0305), not punctuation
const PRESENTATION_RE = /[\uFE10-\uFE19\uFE30-\uFE48\uFE4D-\uFE4F]/g;

/** Rule 2 only: a space before a case suffix becomes U+202F. Same length as the input. */
export function attachCaseSuffixes(text: string): string {
  return text.replace(DETACHED_RE, '\u202F');
}

/** Rule 1 only: vertical presentation forms become plain punctuation. */
export function plainPunctuation(text: string): string {
  // ︙ and ︰ are one character each, not NFKC's "..." and "..": the ellipses themselves
  return text.replace(PRESENTATION_RE, (c) => (c === '\uFE19' ? '\u2026' : c === '\uFE30' ? '\u2025' : c.normalize('NFKC')));
}

export interface TextChange {
  /** 1-based line */
  line: number;
  /** the changed span with a little context, before and after */
  before: string;
  after: string;
}

/** Invisible characters written out for a change report. */
export function visibleControls(s: string): string {
  return s.replace(/\u202F/g, '⟨U+202F⟩').replace(/\u180E/g, '⟨U+180E⟩');
}

/** The words around position i (from the space before the previous word's start to the next space). */
function wordSpan(a: string[], i: number): [number, number] {
  let from = i;
  while (from > 0 && a[from - 1] !== ' ' && a[from - 1] !== '\u3000') from--;
  if (a[i] === ' ' || a[i] === '\u3000') while (from > 0 && a[from - 1] !== ' ') from--; // a joined space: the word before too
  let to = i + 1;
  while (to < a.length && a[to] !== ' ' && a[to] !== '\u3000') to++;
  return [from, to];
}

/** Changes between two versions of one line, one per changed word (or word + suffix), with the words as context. */
function lineChanges(before: string, after: string, line: number): TextChange[] {
  // both rules replace one code point by one code point, so the two lines align
  const a = [...before];
  const b = [...after];
  const spans: [number, number][] = [];
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    const [from, to] = wordSpan(a, i);
    const last = spans[spans.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else spans.push([from, to]);
  }
  return spans.map(([from, to]) => ({ line, before: visibleControls(a.slice(from, to).join('')), after: visibleControls(b.slice(from, to).join('')) }));
}

/**
 * Both rewrites on a whole file's text; the changes line by line. Idempotent:
 * rewriteMongolian(rewriteMongolian(x).text).changes is empty.
 */
export function rewriteMongolian(text: string): { text: string; changes: TextChange[] } {
  const lines = text.split('\n');
  const changes: TextChange[] = [];
  const fixed = lines.map((l, i) => {
    const f = attachCaseSuffixes(plainPunctuation(l));
    if (f !== l) changes.push(...lineChanges(l, f, i + 1));
    return f;
  });
  return { text: fixed.join('\n'), changes };
}
