/**
 * Incremental index builds (scripts/lib/search-index/update.ts): an index built in full for
 * records A, then updated in place to records B (edits, deletions, additions), answers every
 * query as a full build of B does — same hits, same scores, same order among different scores —
 * and holds the same postings word by word (page numbers mapped to URLs). It rewrites only what
 * the changes touch, prunes what is no longer referenced, and a build without changes writes
 * nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { buildSearch, type BuildResult } from '../../scripts/build-search.ts';
import { decodeCbor } from '../../src/lib/search/cbor.ts';
import { decodePostings, indexFiles, pageId } from '../../src/lib/search/postings.ts';
import type { SearchRecord } from '../../src/lib/search/record.ts';
import type { WrittenManifest } from '../../scripts/lib/search-index/build.ts';
import { loadEngine, type Engine } from '../search/helpers.ts';

const TOPICS = ['政府信息公开', '安全生产', '财政预算', '教育', '医疗卫生', '交通运输'];
const AGENCIES = ['国办发', '京政发', '财预'];

/** A small library: several topics, 文号, dates, a common word on every page (thinned), Mongolian pages. */
function record(i: number, edit = ''): SearchRecord {
  const topic = TOPICS[i % TOPICS.length]!;
  const mn = i % 7 === 3;
  const body = mn
    ? `ᠮᠣᠩᠭᠣᠯ ᠪᠢᠴᠢᠭ ${i} ᠵᠠᠰᠠᠭ ᠤᠨ ᠭᠠᠵᠠᠷ ${edit}`
    : `${topic}工作通知。第${i}条 为了做好${topic}和政府工作，各地区各部门要加强管理。${'机构改革 '.repeat(1 + (i % 5))}${edit}${i % 3 ? '人民群众满意。' : ''}`;
  const r: SearchRecord = {
    path: `${mn ? 'mn/' : ''}policies/p${i}/`,
    language: mn ? 'mn' : 'zh',
    title: mn ? `ᠲᠤᠰᠬᠠᠢ ${i}` : `关于${topic}的通知${i}`,
    body,
    published: `20${10 + (i % 12)}-0${1 + (i % 9)}-1${i % 10}`,
    filters: { kind: [i % 4 ? '政策文件' : '政策解读'], topic: [topic], year: [`20${10 + (i % 12)}`] },
  };
  if (!mn && i % 2 === 0) r.docNumber = `${AGENCIES[i % 3]}〔20${10 + (i % 12)}〕${i}号`;
  return r;
}

const A = Array.from({ length: 60 }, (_, i) => record(i));
/** B: three edited, three deleted (one Mongolian), five added (one dated before all others) */
const B = [
  ...A.filter((_, i) => ![5, 17, 31].includes(i)).map((r, i) => ([2, 20, 44].includes(i) ? record(Number(r.path.match(/\d+/)![0]), '新增加的内容：安全生产检查') : r)),
  ...[60, 61, 62, 63, 64].map((i) => record(i, i === 60 ? '最早' : '')),
];
B[B.length - 5]!.published = '2001-01-01';

const SMALL = { chunkSize: 40, dirGroup: 3, thinUnits: 120, shardSize: 16 };
const QUERIES = ['安全生产', '机构', '机构改革', '人民', '政府工作', '通知', '财', '新增加', '最早', '国办发〔2012〕12号', '京政发〔2015〕40号', 'ᠮᠣᠩᠭᠣᠯ', '"加强管理"'];

let tmp: string;
let cache: string;
let inc: string;
let full: string;
const runs: Record<string, BuildResult> = {};
beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'index-incremental-'));
  cache = join(tmp, 'cache');
  inc = join(tmp, 'inc');
  full = join(tmp, 'full');
  runs.first = await buildSearch({ out: inc, records: A, cacheDir: cache, ...SMALL });
  runs.update = await buildSearch({ out: inc, records: B, cacheDir: cache, ...SMALL });
  runs.full = await buildSearch({ out: full, records: B, ...SMALL });
}, 60_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const manifestOf = (out: string) => JSON.parse(readFileSync(join(out, 'search', 'manifest.json'), 'utf8')) as WrittenManifest;
const gunzipJson = (f: string) => JSON.parse(gunzipSync(readFileSync(f)).toString('utf8')) as unknown;

/** Every word's postings with page numbers replaced by URLs (and lengths, counts, positions). */
function postingsByUrl(out: string, lang: string): Map<string, unknown[]> {
  const m = manifestOf(out);
  const bundle = join(out, 'search', m.bundle);
  const shard = m.languages[lang]!.shards[0]!;
  const url = (page: number) => {
    const raw = gunzipSync(readFileSync(join(bundle, indexFiles.fragment(pageId(shard.tag, page))))).subarray(12).toString('utf8');
    return (JSON.parse(raw) as { url: string }).url;
  };
  const out2 = new Map<string, unknown[]>();
  for (const d of shard.dirs) {
    for (const [, , , name] of gunzipJson(join(bundle, indexFiles.dir(d))) as [string, string, number, string][]) {
      const [words] = decodeCbor(gunzipSync(readFileSync(join(bundle, indexFiles.chunk(name))))) as [[string, number[]][]];
      for (const [w, flat] of words) {
        const ps = decodePostings(flat);
        out2.set(w, ps.map((p) => ({ url: url(p.page), length: p.length, positions: p.positions, tf: p.tf, cap: ps.cap })).sort((a, b) => (a.url < b.url ? -1 : 1)));
      }
    }
  }
  return out2;
}

/** A query's results as [url, score], in rank order; equal scores in URL order (ties rank by page id). */
async function answers(e: Engine, q: string, opts: Parameters<Engine['search']>[1] = {}): Promise<[string, number, string][]> {
  const r = await e.search(q, { limit: 100, languages: ['zh', 'mn'], ...opts });
  return r.results.map((x): [string, number, string] => [x.url, x.score, x.match]).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

describe('an incremental index update', () => {
  it('is incremental, rewrites part of the bundle and prunes the replaced files', () => {
    expect(runs.first!.mode).toBe('full');
    expect(runs.update!.mode).toBe('incremental');
    expect(runs.update!.pruned).toBeGreaterThan(0);
    const bundle = join(inc, 'search', manifestOf(inc).bundle);
    // 3 deleted + 3 edited pages: their fragments are gone
    const frags = readdirSync(join(bundle, 'fragment'));
    expect(frags.length).toBe(B.length);
  });
  it('holds the same postings, lengths, counts, filters and order as a full build', () => {
    for (const lang of ['zh', 'mn']) {
      const a = postingsByUrl(inc, lang);
      const b = postingsByUrl(full, lang);
      expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
      for (const [w, ps] of b) expect(a.get(w), w).toEqual(ps);
      const [sa, sb] = [manifestOf(inc), manifestOf(full)].map((m) => m.languages[lang]!);
      expect(sa.pages).toBe(sb.pages);
      expect(sa.shards[0]!.avgLength).toBe(sb.shards[0]!.avgLength);
    }
    expect([...postingsByUrl(full, 'zh').values()].some((ps) => (ps[0] as { cap?: number }).cap)).toBe(true);
    expect(manifestOf(inc).common).toBe(manifestOf(full).common);
    expect(manifestOf(inc).docnum.buckets).toBe(manifestOf(full).docnum.buckets);
  });
  it('answers every query as a full build does', async () => {
    const [ei, ef] = await Promise.all([loadEngine(inc), loadEngine(full)]);
    for (const q of QUERIES) expect(await answers(ei, q), q).toEqual(await answers(ef, q));
    for (const q of ['安全生产', '新增加', '最早', '国办发〔2012〕12号', 'ᠮᠣᠩᠭᠣᠯ']) expect((await answers(ef, q)).length, q).toBeGreaterThan(0);
    const filters = { kind: '政策解读', topic: ['安全生产', '教育'] };
    expect(await answers(ei, '通知', { filters })).toEqual(await answers(ef, '通知', { filters }));
    for (const published of ['asc', 'desc'] as const) {
      const listing = async (e: Engine) => (await e.search('', { filters: { kind: '政策文件' }, sort: { published }, limit: 100 })).results.map((r) => r.url);
      expect(await listing(ei)).toEqual(await listing(ef));
    }
  });
  it('writes nothing when nothing changed', async () => {
    // the same output directory written another way (Astro passes it with a trailing slash)
    const r = await buildSearch({ out: `${inc}/`, records: B, cacheDir: cache, ...SMALL });
    expect(r).toMatchObject({ mode: 'incremental', written: 0, pruned: 0, tokenized: 0 });
  });
  it('after a one-document edit rewrites that page, the chunks of its words and the lists naming them', async () => {
    const before = manifestOf(inc);
    const edited = B.map((r, i) => (i === 10 ? { ...r, body: r.body + '补充一句话' } : r));
    const r = await buildSearch({ out: inc, records: edited, cacheDir: cache, ...SMALL });
    expect(r.mode).toBe('incremental');
    expect(r.tokenized).toBe(1);
    // the token cache holds the documents of the index, the edited one's old version removed
    expect(readdirSync(join(cache, 'search-index', 'tokens')).length).toBe(edited.length);
    // new: its fragment, the chunks of its words, their directory files, filter lists and the sort and 文号 files naming its id
    expect(r.written).toBeLessThan(r.kept);
    expect(r.pruned).toBeGreaterThan(0);
    expect(r.pruned).toBeLessThanOrEqual(r.written);
    const after = manifestOf(inc);
    expect(after.bundle).toBe(before.bundle);
    expect(after.languages.mn!.shards[0]!.dirs).toEqual(before.languages.mn!.shards[0]!.dirs);
    expect(after.languages.mn!.shards[0]!.filters).toEqual(before.languages.mn!.shards[0]!.filters);
  });
  it('builds in full when asked, when the cache is missing, and when the output is not the cached index', async () => {
    const full = await buildSearch({ out: inc, records: B, cacheDir: cache, full: true, ...SMALL });
    expect(full.mode).toBe('full');
    // a full build with the cache does not tokenize unchanged documents again
    expect(full.tokenized).toBe(1);
    expect((await buildSearch({ out: inc, records: B, cacheDir: join(tmp, 'other-cache'), ...SMALL })).mode).toBe('full');
    rmSync(join(inc, 'search', 'manifest.json'));
    expect((await buildSearch({ out: inc, records: B, cacheDir: join(tmp, 'other-cache'), ...SMALL })).mode).toBe('full');
    expect(existsSync(join(inc, 'search', 'manifest.json'))).toBe(true);
    expect(statSync(join(inc, 'search')).isDirectory()).toBe(true);
  });
});
