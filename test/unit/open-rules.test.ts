/**
 * Pure rules of the 政府信息公开 platform: consultation status from dates, 年度报告 counts of
 * 行政规范性文件 from a fixture library and the template arithmetic, the 标准目录 filter model,
 * special-topic aggregation, the 26 pilot areas and the application-form file.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { consultationStatus, periodDays } from '../../src/lib/open/consultation.ts';
import { applicationTable, normativeCounts, RESULT_ROWS, resultsTotal } from '../../src/lib/open/report.ts';
import { checkReport } from '../../src/lib/open/report-check.ts';
import { catalogFacets, catalogFilterPaths, catalogGroups, filterCatalog } from '../../src/lib/open/catalog.ts';
import { aggregateSpecials, expandTopics } from '../../src/lib/open/specials.ts';
import { AREA_IDS, PILOT_AREAS, areaByName } from '../../src/lib/open/areas.ts';
import { APPLICATION_FORM_FILE, applicationFormLabels } from '../../src/lib/open/apply-form.ts';
import type { CatalogItem } from '../../src/lib/open/model.ts';
import { loadSite } from '../../src/content/load.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('consultation status from its dates and the build date', () => {
  it('is 未开始 before the opening day', () => expect(consultationStatus('2025-03-01', '2025-03-31', '2025-02-28')).toBe('未开始'));
  it('is 征集中 from the opening day', () => expect(consultationStatus('2025-03-01', '2025-03-31', '2025-03-01')).toBe('征集中'));
  it('is still 征集中 on the closing day', () => expect(consultationStatus('2025-03-01', '2025-03-31', '2025-03-31')).toBe('征集中'));
  it('is 已结束 the day after closing', () => expect(consultationStatus('2025-03-01', '2025-03-31', '2025-04-01')).toBe('已结束'));
  it('counts the period in calendar days, both ends included', () => {
    expect(periodDays('2025-03-01', '2025-03-31')).toBe(31);
    expect(periodDays('2024-02-28', '2024-03-01')).toBe(3);
  });
});

describe('年度报告: 行政规范性文件 counts from the policy library', () => {
  const lib = loadSite({ root, source: 'test/fixtures/open/lib', today: '2025-06-01' });
  it('counts 本年制发 by publication year, 本年废止 by repeal (repealer in force) or 有效期至, 现行有效 at 31 December', async () => {
    const { policies } = await lib;
    const c = (y: number) => {
      const { ids, undated } = normativeCounts(policies, y);
      return { ...ids, undated };
    };
    expect(c(2022)).toEqual({ issued: ['n-2022-a'], repealed: [], inForce: ['n-2022-a'], undated: [] });
    // n-2023-b repeals n-2022-a from its effective date 2023-03-01; 其他文件 o-2023-d is not counted
    expect(c(2023)).toEqual({ issued: ['n-2023-b', 'n-2023-c'], repealed: ['n-2022-a'], inForce: ['n-2023-b', 'n-2023-c'], undated: [] });
    // n-2023-c expires 2024-06-30
    expect(c(2024)).toEqual({ issued: ['n-2024-e'], repealed: ['n-2023-c'], inForce: ['n-2023-b', 'n-2024-e'], undated: [] });
  });
  it('keeps 现行有效(Y) = 现行有效(Y−1) + 本年制发(Y) − 本年废止(Y)', async () => {
    const { policies } = await lib;
    for (const y of [2023, 2024, 2025]) {
      const prev = normativeCounts(policies, y - 1);
      const cur = normativeCounts(policies, y);
      expect(cur.inForce, String(y)).toBe(prev.inForce + cur.issued - cur.repealed);
    }
  });
  it('cannot date a document declared 已废止 without evidence, and says so', () => {
    const p = { id: 'x', category: '规范性文件' as const, published: '2020-01-01', status: '已废止' as const, repealedBy: [] };
    expect(normativeCounts([p], 2024)).toMatchObject({ inForce: 0, repealed: 0, undated: ['x'] });
  });
});

describe('年度报告: template rows and arithmetic', () => {
  const zero = [0, 0, 0, 0, 0, 0];
  const results = Object.fromEntries(RESULT_ROWS.map((r) => [r.key, zero]));
  it('lists the template rows in order with 总计 appended', () => {
    const rows = applicationTable({ received: [1, 2, 0, 0, 0, 0], carriedOver: [0, 0, 0, 0, 0, 0], results: { ...results, granted: [1, 2, 0, 0, 0, 0] } as never, carryForward: [0, 0, 0, 0, 0, 0] });
    expect(rows.map((r) => r.label).slice(0, 4)).toEqual(['一、本年新收政府信息公开申请数量', '二、上年结转政府信息公开申请数量', '（一）予以公开', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）']);
    expect(rows.length).toBe(2 + RESULT_ROWS.length + 2);
    expect(rows.at(-2)).toMatchObject({ label: '（七）总计', values: [1, 2, 0, 0, 0, 0, 3] });
    expect(rows.filter((r) => r.group === '（三）不予公开').length).toBe(8);
    expect(rows.filter((r) => r.group === '（四）无法提供').length).toBe(3);
    expect(rows.filter((r) => r.group === '（五）不予处理').length).toBe(5);
    expect(rows.filter((r) => r.group === '（六）其他处理').length).toBe(3);
  });
  it('sums the results into （七）总计', () => {
    expect(resultsTotal({ ...results, granted: [1, 0, 0, 0, 0, 0], 'denied.secret': [0, 1, 0, 0, 0, 2] } as never)).toEqual([1, 1, 0, 0, 0, 2]);
  });
  it('reports an unbalanced row, a wrong 总计 and a broken 结转 chain', () => {
    const base = { year: 2024, applications: { received: [2, 0, 0, 0, 0, 0, 3], carriedOver: [1, 0, 0, 0, 0, 0], results: { granted: [2, 0, 0, 0, 0, 0] }, carryForward: [0, 0, 0, 0, 0, 0] }, review: [0, 0, 0, 0], litigation: { direct: [0, 0, 0, 0], afterReview: [0, 0, 0, 0, 0] } };
    const prev = { ...base, year: 2023, applications: { ...base.applications, carryForward: [2, 0, 0, 0, 0, 0] } };
    const problems = checkReport(base, { file: 'r.yaml' }, prev);
    expect(problems.map((p) => p.field)).toEqual(['applications.received[6]', 'applications.carryForward[0]', 'applications.carriedOver']);
  });
  it('accepts a balanced report', () => {
    const ok = { year: 2024, applications: { received: [2, 0, 0, 0, 0, 0], carriedOver: [1, 0, 0, 0, 0, 0], results: { granted: [2, 0, 0, 0, 0, 0] }, carryForward: [1, 0, 0, 0, 0, 0] }, review: [1, 0, 0, 0, 1], litigation: { direct: [0, 0, 0, 0], afterReview: [0, 0, 0, 0] } };
    expect(checkReport(ok, { file: 'r.yaml' })).toEqual([]);
  });
});

describe('标准目录 filter model', () => {
  const item = (n: number, over: Partial<CatalogItem>): CatalogItem => ({
    n, group: '政策文件', name: `事项${n}`, content: '内容', basis: ['依据'], deadline: '20个工作日内', subject: '主体', channels: ['政府网站'], audience: '全社会', mode: '主动', levels: ['县级'], ...over,
  });
  const items = [item(1, {}), item(2, { mode: '依申请', audience: '特定群众', levels: ['乡级'] }), item(3, { group: '办事服务', levels: ['县级', '乡级'] })];
  it('offers only the values present, with counts, in vocabulary order', () => {
    expect(catalogFacets(items)).toEqual([
      { facet: 'mode', values: [{ value: '主动', slug: 'zhudong', count: 2 }, { value: '依申请', slug: 'yishenqing', count: 1 }] },
      { facet: 'audience', values: [{ value: '全社会', slug: 'quan-shehui', count: 2 }, { value: '特定群众', slug: 'teding-qunzhong', count: 1 }] },
      { facet: 'level', values: [{ value: '县级', slug: 'xianji', count: 2 }, { value: '乡级', slug: 'xiangji', count: 2 }] },
    ]);
  });
  it('keeps the rows of one filter value; an unknown slug keeps none', () => {
    expect(filterCatalog(items, 'level', 'xiangji').map((i) => i.n)).toEqual([2, 3]);
    expect(filterCatalog(items, 'mode', 'yishenqing').map((i) => i.n)).toEqual([2]);
    expect(filterCatalog(items, 'mode', 'nope')).toEqual([]);
  });
  it('gives one static page per offered value', () => {
    expect(catalogFilterPaths(items).map((p) => `${p.facet}/${p.slug}`)).toEqual(['mode/zhudong', 'mode/yishenqing', 'audience/quan-shehui', 'audience/teding-qunzhong', 'level/xianji', 'level/xiangji']);
  });
  it('groups rows by 一级事项 in order of first appearance, with anchors', () => {
    expect(catalogGroups(items).map((g) => [g.anchor, g.name, g.items.length])).toEqual([['g1', '政策文件', 2], ['g2', '办事服务', 1]]);
  });
});

describe('26 pilot areas', () => {
  it('has 26 unique ids and names, and resolves aliases', () => {
    expect(PILOT_AREAS.length).toBe(26);
    expect(new Set(AREA_IDS).size).toBe(26);
    expect(new Set(PILOT_AREAS.map((a) => a.name)).size).toBe(26);
    expect(areaByName('生态环境')?.id).toBe('huanjing-baohu');
    expect(areaByName('乡村振兴')?.id).toBe('fupin');
  });
});

describe('重点领域专题 aggregation', () => {
  const topics = [{ id: 'a' }, { id: 'a1', parent: 'a' }, { id: 'a11', parent: 'a1' }, { id: 'b' }];
  const p = (id: string, topic: string, extra: { keywords?: string[]; title?: string; published?: string } = {}) => ({ id, topic, title: extra.title ?? id, keywords: extra.keywords ?? [], published: extra.published ?? '2024-01-01' });
  it('expands topics to their descendants', () => expect([...expandTopics(topics, ['a'])].sort()).toEqual(['a', 'a1', 'a11']));
  it('collects by topic, keyword, title and explicit id, newest first', () => {
    const [s] = aggregateSpecials(
      [{ id: 's', title: 'S', topics: ['a1'], keywords: ['预决算'], policies: ['p5'], areas: [] }],
      [p('p1', 'a11', { published: '2023-01-01' }), p('p2', 'b', { keywords: ['预决算'] }), p('p3', 'b', { title: '关于预决算公开的通知', published: '2025-01-01' }), p('p4', 'b'), p('p5', 'b', { published: '2020-01-01' })],
      topics,
    );
    expect(s!.members).toEqual(['p3', 'p2', 'p1', 'p5']);
  });
});

describe('政府信息公开申请表', () => {
  it('the downloadable file lists every label of the printable and online form', () => {
    const text = readFileSync(new URL(`../../public/${APPLICATION_FORM_FILE}`, import.meta.url), 'utf8');
    for (const label of applicationFormLabels()) expect(text, label).toContain(label);
  });
});
