/**
 * Node/Chromium parity of the search engine on a real-corpus sample: an index built from a few
 * hundred ../shared/corpus documents is served over HTTP, the same queries run through
 * search/engine.js in Chromium (dynamic import in the page, <html lang="zh-CN">) and in Node
 * (fetch reading file: URLs); result URLs, totals, excerpts and suggestions must be identical.
 * Skipped when Chromium or ../shared is absent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { buildSearch } from '../../scripts/build-search.ts';
import { corpusToRecord, type CorpusDoc } from '../../scripts/bench/corpus-records.ts';
import { mulberry32 } from '../../scripts/bench/search-quality.ts';
import { loadEngine, type Engine } from '../search/helpers.ts';
import { serveDist, type Served } from '../helpers/serve.ts';
import { chromiumAvailable, launchChromium } from '../helpers/browser.ts';

const CORPUS = resolve(import.meta.dirname, '../../../shared/corpus/policies.jsonl');
const have = chromiumAvailable && existsSync(CORPUS);

interface Run {
  total: number;
  urls: string[];
  excerpts: string[];
  suggestions: string[];
}

describe.skipIf(!have)('search engine: identical results in Node and Chromium (corpus sample)', () => {
  let out: string;
  let served: Served;
  let browser: Browser;
  let page: Page;
  let engine: Engine;
  const queries: { q: string; o?: object }[] = [];

  beforeAll(async () => {
    const all: CorpusDoc[] = readFileSync(CORPUS, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    const docs = all.filter((_, i) => i % 13 === 0).slice(0, 300);
    out = mkdtempSync(join(tmpdir(), 'search-parity-'));
    // two parts, so the build-time merge of Pagefind indexes is exercised
    await buildSearch({ out, records: docs.map(corpusToRecord), shardSize: 150 });
    writeFileSync(join(out, 'index.html'), '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>t</title></head><body></body></html>');
    const rnd = mulberry32(3);
    const withNumber = docs.filter((d) => d.docNumber);
    for (const d of withNumber.slice(0, 3)) queries.push({ q: d.docNumber!.replace('〔', '(').replace('〕', ')') });
    for (const d of docs.slice(0, 4)) queries.push({ q: d.title.slice(0, 8) });
    while (queries.length < 16) {
      const d = docs[Math.floor(rnd() * docs.length)]!;
      const chars = [...d.body];
      const len = 2 + Math.floor(rnd() * 7);
      const at = Math.floor(rnd() * Math.max(1, chars.length - len));
      const s = chars.slice(at, at + len).join('');
      if (/^\p{Script=Han}+$/u.test(s)) queries.push({ q: s });
    }
    queries.push({ q: '个人住房贷款 反洗钱' }, { q: '法规', o: { sort: { published: 'desc' } } }, { q: '', o: { filters: { year: docs[0]!.published?.slice(0, 4) ?? '2015' } } });
    served = await serveDist(out, '/');
    browser = await launchChromium();
    page = await browser.newPage();
    await page.goto(served.url);
    engine = await loadEngine(out);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await served?.close();
    if (out) rmSync(out, { recursive: true, force: true });
  });

  it('returns the same URLs, totals, excerpts and suggestions', async () => {
    // a string, so vitest does not rewrite the dynamic import
    const script = `(async () => {
      const m = await import('/search/engine.js');
      await m.options({});
      const res = [];
      for (const { q, o } of ${JSON.stringify(queries)}) {
        const r = await m.search(q, { limit: 10, ...(o ?? {}) });
        res.push({ total: r.total, urls: r.results.map((x) => x.url), excerpts: r.results.map((x) => x.excerpt), suggestions: r.suggestions.map((x) => x.url) });
      }
      return res;
    })()`;
    const inBrowser = (await page.evaluate(script)) as Run[];
    const inNode: Run[] = [];
    for (const { q, o } of queries) {
      const r = await engine.search(q, { limit: 10, ...(o ?? {}) });
      inNode.push({ total: r.total, urls: r.results.map((x) => x.url), excerpts: r.results.map((x) => x.excerpt), suggestions: r.suggestions.map((x) => x.url) });
    }
    expect(inNode.filter((r) => r.total > 0).length).toBeGreaterThan(queries.length - 3);
    for (let i = 0; i < queries.length; i++) expect(inBrowser[i], queries[i]!.q).toEqual(inNode[i]);
  }, 120_000);
});
