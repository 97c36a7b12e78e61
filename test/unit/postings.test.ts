/**
 * The posting files the engine reads itself (src/lib/search/postings.ts): encoding, the
 * two-level directory lookup, Pagefind-compatible scoring and filters, and a built index read
 * back: every indexed word of every record is found at its position, across parts, tiny
 * chunks and several directory groups.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { cleanTerm, cmpWords, decodePostings, encodePostings, filterPages, groupsFor, indexWord, lengthCode, lengthOf, scoreTerm, spanMayHold } from '../../src/lib/search/postings.ts';
import { tokenizeLang } from '../../src/lib/search/tokenize.ts';
import { FILLER, indexContent } from '../../src/lib/search/layout.ts';
import { buildSearch } from '../../scripts/build-search.ts';
import { bundleDir, installFileFetch } from '../search/helpers.ts';
import { openIndex, type SiteIndex } from '../../src/search/site-index.ts';
import type { SearchRecord } from '../../src/lib/search/record.ts';

describe('posting encoding', () => {
  it('round-trips pages, lengths (to ~6 %) and positions, sorting positions', () => {
    const pages = [
      { page: 0, length: 12, positions: [3] },
      { page: 5, length: 5000, positions: [2750, 130, 1413] },
      { page: 900, length: 123_456, positions: [0, 127, 128] },
    ];
    const back = decodePostings(encodePostings(pages));
    expect(back.map((p) => p.page)).toEqual([0, 5, 900]);
    expect(back[1]!.positions).toEqual([130, 1413, 2750]);
    expect(back[2]!.positions).toEqual([0, 127, 128]);
    for (const [i, p] of pages.entries()) expect(Math.abs(back[i]!.length - p.length) / p.length).toBeLessThan(0.07);
  });
  it('a thinned word keeps its title positions, its first body positions and its true count', () => {
    const flat = encodePostings([{ page: 2, length: 900, positions: [700, 5, 300, 130, 131] }], { cap: 2, titleSlot: 128 });
    const back = decodePostings(flat);
    expect(back.cap).toBe(2);
    expect(back[0]).toMatchObject({ page: 2, tf: 5, positions: [5, 130, 131] });
    // the count, not the kept positions, feeds BM25
    const full = scoreTerm('机构', [{ word: '机构', postings: decodePostings(encodePostings([{ page: 2, length: 900, positions: [700, 5, 300, 130, 131] }])) }], 50, 900);
    const thin = scoreTerm('机构', [{ word: '机构', postings: back }], 50, 900);
    expect(thin[0]!.score).toBeCloseTo(full[0]!.score, 6);
    expect(thin[0]!.partial).toBe(true);
    expect(full[0]!.partial).toBeUndefined();
  });
  it('cleans a query term as the indexer keys words: lower case, marks removed', () => {
    expect(cleanTerm('Café')).toBe('cafe');
    expect(cleanTerm('ᠠ\u1885ᠠ')).toBe('ᠠᠠ');
    expect(cleanTerm('政府信息')).toBe('政府信息');
  });
  it('the writer keys every token as a query looks it up (indexWord = cleanTerm)', () => {
    const text = '政府信息公开 Café ÉCOLE 2016年 ＡＢＣ ΣΊΣΥΦΟΣ ᠮᠣᠩᠭᠣᠯ\u202Fᠤᠨ ᠠ\u1885ᠠ 〇 𠀀𠀁';
    for (const lang of ['zh', 'mn']) {
      for (const t of tokenizeLang(text, 'index', lang)) expect(indexWord(t.text), t.text).toBe(cleanTerm(t.text));
    }
  });
  it('length codes are small and monotonic', () => {
    let prev = -1;
    for (const n of [0, 1, 31, 32, 33, 100, 1000, 5000, 1e5, 1e6]) {
      const c = lengthCode(n);
      expect(c).toBeGreaterThanOrEqual(prev);
      expect(c).toBeLessThan(400);
      prev = c;
      expect(Math.abs(lengthOf(c) - n)).toBeLessThanOrEqual(Math.max(0.07 * n, 0));
    }
  });
  it('orders words by code point, as Rust does', () => {
    expect(cmpWords('\u{20000}', '\uffff')).toBeGreaterThan(0);
    expect(['b', 'a', '中国', '中'].sort(cmpWords)).toEqual(['a', 'b', '中', '中国']);
  });
});

describe('directory lookup', () => {
  const firsts = ['0', '中', '人', '法', '第'];
  it('finds the one group that may hold an exact word', () => {
    expect(groupsFor(firsts, '人民', false)).toEqual([2]);
    expect(groupsFor(firsts, '0', false)).toEqual([0]);
    expect(groupsFor(firsts, '第二', false)).toEqual([4]);
  });
  it('finds every group that may hold extensions of a prefix', () => {
    // 法… may continue into the next group only if that group starts with 法
    expect(groupsFor(['0', '法', '法律', '第'], '法', true)).toEqual([1, 2]);
    expect(groupsFor(['0', '法', '法律', '第'], '法', false)).toEqual([1]);
  });
  it('a span holds a word between its first and last words, or its extensions', () => {
    expect(spanMayHold('人', '人民', '人们', false)).toBe(true);
    expect(spanMayHold('人', '人民', '仁', false)).toBe(false);
    expect(spanMayHold('第一', '第九', '第', true)).toBe(true);
    expect(spanMayHold('第一', '第九', '第', false)).toBe(false);
  });
});

describe('scoring', () => {
  const p = (page: number, length: number, ...positions: number[]) => ({ page, length, positions });
  it('ranks more occurrences and shorter pages higher, like BM25', () => {
    const hits = scoreTerm('保障', [{ word: '保障', postings: [p(0, 3000, 200), p(1, 1000, 200, 300, 400), p(2, 1000, 200)] }], 100, 1000);
    expect(hits.map((h) => h.page)).toEqual([1, 2, 0]);
  });
  it('an extension counts less than the exact word, and positions merge', () => {
    const hits = scoreTerm('法', [
      { word: '法', postings: [p(0, 500, 140)] },
      { word: '法律', postings: [p(1, 500, 140), p(0, 500, 150)] },
    ], 10, 500);
    expect(hits[0]!.page).toBe(0);
    expect(hits[0]!.positions).toEqual([140, 150]);
    const exact = scoreTerm('法', [{ word: '法', postings: [p(3, 500, 140)] }], 10, 500)[0]!.score;
    const ext = scoreTerm('法', [{ word: '法律', postings: [p(3, 500, 140)] }], 10, 500)[0]!.score;
    expect(ext).toBeLessThan(exact);
  });
});

describe('filters', () => {
  const lists: Record<string, Record<string, number[]>> = { year: { '2015': [0, 1, 2], '2016': [3, 4] }, kind: { 文件: [0, 3], 解读: [1, 2, 4] } };
  const pagesOf = async (n: string, v: string) => lists[n]?.[v] ?? [];
  const run = async (f: Parameters<typeof filterPages>[0]) => [...((await filterPages(f, pagesOf, async () => [0, 1, 2, 3, 4])) ?? [])].sort();
  it('a value, any of a list, all, none, not; names combine with AND', async () => {
    expect(await run({ year: '2015' })).toEqual([0, 1, 2]);
    expect(await run({ year: ['2015', '2016'], kind: '文件' })).toEqual([0, 3]);
    expect(await run({ kind: { all: ['文件', '解读'] } })).toEqual([]);
    expect(await run({ kind: { none: ['文件'] } })).toEqual([1, 2, 4]);
    expect(await run({ year: { not: '2016' } })).toEqual([0, 1, 2]);
    expect(await run({ year: '1999' })).toEqual([]);
    expect(await filterPages({}, pagesOf, async () => [0, 1, 2, 3, 4])).toBeNull();
  });
});

describe('a built index read back', () => {
  const text = '第一条 为了规范政府信息公开工作，保障公民、法人和其他组织依法获取政府信息，提高政府工作的透明度，建设法治政府，充分发挥政府信息对人民群众生产、生活和经济社会活动的服务作用，制定本条例。Article 2 applies to rules 2019 and 2020.';
  const records: SearchRecord[] = Array.from({ length: 30 }, (_, i) => ({
    path: `policies/p${i}/`,
    language: 'zh',
    title: `第${i}号 ${['政府信息公开条例', '档案管理办法', '统计工作规定'][i % 3]}`,
    body: text.slice(i % 17) + text.slice(0, i % 17),
    published: `20${10 + (i % 10)}-01-0${1 + (i % 9)}`,
    filters: { kind: [i % 2 ? '政策文件' : '政策解读'], year: [`20${10 + (i % 10)}`] },
  }));
  let out: string;
  let ix: SiteIndex;
  let idOf: Map<string, string>;
  beforeAll(async () => {
    installFileFetch();
    out = mkdtempSync(join(tmpdir(), 'postings-'));
    // parts of 7 records and tiny chunks: the merge, many chunks and several directory groups
    await buildSearch({ out, records, shardSize: 7, chunkSize: 20, dirGroup: 8, engine: false });
    ix = await openIndex({ base: pathToFileURL(join(out, 'search/')).href, siteBase: '/', lang: 'zh', fallback: false, timeout: 0 });
    idOf = new Map();
    const dir = join(bundleDir(out), 'fragment');
    for (const f of readdirSync(dir)) idOf.set(JSON.parse(gunzipSync(readFileSync(join(dir, f))).subarray(12).toString('utf8')).url, f.replace(/\.pf_fragment$/, ''));
  }, 120_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('has several directory groups and no Pagefind runtime files', () => {
    expect(ix.manifest.languages.zh!.shards[0]!.groups.length).toBeGreaterThan(1);
    const files = readdirSync(bundleDir(out));
    expect(files.some((f) => /pf_meta|pagefind\.js|wasm/.test(f))).toBe(false);
  });
  it('keeps every file a page id or chunk number names under a per-build directory, each with an extension, none .gz', () => {
    const dir = bundleDir(out);
    expect(dir).toMatch(/search[\\/]pagefind[\\/][0-9a-f]{16}[\\/]?$/);
    const all = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile());
    expect(all.length).toBeGreaterThan(100);
    for (const f of all) expect(f.name, f.name).toMatch(/\.(pf_index|pf_dir|pf_filter|pf_fragment|json|\d+)$/);
    // only the manifest, the site description and the engine stay outside it
    expect(readdirSync(join(out, 'search')).sort()).toEqual(['manifest.json', 'pagefind']);
  });
  it('finds every indexed word of every record at its position', async () => {
    const pf = ix.shards[0]!.pf;
    let checked = 0;
    for (const r of records) {
      const id = idOf.get('/' + r.path)!;
      const words = indexContent(r).content.split(' ');
      for (let p = 0; p < words.length; p += 5) {
        if (words[p] === FILLER) continue;
        const res = await pf.search(words[p]!, {});
        const hit = res.results.find((x) => x.id === id);
        expect(hit?.words, `${r.path} ${words[p]} @${p}`).toContain(p);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(300);
  });
  it('filters by page lists and lists pages without a term', async () => {
    const pf = ix.shards[0]!.pf;
    const want = records.filter((r) => r.filters.year![0] === '2013' && r.filters.kind![0] === '政策文件').map((r) => idOf.get('/' + r.path)).sort();
    const got = (await pf.search(null, { filters: { year: '2013', kind: '政策文件' } })).results.map((x) => x.id).sort();
    expect(got).toEqual(want);
    const counts = await pf.filters();
    expect(counts.kind).toEqual({ 政策文件: 15, 政策解读: 15 });
    const r = await pf.search('条例', { filters: { kind: { any: ['政策解读'] } } });
    expect(r.unfilteredResultCount).toBe(30);
    expect(r.results.length).toBe(15);
  });
});
