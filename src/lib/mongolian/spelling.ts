/**
 * Spelling checks for traditional Mongolian text (issue #17): known Khalkha Cyrillic
 * transliterations and doubled vowel letters. Pure; the forms come from src/i18n/mn-terms.ts
 * and mn-corrections.ts. Text is compared without FVS and MVS, with U+202F read as a space, so
 * a form matches however its suffixes and variants were typed.
 */

const LETTER = '\\u1820-\\u18AA';
const WORD_RE = new RegExp(`[${LETTER}]+`, 'g');

/** The comparison key of a text: FVS and MVS removed, U+202F → space. */
export function spellingKey(text: string): string {
  return text.replace(/[\u180B-\u180D\u180F\u180E]/g, '').replace(/\u202F/g, ' ');
}

export interface ForbiddenForm {
  form: string;
  /** 'prefix': any word starting with the form; otherwise whole words (a phrase: words separated by spaces) */
  match: 'word' | 'prefix' | 'phrase';
}

export interface SpellingProblem {
  /** the word or phrase found, in comparison-key form */
  found: string;
  rule: 'khalkha' | 'doubled-vowel';
  /** the forbidden form (khalkha) */
  form?: string;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Forbidden forms found in a text, in text order. */
export function findForbidden(text: string, forms: readonly ForbiddenForm[]): SpellingProblem[] {
  const key = spellingKey(text);
  const out: { at: number; p: SpellingProblem }[] = [];
  for (const f of forms) {
    const form = spellingKey(f.form).split(/ +/).map(escape).join(' +');
    const tail = f.match === 'prefix' ? '' : `(?![${LETTER}])`;
    for (const m of key.matchAll(new RegExp(`(?<![${LETTER}])${form}${tail}`, 'g'))) out.push({ at: m.index, p: { found: m[0], rule: 'khalkha', form: f.form } });
  }
  return out.sort((a, b) => a.at - b.at).map((x) => x.p);
}

/**
 * Words with the same vowel letter twice in a row (ᠠᠠ, ᠡᠡ, ᠢᠢ, ᠣᠣ, ᠤᠤ, ᠥᠥ, ᠦᠦ): Khalkha long
 * vowels transliterated letter by letter. Inner Mongolian spelling writes them with ᠭ/ᠶ; the few
 * real ones are `allowed` stems.
 */
export function findDoubledVowels(text: string, allowed: readonly string[]): SpellingProblem[] {
  const out: SpellingProblem[] = [];
  for (const m of spellingKey(text).matchAll(WORD_RE)) {
    if (!/([\u1820-\u1826])\1/.test(m[0])) continue;
    if (allowed.some((stem) => m[0].startsWith(stem))) continue;
    out.push({ found: m[0], rule: 'doubled-vowel' });
  }
  return out;
}
