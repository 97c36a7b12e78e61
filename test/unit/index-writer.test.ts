/**
 * The index writer (scripts/lib/search-index/): records are inverted by the project itself —
 * sorted runs written to temp files, merged word by word — into the files the engine reads.
 * Pagefind is not imported or read anywhere on that path.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { ByteSink, RunReader, RunWriter, decodeEntry, encodeEntry } from '../../scripts/lib/search-index/runs.ts';
import { PartInverter } from '../../scripts/lib/search-index/invert.ts';
import { mergeRuns } from '../../scripts/lib/search-index/merge.ts';
import { writeDirs } from '../../scripts/lib/search-index/chunks.ts';
import { BundleStore } from '../../scripts/lib/search-index/store.ts';
import { FilterLists, fragmentOf } from '../../scripts/lib/search-index/pages.ts';
import { commonBigrams, contentHash } from '../../scripts/lib/search-index/build.ts';
import { pageOrder } from '../../scripts/lib/search-index/language.ts';
import { buildSearch } from '../../scripts/build-search.ts';
import { cmpCodePoints, cmpWords, decodePostings, indexFiles, indexWord } from '../../src/lib/search/postings.ts';
import { FILLER, TITLE_SLOT, indexContent, indexWords, bodySections, sectionsOf } from '../../src/lib/search/layout.ts';
import { tokenizeLang } from '../../src/lib/search/tokenize.ts';
import { decodeCbor } from '../../src/lib/search/cbor.ts';
import { assertIndexFormat } from '../../src/lib/search/format.ts';
import type { SearchRecord } from '../../src/lib/search/record.ts';

const ROOT = resolve(import.meta.dirname, '../..');
let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'index-writer-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** flat postings as PartInverter holds them: -(page + 1), positions… */
const flat = (...pages: [number, ...number[]][]) => pages.flatMap(([p, ...pos]) => [-(p + 1), ...pos]);

describe('words and their order', () => {
  it('a token is stored under the key a query looks up (cleanTerm), Han and ASCII words as they are', () => {
    expect(indexWord('政府')).toBe('政府');
    expect(indexWord('2016')).toBe('2016');
    expect(indexWord('café')).toBe('cafe');
    expect(indexWord('ᠠ\u1885ᠠ')).toBe('ᠠᠠ');
    expect(indexWord('\u0301')).toBe('');
  });
  it('orders words by code point like cmpWords, astral characters after U+E000–U+FFFF', () => {
    const words = ['a', 'b', '中', '中国', '\uffff', '\u{20000}', '\u{20000}a', '\ue000', '', 'ａ', '\u{1f600}', '\ud7ff'];
    for (const a of words) for (const b of words) expect(Math.sign(cmpCodePoints(a, b)), `${a} ${b}`).toBe(Math.sign(cmpWords(a, b)));
  });
  it('indexWords is the stream indexContent joins, and sectionsOf cuts what bodySections cuts', () => {
    const r = { title: '关于做好政府信息公开工作的通知', docNumber: '国办发〔2019〕5号', body: '第一条 为了规范政府信息公开工作。'.repeat(40) };
    const words = indexWords(r, 3);
    expect(words.join(' ')).toBe(indexContent(r, 3).content);
    expect(words[TITLE_SLOT - 1]).toBe(FILLER);
    expect(words.filter((w) => w === '政府').length).toBe(1 + 3);
    const toks = tokenizeLang(r.body, 'index', 'zh');
    expect(indexWords(r, 3, undefined, toks)).toEqual(words);
    expect(sectionsOf(r.body, toks, 50)).toEqual(bodySections(r.body, 50));
  });
  it('pages follow publication date (undated first), then path', () => {
    const rec = (path: string, published?: string) => ({ path, published }) as SearchRecord;
    expect(pageOrder([rec('b', '2020-01-01'), rec('c'), rec('a', '2020-01-01'), rec('d', '2019-12-31')]).map((r) => r.path)).toEqual(['c', 'd', 'a', 'b']);
  });
});

describe('sorted runs', () => {
  it('an entry round-trips', () => {
    const sink = new ByteSink();
    encodeEntry(sink, '政府', flat([0, 3, 130], [7, 128], [100_000, 5_000_000]));
    expect(sink.buf.readUInt32LE(0)).toBe(sink.len - 4);
    expect(decodeEntry(sink.buf.subarray(4, sink.len))).toEqual({ word: '政府', pages: [0, 7, 100_000], positions: [[3, 130], [128], [5_000_000]] });
  });
  it('refuses positions out of order, and a cut entry', () => {
    expect(() => encodeEntry(new ByteSink(), 'x', flat([0, 5, 3]))).toThrow(/must ascend/);
    const sink = new ByteSink();
    encodeEntry(sink, '政府', flat([0, 300]));
    expect(() => decodeEntry(sink.buf.subarray(4, sink.len - 1))).toThrow(/corrupt/);
  });
  it('a run file is read back in order across block boundaries, with entries larger than a block', () => {
    const file = join(tmp, 'a.run');
    const w = new RunWriter(file);
    const big = flat(...Array.from({ length: 40_000 }, (_, i): [number, ...number[]] => [i, 128, 129, 200 + i]));
    const words = Array.from({ length: 30_000 }, (_, i) => `w${String(i).padStart(5, '0')}`);
    words.forEach((x, i) => w.add(x, i === 20_000 ? big : flat([i, i % 500])));
    w.close();
    const r = new RunReader(file);
    let n = 0;
    for (let e = r.next(); e; e = r.next(), n++) {
      expect(e.word).toBe(words[n]);
      if (n === 20_000) expect(e.pages.length).toBe(40_000);
      else expect(e).toEqual({ word: words[n], pages: [n], positions: [[n % 500]] });
    }
    expect(n).toBe(words.length);
    expect(r.next()).toBeUndefined();
  });
});

describe('inverting a part', () => {
  it('keeps every indexed word at its position, skips fillers, folds what cleans to the same key', () => {
    const inv = new PartInverter();
    inv.add(4, ['政府', FILLER, '政府', 'café', '\u0301']);
    inv.add(9, ['cafe', '政府']);
    expect(inv.positions).toBe(5);
    expect([...inv.sorted()]).toEqual([
      ['cafe', flat([4, 3], [9, 0])],
      ['政府', flat([4, 0, 2], [9, 1])],
    ]);
  });
  it('writes a sorted run and forgets the part', () => {
    const inv = new PartInverter();
    inv.add(0, ['人民', '\u{20000}', '\uffff', 'a']);
    const file = join(tmp, 'b.run');
    expect(inv.writeRun(file)).toBeGreaterThan(0);
    expect(inv.size).toBe(0);
    const r = new RunReader(file);
    const got: string[] = [];
    for (let e = r.next(); e; e = r.next()) got.push(e.word);
    expect(got).toEqual(['a', '人民', '\uffff', '\u{20000}']);
  });
});

describe('merging runs', () => {
  const newStore = () => new BundleStore(mkdtempSync(join(tmp, 'bundle-')));
  const chunksOf = (store: BundleStore, names: string[]) =>
    names.map((name) => (decodeCbor(gunzipSync(readFileSync(join(store.dir, indexFiles.chunk(name))))) as [[string, number[]][]])[0]);
  it('concatenates a word across runs, chunks by posting units, lists chunks in directory groups', () => {
    const store = newStore();
    const runs = [join(tmp, 'm1.run'), join(tmp, 'm2.run')];
    const a = new PartInverter();
    a.add(0, ['人民', '政府']);
    a.add(1, ['政府', '政府']);
    a.writeRun(runs[0]!);
    const b = new PartInverter();
    b.add(2, ['人民', '法律']);
    b.writeRun(runs[1]!);
    const lengths = [10, 20, 30];
    const m = mergeRuns(runs, { store, chunkSize: 5, thinUnits: 1e9, titleSlot: 128, lengths });
    // 人民: 2 pages (2 + 2×2 units = 6 ≥ 5) fills chunk 0; 政府 (7) chunk 1; 法律 (3) chunk 2
    expect(m.chunks.map((c) => [c[0], c[1], c[4]])).toEqual([['人民', '人民', 6], ['政府', '政府', 7], ['法律', '法律', 3]]);
    const { groups, dirs } = writeDirs(store, m.chunks, 2);
    expect(groups).toEqual(['人民', '法律']);
    const chunks = chunksOf(store, m.chunks.map((c) => c[3]));
    expect(chunks.map((c) => c.map(([w]) => w))).toEqual([['人民'], ['政府'], ['法律']]);
    const people = decodePostings(chunks[0]![0]![1]);
    expect(people.map((p) => [p.page, p.positions])).toEqual([[0, [0]], [2, [0]]]);
    expect(people[1]!.length).toBe(30);
    expect(decodePostings(chunks[1]![0]![1]).map((p) => [p.page, p.positions])).toEqual([[0, [1]], [1, [0, 1]]]);
    const dir = JSON.parse(gunzipSync(readFileSync(join(store.dir, indexFiles.dir(dirs[0]!)))).toString('utf8'));
    expect(dir).toEqual(m.chunks.slice(0, 2).map((c) => c.slice(0, 4)));
    // content-addressed: the same bytes, the same name, written once
    const again = mergeRuns([], { store, chunkSize: 5, thinUnits: 1e9, titleSlot: 128, lengths });
    expect(again.chunks).toEqual([]);
    expect(writeDirs(store, m.chunks, 2).dirs).toEqual(dirs);
    expect(store.written).toBe(5);
  });
  it('thins a word with too many posting units and finds the common Han bigrams from body positions', () => {
    const store = newStore();
    const inv = new PartInverter();
    const body = (w: string, n: number) => [...Array<string>(TITLE_SLOT).fill(FILLER), ...Array<string>(n).fill(w)];
    for (let p = 0; p < 10; p++) inv.add(p, ['机构', ...body('机构', 6).slice(1)]);
    const run = join(tmp, 't.run');
    inv.writeRun(run);
    const m = mergeRuns([run], { store, chunkSize: 60, thinUnits: 50, titleSlot: TITLE_SLOT, lengths: Array(10).fill(200) });
    const [[[word, postings]]] = chunksOf(store, [m.chunks[0]![3]]) as [[string, number[]][]];
    expect(word).toBe('机构');
    const back = decodePostings(postings!);
    expect(back.cap).toBe(2);
    expect(back[0]).toMatchObject({ tf: 7, positions: [0, 128, 129] });
    // 10 pages × (6 body positions + 1) = 70 > 60
    expect(m.common).toEqual(new Map([['机构', 70]]));
    // summed over languages, the largest first, then concatenated in code unit order
    expect(commonBigrams([m.common, new Map([['机构', 5], ['人民', 100], ['法律', 1]])])).toBe('人民机构法律');
  });
});


describe('page lists and fragments', () => {
  it('filter values in code point order, each page once', () => {
    const f = new FilterLists();
    f.add(0, { year: ['2016'], kind: ['政策文件'] });
    f.add(1, { year: ['2015', '2015'], kind: ['政策解读'] });
    f.add(2, { year: ['2016'] });
    expect(f.counts()).toEqual({ kind: [['政策文件', 1], ['政策解读', 1]], year: [['2015', 1], ['2016', 2]] });
  });
  it('a fragment holds url, the first section, the section count, filters (names sorted) and meta', () => {
    const r: SearchRecord = { path: '/policies/a/', language: 'zh', title: 'T', docNumber: '国发〔2016〕1号', published: '2016-01-02', body: 'x', filters: { year: ['2016'], kind: ['政策文件'], topic: [] } };
    const frag = fragmentOf(r, ['s0', 's1']);
    expect(frag).toEqual({ url: '/policies/a/', content: 's0', sections: 2, filters: { kind: ['政策文件'], year: ['2016'] }, meta: { title: 'T', docNumber: '国发〔2016〕1号', published: '2016-01-02' } });
    expect(Object.keys(frag.filters)).toEqual(['kind', 'year']);
  });
  it('the build directory changes with the writer, the options and the content', () => {
    const r = [{ path: 'a/', language: 'zh', title: 't', body: 'b', filters: { kind: ['k'] } }] as SearchRecord[];
    expect(contentHash(r, 'x')).toMatch(/^[0-9a-f]{16}$/);
    expect(contentHash(r, 'x')).toBe(contentHash(r, 'x'));
    expect(contentHash(r, 'y')).not.toBe(contentHash(r, 'x'));
    expect(contentHash([{ ...r[0]!, body: 'c' }], 'x')).not.toBe(contentHash(r, 'x'));
  });
});

describe('a build', () => {
  it('stamps format and version, removes its temp runs, and never touches Pagefind', async () => {
    const out = mkdtempSync(join(tmp, 'out-'));
    const records: SearchRecord[] = Array.from({ length: 9 }, (_, i) => ({ path: `policies/p${i}/`, language: i % 4 ? 'zh' : 'mn', title: `文件${i}`, body: `政府信息公开 ${i}`, published: `2020-01-0${i + 1}`, filters: { kind: ['政策文件'] } }));
    const r = await buildSearch({ out, records, shardSize: 2, engine: false });
    expect(r).toMatchObject({ shards: 2, pages: 9 });
    const manifest = JSON.parse(readFileSync(join(out, 'search', 'manifest.json'), 'utf8'));
    expect(() => assertIndexFormat(manifest)).not.toThrow();
    expect(manifest.format).toBe('gop-postings');
    expect(readdirSync(out)).toEqual(['search']);
  });
  it('no module of the production index build imports pagefind', () => {
    const files = [join(ROOT, 'scripts/build-search.ts'), ...readdirSync(join(ROOT, 'scripts/lib/search-index')).map((f) => join(ROOT, 'scripts/lib/search-index', f))];
    for (const f of files) expect(readFileSync(f, 'utf8'), f).not.toMatch(/from ['"]pagefind|import\(['"]pagefind|require\(['"]pagefind|pf_meta|PAGEFIND_/);
  });
});
