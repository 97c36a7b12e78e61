import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { clearSiteCache, collectSite, loadSite } from '../../src/content/load.ts';
import { formatProblem } from '../../src/lib/errors.ts';
import { documentEli, eliIndex, eliTargets } from '../../src/lib/eli.ts';
import { redirectPages } from '../../src/lib/redirect-pages.ts';
import { toDocNumber } from '../../src/lib/docnumber.ts';
import { redirectsSchema, labels } from '../../src/schemas/redirects.ts';
import { validate } from '../../src/content/files.ts';
import { isConsumed } from '../../src/content/inventory.ts';
import { redirectPageFilter } from '../../src/integrations/redirect-paths.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const F = 'test/fixtures/content';
const today = '2025-06-01';
beforeEach(() => clearSiteCache());

const doc = (o: Record<string, unknown>) => ({ id: 'x', title: 'T', issuers: ['org-a'], published: '2021-07-23', source: 'x.md', body: '', bodyFormat: 'markdown' as const, ...o });

describe('permanent identifiers (ELI)', () => {
  it('come from the 文号 (机关代字, year, serial), else issuer, year and id', () => {
    expect(documentEli(doc({ docNumber: toDocNumber('银发〔2015〕305号')! }))).toBe('eli/银发/2015/305/');
    expect(documentEli(doc({ docNumber: toDocNumber('国务院令第656号')! }))).toBe('eli/国务院令/656/');
    expect(documentEli(doc({}))).toBe('eli/org-a/2021/x/');
  });
  it('a document with versions: one per version by date, and earlier versions by their own 文号', () => {
    const p = doc({
      docNumber: toDocNumber('中国人民银行公告〔2021〕第10号')!,
      versions: [{ date: '2004-10-18', title: 'T0', docNumber: toDocNumber('中国人民银行公告〔2004〕第12号')!, body: '', bodyFormat: 'markdown', source: 'v.md' }],
    });
    expect(eliTargets(p).map((t) => [t.path, t.version])).toEqual([
      ['eli/中国人民银行公告/2021/10/', undefined],
      ['eli/中国人民银行公告/2021/10/2004-10-18/', '2004-10-18'],
      ['eli/中国人民银行公告/2004/12/', '2004-10-18'],
      ['eli/中国人民银行公告/2021/10/2021-07-23/', '2021-07-23'],
    ]);
  });
  it('an identifier claimed twice is given to neither; a clash with a version is reported here', () => {
    const a = doc({ id: 'a', source: 'a.md', docNumber: toDocNumber('银发〔2015〕305号')! });
    const b = doc({ id: 'b', source: 'b.md', docNumber: toDocNumber('银发[2015]第305号')! });
    // two documents with one 文号: the duplicate-文号 rule reports them
    const r = eliIndex([a, b, doc({ id: 'c', source: 'c.md' })]);
    expect(r.targets.map((t) => t.path)).toEqual(['eli/org-a/2021/c/']);
    expect(r.problems).toEqual([]);
    // an earlier version issued under another document's 文号
    const v = doc({ id: 'v', source: 'v.md', versions: [{ date: '2015-01-01', title: 'V', docNumber: toDocNumber('银发〔2015〕305号')!, body: '', bodyFormat: 'markdown', source: 'v/versions/2015-01-01.md' }] });
    const r2 = eliIndex([a, v]);
    expect(r2.targets.map((t) => t.path)).not.toContain('eli/银发/2015/305/');
    expect(r2.problems.map(formatProblem)).toEqual(['v/versions/2015-01-01.md docNumber（发文字号）: 永久标识 /eli/银发/2015/305/ 与 a.md（a）相同，两者都不发布该标识（permanent identifier claimed twice）；同一文号只能属于一个文件；同一文件的不同版本请放在 versions/ 中']);
    expect(eliIndex([a, v], { lenient: true }).problems[0]!.severity).toBe('warning');
  });
});

describe('redirects.yaml', () => {
  it('is read, and redirect pages lead to documents, versions and the ELI targets', async () => {
    const data = await loadSite({ root, source: `${F}/versions-ok`, today });
    const pages = redirectPages(data, false);
    expect(pages).toContainEqual({ path: 'policies/zhengwu-gongkai-banfa/', to: 'policies/banfa/', title: '示例旗政务公开办法' });
    expect(pages).toContainEqual({ path: 'policies/zhengwu-gongkai-banfa/v/2004-10-18/', to: 'policies/banfa/v/2004-10-18/', title: '示例旗政务公开办法' });
    expect(pages).toContainEqual({ path: 'eli/示政发/2004/12/', to: 'policies/banfa/v/2004-10-18/', title: '示例旗政务公开办法' });
    expect(pages).toContainEqual({ path: 'eli/示政发/2021/10/2012-03-01/', to: 'policies/banfa/v/2012-03-01/', title: '示例旗政务公开办法（2012年修正）' });
    expect(pages).toContainEqual({ path: 'eli/示政发/2021/10/', to: 'policies/banfa/', title: '示例旗政务公开办法' });
    expect(new Set(pages.map((p) => p.path)).size).toBe(pages.length);
  });
  it('every rule: unique from, from not a page, to a page, no chains or loops', async () => {
    const r = await collectSite({ root, source: `${F}/redirects-bad`, today });
    const R = `${F}/redirects-bad/redirects.yaml`;
    expect(r.problems.map(formatProblem)).toEqual([
      `${R}:2 [0].to（新地址）: 新地址 policies/single/ 本身又被重定向（第 3 项）：不允许连续重定向（no redirect chains）；把 to 直接写成最终页面`,
      `${R}:3 [1].from（原地址）: 原地址 policies/old-a/ 重复，与第 1 项相同（duplicate from）`,
      `${R}:4 [1].to（新地址）: 新地址 policies/single/ 本身又被重定向（第 3 项）：不允许连续重定向（no redirect chains）；把 to 直接写成最终页面`,
      `${R}:5 [2].from（原地址）: 原地址 policies/single/ 是现有页面，不能重定向（from is an existing page）`,
      `${R}:8 [3].to（新地址）: 新地址 policies/old-c/ 本身又被重定向（第 5 项）：不允许连续重定向（no redirect chains）；把 to 直接写成最终页面`,
      `${R}:10 [4].to（新地址）: 新地址 policies/old-b/ 本身又被重定向（第 4 项）：不允许连续重定向（no redirect chains）；把 to 直接写成最终页面`,
      `${R}:12 [5].to（新地址）: 新地址 policies/nowhere/ 不是本站页面（target page does not exist）；写政策文件、解读、历史版本页面或栏目首页的路径，如 policies/<id>/`,
      `${R}:14 [6].to（新地址）: 新地址与原地址相同 policies/old-f/（redirect to itself）`,
    ]);
  });
  it('paths are site paths: no leading slash, no .., ending in /; unknown keys rejected', () => {
    const v = validate(redirectsSchema, [{ from: '/policies/a', to: '../etc/' }, { from: 'a/', to: 'b/', extra: 1 }, { from: 'a b/', to: 'x/?q=1/' }], { file: 'r.yaml', labels });
    expect(v.problems.map((p) => p.field)).toEqual(['[0].from', '[0].to', '[1].extra', '[2].from', '[2].to']);
    expect(validate(redirectsSchema, [{ from: 'policies/旧/', to: 'policies/new/' }], { file: 'r.yaml', labels }).problems).toEqual([]);
  });
  it('is content the inventory knows; redirect pages stay out of the sitemap', () => {
    expect(isConsumed('redirects.yaml')).toBe(true);
    const prev = process.env.PORTAL_CONTENT;
    process.env.PORTAL_CONTENT = `${root}${F}/versions-ok`;
    try {
      const isRedirect = redirectPageFilter('/zwgk/');
      expect(isRedirect('https://x.gov.cn/zwgk/eli/%E7%A4%BA%E6%94%BF%E5%8F%91/2012/3/')).toBe(true);
      expect(isRedirect('https://x.gov.cn/zwgk/policies/zhengwu-gongkai-banfa/')).toBe(true);
      expect(isRedirect('https://x.gov.cn/zwgk/policies/banfa/')).toBe(false);
    } finally {
      if (prev === undefined) delete process.env.PORTAL_CONTENT;
      else process.env.PORTAL_CONTENT = prev;
    }
  });
});
