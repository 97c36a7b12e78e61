/**
 * Every /mn/ page with Mongolian text is in the Mongolian search index, not only the translated
 * documents (issue 17 item 6; src/content/mn-page-records.ts): over the built sample site and its
 * built index, each 政务公开 page the Chinese index has (guide, 依申请公开, 标准目录 areas, 权力清单,
 * 年度报告, 政府公报, 意见征集, 专题) and the 政务公开 landing and 公开制度 page have a Mongolian
 * record, and a Mongolian word of the page's own heading, typed alone into the engine, finds it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../helpers/build-site.ts';
import { loadEngine, type Engine } from '../search/helpers.ts';
import { loadSearchRecords } from '../../src/content/records.ts';
import type { SearchRecord } from '../../src/lib/search/record.ts';

const MONGOLIAN_WORD = /[\u1820-\u18AA][\u1820-\u18AA\u180B-\u180F\u202F]*/g;
const DOCUMENT = /^mn\/(policies|interpretations)\//;

let outDir: string;
let records: SearchRecord[];
let engine: Engine;

/** The text of an element's first match in built HTML, tags removed. */
function textOf(html: string, tag: RegExp): string {
  return (tag.exec(html)?.[1] ?? '').replace(/<[^>]+>/g, '').replace(/&[a-z]+;|&#\d+;/g, ' ');
}

describe('Mongolian index covers the /mn/ pages that are not documents', () => {
  beforeAll(async () => {
    outDir = buildSite().outDir;
    records = await loadSearchRecords();
    engine = await loadEngine(outDir);
    await engine.options({ language: 'mn', federation: false });
  }, 600_000);

  const mnPages = () => records.filter((r) => r.language === 'mn' && !DOCUMENT.test(r.path));

  it('has a Mongolian record for each Chinese 政务公开 record, the landing and 公开制度, each a built /mn/ page', () => {
    const mn = new Set(mnPages().map((r) => r.path));
    const wanted = [
      ...records.filter((r) => r.language === 'zh' && !/^(policies|interpretations)\//.test(r.path)).map((r) => `mn/${r.path}`),
      'mn/open/',
      'mn/open/rules/',
    ];
    expect(wanted.length).toBeGreaterThan(10);
    expect(wanted.filter((p) => !mn.has(p))).toEqual([]);
    expect([...mn].filter((p) => !existsSync(join(outDir, p, 'index.html')))).toEqual([]);
  });

  it('each record is Mongolian text of its page: every Mongolian word of the record appears on the page', () => {
    const missing: string[] = [];
    for (const r of mnPages()) {
      const main = textOf(readFileSync(join(outDir, r.path, 'index.html'), 'utf8'), /<main[^>]*>([\s\S]*)<\/main>/);
      const title = textOf(readFileSync(join(outDir, r.path, 'index.html'), 'utf8'), /<title>([\s\S]*?)<\/title>/);
      expect([...r.title.matchAll(MONGOLIAN_WORD)].length + [...r.body.matchAll(MONGOLIAN_WORD)].length, r.path).toBeGreaterThan(0);
      for (const [w] of [...r.title.matchAll(MONGOLIAN_WORD), ...r.body.matchAll(MONGOLIAN_WORD)]) {
        if (!main.includes(w) && !title.includes(w)) missing.push(`${r.path}: ${w}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('a Mongolian word of each page\'s heading, typed alone, finds that page', async () => {
    const misses: string[] = [];
    for (const r of mnPages()) {
      const html = readFileSync(join(outDir, r.path, 'index.html'), 'utf8');
      // the page's own heading: its <title> before the site name, as the reader sees it in the tab
      const heading = textOf(html, /<title>([\s\S]*?)<\/title>/).split(/\s[-–—|]\s/)[0]!;
      const words = [...new Set(heading.match(MONGOLIAN_WORD) ?? [])].sort((a, b) => b.length - a.length);
      const query = words[0] ?? r.body.match(MONGOLIAN_WORD)?.[0];
      if (!query) {
        misses.push(`${r.path}: no Mongolian word`);
        continue;
      }
      const urls = (await engine.search(query, { limit: 100 })).results.map((x) => x.url);
      if (!urls.includes(`/${r.path}`)) misses.push(`${r.path}: ${query} → ${urls.slice(0, 5).join(' ')}`);
    }
    expect(misses).toEqual([]);
  }, 120_000);

  it('the Chinese index holds no /mn/ page', async () => {
    const zh = await loadEngine(outDir);
    await zh.options({ language: 'zh', federation: false });
    const urls = (await zh.search('政府信息公开', { limit: 100 })).results.map((x) => x.url);
    expect(urls.length).toBeGreaterThan(0);
    expect(urls.filter((u) => u.startsWith('/mn/'))).toEqual([]);
  });
});
