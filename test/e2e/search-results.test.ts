/**
 * What a search result page says, in Chromium over the built sample portal: type labels and
 * dates as the page's language writes them, 推荐结果 above the results, a no-result page with a
 * way on (the nearest 文号 and links to the 政策文件库 and 依申请公开), oldest-first lists with the
 * undated pages last, clean URLs; and consultation statuses recomputed with the reader's date.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { buildSite } from '../helpers/build-site.ts';
import { chromiumAvailable } from '../helpers/browser.ts';
import { siteInBrowser, type SiteInBrowser } from '../helpers/site-browser.ts';
import { loadEngine } from '../search/helpers.ts';

let site: SiteInBrowser;

async function search(qs: string, prefix = ''): Promise<Page> {
  const page = await site.browser.newPage();
  await page.goto(`${site.served.url}${prefix}search/?${qs}`);
  await page.waitForSelector('[data-search-total]', { state: 'attached', timeout: 20_000 });
  return page;
}
const q = (s: string) => `q=${encodeURIComponent(s)}`;
const metas = (page: Page) =>
  page.$$eval('ol[data-search-results] > li', (lis) =>
    lis.map((li) => ({ kind: li.querySelector('.doc-list__kind')?.textContent ?? '', date: li.querySelector('time')?.getAttribute('datetime') ?? '', text: li.querySelector('time')?.textContent ?? '' })),
  );

describe.skipIf(!chromiumAvailable)('search results (Chromium; skipped when absent)', () => {
  site = siteInBrowser(() => buildSite());

  it('labels each result with its type and writes dates as Chinese does', async () => {
    const page = await search(q('政务公开'));
    const m = await metas(page);
    expect(m.every((r) => r.kind !== '')).toBe(true);
    expect(m.map((r) => r.kind)).toContain('政策解读');
    for (const r of m.filter((x) => x.date)) {
      const [y, mo, d] = r.date.split('-').map(Number);
      expect(r.text).toBe(`${y}年${mo}月${d}日`);
    }
    await page.close();
  });

  it('writes dates the Mongolian way on the Mongolian page', async () => {
    const page = await search(q('ᠵᠠᠰᠠᠭ'), 'mn/');
    const m = (await metas(page)).filter((r) => r.date);
    expect(m.length).toBeGreaterThan(0);
    // "2023 ᠣᠨ ᠤ 5 ᠳ᠋ᠤᠭᠠᠷ ᠰᠠᠷ᠎ᠠ ᠶᠢᠨ 17": the month's ordinal suffix by its last digit (src/lib/mongolian/numbers.ts)
    for (const r of m) expect(r.text).toMatch(/^\d{4} ᠣᠨ\u202Fᠤ \d{1,2} ᠳ\u180B(?:ᠤᠭᠠᠷ|ᠦᠭᠡᠷ) ᠰᠠᠷ\u180Eᠠ\u202Fᠶᠢᠨ \d{1,2}$/);
    await page.close();
  });

  it('shows the 有效性 of a policy, which the engine passes on', async () => {
    const engine = await loadEngine(site.outDir);
    await engine.options({ basePath: new URL(`file://${site.outDir}/search/`).href });
    const res = await engine.search('政务公开', { limit: 20 });
    expect(res.results.some((r) => 'status' in r)).toBe(true);
    const page = await search(q('政务公开'));
    expect(await page.$$eval('ol[data-search-results] .badge[data-status]', (b) => b.length)).toBeGreaterThan(0);
    await page.close();
  });

  it('recommends the 依申请公开 page first for "信息公开申请怎么办"', async () => {
    const page = await search(q('信息公开申请怎么办'));
    const bet = await page.$eval('[data-best-bets-box]', (box) => ({ hidden: (box as HTMLElement).hidden, href: box.querySelector('a')?.getAttribute('href') }));
    expect(bet).toEqual({ hidden: false, href: '/open/apply/' });
    const order = await page.evaluate(() => {
      const box = document.querySelector('[data-best-bets-box]')!;
      const list = document.querySelector('[data-search-results]')!;
      return box.compareDocumentPosition(list) & Node.DOCUMENT_POSITION_FOLLOWING;
    });
    expect(order).toBeTruthy();
    await page.close();
  });

  it('offers the nearest 文号 and two ways on when nothing is found', async () => {
    const page = await search(q('内政公办字〔2017〕5号'));
    expect(await page.textContent('[data-search-total]')).toBe('0');
    expect(await page.textContent('[data-search-suggest]')).toContain('内政公办字〔2016〕5号');
    const next = await page.$eval('[data-search-next]', (n) => ({ hidden: (n as HTMLElement).hidden, links: [...n.querySelectorAll('a')].map((a) => a.getAttribute('href')) }));
    expect(next).toEqual({ hidden: false, links: ['/policies/', '/open/apply/'] });
    await page.close();
  });

  it('lists oldest first with the undated pages last', async () => {
    const page = await search(`${q('政务公开')}&sort=published-asc`);
    const dates = (await metas(page)).map((r) => r.date);
    const firstUndated = dates.indexOf('');
    expect(firstUndated).toBeGreaterThan(0);
    expect(dates.slice(firstUndated).every((d) => d === '')).toBe(true);
    const dated = dates.slice(0, firstUndated);
    expect(dated).toEqual([...dated].sort());
    await page.close();
  });

  it('cleans a URL with empty parameters (a form sent without JavaScript)', async () => {
    const page = await search(`${q('政务公开')}&kind=&issuer=&topic=&year=&status=&docType=&sort=`);
    expect(new URL(page.url()).search).toBe(`?${q('政务公开')}`);
    await page.close();
  });

  for (const [day, expected] of [
    ['2020-01-01', '未开始'],
    ['2099-01-01', '已结束'],
  ] as const) {
    it(`shows a consultation as ${expected} to a reader on ${day}, whatever the build date`, async () => {
      const context = await site.browser.newContext({ timezoneId: 'Asia/Shanghai' });
      await context.clock.setFixedTime(new Date(`${day}T12:00:00+08:00`));
      const page = await context.newPage();
      await page.goto(`${site.served.url}consultations/`);
      await page.waitForFunction(() => document.documentElement.dataset.consultationsChecked);
      const statuses = await page.$$eval('.status[data-status]', (els) => els.map((e) => [e.getAttribute('data-status'), e.textContent]));
      expect(statuses.length).toBeGreaterThan(0);
      expect(statuses.every(([s, text]) => s === expected && text === expected)).toBe(true);
      const [y, m, d] = day.split('-').map(Number);
      expect(await page.textContent('[data-status-asof]')).toBe(`状态截至${y}年${m}月${d}日`);
      await context.close();
    });
  }
});
