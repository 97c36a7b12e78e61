/**
 * Zero/few results: the engine offers suggestions for a 文号 with a wrong year or a wrong serial
 * and for a title typed with a wrong character. Builds a small real index in a temp dir.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSearch } from '../../scripts/build-search.ts';
import { loadEngine, type Engine } from '../search/helpers.ts';
import { substringDistance } from '../../src/lib/search/rank.ts';
import type { SearchRecord } from '../../src/lib/search/record.ts';

const docs: [string, string, string, string][] = [
  ['a', '中国人民银行关于加强支付结算管理防范电信网络新型违法犯罪有关事项的通知', '银发〔2016〕261号', '为有效防范电信网络新型违法犯罪，切实保护人民群众财产安全和合法权益，现就加强支付结算管理有关事项通知如下。'],
  ['b', '中国人民银行关于改进个人银行账户服务加强账户管理的通知', '银发〔2015〕392号', '为进一步改进个人银行账户服务，加强账户管理，保护个人信息安全，现就有关事项通知如下。'],
  ['c', '中国人民银行关于落实个人银行账户分类管理制度的通知', '银发〔2016〕302号', '为贯彻落实个人银行账户分类管理制度，现就有关事项通知如下。'],
  ['d', '物业管理条例', '', '为了规范物业管理活动，维护业主和物业服务企业的合法权益，改善人民群众的生活和工作环境，制定本条例。'],
];
const records: SearchRecord[] = docs.map(([id, title, docNumber, body]) => ({
  path: `policies/${id}/`,
  language: 'zh',
  title,
  ...(docNumber ? { docNumber } : {}),
  body,
  filters: { kind: ['政策文件'] },
}));

describe('substringDistance', () => {
  it('is the edit distance to the closest substring', () => {
    expect(substringDistance('管理条例', '物业管理条例')).toBe(0);
    expect(substringDistance('管里条例', '物业管理条例')).toBe(1);
    expect(substringDistance('物业管条例', '物业管理条例')).toBe(1);
  });
});

describe('search suggestions', () => {
  let out: string;
  let engine: Engine;
  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'search-suggest-'));
    await buildSearch({ out, records });
    engine = await loadEngine(out);
  }, 120_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('an exact 文号 finds its document first, without suggestions', async () => {
    const r = await engine.search('银发[2016]261号');
    expect(r.results[0]!.url).toBe('/policies/a/');
    expect(r.suggestions).toEqual([]);
  });
  it('a 文号 of another agency finds nothing rather than documents that share only its year', async () => {
    const r = await engine.search('京政发〔2016〕1号');
    expect(r.results).toEqual([]);
  });
  it('a 文号 with the wrong year suggests the document with that serial', async () => {
    const r = await engine.search('银发〔2017〕261号');
    expect(r.suggestions.map((s) => s.docNumber)).toContain('银发〔2016〕261号');
  });
  it('a 文号 with a wrong serial suggests close serials of the same year', async () => {
    const r = await engine.search('银发〔2016〕216号');
    expect(r.suggestions.map((s) => s.docNumber)).toContain('银发〔2016〕261号');
    const r2 = await engine.search('银发(2015)393');
    expect(r2.suggestions.map((s) => s.docNumber)).toContain('银发〔2015〕392号');
  });
  it('a title with one wrong character is suggested', async () => {
    const r = await engine.search('加强支付结算管里');
    expect(r.suggestions.map((s) => s.url)).toContain('/policies/a/');
    const r2 = await engine.search('物业管里条例');
    expect(r2.suggestions.map((s) => s.title)).toContain('物业管理条例');
  });
  it('no suggestions when the phrase is found', async () => {
    expect((await engine.search('物业管理条例')).suggestions).toEqual([]);
  });
});
