import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { foldMongolian, formatCodePoint, lintMongolian, mongolianTokens, MONGOLIAN_CONNECTOR } from '../../src/lib/mongolian/fold.ts';

const NNBSP = '\u202F';
const MVS = '\u180E';
const FVS1 = '\u180B';
const same = (a: string, b: string): void => expect(foldMongolian(a)).toBe(foldMongolian(b));

describe('foldMongolian: MONGOLIAN.md checklist 18', () => {
  it('medial T/D spellings fold equal: ᠪᠣᠬᠢᠷᠲᠤᠯᠢ ≡ ᠪᠣᠬᠢᠷᠳᠤᠯᠢ', () => {
    same('ᠪᠣᠬᠢᠷᠲᠤᠯᠢ', 'ᠪᠣᠬᠢᠷᠳᠤᠯᠢ');
  });
  it('a redundant FVS1 is ignored: ᠬᠠᠮᠠᠭ᠋ᠠᠯᠠᠬᠤ ≡ ᠬᠠᠮᠠᠭᠠᠯᠠᠬᠤ', () => {
    expect('ᠬᠠᠮᠠᠭ᠋ᠠᠯᠠᠬᠤ').toContain(FVS1);
    same('ᠬᠠᠮᠠᠭ᠋ᠠᠯᠠᠬᠤ', 'ᠬᠠᠮᠠᠭᠠᠯᠠᠬᠤ');
  });
  it('NNBSP suffix ≡ MVS suffix', () => {
    same(`ᠨᠣᠮ${NNBSP}ᠤᠨ`, `ᠨᠣᠮ${MVS}ᠤᠨ`);
    same(`ᠮᠣᠩᠭᠣᠯ${NNBSP}ᠤᠨ ᠪᠢᠴᠢᠭ`, `ᠮᠣᠩᠭᠣᠯ${MVS}ᠤᠨ ᠪᠢᠴᠢᠭ`);
    expect(foldMongolian(`ᠨᠣᠮ${NNBSP}ᠤᠨ`, { loose: false })).toBe(`ᠨᠣᠮ${MONGOLIAN_CONNECTOR}ᠤᠨ`);
  });
  it('vertical presentation forms fold to the plain characters: ︵x︶ ≡ (x)', () => {
    same('︵ᠨᠣᠮ︶', '(ᠨᠣᠮ)');
    same('﹇ᠨᠣᠮ﹈', '[ᠨᠣᠮ]');
    same('︽ᠨᠣᠮ︾', '《ᠨᠣᠮ》');
    same('（ᠨᠣᠮ）', '(ᠨᠣᠮ)');
    expect(foldMongolian('︵x︶')).toBe('(x)');
  });
  it('querying a stem finds stem+suffix words', () => {
    const indexed = new Set(mongolianTokens(`ᠮᠣᠩᠭᠣᠯ${NNBSP}ᠤᠨ ᠥᠪᠡᠷᠲᠡᠭᠡᠨ ᠵᠠᠰᠠᠬᠤ ᠣᠷᠣᠨ${MVS}ᠤ ᠠᠷᠠᠳ`));
    for (const q of ['ᠮᠣᠩᠭᠣᠯ', 'ᠣᠷᠣᠨ', 'ᠤᠷᠤᠨ']) {
      const [token] = mongolianTokens(q);
      expect(indexed.has(token!), q).toBe(true);
    }
    // the joined word matches whatever connector (or none) the query used
    for (const q of [`ᠮᠣᠩᠭᠣᠯ${MVS}ᠤᠨ`, `ᠮᠣᠩᠭᠣᠯ${NNBSP}ᠤᠨ`, 'ᠮᠣᠩᠭᠣᠯᠤᠨ']) {
      expect(indexed.has(mongolianTokens(q)[0]!), q).toBe(true);
    }
  });
});

describe('foldMongolian: details', () => {
  it('deletes FVS1–4, ZWJ/ZWNJ, nirugu and CGJ', () => {
    expect(foldMongolian('ᠠ\u180B\u180C\u180D\u180F\u200C\u200D\u180A\u034Fᠠ', { loose: false })).toBe('ᠠᠠ');
  });
  it('folds O→U, OE→UE, GA→QA, medial/final D→T but keeps initial D', () => {
    expect(foldMongolian('ᠣᠥᠭ')).toBe('ᠤᠦᠬ');
    expect(foldMongolian('ᠠᠳ')).toBe('ᠠᠲ');
    expect(foldMongolian('ᠳᠠ')).toBe('ᠳᠠ');
    expect(foldMongolian('ᠳᠠ')).not.toBe(foldMongolian('ᠲᠠ'));
    // a suffix after a connector starts a new written form: its initial D stays
    expect(foldMongolian(`ᠭᠡᠷ${NNBSP}ᠳᠦ`)).toBe(`ᠬᠡᠷ${MVS}ᠳᠦ`);
  });
  it('leaves connectors that are not between Mongolian letters, and non-Mongolian text', () => {
    expect(foldMongolian(`1${NNBSP}000`)).toBe(`1${NNBSP}000`);
    expect(foldMongolian(`ᠨᠣᠮ ${NNBSP}ᠤᠨ`)).toBe(`ᠨᠤᠮ ${NNBSP}ᠤᠨ`);
    expect(foldMongolian('政务公开 ABC')).toBe('政务公开 ABC');
  });
  it('is idempotent', () => {
    for (const s of [`ᠨᠣᠮ${NNBSP}${NNBSP}ᠤᠨ`, '︵ᠳᠣᠭ᠋ᠠ︶', `ᠬᠠᠮᠠᠭ᠋ ᠤᠨ`, 'ᠨᠡᠷ᠎ᠡ']) {
      expect(foldMongolian(foldMongolian(s))).toBe(foldMongolian(s));
    }
  });
  it('tokens: joined word first, then stem and suffixes; other scripts give none', () => {
    expect(mongolianTokens(`ᠨᠣᠮ${NNBSP}ᠤᠨ 政务 ᠨᠣᠮ`)).toEqual(['ᠨᠤᠮᠤᠨ', 'ᠨᠤᠮ', 'ᠤᠨ', 'ᠨᠤᠮ']);
    expect(mongolianTokens(`ᠨᠣᠮ${NNBSP}ᠤᠨ`, { loose: false })).toEqual(['ᠨᠣᠮᠤᠨ', 'ᠨᠣᠮ', 'ᠤᠨ']);
    expect(mongolianTokens('2020 ᠣᠨ᠂ ᠵᠢᠯ᠃')).toEqual(['ᠤᠨ', 'ᠵᠢᠯ']);
  });
  it('the joined word folds medial D the same with or without the connector: ᠭᠡᠷ ᠳᠦ ≡ ᠭᠡᠷᠳᠦ', () => {
    // the query's token (its first) is one of the indexed tokens
    expect(mongolianTokens(`ᠭᠡᠷ${NNBSP}ᠳᠦ`)).toContain(mongolianTokens('ᠭᠡᠷᠳᠦ')[0]);
    expect(mongolianTokens(`ᠲᠠᠯ${MVS}ᠠ${NNBSP}ᠳᠤ`)).toContain(mongolianTokens('ᠲᠠᠯᠠᠳᠤ')[0]);
    // the suffix on its own keeps its initial D
    expect(mongolianTokens(`ᠭᠡᠷ${NNBSP}ᠳᠦ`)).toContain('ᠳᠤ');
  });
  it('suffix vowels fold front to back (legacy conversions write ᠦᠢᠯᠡᠰ ᠤᠨ for ᠦᠢᠯᠡᠰ ᠦᠨ); the index also keeps the word as written', () => {
    for (const [a, b] of [[`ᠦᠢᠯᠡᠰ${NNBSP}ᠤᠨ`, `ᠦᠢᠯᠡᠰ${NNBSP}ᠦᠨ`], [`ᠮᠥᠴᠢᠷ${MVS}ᠲᠤ`, `ᠮᠥᠴᠢᠷ${NNBSP}ᠲᠦ`], [`ᠦᠭᠡᠢ${NNBSP}ᠪᠠᠷ`, `ᠦᠭᠡᠢ${NNBSP}ᠪᠡᠷ`]]) {
      expect(mongolianTokens(a!)[0], a).toBe(mongolianTokens(b!)[0]);
    }
    // typed without a connector, a front suffix is the word as written: the index holds that too
    expect(mongolianTokens(`ᠦᠢᠯᠡᠰ${NNBSP}ᠦᠨ`)).toContain(mongolianTokens('ᠦᠢᠯᠡᠰᠦᠨ')[0]);
    // stems keep their vowels
    expect(mongolianTokens('ᠡᠷᠬᠡ')).toEqual(['ᠡᠷᠬᠡ']);
  });
  it('a separated final vowel stays in its stem: ᠪᠣᠳᠣᠯᠭ᠎ᠠ (MVS) + ᠶᠢᠨ gives the stem ᠪᠣᠳᠣᠯᠭᠠ, not ᠪᠣᠳᠣᠯᠭ and ᠠ', () => {
    const opts = { loose: false };
    expect(mongolianTokens(`ᠪᠣᠳᠣᠯᠭ${MVS}ᠠ${NNBSP}ᠶᠢᠨ`, opts)).toEqual(['ᠪᠣᠳᠣᠯᠭᠠᠶᠢᠨ', 'ᠪᠣᠳᠣᠯᠭᠠ', 'ᠶᠢᠨ']);
    expect(mongolianTokens(`ᠪᠣᠳᠣᠯᠭ${MVS}ᠠ`, opts)).toEqual(['ᠪᠣᠳᠣᠯᠭᠠ']);
    expect(mongolianTokens(`ᠨᠡᠷ${NNBSP}ᠡ`, opts)).toEqual(['ᠨᠡᠷᠡ']);
    // the query's only token (the joined word) is one of the indexed tokens
    const indexed = mongolianTokens(`ᠪᠣᠳᠣᠯᠭ${MVS}ᠠ${NNBSP}ᠶᠢᠨ`);
    expect(indexed).toContain(mongolianTokens(`ᠪᠣᠳᠣᠯᠭ${MVS}ᠠ`)[0]);
    // a suffix that starts with A/E is still a suffix: ᠭᠠᠵᠠᠷ᠎ᠠᠴᠠ (ablative)
    expect(mongolianTokens(`ᠭᠠᠵᠠᠷ${MVS}ᠠᠴᠠ`, opts)).toEqual(['ᠭᠠᠵᠠᠷᠠᠴᠠ', 'ᠭᠠᠵᠠᠷ', 'ᠠᠴᠠ']);
  });
});

describe('lintMongolian: MONGOLIAN.md checklist 2 and 3', () => {
  it('accepts well-formed text', () => {
    expect(lintMongolian(`ᠮᠣᠩᠭᠣᠯ${NNBSP}ᠤᠨ ᠬᠠᠮᠠᠭ᠋ᠠ ᠨᠡᠷ᠎ᠡ ᠤ᠋ᠨ (2020) 政务公开`)).toEqual([]);
    expect(lintMongolian(`ᠬᠠᠮᠠᠭ᠋${NNBSP}ᠤᠨ`)).toEqual([]);
  });
  it('reports each rule with index and code point', () => {
    const r = (s: string) => lintMongolian(s).map((i) => [i.index, formatCodePoint(i.codePoint), i.rule]);
    expect(r('ᠠ\uE234ᠠ')).toEqual([[1, 'U+E234', 'no-pua']]);
    expect(r('︵ᠠ︶')).toEqual([[0, 'U+FE35', 'no-presentation-form'], [2, 'U+FE36', 'no-presentation-form']]);
    expect(r(`ᠠ ${FVS1}ᠠ`)).toEqual([[2, 'U+180B', 'fvs-after-letter']]);
    expect(r(`ᠠ${FVS1}${FVS1}`)).toEqual([[2, 'U+180B', 'fvs-after-letter']]);
    expect(r(`ᠠ ${NNBSP}ᠤᠨ`)).toEqual([[2, 'U+202F', 'connector-between-letters']]);
    expect(r(`ᠨᠡᠷ${MVS}`)).toEqual([[3, 'U+180E', 'connector-between-letters']]);
    expect(r(`1${NNBSP}000`)).toEqual([[1, 'U+202F', 'connector-between-letters']]);
    expect(r('ᠠ\u200Dᠠ\u200C')).toEqual([[1, 'U+200D', 'no-zwj-zwnj'], [3, 'U+200C', 'no-zwj-zwnj']]);
    expect(lintMongolian('\uE000')[0]!.message).toMatch(/私用区.*private-use/);
  });
});

const corpusFile = fileURLToPath(new URL('../../../shared/corpus/mongolian.txt', import.meta.url));
const hasCorpus = existsSync(corpusFile);

describe.skipIf(!hasCorpus)('foldMongolian on real text (../shared/corpus/mongolian.txt)', () => {
  const lines = hasCorpus ? readFileSync(corpusFile, 'utf8').split('\n').filter((l) => l.trim()) : [];
  const words = [...new Set(lines.flatMap((l) => l.split(/[ \u1802\u1803]+/)).filter((w) => /[\u1820-\u18AA]/.test(w)))];

  it('has real text with FVS, MVS and NNBSP', () => {
    const text = lines.join('\n');
    expect(lines.length).toBeGreaterThan(50);
    for (const c of [FVS1, MVS, NNBSP]) expect(text).toContain(c);
  });
  it('every line folds idempotently (loose and exact)', () => {
    for (const line of lines) {
      expect(foldMongolian(foldMongolian(line))).toBe(foldMongolian(line));
      const exact = foldMongolian(line, { loose: false });
      expect(foldMongolian(exact, { loose: false })).toBe(exact);
    }
  });
  it('FVS, MVS and NNBSP variants of its words fold equal', () => {
    let variants = 0;
    for (const w of words) {
      const key = foldMongolian(w);
      const noFvs = w.replace(/[\u180B-\u180D\u180F]/g, '');
      // only connectors between letters are suffix connectors (a stray one is a lint error, kept as is)
      const between = /(?<=[\u1820-\u18AA][\u180B-\u180D\u180F]?)[\u202F\u180E](?=[\u1820-\u18AA])/g;
      const swapped = w.replace(between, (c) => (c === NNBSP ? MVS : NNBSP));
      const allNnbsp = w.replace(between, NNBSP);
      const extraFvs = w.replace(/([\u1820-\u1842])(?![\u180B-\u180D\u180F])/g, `$1${FVS1}`);
      const withZwj = w.replace(/([\u1820-\u1842])(?=[\u1820-\u1842])/, '$1\u200D');
      for (const v of [noFvs, swapped, allNnbsp, extraFvs, withZwj]) {
        if (v !== w) variants++;
        expect(foldMongolian(v), JSON.stringify(w)).toBe(key);
      }
    }
    expect(variants).toBeGreaterThan(100);
  });
  it('word tokens of a line include the stems of its suffixed words', () => {
    for (const line of lines) {
      const tokens = new Set(mongolianTokens(line));
      for (const m of foldMongolian(line).matchAll(/[\u1820-\u18AA]+(?=\u180E[\u1820-\u18AA])/g)) {
        // a stem directly before a suffix connector is a token on its own; before the MVS of a
        // separated final vowel, the stem with that vowel is
        const folded = foldMongolian(line);
        if (/^[\u1820\u1821]$/.test(m[0]) && folded[m.index - 1] === MVS) continue; // a final vowel, in its stem
        const vowel = /^\u180E([\u1820\u1821])(?![\u1820-\u18AA])/.exec(folded.slice(m.index + m[0].length));
        const part = vowel ? m[0] + vowel[1] : m[0];
        // a case suffix followed by another is indexed with its vowels folded (ᠪᠡᠨ → ᠪᠠᠨ)
        expect(tokens.has(part) || tokens.has(part.replace(/\u1821/g, '\u1820').replace(/\u1826/g, '\u1824')), m[0]).toBe(true);
      }
    }
  });
});
