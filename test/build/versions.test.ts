/**
 * 历史版本 pages built from test/fixtures/content/versions-ok under a sub-path: the document page's
 * 版本 box, a dated page per version with its banner, and the comparison pages (plain HTML).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../helpers/build-site.ts';
import { brokenLinks, htmlFiles } from '../helpers/links.ts';

const BASE = '/zwgk/';
let outDir: string;
const page = (path: string) => readFileSync(join(outDir, path, 'index.html'), 'utf8');
const text = (html: string) => html.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, '');

beforeAll(() => {
  outDir = buildSite({ content: 'test/fixtures/content/versions-ok', base: BASE }).outDir;
});

describe('versions: pages', () => {
  it('the document page shows the version in force today and a 版本 box listing every version', () => {
    const html = page('policies/banfa');
    const box = /<section class="version-box"[\s\S]*?<\/section>/.exec(html)![0];
    for (const d of ['2004-10-18', '2012-03-01', '2021-07-20']) expect(box).toContain(`href="${BASE}policies/banfa/v/${d}/"`);
    expect(text(box)).toContain('2004年11月1日至2012年2月29日');
    expect(text(box)).toContain('2021年9月1日起');
    expect(box.match(/今日施行/g)).toHaveLength(1);
    // amending documents: linked when in the library, else 文号 and title as text
    expect(box).toContain(`href="${BASE}policies/xiugai-jueding/"`);
    expect(text(box)).toContain('示例旗人民政府关于修改《示例旗政务公开办法》的决定示政发〔2012〕3号');
    expect(box).toContain(`href="${BASE}policies/banfa/compare/2004-10-18/2012-03-01/"`);
    expect(box).toContain(`href="${BASE}policies/banfa/compare/2012-03-01/2021-07-20/"`);
    expect(box).toContain(`href="${BASE}policies/banfa/compare/2004-10-18/2021-07-20/"`);
    expect(text(html)).toContain('第一条 为了规范政务公开，制定本办法。');
  });

  it('an old version has a dated page whose banner names and links the latest', () => {
    const html = page('policies/banfa/v/2012-03-01');
    const banner = /<p class="banner[^"]*version-banner[^"]*"[^>]*>[\s\S]*?<\/p>/.exec(html)![0];
    expect(banner).toContain('role="note"');
    expect(text(banner)).toContain('这是本文件2012年3月1日公布的历史版本，施行期间：2012年3月1日至2021年8月31日。 现行版本：示例旗政务公开办法（2021年7月20日版本）');
    expect(banner).toContain(`href="${BASE}policies/banfa/v/2021-07-20/"`);
    expect(text(html)).toContain('第二条 本办法适用于本旗行政区域。');
    expect(html).toContain('<h1 class="doc-title">示例旗政务公开办法（2012年修正）</h1>');
    expect(html).toMatch(/<strong aria-current="page">2012年3月1日版本<\/strong>/);
    expect(text(page('policies/banfa/v/2021-07-20'))).toContain('这是本文件的最新版本（2021年7月20日公布）。');
  });

  it('a comparison page marks changes with ins/del and words, without JavaScript', () => {
    const html = page('policies/banfa/compare/2004-10-18/2012-03-01');
    expect(text(html)).toContain('新增0条，删除0条，修改1条，未修改2条。');
    const head = /<ul class="version-compare__versions">[\s\S]*?<\/ul>/.exec(html)![0];
    expect(head).toContain(`href="${BASE}policies/banfa/v/2004-10-18/"`);
    expect(head).toContain(`href="${BASE}policies/banfa/v/2012-03-01/"`);
    expect(html).toMatch(/<h1 class="doc-title"[^>]*>[^<]*版本对照/);
    const mod = /<li class="article-diff__unit article-diff__unit--mod[\s\S]*?<\/li>/.exec(html)![0];
    expect(text(mod)).toBe('修改第二条 本办法适用于本旗〔新增：〕行政区域〔止〕。');
    expect(mod).toMatch(/<ins><span class="visually-hidden">〔新增：〕<\/span>行政区域<span class="visually-hidden">〔止〕<\/span><\/ins>/);
    const whole = text(page('policies/banfa/compare/2004-10-18/2021-07-20'));
    expect(whole).toContain('〔删除：〕推进〔止〕');
    expect(whole).toContain('〔新增：〕规范〔止〕');
  });

  it('on the Mongolian page of a translated document the 版本 box is a Chinese block linking the /mn/ version pages', () => {
    const html = page('mn/policies/banfa');
    const block = /<div class="zh-block"[\s\S]*?<\/section>/.exec(html)![0];
    expect(block).toContain('lang="zh-CN"');
    expect(text(block)).toContain('2004年10月18日版本');
    expect(block).toContain(`href="${BASE}mn/policies/banfa/v/2004-10-18/"`);
    expect(block).toContain(`href="${BASE}policies/xiugai-jueding/"`);
    // the translation's own text is shown: the latest version is in force
    expect(text(html)).toContain('ᠵᠠᠰᠠᠭ ᠤᠨ ᠬᠡᠷᠡᠭ ᠢ ᠢᠯᠡ ᠪᠣᠯᠭᠠᠬᠤ᠃');
    // no version has a translation here: the earlier ones are Chinese blocks on /mn/ (versions-mn below)
    expect(page('mn/policies/banfa/v/2004-10-18')).toContain('<div class="zh-block__body" lang="zh-CN"');
  });

  it('a single-version document has no versions', () => {
    expect(page('policies/single')).not.toContain('version-box');
    expect(existsSync(join(outDir, 'policies/single/v'))).toBe(false);
  });

  it('permanent identifiers and old addresses are static redirect pages (meta refresh and a link, no script), not in the sitemap', () => {
    const eli = page('eli/示政发/2004/12');
    expect(eli).toContain(`<meta http-equiv="refresh" content="0; url=${BASE}policies/banfa/v/2004-10-18/">`);
    expect(eli).toContain(`<a href="${BASE}policies/banfa/v/2004-10-18/">示例旗政务公开办法</a>`);
    expect(eli).toContain('<meta name="robots" content="noindex">');
    expect(eli).not.toContain('<script');
    expect(page('eli/示政发/2021/10')).toContain(`url=${BASE}policies/banfa/"`);
    expect(page('eli/示政发/2021/10/2012-03-01')).toContain(`url=${BASE}policies/banfa/v/2012-03-01/"`);
    expect(page('eli/sl-zfb/2020/single')).toContain(`url=${BASE}policies/single/"`);
    expect(page('policies/zhengwu-gongkai-banfa')).toContain(`url=${BASE}policies/banfa/"`);
    const sitemap = readFileSync(join(outDir, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain('/zwgk/policies/banfa/v/2004-10-18/');
    expect(sitemap).not.toContain('/eli/');
    expect(sitemap).not.toContain('zhengwu-gongkai-banfa');
  });

  it('every page of the document exists and every link of the site resolves', () => {
    // the document, 3 versions, 3 comparisons
    expect(htmlFiles(join(outDir, 'policies/banfa'))).toHaveLength(7);
    expect(brokenLinks(outDir, BASE)).toEqual([]);
  });
});

describe('versions: pages built between the publication and the 施行 of a new version', () => {
  let dir: string;
  const at = (path: string) => readFileSync(join(dir, path, 'index.html'), 'utf8');
  beforeAll(() => {
    dir = buildSite({ content: 'test/fixtures/content/versions-ok', base: BASE, today: '2021-08-01' }).outDir;
  });
  it('the document page shows the 2012 text still in force and announces the new one', () => {
    const html = text(at('policies/banfa'));
    expect(html).toContain('第二条 本办法适用于本旗行政区域。');
    expect(html).not.toContain('第一条 为了规范政务公开');
    expect(html).toContain('本文件2021年7月20日公布的新版本自2021年9月1日起施行，此前仍适用下文所示版本。');
  });
  it('each version page names the version in force and the new one', () => {
    expect(text(at('policies/banfa/v/2012-03-01'))).toContain('这是本文件今日施行的版本（2012年3月1日公布）；新版本自2021年9月1日起施行。 最新版本：示例旗政务公开办法（2021年7月20日版本）');
    expect(text(at('policies/banfa/v/2021-07-20'))).toContain('这是本文件2021年7月20日公布的新版本，自2021年9月1日起施行，目前尚未施行。 现行版本：示例旗政务公开办法（2012年修正）（2012年3月1日版本）');
    expect(text(at('policies/banfa/v/2004-10-18'))).toContain('现行版本：示例旗政务公开办法（2012年修正）（2012年3月1日版本）');
  });
});

describe('versions: the library at each year\'s end without JavaScript (sample site)', () => {
  let dir: string;
  const at = (path: string) => readFileSync(join(dir, path, 'index.html'), 'utf8');
  /** the row of a document on a year-end page: its text, or undefined when it is not listed */
  const row = (html: string, id: string) => {
    const li = new RegExp(`<li data-asof-id="${id}">[\\s\\S]*?</li>`).exec(html);
    return li ? text(li[0]) : undefined;
  };
  const banfa = 'pbc-zhengquan-duanqi-rongziquan-banfa';
  beforeAll(() => {
    dir = buildSite().outDir;
  });

  it('2010: the 2004 version, in force, linked to its dated page; a document issued in 2021 is not listed', () => {
    const html = at('policies/asof/2010');
    expect(text(/<h1[^>]*>[^<]*<\/h1>/.exec(html)![0])).toBe('2010年年底的政策文件库');
    expect(html).toContain('<title>2010年年底的政策文件库 - ');
    expect(html).toMatch(/<meta name="ColumnName" content="2010年年底的政策文件库"/);
    const r = row(html, banfa)!;
    expect(r).toContain('中国人民银行公告〔2004〕第12号');
    expect(r).toContain('2004年10月18日版本');
    expect(r).toContain('现行有效');
    expect(r).not.toContain('2021');
    expect(html).toContain(`href="/policies/${banfa}/v/2004-10-18/"`);
    expect(row(html, 'kbs-2021-zwgk-yaodian')).toBeUndefined();
    // in force then as now, one version: counted, not listed
    expect(row(html, 'nmg-2009-zwgk-yaodian')).toBeUndefined();
    expect(text(/<p data-asof-same[^>]*>[\s\S]*?<\/p>/.exec(html)![0])).toMatch(/^2010年12月31日已公布的其余 [1-9]\d* 件文件/);
  });

  it('2022: the 2021 version is today\'s, so the document is counted, not listed; 2020: the 2021 document not yet issued', () => {
    const html = at('policies/asof/2022');
    expect(row(html, banfa)).toBeUndefined();
    expect(text(/<p data-asof-same[^>]*>[\s\S]*?<\/p>/.exec(html)![0])).toMatch(/^2022年12月31日已公布的其余 \d+ 件文件，当日的有效性和版本与现在相同。 查看现在的政策文件库$/);
    expect(row(at('policies/asof/2020'), 'kbs-2021-zwgk-yaodian')).toBeUndefined();
    expect(row(at('policies/asof/2010'), banfa)).toContain('2004年10月18日版本');
  });

  it('one page per past year from the earliest date, linked from the library page without JavaScript; /mn/ too', () => {
    const library = at('policies');
    const nav = /<nav class="pit-years"[\s\S]*?<\/nav>/.exec(library)![0];
    expect(nav).not.toContain('hidden');
    expect(nav).toContain('href="/policies/asof/2004/"');
    expect(nav).toContain('href="/policies/asof/2025/"');
    expect(nav).not.toContain('/policies/asof/2003/');
    // the build year is today's library: no year-end page
    expect(nav).not.toContain('/policies/asof/2026/');
    expect(existsSync(join(dir, 'policies/asof/2003'))).toBe(false);
    expect(existsSync(join(dir, 'policies/asof/2026'))).toBe(false);
    expect(at('mn/policies')).toContain('href="/mn/policies/asof/2010/"');
    // the translated documents were in force in 2010 as now: none listed, both counted
    const mn2010 = at('mn/policies/asof/2010');
    expect(mn2010).not.toContain('data-asof-id=');
    expect(text(/<p data-asof-none[^>]*>[\s\S]*?<\/p>/.exec(mn2010)![0])).toBe('2010年12月31日的有效性或版本与现在不同的文件：无。');
    expect(text(/<p data-asof-same[^>]*>[\s\S]*?<\/p>/.exec(mn2010)![0])).toContain('其余 1 件文件');
  });
});

describe('versions on /mn/: a translated version in Mongolian, the others Chinese and marked (versions-mn)', () => {
  let dir: string;
  const at = (path: string) => readFileSync(join(dir, path, 'index.html'), 'utf8');
  /** the Chinese blocks of a page (ZhBlock): their text */
  const blocks = (html: string) => [...html.matchAll(/<div class="zh-block[^"]*" data-zh-block>[\s\S]*?<\/div>\s*<\/div>/g)].map((m) => m[0]);
  beforeAll(() => {
    dir = buildSite({ content: 'test/fixtures/content/versions-mn', base: BASE }).outDir;
  });

  it('the 2012 version has a translation: its Mongolian title and text, outside any Chinese block', () => {
    const html = at('mn/policies/banfa/v/2012-03-01');
    const h1 = /<h1 class="doc-title"[^>]*>([^<]*)<\/h1>/.exec(html)![1]!;
    expect(h1).toMatch(/^ᠵᠠᠰᠠᠭ/);
    expect(text(html)).toContain('ᠰᠦᠯᠵᠢᠶᠡᠨ');
    expect(text(html)).not.toContain('第二条 本办法适用于本旗行政区域。');
    for (const b of blocks(html)) expect(b).not.toContain('ᠰᠦᠯᠵᠢᠶᠡᠨ');
    expect(html).toContain(`<link rel="alternate" hreflang="zh-CN" href="${BASE}policies/banfa/v/2012-03-01/">`);
  });

  it('the 2004 version has none: its Chinese text inside a Chinese block with the Mongolian note and a link to the Chinese page', () => {
    const html = at('mn/policies/banfa/v/2004-10-18');
    const [block] = blocks(html).filter((b) => b.includes('第一条 为了推进政务公开，制定本办法。'));
    expect(block).toBeDefined();
    expect(block).toContain('<div class="zh-block__body" lang="zh-CN"');
    expect(block).toMatch(/<p class="notice zh-block__note"[^>]*>ᠳᠠᠷᠠᠭᠠᠬᠢ/);
    expect(block).toContain(`href="${BASE}policies/banfa/v/2004-10-18/" hreflang="zh-CN"`);
  });

  it('the /mn/ comparison of two translated versions compares the Mongolian texts; with an untranslated one, the Chinese comparison in a Chinese block', () => {
    const mn = at('mn/policies/banfa/compare/2012-03-01/2021-07-20');
    const diff = /<ol class="article-diff"[\s\S]*<\/ol>/.exec(mn)![0];
    expect(text(diff)).toContain('ᠰᠦᠯᠵᠢᠶᠡᠨ');
    expect(text(diff)).toContain('ᠵᠠᠰᠠᠭ ᠤᠨ ᠬᠡᠷᠡᠭ ᠢ ᠢᠯᠡ ᠪᠣᠯᠭᠠᠬᠤ᠃');
    expect(text(diff)).not.toContain('第一条');
    const zh = at('mn/policies/banfa/compare/2004-10-18/2012-03-01');
    const [block] = blocks(zh);
    expect(text(block!)).toContain('修改第二条 本办法适用于本旗〔新增：〕行政区域〔止〕。');
    expect(block).toContain(`href="${BASE}policies/banfa/compare/2004-10-18/2012-03-01/" hreflang="zh-CN"`);
    // the head of the Chinese comparison is Chinese inside the block, linking the /mn/ version pages
    expect(block).toMatch(/<h1 class="doc-title"[^>]*>[^<]*版本对照/);
    expect(block).toContain(`href="${BASE}mn/policies/banfa/v/2004-10-18/"`);
  });

  it('the Chinese pages are as before, and every link of the site resolves', () => {
    expect(text(at('policies/banfa/v/2012-03-01'))).toContain('第二条 本办法适用于本旗行政区域。');
    expect(at('policies/banfa/v/2012-03-01')).toMatch(new RegExp(`<link rel="alternate" hreflang="mn[^"]*" href="${BASE}mn/policies/banfa/v/2012-03-01/">`));
    expect(brokenLinks(dir, BASE)).toEqual([]);
  });
});

describe('redirect pages in an incremental build', () => {
  const work = mkdtempSync(join(tmpdir(), 'portal-redirect-inc-'));
  it('carry a cache key: a rebuild reuses them (not written again) and writes the same bytes as a full build', () => {
    try {
      const out = join(work, 'out');
      buildSite({ content: 'test/fixtures/content/versions-ok', base: BASE, outDir: out });
      const eli = join(out, 'eli/示政发/2004/12/index.html');
      const old = join(out, 'policies/zhengwu-gongkai-banfa/index.html');
      const before = [statSync(eli).mtimeMs, statSync(old).mtimeMs];
      buildSite({ content: 'test/fixtures/content/versions-ok', base: BASE, outDir: out });
      expect([statSync(eli).mtimeMs, statSync(old).mtimeMs]).toEqual(before);
      expect(readFileSync(eli, 'utf8')).toBe(readFileSync(join(outDir, 'eli/示政发/2004/12/index.html'), 'utf8'));
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }, 300_000);
});
