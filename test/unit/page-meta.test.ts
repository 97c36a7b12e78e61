/**
 * 网页元数据 of the 政府网站发展指引 (src/lib/page-meta.ts) and the footer's identity items
 * (src/lib/site-identity.ts): per page type, the names and values an inspection reads.
 */
import { describe, expect, it } from 'vitest';
import { COLUMN_TYPES, columnKeyOf, pageMetaTags } from '../../src/lib/page-meta.ts';
import { errorReportUrl, psbQueryUrl, psbRecordCode } from '../../src/lib/site-identity.ts';
import { siteSchema } from '../../src/schemas/site.ts';

const site = { siteName: '示例旗人民政府', siteDomain: 'www.example.gov.cn', siteCode: '1500000001', url: 'https://www.example.gov.cn/policies/a/' };
const names = (tags: [string, string][]) => tags.map(([n]) => n);

describe('网页元数据', () => {
  it('gives the home page the site items only', () => {
    expect(pageMetaTags({ ...site, kind: 'home' })).toEqual([
      ['SiteName', '示例旗人民政府'],
      ['SiteDomain', 'www.example.gov.cn'],
      ['SiteIDCode', '1500000001'],
    ]);
  });
  it('gives a column page its column items', () => {
    const tags = pageMetaTags({ ...site, kind: 'column', column: { name: '政策文件库', type: '政策文件', description: '本机关的政策文件' } });
    expect(names(tags)).toEqual(['SiteName', 'SiteDomain', 'SiteIDCode', 'ColumnName', 'ColumnDescription', 'ColumnType']);
  });
  it('gives a document page every article item, in order, each on one line', () => {
    const tags = pageMetaTags({
      ...site,
      kind: 'article',
      column: { name: '政策文件库', type: '政策文件' },
      article: { title: '关于印发工作要点的通知', published: '2024-05-17', source: '示例旗人民政府办公室', author: '示例旗人民政府办公室', keywords: ['政务公开', '工作要点'], description: '第一行\n第二行' },
    });
    expect(tags).toEqual([
      ['SiteName', '示例旗人民政府'],
      ['SiteDomain', 'www.example.gov.cn'],
      ['SiteIDCode', '1500000001'],
      ['ColumnName', '政策文件库'],
      ['ColumnType', '政策文件'],
      ['ArticleTitle', '关于印发工作要点的通知'],
      ['PubDate', '2024-05-17'],
      ['ContentSource', '示例旗人民政府办公室'],
      ['Keywords', '政务公开,工作要点'],
      ['Author', '示例旗人民政府办公室'],
      ['Description', '第一行 第二行'],
      ['Url', 'https://www.example.gov.cn/policies/a/'],
    ]);
  });
  it('leaves out what a document does not have, and describes it by its title', () => {
    const tags = pageMetaTags({ ...site, kind: 'article', column: { name: '政府公报', type: '政府公报' }, article: { title: '2024年第1期' } });
    expect(names(tags)).not.toContain('PubDate');
    expect(tags).toContainEqual(['Description', '2024年第1期']);
  });
  it('finds the section of a path', () => {
    expect(columnKeyOf('')).toBe('home');
    expect(columnKeyOf('open/reports/2024/')).toBe('reports');
    expect(columnKeyOf('open/')).toBe('open');
    expect(columnKeyOf('policies/year/2016/')).toBe('policies');
  });
  it('gives the 404 page of every language the same Chinese 栏目类型 (the path without its language prefix)', () => {
    expect(columnKeyOf('404.html')).toBe('notFound');
    expect(columnKeyOf('404')).toBe('notFound');
    expect(COLUMN_TYPES[columnKeyOf('404.html')]).toBe('页面未找到');
  });
});

describe('footer identity items', () => {
  it('links a 公安机关备案号 to its record by its digits', () => {
    expect(psbRecordCode('蒙公网安备15010202000001号')).toBe('15010202000001');
    expect(psbQueryUrl('蒙公网安备 15010202000001号')).toBe('http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=15010202000001');
    expect(psbQueryUrl('蒙公网安备')).toBeUndefined();
  });
  it('names the site and the page in the 找错 link', () => {
    expect(errorReportUrl('https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code={siteCode}&url={url}', '1500000001', 'https://www.example.gov.cn/a/?b=1')).toBe(
      'https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code=1500000001&url=https%3A%2F%2Fwww.example.gov.cn%2Fa%2F%3Fb%3D1',
    );
  });
});

describe('site.yaml: inspection items', () => {
  const base = { name: '示例', region: '150000', level: '自治区', siteCode: '1500000001', organizer: '示例', contacts: {} };
  it('accepts the 党政机关网站标识 as an image of this site and its record link', () => {
    const r = siteSchema.safeParse({ ...base, conac: { url: 'https://bszs.conac.cn/sitename?method=show&id=X', image: 'images/conac.png' }, errorReport: 'https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code={siteCode}&url={url}' });
    expect(r.success && r.data.conac).toEqual({ url: 'https://bszs.conac.cn/sitename?method=show&id=X', image: 'images/conac.png', alt: '党政机关网站标识' });
  });
  it('refuses an image on another host, an active file and a 找错 link that is not https', () => {
    for (const bad of [{ conac: { url: 'https://a.cn/', image: 'https://dcs.conac.cn/image/red.png' } }, { conac: { url: 'https://a.cn/', image: 'images/mark.svg' } }, { errorReport: 'http://a.cn/?u={url}' }]) {
      expect(siteSchema.safeParse({ ...base, ...bad }).success).toBe(false);
    }
  });
});
