/**
 * Issue #16 acceptance, checked page by page in Chromium the way a citizen and an inspector
 * meet the portal, for what the other browser suites do not look at: every page type loads with
 * no console error, failed request or script error; a closed filter group (发文机关, 主题分类) shows
 * that it opens (a flex <summary> drops the native marker); the 404 page has one search box;
 * Mongolian text in a Chinese block, and Chinese on a Mongolian page, say their language;
 * every focus ring (Tab, and the results heading a search focuses) has 3:1 contrast; a checkbox's
 * label and the ways on from a search with no result are 44 px targets; every 文章页 carries the 指引's ContentSource and Url.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ConsoleMessage, Page, Request, Response } from 'playwright-core';
import { buildSite } from '../helpers/build-site.ts';
import { htmlFiles } from '../helpers/links.ts';
import { chromiumAvailable } from '../helpers/browser.ts';
import { siteInBrowser, visitInTabs, type SiteInBrowser } from '../helpers/site-browser.ts';
import { focusIndicatorProblems, focusedProblem } from './focus-contrast.ts';

let site: SiteInBrowser;
const q = encodeURIComponent;
/** one page of each type, Chinese and Mongolian */
const PAGE_TYPES = [
  '', 'policies/', 'policies/nmg-2016-zwgk-yaodian/', 'interpretations/nmg-2016-zwgk-yaodian-wenda/', `search/?q=${q('政务公开')}`,
  `search/?q=${q('zzzxqqq')}`, 'open/', 'open/catalog/jiuye/', 'open/guide/', 'open/powers/minzheng/', 'open/reports/2024/',
  'open/apply/form/', 'gazette/2016/12/', 'consultations/zwgk-biaozhun-mulu-2026/', 'special/jiuye/', 'sitemap/', '404.html',
  'mn/', 'mn/policies/', 'mn/policies/nmg-2009-zwgk-yaodian/', `mn/search/?q=${q('ᠵᠠᠰᠠᠭ')}`, 'mn/open/', 'mn/open/catalog/jiuye/',
  'mn/open/apply/form/', 'mn/consultations/zwgk-biaozhun-mulu-2026/', 'mn/gazette/2016/12/', 'mn/404.html',
];

/** Loads `path` into `page` (a fresh tab or one reused from page to page); returns what goes wrong
 * meanwhile: console and script errors, failed requests and HTTP errors. */
async function load(page: Page, path: string): Promise<string[]> {
  // a reused tab: leave the page before, so none of its requests is cut off while we listen
  if (page.url() !== 'about:blank') await page.goto('about:blank');
  const problems: string[] = [];
  const onConsole = (m: ConsoleMessage) => { if (m.type() === 'error') problems.push(`/${path}: console error: ${m.text()}`); };
  const onPageError = (e: Error) => problems.push(`/${path}: script error: ${e.message}`);
  const onFailed = (r: Request) => problems.push(`/${path}: request failed: ${r.url()}`);
  const onResponse = (r: Response) => { if (r.status() >= 400) problems.push(`/${path}: HTTP ${r.status()} ${r.url()}`); };
  page.on('console', onConsole).on('pageerror', onPageError).on('requestfailed', onFailed).on('response', onResponse);
  try {
    await page.goto(site.served.url + path, { waitUntil: 'load' });
    if (path.includes('search/?')) await page.waitForSelector('[data-search-total]', { state: 'attached', timeout: 20_000 });
  } finally {
    page.off('console', onConsole).off('pageerror', onPageError).off('requestfailed', onFailed).off('response', onResponse);
  }
  return problems;
}

async function open(path: string, width: number): Promise<{ page: Page; problems: string[] }> {
  const context = await site.browser.newContext({ viewport: { width, height: 812 } });
  const page = await context.newPage();
  page.on('close', () => context.close().catch(() => {}));
  return { page, problems: await load(page, path) };
}

/** The marker a <summary> shows: the box of its ::before (or the native marker when it has one). */
const markerOf = (page: Page, selector: string) =>
  page.$$eval(selector, (els) =>
    els.map((el) => {
      const before = getComputedStyle(el, '::before');
      const drawn = before.content !== 'none' && before.content !== 'normal' && ['Top', 'Right', 'Bottom', 'Left'].some((s) => parseFloat(before.getPropertyValue(`border-${s.toLowerCase()}-width`)) > 0);
      const native = getComputedStyle(el).display === 'list-item' && getComputedStyle(el).listStyleType !== 'none';
      const sides = ['top', 'right', 'bottom', 'left'].map((s) => `${before.getPropertyValue(`border-${s}-width`)} ${before.getPropertyValue(`border-${s}-color`)}`).join('|');
      return { text: el.textContent?.trim() ?? '', open: (el.parentElement as HTMLDetailsElement).open, shown: drawn || native, sides };
    }),
  );

describe.skipIf(!chromiumAvailable)('#16 acceptance: page types as a citizen and an inspector meet them (Chromium; skipped when absent)', () => {
  site = siteInBrowser(() => buildSite());

  it('loads every page type with no console error, failed request or script error', async () => {
    // a tab per worker, reused from page to page (nothing here is stored between pages)
    const problems = await visitInTabs(site.browser, PAGE_TYPES, 2, load, { viewport: { width: 375, height: 812 } });
    expect(problems).toEqual([]);
  }, 300_000);

  for (const path of ['policies/', 'mn/policies/']) {
    it(`/${path}: every filter group shows a marker, and open and closed ones differ`, async () => {
      for (const width of [375, 1280]) {
        const { page } = await open(path, width);
        const markers = await markerOf(page, '.filter-panel > summary, .facets details > summary');
        expect(markers.length).toBeGreaterThan(3);
        expect(markers.filter((m) => !m.shown), `${width} px`).toEqual([]);
        const closed = markers.filter((m) => !m.open);
        const opened = markers.filter((m) => m.open);
        expect(closed.length, 'the sample library has closed groups').toBeGreaterThan(0);
        expect(opened.length).toBeGreaterThan(0);
        expect(new Set(opened.map((m) => m.sides)).has(closed[0]!.sides)).toBe(false);
        await page.close();
      }
    });
  }

  it('has one search box on the 404 page, Chinese and Mongolian', async () => {
    for (const path of ['404.html', 'mn/404.html']) {
      const { page } = await open(path, 375);
      expect(await page.locator('form[role=search]').count(), path).toBe(1);
      await expect(page.locator('form[role=search] input[name=q]').isVisible()).resolves.toBe(true);
      await page.close();
    }
  });

  it('makes the label of every checkbox a 44 px target', async () => {
    for (const path of ['search/', 'mn/search/']) {
      const { page } = await open(path, 375);
      const small = await page.$$eval('input[type=checkbox]', (boxes) =>
        boxes
          .map((b) => document.querySelector(`label[for="${b.id}"]`) ?? b.closest('label'))
          .filter((l): l is HTMLLabelElement => !!l && l.getClientRects().length > 0)
          .map((l) => l.getBoundingClientRect())
          .filter((r) => Math.min(r.width, r.height) < 44)
          .map((r) => `${Math.round(r.width)}×${Math.round(r.height)}`),
      );
      expect(small, path).toEqual([]);
      await page.close();
    }
  });

  it('makes the ways on from a search with no result 44 px targets', async () => {
    for (const path of [`search/?q=${q('zzzxqqq')}`, `mn/search/?q=${q('zzzxqqq')}`]) {
      const { page } = await open(path, 375);
      await page.waitForSelector('[data-search-next]:not([hidden])');
      const sizes = await page.$$eval('[data-search-next] a', (as) => as.map((a) => a.getBoundingClientRect()).map((r) => Math.min(r.width, r.height)));
      expect(sizes.length, path).toBe(2);
      expect(sizes.filter((s) => s < 44), path).toEqual([]);
      await page.close();
    }
  });

  it('shows every keyboard focus with a ring of at least 3:1 against its background, default and 高对比度', async () => {
    const problems: string[] = [];
    for (const prefs of [{}, { fontSize: 'xlarge', contrast: 'high' }]) {
      for (const path of ['', 'policies/', 'policies/nmg-2016-zwgk-yaodian/', 'open/apply/form/', 'mn/policies/']) {
        const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
        await context.addInitScript((p) => localStorage.setItem('portal-prefs', JSON.stringify(p)), prefs);
        const page = await context.newPage();
        await page.goto(site.served.url + path, { waitUntil: 'load' });
        problems.push(...(await focusIndicatorProblems(page, 80)).map((p) => `/${path} ${JSON.stringify(prefs)}: ${p}`));
        await context.close();
      }
    }
    expect(problems).toEqual([]);
  }, 120_000);

  it('rings the results heading the search moves the focus to at 3:1 or more', async () => {
    const { page } = await open(`search/?q=${q('政务公开')}`, 375);
    await page.waitForFunction(() => document.activeElement?.id === 'results-heading');
    expect(await focusedProblem(page)).toBe('');
    await page.close();
  });

  it('marks the language of Mongolian text inside Chinese blocks, and of Chinese runs on Mongolian pages', async () => {
    // the search page: results whose titles mix Chinese and Mongolian (社会救助 ᠰᠠᠯᠪᠤᠷᠢ…)
    const mnPages = [...PAGE_TYPES.filter((p) => p.startsWith('mn/')), `mn/search/?q=${q('ᠰᠠᠯᠪᠤᠷᠢ')}`, 'mn/open/rules/', 'mn/gazette/2020/11/', 'mn/open/reports/2024/', 'mn/open/guide/'];
    const problems = await visitInTabs(site.browser, mnPages, 2, async (page, path) => {
      await load(page, path);
      if (path.includes('search/?')) expect(await page.locator('[data-search-results] li').count(), path).toBeGreaterThan(0);
      const found = await page.evaluate(() => {
        const out: string[] = [];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const el = n.parentElement!;
          if (el.closest('script, style, [hidden]')) continue;
          const text = n.textContent ?? '';
          const lang = el.closest('[lang]')?.getAttribute('lang') ?? '';
          if (/[\u1800-\u18AF]/.test(text) && !lang.startsWith('mn')) out.push(`Mongolian marked lang="${lang}": ${text.trim().slice(0, 16)}`);
          if (/[\u4E00-\u9FFF]{4,}/.test(text) && lang.startsWith('mn')) out.push(`Chinese marked lang="${lang}": ${text.trim().slice(0, 16)}`);
        }
        return out;
      });
      return found.map((f) => `/${path}: ${f}`);
    }, { viewport: { width: 1280, height: 812 } });
    expect(problems).toEqual([]);
  }, 120_000);

  it('labels every result type in Mongolian on the Mongolian search page', async () => {
    const { page } = await open(`mn/search/?q=${q('ᠵᠠᠰᠠᠭ')}`, 1280);
    const kinds = await page.$$eval('[data-search-results] .doc-list__kind', (els) => els.map((e) => e.textContent ?? ''));
    expect(kinds.length).toBeGreaterThan(5);
    expect(kinds.filter((k) => /[\u4E00-\u9FFF]/.test(k))).toEqual([]);
    await page.close();
  });

  it('gives every 文章页 (a page with a Url item) its ContentSource, PubDate and ArticleTitle', () => {
    const missing: string[] = [];
    for (const file of htmlFiles(site.outDir)) {
      const html = readFileSync(file, 'utf8');
      if (!/<meta name="Url"/.test(html)) continue;
      for (const name of ['ContentSource', 'ArticleTitle', 'PubDate', 'ColumnName', 'ColumnType']) {
        if (!new RegExp(`<meta name="${name}" content="[^"]+"`).test(html)) missing.push(`${relative(site.outDir, file)}: ${name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  const metaOf = (path: string) => {
    const html = readFileSync(`${site.outDir}/${path}${path.endsWith('.html') ? '' : 'index.html'}`, 'utf8');
    return Object.fromEntries([...html.matchAll(/<meta name="([^"]+)" content="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
  };
  const VERSION = 'policies/pbc-zhengquan-duanqi-rongziquan-banfa/v/2004-10-18/';
  const COMPARE = 'policies/pbc-zhengquan-duanqi-rongziquan-banfa/compare/2004-10-18/2021-07-23/';

  it('names the column (政策文件库), not the document, on version and comparison pages; a comparison is a 文章页 of the newer date', () => {
    expect(metaOf(VERSION).ColumnName).toBe('政策文件库');
    const cmp = metaOf(COMPARE);
    expect(cmp.ColumnName).toBe('政策文件库');
    expect(cmp.ArticleTitle).toMatch(/版本对照/);
    expect(cmp.PubDate).toBe('2021-07-23');
    expect(cmp.ColumnDescription).toBeUndefined();
    expect(cmp.description).toBeUndefined(); // Description (the 指引's) says it once
    expect(cmp.Description).toBeTruthy();
  });

  it('writes the 404 page ColumnType in Chinese in every language', () => {
    expect(metaOf('mn/404.html').ColumnType).toBe(metaOf('404.html').ColumnType);
    expect(metaOf('404.html').ColumnType).toMatch(/^[\u4E00-\u9FFF]+$/);
  });

  it('prints no heading of the 版本 box without what it heads', async () => {
    const { page } = await open(VERSION, 1280);
    await page.emulateMedia({ media: 'print' });
    const alone = await page.$$eval('.version-box h2, .version-box h3', (hs) =>
      hs.filter((h) => h.getClientRects().length > 0 && !(h.nextElementSibling && h.nextElementSibling.getClientRects().length > 0 && h.nextElementSibling.textContent?.trim())).map((h) => h.textContent),
    );
    expect(alone).toEqual([]);
    await page.close();
  });

  it('names every landmark of the 年报 page apart (axe landmark-unique)', async () => {
    for (const path of ['open/reports/2024/', 'mn/open/reports/2024/']) {
      const { page } = await open(path, 1280);
      const names = await page.$$eval('[role=region], section[aria-labelledby], section[aria-label]', (els) =>
        els.map((e) => e.getAttribute('aria-label') ?? (e.getAttribute('aria-labelledby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ')),
      );
      expect(names.length, path).toBeGreaterThan(4);
      expect(names.filter((n, i) => names.indexOf(n) !== i), path).toEqual([]);
      await page.close();
    }
  });

  it('sets the paper 申请表 with no header one character per line at 320 px with 特大 text', async () => {
    const context = await site.browser.newContext({ viewport: { width: 320, height: 800 } });
    await context.addInitScript(() => localStorage.setItem('portal-prefs', JSON.stringify({ fontSize: 'xlarge' })));
    const page = await context.newPage();
    await page.goto(`${site.served.url}open/apply/form/`, { waitUntil: 'load' });
    const narrow = await page.$$eval('.paper-form th', (ths) =>
      ths
        .filter((th) => (th.textContent ?? '').trim().length > 1)
        .map((th) => {
          const cs = getComputedStyle(th);
          const inner = th.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
          return { text: th.textContent!.trim(), inner, em: parseFloat(cs.fontSize) };
        })
        .filter((h) => h.inner < 2 * h.em),
    );
    expect(narrow).toEqual([]);
    expect(await page.$$eval('.paper-form th', (ths) => ths.map((t) => t.textContent!.trim()).filter((t) => t === '申请人类型').length)).toBe(1);
    await context.close();
  });
});
