/**
 * Traditional Mongolian (Hudum, mn-Mong) search folding, tokens and text lint.
 *
 * Pure and dependency-free: the search engine imports this module on BOTH sides (the indexer at
 * build time and the query in the browser), so index and query always fold the same way.
 * See ../shared/MONGOLIAN.md §4 (fold) and §5 checklist 2, 3 and 18.
 *
 * What `foldMongolian` does, in this order (and why):
 *
 * 1. Compatibility forms → plain characters: NFKC is applied ONLY to vertical presentation forms
 *    (U+FE10–FE19, U+FE30–FE4F: ︵︶ → ( ), ﹇﹈ → [ ], ︽ → 《, ︐ → ,) and full-width ASCII
 *    (U+FF01–FF5E: （ → (, Ａ → A). Editors type these instead of the real characters; they render
 *    alike in vertical text but would split search results. NFKC is NOT applied to the whole text
 *    because it turns U+202F (the suffix connector) into a plain space. Then NFC (a no-op for the
 *    Mongolian block, normalizes any Latin/Cyrillic text around it).
 *    Legacy Menksoft PUA text (U+E000–F8FF) is not converted here (needs a mapping table at import
 *    time); `lintMongolian` rejects it so it never reaches the index.
 * 2. Delete format characters that only choose a glyph, never a letter: free variation selectors
 *    FVS1–FVS4 (U+180B–180D, U+180F), ZWNJ/ZWJ (U+200C/U+200D), the nirugu U+180A and the
 *    combining grapheme joiner U+034F. (ᠬᠠᠮᠠᠭ᠋ᠠᠯᠠᠬᠤ with a redundant FVS1 ≡ ᠬᠠᠮᠠᠭᠠᠯᠠᠬᠤ.)
 * 3. Suffix connectors: U+202F (NNBSP) and U+180E (MVS) between two Mongolian letters both become
 *    MONGOLIAN_CONNECTOR (U+180E: the UTN #57 connector; not White_Space, so tokenizers that
 *    split on /\s/ keep the word together). Keyboards emit NNBSP, newer text MVS; both are the
 *    same word. A connector anywhere else is left alone (the lint reports it).
 * 4. Loose key (recall over precision; shape-equal spellings become equal):
 *    - ᠣ U+1823 → ᠤ U+1824 and ᠥ U+1825 → ᠦ U+1826: O/U and OE/UE are written with the same
 *      glyphs (only the first syllable of OE/UE differs slightly), so mixed spellings are common.
 *    - ᠳ U+1833 → ᠲ U+1832 in medial and final position (a Mongolian letter directly before it):
 *      medial/final T and D share one shape (ᠪᠣᠬᠢᠷᠲᠤᠯᠢ ≡ ᠪᠣᠬᠢᠷᠳᠤᠯᠢ). Word-initial ᠳ and ᠲ have
 *      different shapes and stay distinct. A suffix after a connector counts as word-initial.
 *    - ᠭ U+182D → ᠬ U+182C everywhere: QA and GA share shapes by vowel harmony (front-vowel
 *      words) and differ only by the two dots elsewhere, which are often dropped.
 *    Deliberately NOT folded: A/E (U+1820/1821; initial forms differ and vowel harmony keeps
 *    spellings apart), I vs YA+FVS (needs the shape-based key of MONGOLIAN.md §4 step 5), a plain
 *    space before a suffix (cannot be told from a word boundary without a suffix list; the stem
 *    and the suffix still match as separate tokens). `{ loose: false }` skips step 4 (the exact,
 *    shape-preserving key: use it to rank exact matches first).
 *
 * Every step is idempotent: foldMongolian(foldMongolian(x)) === foldMongolian(x).
 */

import { CASE_SUFFIXES } from './rewrite.ts';

/** The one suffix connector folded text uses (U+180E MONGOLIAN VOWEL SEPARATOR). */
export const MONGOLIAN_CONNECTOR = '\u180E';

/** Mongolian letters: basic, Todo, Sibe, Manchu (U+1820–1878) and Ali Gali/extensions (U+1880–18AA). */
export function isMongolianLetter(cp: number): boolean {
  return (cp >= 0x1820 && cp <= 0x1878) || (cp >= 0x1880 && cp <= 0x18aa);
}

const LETTER = '\\u1820-\\u1878\\u1880-\\u18AA';
const COMPAT_RE = /[\uFE10-\uFE19\uFE30-\uFE4F\uFF01-\uFF5E]/g;
const IGNORABLE_RE = /[\u180A\u180B\u180C\u180D\u180F\u200C\u200D\u034F]/g;
const CONNECTOR_RE = new RegExp(`(?<=[${LETTER}])[\\u202F\\u180E]+(?=[${LETTER}])`, 'g');
const MEDIAL_D_RE = new RegExp(`(?<=[${LETTER}])\\u1833`, 'g');

export interface FoldOptions {
  /** apply the loose key (step 4); default true */
  loose?: boolean;
}

/** The search key of a text (steps 1–4 above; `{ loose: false }`: steps 1–3). Idempotent. */
export function foldMongolian(text: string, options: FoldOptions = {}): string {
  let s = text.replace(COMPAT_RE, (c) => c.normalize('NFKC')).normalize('NFC');
  s = s.replace(IGNORABLE_RE, '');
  s = s.replace(CONNECTOR_RE, MONGOLIAN_CONNECTOR);
  if (options.loose === false) return s;
  return s
    .replace(/\u1823/g, '\u1824')
    .replace(/\u1825/g, '\u1826')
    .replace(MEDIAL_D_RE, '\u1832')
    .replace(/\u182D/g, '\u182C');
}

/** A word: Mongolian letters, possibly joined by connectors (after folding). */
const WORD_RE = new RegExp(`[${LETTER}]+(?:\\u180E[${LETTER}]+)*`, 'g');

/**
 * Search tokens of a Mongolian text, after `foldMongolian` (same options). For each word, in
 * text order: the joined word with its connectors removed (ᠨᠣᠮ+ᠤᠨ → ᠨᠤᠮᠤᠨ, which also matches
 * text that stored the suffix with no connector) and its suffixes' vowels folded (suffixKey),
 * then the joined word as written when that differs, then — only when the word has suffixes —
 * the stem and each suffix on its own, so a stem query finds stem+suffix words. Non-Mongolian text
 * (Chinese, digits, Latin) yields no tokens: the caller tokenizes it its own way.
 */
export function mongolianTokens(text: string, options: FoldOptions = {}): string[] {
  const out: string[] = [];
  const loose = options.loose !== false;
  for (const m of foldMongolian(text, options).matchAll(WORD_RE)) {
    const raw = wordParts(m[0]);
    const parts = loose ? [raw[0]!, ...raw.slice(1).map((p) => (FOLDED_SUFFIXES.has(p) ? suffixKey(p) : p))] : raw;
    // joined, a suffix's initial ᠳ is medial: fold it as the same word typed without a connector
    const join = (ps: string[]): string => (loose ? ps.join('').replace(MEDIAL_D_RE, '\u1832') : ps.join(''));
    const words = [join(parts), join(raw)];
    const seen = new Set<string>();
    // stem and suffixes: each suffix folded and as written (a suffix typed alone is written)
    for (const w of parts.length > 1 ? [...words, ...parts, ...raw.slice(1)] : words) {
      if (!seen.has(w)) {
        seen.add(w);
        out.push(w);
      }
    }
  }
  return out;
}

/** The case suffixes (src/lib/mongolian/rewrite.ts) as the loose fold writes them. */
const FOLDED_SUFFIXES = new Set(CASE_SUFFIXES.map((x) => foldMongolian(x)));

/**
 * The loose key of a case suffix: front vowels as back ones (ᠡ→ᠠ, ᠦ→ᠤ). Legacy-font conversions write
 * back-vowel suffixes after front-vowel stems (ᠦᠢᠯᠡᠰ ᠤᠨ, ᠮᠥᠴᠢᠷ ᠲᠤ: MONGOLIAN-TERMS.md §F, 25 of 25),
 * so ᠦᠢᠯᠡᠰ ᠦᠨ and ᠦᠢᠯᠡᠰ ᠤᠨ must meet. Only known case suffixes after a connector: stems, and
 * what follows the MVS of a separated final vowel (ᠬᠡᠮᠵᠢᠶ᠎ᠡᠶᠢ), keep their vowels.
 */
function suffixKey(suffix: string): string {
  return suffix.replace(/\u1821/g, '\u1820').replace(/\u1826/g, '\u1824');
}

/** A separated final vowel (chachlag): the ᠠ of ᠪᠣᠳᠣᠯᠭ᠎ᠠ, the ᠡ of ᠨᠡᠷ᠎ᠡ. No case suffix is a lone A/E. */
const FINAL_VOWEL = new Set(['\u1820', '\u1821']);

/**
 * The stem and suffixes of a folded word. A connector before a lone ᠠ/ᠡ is the MVS of a
 * separated final vowel, part of the stem, not a suffix boundary: ᠪᠣᠳᠣᠯᠭ᠎ᠠ᠎ᠶᠢᠨ is
 * [ᠪᠣᠳᠣᠯᠭᠠ, ᠶᠢᠨ], so the query ᠪᠣᠳᠣᠯᠭ᠎ᠠ (folded ᠪᠤᠲᠤᠯᠬᠠ) meets its stem token. Splitting
 * there would index ᠪᠤᠲᠤᠯᠬ and a lone ᠠ, which no query of the word ever asks for.
 */
export function wordParts(folded: string): string[] {
  const parts: string[] = [];
  for (const p of folded.split(MONGOLIAN_CONNECTOR)) {
    if (parts.length > 0 && FINAL_VOWEL.has(p)) parts[parts.length - 1] += p;
    else parts.push(p);
  }
  return parts;
}

// ---------------------------------------------------------------------------------------------
// Lint (MONGOLIAN.md §5 checklist 2 and 3)

export type MongolianLintRule = 'no-pua' | 'no-presentation-form' | 'fvs-after-letter' | 'connector-between-letters' | 'no-zwj-zwnj';

export interface MongolianLintIssue {
  /** UTF-16 offset of the offending character in the text */
  index: number;
  codePoint: number;
  rule: MongolianLintRule;
  /** Chinese first, English in parentheses */
  message: string;
}

const MESSAGES: Record<MongolianLintRule, string> = {
  'no-pua': '私用区字符（旧蒙科立等非标准编码），须转换为标准 Unicode 蒙古文（private-use code point: convert legacy encoding to Unicode）',
  'no-presentation-form': '竖排标点兼容形式，应改用普通标点，如 ︵︶ 改为 ( )、︽︾ 改为 《 》（vertical presentation form: use the plain character）',
  'fvs-after-letter': '自由变体选择符必须紧跟在蒙古文字母之后（free variation selector must directly follow a Mongolian letter）',
  'connector-between-letters': 'U+202F/U+180E 后缀连接符前后都必须是蒙古文字母（suffix connector must sit between Mongolian letters）',
  'no-zwj-zwnj': '正文中不应使用零宽连接符/零宽不连字（no ZWJ/ZWNJ in running text）',
};

const isFvs = (cp: number): boolean => (cp >= 0x180b && cp <= 0x180d) || cp === 0x180f;

/**
 * Problems in a Mongolian text, in text order: PUA, vertical presentation forms, an FVS not
 * directly after a Mongolian letter, U+202F/U+180E not between Mongolian letters (an FVS after
 * the preceding letter is allowed), ZWJ/ZWNJ.
 */
export function lintMongolian(text: string): MongolianLintIssue[] {
  const issues: MongolianLintIssue[] = [];
  const cps: { cp: number; index: number }[] = [];
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    cps.push({ cp, index: i });
    i += cp > 0xffff ? 2 : 1;
  }
  const add = (k: number, rule: MongolianLintRule): void => {
    issues.push({ index: cps[k]!.index, codePoint: cps[k]!.cp, rule, message: MESSAGES[rule] });
  };
  for (let k = 0; k < cps.length; k++) {
    const cp = cps[k]!.cp;
    if (cp >= 0xe000 && cp <= 0xf8ff) add(k, 'no-pua');
    else if ((cp >= 0xfe10 && cp <= 0xfe19) || (cp >= 0xfe30 && cp <= 0xfe4f)) add(k, 'no-presentation-form');
    else if (isFvs(cp)) {
      if (!(k > 0 && isMongolianLetter(cps[k - 1]!.cp))) add(k, 'fvs-after-letter');
    } else if (cp === 0x202f || cp === 0x180e) {
      let b = k - 1;
      if (b >= 0 && isFvs(cps[b]!.cp)) b--;
      const before = b >= 0 && isMongolianLetter(cps[b]!.cp);
      const after = k + 1 < cps.length && isMongolianLetter(cps[k + 1]!.cp);
      if (!before || !after) add(k, 'connector-between-letters');
    } else if (cp === 0x200c || cp === 0x200d) add(k, 'no-zwj-zwnj');
  }
  return issues;
}

/** `U+202F` */
export function formatCodePoint(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}
