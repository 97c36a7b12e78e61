/**
 * Chinese inside vertical Mongolian pages (issue 17 item 4), in Chromium over the built sample
 * portal, on every 政务公开 page under /mn/ (open/, consultations/, gazette/, special/) and every
 * document and interpretation page (policies/, interpretations/), at desktop and phone size.
 *
 * The rule: Chinese is set vertically only as a short inline run inside Mongolian text (a name,
 * a title, a 文号), upright and in one column when it is longer than a few words. Anything more is
 * a horizontal block marked lang="zh-CN" (ZhBlock) with a Mongolian note that it is Chinese and a
 * link to the Chinese page. Concretely, for the text inside <main>:
 *  1. a Han run (Han characters with CJK punctuation and digits between them) in vertical
 *     writing mode has at most MAX_RUN Han characters, DOC_MAX_RUN on document and
 *     interpretation pages (a longer run in a translation is a horizontal span.zh-island);
 *  2. a vertical Han run of more than WRAP_RUN Han characters lies in one column (its client
 *     rects share one x range): Chinese columns never run left to right;
 *  3. a table whose body cells are mostly Chinese (more cells with Han and no Mongolian letters
 *     than other cells with text) is laid out horizontal-tb, so its cells are never broken into
 *     2–4 character columns;
 *  4. every ZhBlock body is horizontal-tb, marked lang="zh-CN", preceded by a Mongolian note with
 *     a link to the same page in Chinese, and no taller than the page (the page never scrolls
 *     vertically; the box scrolls inside itself and is reachable with the keyboard).
 *
 * The rule is measured in the page by ./chinese-in-mongolian.ts. Every page it covers is checked
 * at desktop and phone size in the visit of every /mn/ page in mongolian.test.ts (checklist 1, 15),
 * which loads those pages anyway; this file checks that the pages cover every page type, that the
 * rule holds on a search excerpt, and that it catches what the issue reported.
 */
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { buildSite } from '../helpers/build-site.ts';
import { serveDist, type Served } from '../helpers/serve.ts';
import { chromiumAvailable, launchChromium } from '../helpers/browser.ts';
import { htmlFiles } from '../helpers/links.ts';
import { CHINESE_SECTIONS, CHINESE_SIZES as SIZES, DOC_MAX_RUN, MAX_RUN, WRAP_RUN, chineseLimitsFor, chineseProblems } from './chinese-in-mongolian.ts';

const BASE = '/portal/';

let browser: Browser;
let served: Served;
let pages: string[];

describe.skipIf(!chromiumAvailable)('Chinese inside vertical Mongolian pages (Debian chromium; skipped when absent)', () => {
  beforeAll(async () => {
    const { outDir } = buildSite({ base: BASE });
    served = await serveDist(outDir, BASE);
    browser = await launchChromium();
    const site = (f: string) => relative(outDir, f).replace(/index\.html$/, '').split('\\').join('/');
    pages = CHINESE_SECTIONS.flatMap((d) => htmlFiles(join(outDir, 'mn', d))).map(site).sort();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  it('covers the 政务公开 page types: report, catalogue, powers, guide, rules, apply and form, consultations, 政府公报, 专题, documents and interpretations', () => {
    for (const p of ['mn/open/', 'mn/open/guide/', 'mn/open/rules/', 'mn/open/apply/', 'mn/open/apply/form/', 'mn/open/catalog/', 'mn/open/powers/', 'mn/open/reports/']) expect(pages).toContain(p);
    for (const kind of [/^mn\/open\/reports\/\d{4}\/$/, /^mn\/open\/catalog\/[^/]+\/$/, /^mn\/open\/catalog\/[^/]+\/[^/]+\/[^/]+\/$/, /^mn\/open\/powers\/[^/]+\/$/, /^mn\/consultations\/[^/]+\/$/, /^mn\/gazette\/\d{4}\/\d+\/$/, /^mn\/special\/[^/]+\/$/, /^mn\/policies\/[^/]+-[^/]+\/$/, /^mn\/interpretations\/[^/]+-[^/]+\/$/]) {
      expect(pages.some((p) => kind.test(p)), String(kind)).toBe(true);
    }
    // the visit in mongolian.test.ts applies the rule to each of them
    expect(pages.filter((p) => !chineseLimitsFor(p))).toEqual([]);
  });

  it('a search excerpt with the long Chinese run shows it as one horizontal island around the highlighted words', async () => {
    for (const [width, height] of SIZES) {
      const page = await browser.newPage({ viewport: { width, height } });
      await page.goto(served.url + `mn/search/?q=${encodeURIComponent('乌兰浩特')}`);
      await page.waitForSelector('.doc-list__excerpt mark');
      const r = await page.evaluate(() =>
        [...document.querySelectorAll('.doc-list__excerpt')].map((e) => ({
          islands: [...e.querySelectorAll('.zh-island')].map((i) => `${getComputedStyle(i).writingMode} ${i.getAttribute('lang')} ${i.querySelector('mark')?.textContent}`),
          text: e.textContent ?? '',
        })),
      );
      const found = await page.evaluate(chineseProblems, { maxRun: DOC_MAX_RUN, wrapRun: WRAP_RUN });
      await page.close();
      expect(r.length, `${width}`).toBeGreaterThan(0);
      for (const x of r) {
        expect(x.text).toContain('兴安盟乌兰浩特市、通辽市');
        expect(x.islands).toEqual(['horizontal-tb zh-CN 乌兰浩特']);
      }
      expect(found.filter((p) => p.includes('vertical Han run'))).toEqual([]);
    }
  });

  it('the rule catches what the issue reported: a Chinese paragraph and a Chinese table set vertically', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(served.url + 'mn/open/');
    await page.evaluate(() => {
      // styles through the CSSOM: the page's CSP refuses style attributes
      const main = document.querySelector('main')!;
      const p = document.createElement('p');
      p.lang = 'zh-CN';
      p.textContent = '政府信息公开'.repeat(8);
      p.style.writingMode = 'vertical-lr';
      p.style.maxInlineSize = '6em';
      const table = document.createElement('table');
      table.innerHTML = '<tbody><tr><td>政策文件</td><td>就业服务</td></tr></tbody>';
      table.style.writingMode = 'vertical-lr';
      // a 17-character Chinese name inline in a Mongolian sentence: tolerated elsewhere, not in a document body
      const q = document.createElement('p');
      q.append('ᠪᠢᠴᠢᠭ ', Object.assign(document.createElement('span'), { lang: 'zh-CN', textContent: '内蒙古自治区政务公开领导小组办公室' }), ' ᠪᠠ');
      main.append(p, table, q);
    });
    const found = await page.evaluate(chineseProblems, { maxRun: MAX_RUN, wrapRun: WRAP_RUN });
    const inDocument = await page.evaluate(chineseProblems, { maxRun: DOC_MAX_RUN, wrapRun: WRAP_RUN });
    await page.close();
    expect(found.some((p) => p.includes('vertical Han run of 17 characters')), found.join('\n')).toBe(false);
    expect(inDocument.some((p) => p.includes('vertical Han run of 17 characters')), inDocument.join('\n')).toBe(true);
    expect(found.some((p) => p.includes('vertical Han run of 48 characters')), found.join('\n')).toBe(true);
    expect(found.some((p) => p.includes('a Chinese table (2/2 cells) set vertically'))).toBe(true);
  });
});
