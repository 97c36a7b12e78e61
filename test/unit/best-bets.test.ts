/**
 * 推荐结果 (best bets): which queries show which page (src/lib/best-bets.ts), the page model the
 * search page gets (src/lib/search-page/page-model.ts), and content/open/best-bets.yaml checked
 * like other content (src/content/best-bets.ts): one line per problem.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { betKey, matchBestBets } from '../../src/lib/best-bets.ts';
import { collectOpenData } from '../../src/content/open-data.ts';
import { loadSite } from '../../src/content/load.ts';
import { formatProblem } from '../../src/lib/errors.ts';
import { localize } from '../../src/lib/localize.ts';
import { pageBestBets } from '../../src/lib/search-page/page-model.ts';
import type { SiteData } from '../../src/lib/model.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const F = 'test/fixtures/open';
const today = '2025-06-01';
const bets = [
  { name: 'apply', keys: ['信息公开申请', '依申请公开', '政府信息公开申请表'].map(betKey) },
  { name: 'guide', keys: ['信息公开指南', '公开指南'].map(betKey) },
  { name: 'catalog', keys: ['标准目录', '基层政务公开目录'].map(betKey) },
];
const names = (q: string) => matchBestBets(q, bets).map((b) => b.name);

describe('best bets: matching', () => {
  it('matches a question that contains a phrasing', () => {
    expect(names('信息公开申请怎么办')).toEqual(['apply']);
  });
  it('matches a query that is most of a phrasing', () => {
    expect(names('公开申请')).toEqual(['apply']);
  });
  it('does not match a short generic word', () => {
    expect(names('申请')).toEqual([]);
    expect(names('政务公开')).toEqual([]);
  });
  it('ignores punctuation, spaces and full-width forms', () => {
    expect(names('  依申请公开？ ')).toEqual(['apply']);
    expect(betKey('ＡＢＣ 公开，指南')).toBe('abc公开指南');
  });
  it('puts an exact phrasing before a partial one', () => {
    const two = [
      { name: 'partial', keys: [betKey('公开指南')] },
      { name: 'exact', keys: [betKey('信息公开指南')] },
    ];
    expect(matchBestBets('信息公开指南', two).map((b) => b.name)).toEqual(['exact', 'partial']);
  });
  it('folds Mongolian shaping controls and suffix connectors', () => {
    const mn = [{ name: 'mn', keys: [betKey('ᠵᠠᠰᠠᠭ\u202Fᠤᠨ ᠭᠠᠵᠠᠷ')] }];
    expect(matchBestBets('ᠵᠠᠰᠠᠭ\u180Eᠤᠨ ᠭᠠᠵᠠᠷ', mn).map((b) => b.name)).toEqual(['mn']);
  });
});

describe('best bets: content', () => {
  let site: SiteData;
  beforeAll(async () => {
    site = await loadSite({ root, source: `${F}/lib`, today });
  });

  it('reports every entry of best-bets.yaml that does not fit the schema, with its line', async () => {
    const r = await collectOpenData({ root, source: `${F}/bad-best-bets`, today, site });
    expect(r.problems.map(formatProblem)).toEqual([
      `${F}/bad-best-bets/open/best-bets.yaml:4 [1].page（页面）: 请填写 page 或 policy 之一（exactly one of page, policy）`,
      `${F}/bad-best-bets/open/best-bets.yaml:7 [2].page（页面）: 应为本站页面路径，不以 / 开头、以 / 结尾，如 open/apply/（a site path such as open/apply/）`,
      `${F}/bad-best-bets/open/best-bets.yaml:11 [3].queries[1]（问法）: 至少两个字（two characters or more）`,
      `${F}/bad-best-bets/open/best-bets.yaml:13 [4].page（页面）: 应在本站栏目之下（a page of this site）：policies/、interpretations/、search/、open/、gazette/、consultations/、special/、sitemap/`,
    ]);
  });

  it('reports a policy that is not in the library and a phrasing given to two pages', async () => {
    const r = await collectOpenData({ root, source: `${F}/bad-best-bets-refs`, today, site });
    expect(r.problems.map(formatProblem)).toEqual([
      `${F}/bad-best-bets-refs/open/best-bets.yaml:5 [1].policy（政策文件标识）: 找不到政策文件 "n-2023-x"（unknown policy id）；是否应为 "n-2023-b"？`,
      `${F}/bad-best-bets-refs/open/best-bets.yaml:9 [2].queries[1]（问法）: 问法 "依申请 公开" 已用于第 1 条（the same phrasing in two best bets）；同一问法只能指向一个页面`,
    ]);
  });

  it('gives the sample site a bet for "信息公开申请怎么办" that leads to 依申请公开', async () => {
    const sample = await loadSite({ root, today });
    const open = (await collectOpenData({ root, today, site: sample })).data!;
    expect(open.bestBets?.length).toBeGreaterThan(0);
    const zh = pageBestBets(localize(sample, 'zh-CN'), open.bestBets!, '/portal/');
    expect(matchBestBets('信息公开申请怎么办', zh)[0]).toMatchObject({ title: '依申请公开政府信息', href: '/portal/open/apply/' });
    // the Mongolian page links its own section and marks a Chinese title as Chinese
    const mn = pageBestBets(localize(sample, 'mn-Mong'), open.bestBets!, '/');
    expect(mn[0]).toMatchObject({ href: '/mn/open/apply/', lang: 'zh-CN' });
  });
});
