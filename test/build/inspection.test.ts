/**
 * What a 政府网站 inspection and issue 16 look for in the built sample site (content/): the
 * 网页元数据 of the 政府网站发展指引 per page type, the footer's 党政机关网站标识, 找错 link and
 * 备案 links, one site name and one search box on the home page, the print header, the Mongolian
 * 404 page, a search form that sends nothing on change, and consultation badges the reader's
 * date can recompute.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../helpers/build-site.ts';

let outDir: string;
const read = (path: string) => readFileSync(join(outDir, path.endsWith('.html') ? path : join(path, 'index.html')), 'utf8');
const meta = (html: string) => Object.fromEntries([...html.matchAll(/<meta name="([A-Za-z]+)" content="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
const decode = (s: string) => s.replace(/&amp;/g, '&').replace(/&quot;/g, '"');

beforeAll(() => {
  outDir = buildSite().outDir;
});

describe('网页元数据 (国办发〔2017〕47号)', () => {
  it('names the site on the home page', () => {
    const m = meta(read(''));
    expect(m).toMatchObject({ SiteName: '内蒙古自治区人民政府办公厅', SiteDomain: 'www.example.gov.cn', SiteIDCode: '1500000001' });
    expect(m.ColumnName).toBeUndefined();
  });
  it('names the column on a column page', () => {
    expect(meta(read('policies/'))).toMatchObject({ SiteIDCode: '1500000001', ColumnName: '政策文件库', ColumnType: '政策文件' });
    expect(meta(read('open/reports/'))).toMatchObject({ ColumnType: '信息公开年报' });
  });
  it('describes a document on its page', () => {
    const m = meta(read('policies/nmg-2016-zwgk-yaodian/'));
    expect(Object.keys(m)).toEqual(expect.arrayContaining(['SiteName', 'SiteDomain', 'SiteIDCode', 'ColumnName', 'ColumnType', 'ArticleTitle', 'PubDate', 'ContentSource', 'Keywords', 'Author', 'Description', 'Url']));
    expect(m).toMatchObject({ ColumnName: '政策文件库', ColumnType: '政策文件', Url: 'https://www.example.gov.cn/policies/nmg-2016-zwgk-yaodian/' });
    expect(m.PubDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(meta(read('mn/policies/nmg-2009-zwgk-yaodian/')).Url).toBe('https://www.example.gov.cn/mn/policies/nmg-2009-zwgk-yaodian/');
  });
});

describe('footer', () => {
  const html = () => read('policies/');
  it('shows the 党政机关网站标识 from this site and links its record', () => {
    expect(html()).toMatch(/<a href="https:\/\/bszs\.conac\.cn\/sitename\?method=show&amp;id=[^"]+"[^>]*data-conac[^>]*><img src="\/images\/conac-placeholder\.png" alt="党政机关网站标识"/);
    expect(existsSync(join(outDir, 'images/conac-placeholder.png'))).toBe(true);
  });
  it('links 我为政府网站找错 with the 网站标识码 and this page', () => {
    const href = decode(/<a href="([^"]+)"[^>]*data-error-report/.exec(html())![1]!);
    const u = new URL(href);
    expect(u.searchParams.get('site_code')).toBe('1500000001');
    expect(u.searchParams.get('url')).toBe('https://www.example.gov.cn/policies/');
  });
  it('links the ICP and 公安 备案 numbers to their query pages', () => {
    expect(html()).toMatch(/<a href="https:\/\/beian\.miit\.gov\.cn\/"[^>]*data-icp[^>]*>蒙ICP备00000001号<\/a>/);
    expect(html()).toMatch(/<a href="http:\/\/www\.beian\.gov\.cn\/portal\/registerSystemInfo\?recordcode=15010202000001"[^>]*data-psb/);
  });
});

describe('pages', () => {
  it('shows one site name and one search box on the home page', () => {
    const home = read('');
    const shown = home.replace(/<head>[\s\S]*?<\/head>/, '').replace(/<footer[\s\S]*<\/footer>/, '').replace(/<div class="print-header">[\s\S]*?<\/div>/, '');
    expect(shown.match(/内蒙古自治区人民政府办公厅/g)).toHaveLength(1);
    expect(home.match(/role="search"/g)).toHaveLength(1);
    expect(home).toMatch(/<h1 class="site-header__title"><a [^>]*aria-current="page"[^>]*>内蒙古自治区人民政府办公厅<\/a><\/h1>/);
  });
  it('prints a header with the site name and the page address', () => {
    expect(read('policies/nmg-2016-zwgk-yaodian/')).toMatch(/<div class="print-header"><strong>内蒙古自治区人民政府办公厅<\/strong><span>https:\/\/www\.example\.gov\.cn\/policies\/nmg-2016-zwgk-yaodian\/<\/span><\/div>/);
  });
  it('has a Mongolian 404 page at mn/404.html', () => {
    const page = read('mn/404.html');
    expect(page).toMatch(/<html lang="mn-Mong" data-writing-mode="vertical-lr">/);
    expect(page).toContain('ᠬᠠᠭᠤᠳᠠᠰᠤ ᠣᠯᠳᠠᠭᠰᠠᠨ ᠦᠭᠡᠢ');
    expect(read('404.html')).toContain('页面未找到');
  });
  it('puts the search filters in a closed 筛选 disclosure with an 应用 button, for the one form', () => {
    for (const path of ['search/', 'mn/search/']) {
      const page = read(path);
      expect(page).toMatch(/<details class="filter-panel[^"]*" data-filter-panel>/);
      expect(page).toMatch(/<button type="submit" class="button" form="search-form" data-filter-apply>/);
      for (const m of page.matchAll(/<select [^>]*>/g)) expect(m[0]).toContain('form="search-form"');
      expect(page).not.toMatch(/onchange|requestSubmit/);
    }
    expect(read('search/')).toMatch(/data-filter-apply>应用<\/button>/);
  });
  it('folds the library facets into a 筛选 disclosure before the list, with a removable chip on a facet page', () => {
    const list = read('policies/');
    expect(list.indexOf('data-filter-panel')).toBeLessThan(list.indexOf('class="doc-list"'));
    expect(read('policies/year/2016/')).toMatch(/<a class="chip" href="\/policies\/"[^>]*data-filter="year"/);
  });
  it('gives each consultation badge its dates, for the status on the day it is read', () => {
    expect(read('consultations/')).toMatch(/<span class="status status--[^"]+" data-status="[^"]+" data-opens="\d{4}-\d{2}-\d{2}" data-closes="\d{4}-\d{2}-\d{2}"/);
  });
  it('hints at a 文号 the library has', () => {
    expect(read('search/')).toContain('placeholder="输入关键词、文号或标题，如：');
    expect(read('search/')).not.toContain('银发〔2015〕305号');
  });
});
