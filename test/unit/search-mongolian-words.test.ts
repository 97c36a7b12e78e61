/**
 * Property test (issue #17 item 1): every Mongolian word of every Mongolian search record built
 * from the sample content, typed alone, finds that record's page — as written, with its suffix
 * connector swapped (U+202F ↔ U+180E) or left out, with FVS removed or added, with the MVS of a
 * separated final vowel typed or not, and its stem alone. The Mongolian counterpart of "every Han
 * substring" for Chinese. Runs the real index writer and the engine on a small index.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSearch } from '../../scripts/build-search.ts';
import { loadEngine, type Engine } from '../search/helpers.ts';
import { loadSearchRecords } from '../../src/content/records.ts';
import type { SearchRecord } from '../../src/lib/search/record.ts';
import { queryTokens } from '../../src/lib/search/tokenize.ts';

const LETTER = '\\u1820-\\u1878\\u1880-\\u18AA';
const FVS = '\\u180B-\\u180D\\u180F';
/** A written word: letters, FVS, MVS, and U+202F between letters (a suffix connector). */
const WORD = new RegExp(`[${LETTER}][${LETTER}${FVS}\\u180E]*(?:\\u202F[${LETTER}][${LETTER}${FVS}\\u180E]*)*`, 'g');
const CONNECTOR = new RegExp(`(?<=[${LETTER}][${FVS}]?)[\\u202F\\u180E](?=[${LETTER}])`, 'g');

/** The ways a reader may type `w`. */
export function variants(w: string): string[] {
  const out = new Set([w]);
  out.add(w.replace(CONNECTOR, (c) => (c === '\u202F' ? '\u180E' : '\u202F')));
  out.add(w.replace(CONNECTOR, ''));
  out.add(w.replace(/\u202F/g, ''));
  out.add(w.replace(/\u180E/g, ''));
  out.add(w.replace(new RegExp(`[${FVS}]`, 'g'), ''));
  out.add(w.replace(new RegExp(`([\\u1820-\\u1842])(?![${FVS}])`), '$1\u180B'));
  out.add(w.split('\u202F')[0]!);
  return [...out];
}

/** Case suffixes that old-CMS pages detach with a plain space (MONGOLIAN-TERMS.md §F). */
const DETACHED = new RegExp(`(${WORD.source}) ((?:ᠤᠨ|ᠦᠨ|ᠶᠢᠨ|ᠤ|ᠦ|ᠢ|ᠶᠢ|ᠳᠤ|ᠲᠤ|ᠳᠦ|ᠲᠦ|ᠠᠴᠠ|ᠡᠴᠡ|ᠪᠠᠷ|ᠪᠡᠷ|ᠢᠶᠠᠷ|ᠢᠶᠡᠷ)(?![${LETTER}]))`, 'g');

/** Its words, and each word written with a space before a suffix also as the reader may type it: joined by U+202F. */
function wordsOf(r: SearchRecord): string[] {
  const text = [r.title, r.docNumber ?? '', r.body].join('\n');
  const joined = [...text.matchAll(DETACHED)].map((m) => `${m[1]}\u202F${m[2]}`);
  return [...new Set([...(text.match(WORD) ?? []), ...joined])];
}

/** The pages each word and variant of `records` must find that the engine does not return (at most 20). */
async function misses(engine: Engine, records: SearchRecord[]): Promise<string[]> {
  // query → the pages it must find (a word shared by several pages is asked once)
  const wanted = new Map<string, Set<string>>();
  for (const r of records) {
    for (const w of wordsOf(r)) for (const q of variants(w)) wanted.set(q, (wanted.get(q) ?? new Set()).add('/' + r.path));
  }
  expect(wanted.size).toBeGreaterThan(300);
  // queries the engine tokenizes alike get the same answer: ask once per distinct token list
  const asked = new Map<string, Set<string>>();
  const out: string[] = [];
  for (const [q, urls] of wanted) {
    const key = queryTokens(q, 'mn').map((t) => t.text).join(' ');
    let found = asked.get(key);
    if (!found) asked.set(key, (found = new Set((await engine.search(q, { limit: 100 })).results.map((x) => x.url))));
    for (const url of urls) if (!found.has(url)) out.push(`${url} ${JSON.stringify(q)}`);
  }
  return out.slice(0, 20);
}

describe('every Mongolian word of the sample content finds its page', () => {
  let out: string;
  let engine: Engine;
  let records: SearchRecord[];
  beforeAll(async () => {
    records = (await loadSearchRecords()).filter((r) => r.language === 'mn');
    out = mkdtempSync(join(tmpdir(), 'search-mn-words-'));
    await buildSearch({ out, records, engine: true });
    engine = await loadEngine(out);
    await engine.options({ language: 'mn' });
  }, 120_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('the sample has Mongolian records with MVS and NNBSP words (FVS is added by the variants)', () => {
    expect(records.length).toBeGreaterThanOrEqual(3);
    const all = records.flatMap(wordsOf).join(' ');
    for (const c of ['\u180E', '\u202F']) expect(all).toContain(c);
    expect(all).toContain('ᠪᠣᠳᠣᠯᠭ\u180Eᠠ');
  });

  it('ᠪᠣᠳᠣᠯᠭ᠎ᠠ ("policy", with MVS) finds the pages that contain it', async () => {
    const urls = (await engine.search('ᠪᠣᠳᠣᠯᠭ\u180Eᠠ')).results.map((r) => r.url);
    expect(urls.length).toBeGreaterThan(0);
    expect((await engine.search('ᠪᠣᠳᠣᠯᠭᠠ')).results.map((r) => r.url)).toEqual(urls);
  });

  it('each word and each of its typed variants', async () => {
    expect(await misses(engine, records)).toEqual([]);
  }, 300_000);
});

// Real government and newspaper Mongolian text (../shared/corpus/mongolian.txt, with its FVS, MVS,
// NNBSP, detached suffixes and presentation forms as published), 20 lines per page.
const corpusFile = fileURLToPath(new URL('../../../shared/corpus/mongolian.txt', import.meta.url));
describe.skipIf(!existsSync(corpusFile))('every word of real Mongolian text finds its page (../shared/corpus/mongolian.txt)', () => {
  let out: string;
  let engine: Engine;
  let records: SearchRecord[];
  beforeAll(async () => {
    const lines = readFileSync(corpusFile, 'utf8').split('\n').filter((l) => /[\u1820-\u18AA]/.test(l));
    records = [];
    for (let i = 0; i < lines.length; i += 20) records.push({ path: `mn/corpus/${i / 20}/`, language: 'mn', title: `corpus ${i / 20}`, body: lines.slice(i, i + 20).join('\n'), filters: { kind: ['政策文件'] } });
    out = mkdtempSync(join(tmpdir(), 'search-mn-corpus-'));
    await buildSearch({ out, records, engine: true });
    engine = await loadEngine(out);
    await engine.options({ language: 'mn' });
  }, 120_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('each word and each of its typed variants', async () => {
    expect(records.length).toBeGreaterThan(5);
    expect(await misses(engine, records)).toEqual([]);
  }, 300_000);
});
