/**
 * Mongolian search: records with language 'mn' are indexed in their own Pagefind index with
 * src/lib/mongolian/fold.ts applied on the index side and the query side, so a query matches
 * whatever free variation selectors (U+180B–180F), suffix connectors (U+202F NNBSP, U+180E MVS)
 * and ZWJ/ZWNJ the writer or the reader used. Builds a small real index (Pagefind) in a temp dir.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSearch } from '../../scripts/build-search.ts';
import { loadEngine, type Engine } from '../search/helpers.ts';
import { queryTokens, tokenizeLang } from '../../src/lib/search/tokenize.ts';
import type { SearchRecord } from '../../src/lib/search/record.ts';

// Universal Declaration of Human Rights, article 1, in Mongolian script (with MVS in ᠨᠡᠷ᠎ᠡ)
const UDHR = 'ᠬᠦᠮᠦᠨ ᠪᠦᠷ ᠲᠥᠷᠥᠵᠦ ᠮᠡᠨᠳᠡᠯᠡᠬᠦ ᠡᠷᠬᠡ ᠴᠢᠯᠥᠭᠡ ᠲᠡᠢ᠂ ᠠᠳᠠᠯᠢᠬᠠᠨ ᠨᠡᠷ᠎ᠡ ᠲᠥᠷᠥ ᠲᠡᠢ᠂ ᠢᠵᠢᠯ ᠡᠷᠬᠡ ᠲᠡᠢ ᠪᠠᠢᠠᠭ᠃';
const MONGOL_UN = 'ᠮᠣᠩᠭᠣᠯ\u202Fᠤᠨ'; // "of Mongolia": stem + NNBSP + genitive suffix
const rec = (id: string, title: string, body: string, language: 'mn' | 'zh' = 'mn'): SearchRecord => ({
  path: `${language === 'mn' ? 'mn/' : ''}policies/${id}/`,
  language,
  title,
  body,
  filters: { kind: ['政策文件'] },
});

describe('Mongolian tokens (shared by index and query)', () => {
  it('fold FVS, ZWJ/ZWNJ and unify NNBSP/MVS; index keeps joined word, stem and suffix', () => {
    expect(tokenizeLang(MONGOL_UN, 'index', 'mn').map((t) => t.text)).toEqual(['ᠮᠣᠩᠬᠣᠯᠤᠨ'.replace(/ᠣ/g, 'ᠤ'), 'ᠮᠤᠩᠬᠤᠯ', 'ᠤᠨ']);
    const plain = queryTokens('ᠮᠣᠩᠭᠣᠯ\u180Eᠤᠨ', 'mn').map((t) => t.text);
    expect(queryTokens('ᠮᠣ\u180Bᠩᠭ\u180Cᠣᠯ\u202Fᠤᠨ', 'mn').map((t) => t.text)).toEqual(plain);
    expect(queryTokens('ᠮᠣᠩ\u200Dᠭᠣᠯ\u200C\u202Fᠤᠨ', 'mn').map((t) => t.text)).toEqual(plain);
  });
  it('Chinese inside Mongolian text is still tokenized as bigrams', () => {
    expect(tokenizeLang('ᠬᠦᠮᠦᠨ 内蒙古', 'index', 'mn').map((t) => t.text).slice(1)).toEqual(['内蒙', '蒙古', '古']);
  });
});

describe('Mongolian index and engine', () => {
  let out: string;
  let engine: Engine;
  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'search-mn-'));
    await buildSearch({
      out,
      records: [
        rec('udhr', 'ᠬᠦᠮᠦᠨ ᠦ ᠡᠷᠬᠡ', UDHR),
        rec('mongol', `${MONGOL_UN} ᠬᠠᠤᠯᠢ`, `${MONGOL_UN} ᠵᠠᠰᠠᠭ ᠤᠨ ᠭᠠᠵᠠᠷ ᠤᠨ ᠬᠠᠤᠯᠢ ᠴᠠᠭᠠᠵᠠ`),
        rec('other', 'ᠰᠤᠷᠭᠠᠭᠤᠯᠢ', 'ᠰᠤᠷᠭᠠᠭᠤᠯᠢ ᠶᠢᠨ ᠳᠦᠷᠢᠮ'),
        // legacy-font conversion: back-vowel suffixes after front-vowel stems (MONGOLIAN-TERMS.md §F)
        rec('legacy', 'ᠠᠵᠢᠯ', 'ᠠᠵᠢᠯ ᠦᠢᠯᠡᠰ ᠤᠨ ᠨᠢᠭᠡᠴᠡ᠂ ᠬᠤᠯᠪᠣᠭᠳᠠᠯ ᠪᠥᠬᠦᠶ ᠰᠠᠯᠠᠭᠠ ᠮᠥᠴᠢᠷ ᠲᠤ'),
        // "policy documents": a separated final vowel (MVS) followed by a suffix (NNBSP)
        rec('policy', 'ᠪᠣᠳᠣᠯᠭ\u180Eᠠ\u202Fᠶᠢᠨ ᠪᠢᠴᠢᠭ ᠮᠠᠲ᠋ᠧᠷᠢᠶᠠᠯ', 'ᠲᠥᠷᠥ\u202Fᠶᠢᠨ ᠪᠣᠳᠣᠯᠭ\u180Eᠠ\u202Fᠶᠢ ᠬᠡᠷᠡᠭᠵᠢᠭᠦᠯᠬᠦ ᠪᠣᠳᠣᠯᠭ\u180Eᠠ ᠶᠢᠨ'),
        rec('zh', '内蒙古自治区人民政府', '内蒙古自治区人民政府办公厅', 'zh'),
      ],
    });
    engine = await loadEngine(out);
    await engine.options({ language: 'mn' });
  }, 120_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  const urls = async (q: string) => (await engine.search(q)).results.map((r) => r.url);
  it('finds a word with FVS, ZWJ/ZWNJ or none', async () => {
    expect(await urls('ᠬᠦᠮᠦᠨ')).toContain('/mn/policies/udhr/');
    expect(await urls('ᠬ\u180Bᠦᠮᠦ\u180Cᠨ')).toContain('/mn/policies/udhr/');
    expect(await urls('ᠬᠦ\u200Dᠮᠦᠨ')).toContain('/mn/policies/udhr/');
  });
  it('a suffix written with NNBSP, MVS or nothing finds the same document', async () => {
    for (const q of [MONGOL_UN, 'ᠮᠣᠩᠭᠣᠯ\u180Eᠤᠨ', 'ᠮᠣᠩᠭᠣᠯᠤᠨ', 'ᠮᠣᠩᠭ\u180Bᠣᠯ\u202F\u180Bᠤᠨ']) expect(await urls(q), q).toEqual(['/mn/policies/mongol/']);
    // the stem alone finds the suffixed word
    expect(await urls('ᠮᠣᠩᠭᠣᠯ')).toEqual(['/mn/policies/mongol/']);
    // MVS before a final vowel: ᠨᠡᠷ᠎ᠡ typed with NNBSP or without the separator
    expect(await urls('ᠨᠡᠷ\u202Fᠡ')).toContain('/mn/policies/udhr/');
    expect(await urls('ᠨᠡᠷᠡ')).toContain('/mn/policies/udhr/');
  });
  it('a word with a separated final vowel (MVS) is found whether a suffix follows or not', async () => {
    // the record has ᠪᠣᠳᠣᠯᠭ᠎ᠠ only with suffixes: after U+202F, and after a plain space (old CMS)
    for (const q of ['ᠪᠣᠳᠣᠯᠭ\u180Eᠠ', 'ᠪᠣᠳᠣᠯᠭᠠ', 'ᠪᠣᠳᠣᠯᠭ\u202Fᠠ', 'ᠪᠣᠳᠣᠯᠭ\u180Eᠠ\u202Fᠶᠢᠨ', 'ᠪᠣᠳᠣᠯᠭᠠᠶᠢᠨ', 'ᠪᠣᠳᠣᠯᠭ\u180Eᠠ ᠶᠢᠨ', 'ᠪᠣᠳᠣᠯᠭᠠᠶᠢ']) expect(await urls(q), q).toEqual(['/mn/policies/policy/']);
  });
  it('front- and back-vowel spellings of a suffix meet (ᠦᠢᠯᠡᠰ ᠦᠨ ≡ ᠦᠢᠯᠡᠰ ᠤᠨ as legacy conversions write it)', async () => {
    for (const q of ['ᠦᠢᠯᠡᠰ\u202Fᠦᠨ', 'ᠦᠢᠯᠡᠰ ᠦᠨ', 'ᠦᠢᠯᠡᠰ ᠤᠨ', 'ᠮᠥᠴᠢᠷ\u202Fᠲᠦ', 'ᠮᠥᠴᠢᠷ ᠲᠤ']) expect(await urls(q), q).toEqual(['/mn/policies/legacy/']);
  });
  it('a suffix detached by a plain space (old government CMS) matches the same word with U+202F or none', async () => {
    for (const q of ['ᠵᠠᠰᠠᠭ\u202Fᠤᠨ', 'ᠵᠠᠰᠠᠭᠤᠨ', 'ᠭᠠᠵᠠᠷ\u202Fᠤᠨ']) expect(await urls(q), q).toEqual(['/mn/policies/mongol/']);
  });
  it('O/U spelling variants match (fold loose key) and results carry marked excerpts', async () => {
    const r = await engine.search('ᠮᠤᠩᠭᠤᠯ');
    expect(r.results.map((x) => x.url)).toEqual(['/mn/policies/mongol/']);
    expect(r.results[0]!.excerpt).toContain('<mark>');
  });
  it('the Mongolian index is separate from the Chinese one', async () => {
    expect(await urls('内蒙古')).toEqual([]);
    await engine.options({ language: 'zh' });
    expect(await urls('内蒙古')).toEqual(['/policies/zh/']);
    expect(await urls('ᠬᠦᠮᠦᠨ')).toEqual([]);
    await engine.options({ language: 'mn' });
  });
});
