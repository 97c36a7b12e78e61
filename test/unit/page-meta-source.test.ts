/**
 * 文章来源 (ContentSource) on every 文章页: a 年报 or a 公报 issue, which name no issuing body of
 * their own, are the site's publications, and an inspection reads the item on every article page.
 */
import { describe, expect, it } from 'vitest';
import { pageMetaTags } from '../../src/lib/page-meta.ts';

const site = { siteName: '示例旗人民政府', siteDomain: 'www.example.gov.cn', siteCode: '1500000001', url: 'https://www.example.gov.cn/open/reports/2024/' };

describe('ContentSource', () => {
  it('names the site when an article page gives no source', () => {
    const tags = pageMetaTags({ ...site, kind: 'article', column: { name: '政府信息公开工作年度报告', type: '信息公开年报' }, article: { title: '2024年政府信息公开工作年度报告', published: '2025-01-20' } });
    expect(tags).toContainEqual(['ContentSource', '示例旗人民政府']);
  });
  it('keeps the source an article names', () => {
    const tags = pageMetaTags({ ...site, kind: 'article', column: { name: '政策文件库', type: '政策文件' }, article: { title: '通知', source: '示例旗人民政府办公室' } });
    expect(tags.filter(([n]) => n === 'ContentSource')).toEqual([['ContentSource', '示例旗人民政府办公室']]);
  });
  it('adds no ContentSource to a column page', () => {
    const tags = pageMetaTags({ ...site, kind: 'column', column: { name: '政策文件库', type: '政策文件' } });
    expect(tags.map(([n]) => n)).not.toContain('ContentSource');
  });
});
