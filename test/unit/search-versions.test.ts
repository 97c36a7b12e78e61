/**
 * 历史版本 in search (#18) over a real index built from the versions-ok fixture through
 * siteToRecords: the document's record is the current text and ranks alone by default; `version:
 * 'all'` adds each earlier text at its dated URL; the 文号 of an amending document (in the library
 * or outside it) and of an earlier text find the amended document.
 */
import { fileURLToPath } from 'node:url';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSearch } from '../../scripts/build-search.ts';
import { clearSiteCache, loadSite } from '../../src/content/load.ts';
import { siteToRecords } from '../../src/content/records.ts';
import { localize } from '../../src/lib/localize.ts';
import { filterPages } from '../../src/lib/search/postings.ts';
import { withVersionDefault } from '../../src/lib/search/filters.ts';
import type { SearchRecord } from '../../src/lib/search/record.ts';
import { loadEngine, type Engine } from '../search/helpers.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const today = '2025-06-01';
let dir: string;
let engine: Engine;
let records: SearchRecord[];
const paths = (r: { results: { url: string }[] }) => r.results.map((x) => x.url.replace(/^.*?(policies\/)/, '$1')).sort();

beforeAll(async () => {
  clearSiteCache();
  process.env.PORTAL_TODAY = today;
  const data = await loadSite({ root, source: 'test/fixtures/content/versions-ok', today });
  records = siteToRecords(localize(data, 'zh-CN'));
  dir = mkdtempSync(join(tmpdir(), 'search-versions-'));
  await buildSearch({ out: dir, records });
  engine = await loadEngine(dir);
}, 120_000);
afterAll(() => {
  delete process.env.PORTAL_TODAY;
  rmSync(dir, { recursive: true, force: true });
});

describe('search: 历史版本', () => {
  it('records: the current text as the document, each earlier text at its dated URL, filtered 历史版本', () => {
    const banfa = records.filter((r) => r.path.includes('banfa'));
    expect(banfa.map((r) => [r.path, r.filters.version, r.docNumber])).toEqual([
      ['policies/banfa/', undefined, '示政发〔2021〕10号'],
      ['policies/banfa/v/2004-10-18/', ['历史版本'], '示政发〔2004〕12号'],
      ['policies/banfa/v/2012-03-01/', ['历史版本'], undefined],
    ]);
    expect(banfa[0]!.body).toContain('规范政务公开');
    expect(banfa[1]!.body).toContain('推进政务公开');
    expect(banfa[0]!.alsoDocNumbers?.sort()).toEqual(['示政发〔2004〕12号', '示政发〔2012〕3号', '示政发〔2021〕9号']);
  });

  it('by default only the current version is found; version=all adds the earlier texts', async () => {
    expect(paths(await engine.search('推进政务公开', {}))).toEqual([]);
    expect(paths(await engine.search('推进政务公开', { filters: { version: 'all' } }))).toEqual(['policies/banfa/v/2004-10-18/', 'policies/banfa/v/2012-03-01/']);
    expect(paths(await engine.search('政务公开办法', {}))).not.toContain('policies/banfa/v/2004-10-18/');
    expect(paths(await engine.search('政务公开办法', {}))).toContain('policies/banfa/');
    expect(paths(await engine.search('', { filters: { version: '历史版本' } }))).toEqual(['policies/banfa/v/2004-10-18/', 'policies/banfa/v/2012-03-01/']);
  });

  it('the 文号 of an amending document or an earlier text finds the document it amended', async () => {
    // amending document in the library: it and the document it amended
    expect(paths(await engine.search('示政发〔2021〕9号', {}))).toEqual(['policies/banfa/', 'policies/xiugai-jueding/']);
    // amending document outside the library ({docNumber, title} on the 2012 version)
    expect(paths(await engine.search('示政发〔2012〕3号', {}))).toEqual(['policies/banfa/']);
    // an earlier text's own 文号: the document, and with version=all that text too
    expect(paths(await engine.search('示政发〔2004〕12号', {}))).toEqual(['policies/banfa/']);
    expect(paths(await engine.search('示政发〔2004〕12号', { filters: { version: 'all' } }))).toEqual(['policies/banfa/', 'policies/banfa/v/2004-10-18/']);
  });
});

describe('filters: the default version filter', () => {
  it('adds an exclusion unless version is given; all removes it', () => {
    expect(withVersionDefault(undefined)).toEqual({ version: { none: ['历史版本'] } });
    expect(withVersionDefault({ kind: '政策文件', version: 'all' })).toEqual({ kind: '政策文件' });
    expect(withVersionDefault({ version: '历史版本' })).toEqual({ version: '历史版本' });
  });

  it('an exclusion that excludes nothing is no filter and does not fetch the page list', async () => {
    let listed = 0;
    const all = async () => { listed++; return [1, 2, 3]; };
    expect(await filterPages({ version: { none: ['历史版本'] } }, async () => [], all)).toBeNull();
    expect(listed).toBe(0);
    expect([...(await filterPages({ version: { none: ['历史版本'] } }, async () => [2], all))!]).toEqual([1, 3]);
    expect(listed).toBe(1);
  });
});
