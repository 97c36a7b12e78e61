import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { attachCaseSuffixes, CASE_SUFFIXES, plainPunctuation, rewriteMongolian } from '../../src/lib/mongolian/rewrite.ts';
import { lintMongolian } from '../../src/lib/mongolian/fold.ts';

const S = '\u202F';

describe('plainPunctuation: vertical presentation forms → plain characters', () => {
  it('the forms government pages use: ︽︾ ︵︶ ﹇﹈ ︿﹀ and the Mongolian-page comma/ellipsis', () => {
    expect(plainPunctuation('︽ᠲᠥᠰᠥᠯ︾ ︵ᠲᠣᠰ︶ ﹇2022﹈ ︿ᠠ﹀')).toBe('《ᠲᠥᠰᠥᠯ》 (ᠲᠣᠰ) [2022] 〈ᠠ〉');
    expect(plainPunctuation('ᠠ︐ᠠ︙︰')).toBe('ᠠ,ᠠ…‥');
  });
  it('every form it rewrites becomes one character that the lint accepts; overlines (U+FE49–FE4C) are left for check to report', () => {
    for (let c = 0xfe10; c <= 0xfe4f; c++) {
      if (c > 0xfe19 && c < 0xfe30) continue;
      const ch = String.fromCharCode(c);
      const out = plainPunctuation(ch);
      // ﹅﹆ (sesame dots) have no plain form; overlines would become two characters
      if ((c >= 0xfe49 && c <= 0xfe4c) || c === 0xfe45 || c === 0xfe46) expect(out).toBe(ch);
      else {
        expect([...out], c.toString(16)).toHaveLength(1);
        expect(lintMongolian(out)).toEqual([]);
      }
    }
  });
});

describe('attachCaseSuffixes: a space before a case suffix → U+202F, only when unambiguous', () => {
  it('joins detached suffixes as the old government CMS writes them', () => {
    expect(attachCaseSuffixes('ᠥᠪᠥᠷ ᠮᠣᠩᠭᠣᠯ ᠤᠨ ᠥᠪᠡᠷᠲᠡᠭᠡᠨ ᠵᠠᠰᠠᠬᠤ ᠣᠷᠣᠨ ᠤ ᠠᠷᠠᠳ ᠤᠨ ᠵᠠᠰᠠᠭ ᠤᠨ ᠣᠷᠳᠣᠨ')).toBe(`ᠥᠪᠥᠷ ᠮᠣᠩᠭᠣᠯ${S}ᠤᠨ ᠥᠪᠡᠷᠲᠡᠭᠡᠨ ᠵᠠᠰᠠᠬᠤ ᠣᠷᠣᠨ${S}ᠤ ᠠᠷᠠᠳ${S}ᠤᠨ ᠵᠠᠰᠠᠭ${S}ᠤᠨ ᠣᠷᠳᠣᠨ`);
    expect(attachCaseSuffixes('ᠪᠣᠳᠣᠯᠭ\u180Eᠠ ᠶᠢᠨ ᠪᠢᠴᠢᠭ')).toBe(`ᠪᠣᠳᠣᠯᠭ\u180Eᠠ${S}ᠶᠢᠨ ᠪᠢᠴᠢᠭ`);
    // two suffixes in a row, a suffix with FVS, a suffix before punctuation
    expect(attachCaseSuffixes('ᠭᠠᠵᠠᠷ ᠪᠠᠷ ᠢᠶᠠᠨ᠂')).toBe(`ᠭᠠᠵᠠᠷ${S}ᠪᠠᠷ${S}ᠢᠶᠠᠨ᠂`);
    expect(attachCaseSuffixes('ᠠᠶᠢᠮᠠᠭ ᠤ᠋ᠨ')).toBe(`ᠠᠶᠢᠮᠠᠭ${S}ᠤ᠋ᠨ`);
  });
  it('leaves what is not a detached suffix: a longer word, ᠪᠠ "and", after a digit, two spaces, an existing U+202F', () => {
    for (const s of ['ᠰᠢ ᠵᠢᠨ ᠫᠢᠩ', 'ᠨᠢᠭᠡᠴᠡ ᠦ\u180Bᠳ', 'ᠵᠠᠰᠠᠭ ᠤᠯᠤᠰ', 'ᠪᠢᠴᠢᠭ ᠢᠯᠡ', 'ᠲᠠᠯ᠎ᠠ ᠪᠠ ᠲᠣᠭ᠎ᠠ', '17 ᠤ ᠡᠳᠦᠷ', 'ᠣᠨ  ᠤ', `ᠣᠨ${S}ᠤ`, '政府 ᠤᠨ', 'ᠣᠨ ᠤ\u180Eᠠ']) expect(attachCaseSuffixes(s), s).toBe(s);
  });
  it('keeps the length (the search tokenizer relies on offsets) and every suffix joins', () => {
    for (const suf of CASE_SUFFIXES) {
      const s = `ᠭᠡᠷ ${suf} ᠪᠢᠴᠢᠭ`;
      expect(attachCaseSuffixes(s)).toBe(`ᠭᠡᠷ${S}${suf} ᠪᠢᠴᠢᠭ`);
      expect(attachCaseSuffixes(s)).toHaveLength(s.length);
    }
  });
});

describe('rewriteMongolian', () => {
  const sample = ['title: "︽ᠲᠥᠰᠥᠯ︾ ᠢ ᠳᠠᠷᠤᠮᠠᠯᠯᠠᠨ ᠲᠠᠷᠬᠠᠭᠠᠬᠤ ᠲᠤᠬᠠᠢ ᠮᠡᠳᠡᠭᠳᠡᠯ"', '', '︵ᠲᠣᠰ ᠮᠠᠲ᠋ᠧᠷᠢᠶᠠᠯ ᠢ ᠢᠯᠡ ᠨᠡᠶᠢᠲᠡᠯᠡᠨᠡ︶', '中文不变 ABC'].join('\n');
  it('reports each change by line with before and after', () => {
    const r = rewriteMongolian(sample);
    expect(r.changes).toEqual([
      // after 》 the space stays: U+202F only ever sits between two Mongolian letters
      { line: 1, before: '"︽ᠲᠥᠰᠥᠯ︾', after: '"《ᠲᠥᠰᠥᠯ》' },
      { line: 3, before: '︵ᠲᠣᠰ', after: '(ᠲᠣᠰ' },
      { line: 3, before: 'ᠮᠠᠲ᠋ᠧᠷᠢᠶᠠᠯ ᠢ', after: 'ᠮᠠᠲ᠋ᠧᠷᠢᠶᠠᠯ⟨U+202F⟩ᠢ' },
      { line: 3, before: 'ᠨᠡᠶᠢᠲᠡᠯᠡᠨᠡ︶', after: 'ᠨᠡᠶᠢᠲᠡᠯᠡᠨᠡ)' },
    ]);
    expect(r.text.split('\n')[3]).toBe('中文不变 ABC');
    expect(lintMongolian(r.text)).toEqual([]);
  });
  it('is idempotent: a second run changes nothing', () => {
    const once = rewriteMongolian(sample).text;
    expect(rewriteMongolian(once)).toEqual({ text: once, changes: [] });
  });
  it('changes nothing in text without presentation forms or detached suffixes', () => {
    const clean = `ᠪᠣᠳᠣᠯᠭ\u180Eᠠ${S}ᠶᠢᠨ ᠪᠢᠴᠢᠭ\n政务公开 (2024)\n`;
    expect(rewriteMongolian(clean)).toEqual({ text: clean, changes: [] });
  });
});

const corpusFile = fileURLToPath(new URL('../../../shared/corpus/mongolian.txt', import.meta.url));
describe.skipIf(!existsSync(corpusFile))('rewriteMongolian on real text (../shared/corpus/mongolian.txt)', () => {
  it('joins its detached suffixes, adds no lint problem, and a second run changes nothing', () => {
    const text = readFileSync(corpusFile, 'utf8');
    const r = rewriteMongolian(text);
    expect(r.changes.length).toBeGreaterThan(20);
    const rules = (s: string) => lintMongolian(s).map((i) => i.rule).sort();
    expect(rules(r.text)).toEqual(rules(text));
    expect(rewriteMongolian(r.text).changes).toEqual([]);
    // only spaces became U+202F: the text is otherwise unchanged
    expect(r.text.replace(/\u202F/g, ' ')).toBe(text.replace(/\u202F/g, ' '));
  });
});
