/**
 * The search page in Chromium over the built sample portal: a 文号 typed with other brackets
 * finds its document first, results render as ol[data-search-results] > li with the count in
 * [data-search-total], filters narrow and can be dropped, the ranking equals the Node engine's,
 * and the page contacts no host but its own. With JavaScript a search updates the page in place
 * (the address as a shared link would be, back and forward restore earlier searches); without
 * it the form is a plain GET form.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { buildSite } from '../helpers/build-site.ts';
import { ARTIFACTS, chromiumAvailable } from '../helpers/browser.ts';
import { siteInBrowser, type SiteInBrowser } from '../helpers/site-browser.ts';
import { loadEngine } from '../search/helpers.ts';

const BASE = '/portal/';
let site: SiteInBrowser;

describe.skipIf(!chromiumAvailable)('search page in Chromium (Debian chromium; skipped when absent)', () => {
  site = siteInBrowser(() => buildSite({ base: BASE }));

  async function searchFor(query: string, width = 1280): Promise<{ page: Page; titles: string[]; hrefs: string[]; total: string; external: string[] }> {
    const page = await site.browser.newPage({ viewport: { width, height: 900 } });
    const external: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith('http://127.0.0.1')) external.push(r.url());
    });
    await page.goto(`${site.served.url}search/?q=${encodeURIComponent(query)}`);
    await page.waitForSelector('[data-search-total]', { state: 'attached', timeout: 20_000 });
    const titles = await page.$$eval('ol[data-search-results] > li', (lis) => lis.map((li) => li.querySelector('a')?.textContent ?? ''));
    const hrefs = await page.$$eval('ol[data-search-results] > li', (lis) => lis.map((li) => li.querySelector('a')?.getAttribute('href') ?? ''));
    const total = (await page.textContent('[data-search-total]')) ?? '';
    return { page, titles, hrefs, total, external };
  }

  it('finds a 文号 typed with ASCII brackets and no 号 first', async () => {
    const { page, titles, total, external } = await searchFor('内政公办字(2016)5');
    expect(titles[0]).toBe('内蒙古自治区政务公开领导小组办公室关于印发2016年全区政务公开工作要点的通知');
    expect(Number(total)).toBeGreaterThan(0);
    expect(external).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'search-docnumber-desktop.png'), fullPage: true });
    await page.close();
  });

  it('ranks the same as the engine in Node', async () => {
    const query = '政务公开工作要点';
    const { page, hrefs } = await searchFor(query, 375);
    await page.screenshot({ path: join(ARTIFACTS, 'search-phrase-mobile.png'), fullPage: true });
    await page.close();
    const engine = await loadEngine(site.outDir);
    await engine.options({ basePath: pathToFileURL(join(site.outDir, 'search/')).href, baseUrl: BASE });
    const node = await engine.search(query, { limit: 20 });
    expect(hrefs.length).toBeGreaterThan(1);
    expect(hrefs).toEqual(node.results.map((r) => r.url));
  });

  it('highlights the matched text in readable excerpts', async () => {
    const { page } = await searchFor('权力清单');
    // the best policy result contains the phrase in its body, and its highlights are exactly the phrase
    // (records with the phrase in the title, such as 权力清单 lists, rank above it)
    const marks = await page.$$eval('ol[data-search-results] > li', (lis) => {
      const li = lis.find((l) => l.querySelector('a')?.getAttribute('href')?.includes('/policies/'));
      return [...(li?.querySelectorAll('mark') ?? [])].map((m) => m.textContent);
    });
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.every((m) => m === '权力清单')).toBe(true);
    const excerpt = await page.$$eval('ol[data-search-results] > li', (lis) =>
      lis.find((l) => l.querySelector('a')?.getAttribute('href')?.includes('/policies/'))?.querySelector('p')?.textContent ?? '',
    );
    expect(excerpt).toContain('权力清单');
    expect(excerpt).not.toMatch(/[\u4e00-\u9fff] [\u4e00-\u9fff]/);
    await page.close();
  });

  it('applies a filter from the form and lets the person drop it', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.served.url}search/?q=${encodeURIComponent('政务公开')}&kind=${encodeURIComponent('政策解读')}`);
    await page.waitForSelector('[data-search-total]', { state: 'attached' });
    const filtered = await page.$$eval('ol[data-search-results] > li a:first-child', (as) => as.map((a) => a.getAttribute('href')));
    expect(filtered.length).toBeGreaterThan(0);
    expect(filtered.every((h) => h?.includes('/interpretations/'))).toBe(true);
    await page.click('[data-search-active] a.chip');
    await page.waitForURL((u) => !u.searchParams.has('kind'));
    await page.waitForSelector('[data-search-total]', { state: 'attached' });
    const all = await page.$$eval('ol[data-search-results] > li a:first-child', (as) => as.map((a) => a.getAttribute('href')));
    expect(all.some((h) => h?.includes('/policies/'))).toBe(true);
    await page.close();
  });

  it('updates the results in place: same address as a shared link, focus and count, back and forward', async () => {
    const page = await site.browser.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.goto(`${site.served.url}search/`);
    // a mark on this document: a page load would lose it
    await page.evaluate(() => ((window as unknown as { mark: number }).mark = 1));
    const searchAndWait = async (query: string) => {
      await page.fill('#search-q', query);
      await page.press('#search-q', 'Enter');
      await page.waitForFunction(() => document.activeElement?.id === 'results-heading' && document.querySelector('[data-search-total]'));
      return page.$$eval('ol[data-search-results] > li > a', (as) => as.map((a) => a.textContent));
    };
    const first = await searchAndWait('政务公开');
    expect(first.length).toBeGreaterThan(0);
    expect(new URL(page.url()).search).toBe(`?q=${encodeURIComponent('政务公开')}`);
    expect(await page.textContent('[role=status]')).toMatch(/找到 \d+ 条结果/);
    const second = await searchAndWait('反洗钱');
    expect(second).not.toEqual(first);
    expect(new URL(page.url()).search).toBe(`?q=${encodeURIComponent('反洗钱')}`);
    // one search page load, one engine and one manifest for both searches
    expect(requests.filter((r) => r === `${BASE}search/`).length).toBe(1);
    expect(requests.filter((r) => r.endsWith('/search/manifest.json')).length).toBe(1);
    await page.goBack();
    await page.waitForFunction((q) => (document.querySelector('#search-q') as HTMLInputElement).value === q && document.querySelector('[data-search-total]'), '政务公开');
    expect(await page.$$eval('ol[data-search-results] > li > a', (as) => as.map((a) => a.textContent))).toEqual(first);
    await page.goForward();
    await page.waitForFunction((q) => (document.querySelector('#search-q') as HTMLInputElement).value === q && document.querySelector('[data-search-total]'), '反洗钱');
    expect(await page.$$eval('ol[data-search-results] > li > a', (as) => as.map((a) => a.textContent))).toEqual(second);
    // back to the empty page: no results, no count
    await page.goBack();
    await page.goBack();
    await page.waitForFunction(() => !document.querySelector('ol[data-search-results] > li'));
    expect(await page.$('[data-search-total]')).toBeNull();
    expect(await page.evaluate(() => (window as unknown as { mark?: number }).mark)).toBe(1);
    await page.close();
  });

  /**
   * The search page, its result files for 政务公开 held except the first three results' (ids as the
   * engine in Node ranks them); `release()` then lets the held ones and any later ones through
   * (`continue`) or answers them 404 (`fail`).
   */
  async function holdingAllButFirstThree(then: 'continue' | 'fail'): Promise<{ page: Page; held: () => number; release: () => void }> {
    const engine = await loadEngine(site.outDir);
    await engine.options({ basePath: pathToFileURL(join(site.outDir, 'search/')).href, baseUrl: BASE });
    const firstIds = (await engine.search('政务公开', { limit: 20, debug: true })).ids!.slice(0, 3);
    const page = await site.browser.newPage();
    await page.goto(`${site.served.url}search/`);
    const held: (() => void)[] = [];
    let released = false;
    await page.route(/\/search\/pagefind\/[^/]+\/(fragment|text)\//, (route) => {
      const id = route.request().url().replace(/^.*\/([^/.]+)\.[^/]*$/, '$1');
      if (firstIds.includes(id)) return route.continue();
      const answer = () => void (then === 'continue' ? route.continue() : route.fulfill({ status: 404, body: 'gone' }));
      if (released) answer();
      else held.push(answer);
    });
    const release = () => {
      released = true;
      held.forEach((answer) => answer());
    };
    return { page, held: () => held.length, release };
  }

  it('shows the first results while the rest load, then appends them without moving the focus or announcing again', async () => {
    const { page, held, release } = await holdingAllButFirstThree('continue');
    await page.fill('#search-q', '政务公开');
    await page.press('#search-q', 'Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'results-heading');
    expect(await page.locator('ol[data-search-results] > li').count()).toBe(3);
    expect(await page.getAttribute('ol[data-search-results]', 'aria-busy')).toBe('true');
    expect(await page.textContent('[role=status]')).toMatch(/找到 \d+ 条结果/);
    // the count is said now; [data-search-total] marks it once the page is complete
    expect(await page.$('[data-search-total]')).toBeNull();
    await page.evaluate(() => ((window as unknown as { count: Element | null }).count = document.querySelector('[role=status] strong')));
    const first = await page.$$eval('ol[data-search-results] > li > a', (as) => as.map((a) => a.textContent));
    expect(held()).toBeGreaterThan(0);
    release();
    await page.waitForSelector('[data-search-total]', { state: 'attached' });
    const all = await page.$$eval('ol[data-search-results] > li > a', (as) => as.map((a) => a.textContent));
    expect(all.length).toBeGreaterThan(3);
    expect(all.slice(0, 3)).toEqual(first);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('results-heading');
    expect(await page.getAttribute('ol[data-search-results]', 'aria-busy')).toBeNull();
    // the same count element, its text unchanged: nothing new for the live region to read
    expect(await page.evaluate(() => document.querySelector('[data-search-total]') === (window as unknown as { count: Element | null }).count)).toBe(true);
    await page.close();
  });

  it('says so when the rest of the page fails after the first results, the list no longer busy', async () => {
    // the other results' files are held until the first three are shown, then fail
    const { page, release } = await holdingAllButFirstThree('fail');
    await page.fill('#search-q', '政务公开');
    await page.press('#search-q', 'Enter');
    await page.waitForFunction(() => document.querySelectorAll('ol[data-search-results] > li').length === 3);
    release();
    await page.waitForFunction(() => !document.querySelector('ol[data-search-results]')?.hasAttribute('aria-busy'));
    expect(await page.textContent('[data-search-status]')).toContain('检索暂时不可用');
    expect(await page.$('[data-search-total]')).toBeNull();
    await page.close();
  });

  it('sends the form as a plain GET without JavaScript', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.served.url}search/`);
    await page.fill('#search-q', '政务公开');
    await Promise.all([page.waitForURL((u) => u.searchParams.get('q') === '政务公开'), page.press('#search-q', 'Enter')]);
    expect(await page.locator('p.notice', { hasText: 'JavaScript' }).isVisible()).toBe(true);
    await context.close();
  });

  it('says plainly when nothing matches', async () => {
    const { page, total } = await searchFor('量子引力波望远镜');
    expect(total).toBe('0');
    expect(await page.textContent('[data-search-status]')).toContain('没有找到');
    await page.close();
  });
});
