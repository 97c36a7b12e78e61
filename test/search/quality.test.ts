/**
 * Search quality on the real corpus (../shared/corpus): builds the index once over all 3,998
 * documents (in 2 Pagefind parts merged into one index, so the merge is exercised) and checks
 * the goals: 文号 P@1 100%, phrase P@1 ≥ 95%, topic hit@5 ≥ 95%, every random Han substring
 * found and ≥ 95% of them in the top 10.
 * Skipped (not failed) when ../shared/corpus is absent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { bundleDir, loadEngine, type Engine } from './helpers.ts';
import { buildSearch } from '../../scripts/build-search.ts';
import { corpusToRecord, type CorpusDoc } from '../../scripts/bench/corpus-records.ts';
import { makeSubstrings } from '../../scripts/bench/search-quality.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const CORPUS = resolve(ROOT, '../shared/corpus');
const have = existsSync(join(CORPUS, 'policies.jsonl')) && existsSync(join(CORPUS, 'queries-dev.jsonl'));

(have ? describe : describe.skip)('search quality on the real corpus', () => {
  let engine: Engine;
  let docs: CorpusDoc[];
  let urls: Map<string, string>;
  /** the built index, in a directory of its own (the suite runs beside the unit files) */
  let OUT: string;
  afterAll(() => OUT && rmSync(OUT, { recursive: true, force: true }));
  const ids = async (q: string, o: object = {}) => {
    const r = await engine.search(q, { limit: 10, debug: true, ...o } as never);
    return ((r as unknown as { ids: string[] }).ids ?? []).map((id) => /policies\/([^/]+)\//.exec(urls.get(id) ?? '')?.[1] ?? id);
  };

  beforeAll(async () => {
    OUT = mkdtempSync(join(tmpdir(), 'search-quality-'));
    docs = readFileSync(join(CORPUS, 'policies.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    await buildSearch({ out: OUT, records: docs.map(corpusToRecord), shardSize: 2000 });
    urls = new Map();
    const dir = join(bundleDir(OUT), 'fragment');
    for (const f of readdirSync(dir)) urls.set(f.replace(/\.pf_fragment$/, ''), JSON.parse(gunzipSync(readFileSync(join(dir, f))).subarray(12).toString('utf8')).url);
    engine = await loadEngine(OUT);
  }, 15 * 60_000);

  const queries: { query: string; kind: string; expect: string[] }[] = have
    ? readFileSync(join(CORPUS, 'queries-dev.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l))
    : [];
  const rate = async (kind: string, ok: (top: string[], exp: Set<string>) => boolean) => {
    const qs = queries.filter((q) => q.kind === kind);
    let n = 0;
    for (const q of qs) if (ok(await ids(q.query), new Set(q.expect))) n++;
    return n / qs.length;
  };

  it('文号 in any bracket style: P@1 = 100%', async () => {
    expect(await rate('docNumber', (top, exp) => exp.has(top[0]!))).toBe(1);
  });
  it('exact phrases: P@1 ≥ 95%', async () => {
    expect(await rate('phrase', (top, exp) => exp.has(top[0]!))).toBeGreaterThanOrEqual(0.95);
  });
  it('topics: hit@5 ≥ 95%', async () => {
    expect(await rate('topic', (top, exp) => top.slice(0, 5).some((id) => exp.has(id)))).toBeGreaterThanOrEqual(0.95);
  });
  it('every random Han substring of a body finds its document (≥ 95% in the top 10)', async () => {
    // the same sampling as `npm run bench:search` (another seed than its 7)
    const queries = makeSubstrings(docs, 150, 11);
    const misses: string[] = [];
    let top10 = 0;
    for (const q of queries) {
      const found = await ids(q.query);
      if (!found.includes(q.source!)) misses.push(`${q.query} → ${q.source}`);
      // the source in the top 10, or the top 10 all contain the substring
      const top = found.slice(0, 10);
      const want = Math.min(10, q.expect.length);
      if (top.includes(q.source!) || top.slice(0, want).filter((id) => q.expect.includes(id)).length === want) top10++;
    }
    expect(misses).toEqual([]);
    expect(top10 / queries.length).toBeGreaterThanOrEqual(0.95);
  });
  it('results carry readable excerpts with <mark> on the match', async () => {
    const r = await engine.search('物业专项维修资金', { limit: 5 });
    expect(r.total).toBeGreaterThan(0);
    for (const x of r.results) {
      expect(x.excerpt).toContain('<mark>');
      expect(x.excerpt.replace(/<\/?mark>/g, '')).not.toMatch(/([\u4e00-\u9fff])\1\1/);
      expect(x.url).toMatch(/^\/policies\/[^/]+\/$/);
    }
  });
  it('title matches rank before body-only matches', async () => {
    const r = await engine.search('反洗钱', { limit: 5 });
    for (const x of r.results) expect(x.title).toContain('反洗钱');
  });
  it('a query mixing a 文号 and words uses both', async () => {
    const r = await engine.search('反洗钱 银办发〔2014〕263号', { limit: 3 });
    expect(r.results[0]!.docNumber).toBe('银办发〔2014〕263号');
  });
  it('filters and sort by published date work', async () => {
    const r = await engine.search('反洗钱', { filters: { topic: '中国人民银行规范性文件' }, sort: { published: 'desc' }, limit: 20 });
    expect(r.total).toBeGreaterThan(1);
    const dates = r.results.map((x) => x.published ?? '');
    expect([...dates].sort().reverse()).toEqual(dates);
    const all = await engine.search('', { filters: { year: '2015' }, limit: 5 });
    expect(all.total).toBeGreaterThan(0);
    for (const x of all.results) expect(x.published?.startsWith('2015')).toBe(true);
  });
  it('a 文号 with the wrong year suggests the right document', async () => {
    const r = await engine.search('银办发〔2013〕263号');
    expect(r.results.find((x) => x.docNumber === '银办发〔2013〕263号') ?? r.suggestions.find((s) => s.docNumber === '银办发〔2014〕263号')).toBeTruthy();
  });
});
