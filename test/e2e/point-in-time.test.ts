/**
 * 时点查询 (#18) in Chromium over the built sample portal under a sub-path: on the library page
 * a date re-labels each document with its 有效性 and the version then in force (the 2004 text of
 * 证券公司短期融资券管理办法 in 2010, the 2021 text from 2021-09-01, 尚未公布 before 2004-10-18),
 * the date travels in the address; on the document page a date opens the version that applied.
 * Without JavaScript the forms stay hidden; the 筛选 panel links each year's end
 * (/policies/asof/<year>/) and the 版本 box lists the periods.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { buildSite } from '../helpers/build-site.ts';
import { chromiumAvailable, launchChromium } from '../helpers/browser.ts';
import { serveDist, type Served } from '../helpers/serve.ts';

const BASE = '/portal/';
const ID = 'pbc-zhengquan-duanqi-rongziquan-banfa';
let browser: Browser;
let served: Served;

describe.skipIf(!chromiumAvailable)('point in time in Chromium (Debian chromium; skipped when absent)', () => {
  beforeAll(async () => {
    const site = buildSite({ base: BASE });
    served = await serveDist(site.outDir, BASE);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  async function open(path: string, javaScript = true): Promise<{ page: Page; external: string[] }> {
    const context = await browser.newContext({ javaScriptEnabled: javaScript });
    const page = await context.newPage();
    const external: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(served.url.replace(/portal\/$/, ''))) external.push(r.url());
    });
    await page.goto(served.url + path);
    return { page, external };
  }

  const row = (page: Page) => page.locator(`li[data-timeline]:has(a[href$="/policies/${ID}/"])`);

  async function showDate(page: Page, date: string) {
    await page.fill('form[data-pit-list] input[name=date]', date);
    await page.click('form[data-pit-list] button[type=submit]');
  }

  it('library page: each date shows the 有效性 and version then; reset restores today', async () => {
    const { page, external } = await open('policies/');
    await page.waitForSelector('form[data-pit-list]:not([hidden])');
    expect(await row(page).locator('[data-pit-status]').textContent()).toBe('现行有效');
    await showDate(page, '2010-06-30');
    expect(await row(page).locator('[data-pit-status]').textContent()).toBe('现行有效');
    const version = row(page).locator('[data-pit-version] a');
    expect(await version.textContent()).toBe('2004-10-18版本');
    expect(await version.getAttribute('href')).toBe(`${BASE}policies/${ID}/v/2004-10-18/`);
    expect(new URL(page.url()).searchParams.get('date')).toBe('2010-06-30');
    expect(await page.textContent('[data-pit-asof]')).toContain('2010-06-30');
    await showDate(page, '2021-09-01');
    expect(await version.textContent()).toBe('2021-07-23版本');
    await showDate(page, '2004-10-25');
    expect(await row(page).locator('[data-pit-status]').textContent()).toBe('尚未生效');
    await showDate(page, '2004-01-01');
    expect(await row(page).locator('[data-pit-status]').textContent()).toBe('该日尚未公布');
    expect(await row(page).getAttribute('class')).toContain('pit-absent');
    expect(await version.isVisible()).toBe(false);
    await page.click('[data-pit-reset]');
    expect(await row(page).locator('[data-pit-status]').textContent()).toBe('现行有效');
    expect(new URL(page.url()).searchParams.has('date')).toBe(false);
    expect(external).toEqual([]);
  });

  it('library page: a date in the address is applied on load', async () => {
    const { page } = await open('policies/?date=2015-01-01');
    await page.waitForSelector('form[data-pit-list]:not([hidden])');
    expect(await row(page).locator('[data-pit-version] a').textContent()).toBe('2004-10-18版本');
    expect(await page.inputValue('form[data-pit-list] input[name=date]')).toBe('2015-01-01');
  });

  it('document page: a date opens the version that applied then; a date before it says so', async () => {
    const { page } = await open(`policies/${ID}/`);
    await page.waitForSelector('form[data-pit-doc]:not([hidden])');
    await page.fill('form[data-pit-doc] input[name=date]', '2003-05-01');
    await page.click('form[data-pit-doc] button[type=submit]');
    expect(await page.textContent('form[data-pit-doc] [data-pit-message]')).toContain('该日尚未公布');
    await page.fill('form[data-pit-doc] input[name=date]', '2012-05-01');
    await Promise.all([page.waitForURL(`**/policies/${ID}/v/2004-10-18/`), page.click('form[data-pit-doc] button[type=submit]')]);
  });

  it('has no serious or critical axe violation with the forms shown and a date applied, zh and mn', async () => {
    const { AxeBuilder } = await import('@axe-core/playwright');
    const found: string[] = [];
    for (const path of ['policies/?date=2010-01-01', 'mn/policies/?date=2010-01-01', `policies/${ID}/`]) {
      const { page } = await open(path);
      await page.waitForSelector('form.pit:not([hidden])');
      const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).options({ resultTypes: ['violations'] }).analyze();
      for (const v of result.violations) if (v.impact === 'serious' || v.impact === 'critical') found.push(`${path}: ${v.id} ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
      await page.close();
    }
    expect(found).toEqual([]);
  });

  it('its controls are at least 44 × 44 px (适老化) on phones and desktops, zh and mn', async () => {
    const small: string[] = [];
    for (const path of ['policies/?date=2010-01-01', 'mn/policies/?date=2010-01-01', `policies/${ID}/`]) {
      for (const width of [375, 1280]) {
        const context = await browser.newContext({ viewport: { width, height: 812 } });
        const page = await context.newPage();
        await page.goto(served.url + path);
        await page.waitForSelector('form.pit:not([hidden])', { state: 'attached' });
        await page.$$eval('details', (ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = true)));
        const found = await page.$$eval('.pit input, .pit button, .pit-asof button', (els) => els.map((e) => {
          const r = e.getBoundingClientRect();
          return `${e.tagName} ${Math.round(r.width)}×${Math.round(r.height)}`;
        }));
        expect(found.length).toBeGreaterThan(1);
        small.push(...found.filter((f) => f.split(' ')[1]!.split('×').some((n) => Number(n) < 43.5)).map((f) => `${path} @${width}: ${f}`));
        await context.close();
      }
    }
    expect(small).toEqual([]);
  });

  it('search: the current version by default; 包括历史版本 (version=all) adds the earlier text at its dated URL', async () => {
    const hrefs = async (query: string) => {
      const { page } = await open(`search/?q=${encodeURIComponent('证券公司短期融资券管理办法')}${query}`);
      await page.waitForSelector('[data-search-total]', { state: 'attached', timeout: 20_000 });
      const found = await page.$$eval('ol[data-search-results] > li a', (as) => as.map((a) => a.getAttribute('href') ?? ''));
      return { page, found };
    };
    const plain = await hrefs('');
    expect(plain.found).toContain(`${BASE}policies/${ID}/`);
    expect(plain.found.some((h) => h.includes('/v/'))).toBe(false);
    expect(await plain.page.isChecked('#search-versions')).toBe(false);
    const all = await hrefs('&version=all');
    expect(all.found).toContain(`${BASE}policies/${ID}/v/2004-10-18/`);
    expect(all.found).toContain(`${BASE}policies/${ID}/`);
    expect(await all.page.isChecked('#search-versions')).toBe(true);
    expect(await all.page.textContent('[data-search-active]')).toContain('包括历史版本');
  });

  it('without JavaScript the forms stay hidden; the document page carries safe Legislation JSON-LD', async () => {
    const { page } = await open(`policies/${ID}/`, false);
    expect(await page.locator('form[data-pit-doc]').isVisible()).toBe(false);
    const ld = JSON.parse((await page.textContent('script[type="application/ld+json"]'))!) as Record<string, unknown>;
    expect(ld).toMatchObject({ '@type': 'Legislation', legislationDateVersion: '2021-07-23', legislationLegalForce: { '@id': 'https://schema.org/InForce' } });
    expect((ld.legislationIdentifier as string[]).map(decodeURIComponent)).toEqual(['中国人民银行公告〔2021〕第10号', expect.stringMatching(/\/portal\/eli\/中国人民银行公告\/2021\/10\/$/)]);
    const list = await open('policies/', false);
    expect(await list.page.locator('form[data-pit-list]').isVisible()).toBe(false);
  });

  it('without JavaScript the 筛选 panel links each year\'s end: 2010 shows the 2004 text in force and opens it', async () => {
    const { page } = await open('policies/', false);
    await page.click('details[data-filter-panel] > summary');
    const year = page.locator('nav.pit-years a', { hasText: '2010' });
    expect(await year.isVisible()).toBe(true);
    await Promise.all([page.waitForURL('**/policies/asof/2010/'), year.click()]);
    const item = page.locator(`li[data-asof-id="${ID}"]`);
    expect(await item.locator('[data-asof-status]').textContent()).toBe('现行有效');
    await Promise.all([page.waitForURL(`**/policies/${ID}/v/2004-10-18/`), item.locator('[data-asof-version] a').click()]);
  });
});
