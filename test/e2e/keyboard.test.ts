/**
 * The whole path by keyboard alone in Chromium, on a phone-sized screen and on a desktop one:
 * search → open the 筛选 panel → choose a filter (nothing happens until 应用; WCAG 3.2.2) →
 * apply → open a result → back → remove the filter chip. After each search the focus is on
 * the results heading and the count is in the status line; URLs carry no empty parameter.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { buildSite } from '../helpers/build-site.ts';
import { chromiumAvailable } from '../helpers/browser.ts';
import { siteInBrowser } from '../helpers/site-browser.ts';

/** Presses Tab (or Shift+Tab) until `selector` has the focus; fails after `max` presses. */
async function tabTo(page: Page, selector: string, { back = false, max = 60 } = {}) {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`${selector} not reached by ${back ? 'Shift+' : ''}Tab in ${max} presses`);
}

const focused = (page: Page) => page.evaluate(() => ({ id: document.activeElement?.id, tag: document.activeElement?.tagName, text: document.activeElement?.textContent?.trim() }));

async function searched(page: Page) {
  await page.waitForSelector('[data-search-total]', { state: 'attached', timeout: 20_000 });
  await page.waitForFunction(() => document.activeElement?.id === 'results-heading');
}

describe.skipIf(!chromiumAvailable)('search by keyboard alone (Chromium; skipped when absent)', () => {
  const site = siteInBrowser(() => buildSite());

  for (const width of [375, 1280]) {
    it(`search → filter → open a result → back → remove the filter, at ${width} px`, async () => {
      const page = await site.browser.newPage({ viewport: { width, height: 812 } });
      await page.goto(`${site.served.url}search/`);
      await tabTo(page, '#search-q');
      await page.keyboard.type('政务公开');
      await page.keyboard.press('Enter');
      await searched(page);
      expect(await focused(page)).toMatchObject({ id: 'results-heading' });
      expect(await page.textContent('[role=status]')).toMatch(/找到 \d+ 条结果/);
      const all = Number(await page.textContent('[data-search-total]'));
      expect(new URL(page.url()).search).toBe(`?q=${encodeURIComponent('政务公开')}`);

      // open the 筛选 panel (closed on phones) and choose 政策解读 with the arrow keys
      await tabTo(page, '[data-filter-panel] > summary', { back: true });
      if (!(await page.$eval('[data-filter-panel]', (d) => (d as HTMLDetailsElement).open))) await page.keyboard.press('Enter');
      await tabTo(page, '#filter-kind');
      const before = page.url();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      await page.waitForTimeout(500);
      expect(page.url()).toBe(before);
      expect(await page.$eval('#filter-kind', (s) => (s as HTMLSelectElement).value)).toBe('政策解读');
      await tabTo(page, '[data-filter-apply]');
      await Promise.all([page.waitForURL(/kind=/), page.keyboard.press('Enter')]);
      await searched(page);
      expect(new URL(page.url()).search).toBe(`?q=${encodeURIComponent('政务公开')}&kind=${encodeURIComponent('政策解读')}`);
      expect(Number(await page.textContent('[data-search-total]'))).toBeLessThan(all);

      // open the first result, then come back
      await tabTo(page, 'ol[data-search-results] > li:first-child > a');
      const target = await page.$eval('ol[data-search-results] > li:first-child > a', (a) => a.getAttribute('href'));
      await Promise.all([page.waitForURL((u) => u.pathname === target), page.keyboard.press('Enter')]);
      await page.goBack();
      await searched(page);
      expect(await page.$eval('#filter-kind', (s) => (s as HTMLSelectElement).value)).toBe('政策解读');

      // the chip of the active filter is a link that removes it
      await tabTo(page, '[data-search-active] a[data-filter="kind"]', { back: true });
      await Promise.all([page.waitForURL((u) => !u.searchParams.has('kind')), page.keyboard.press('Enter')]);
      await searched(page);
      expect(Number(await page.textContent('[data-search-total]'))).toBe(all);
      await page.close();
    });
  }

  it('never sends the Mongolian search form on choosing a value either', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${site.served.url}mn/search/?q=${encodeURIComponent('ᠵᠠᠰᠠᠭ')}`);
    await searched(page);
    await tabTo(page, '#filter-kind', { back: true });
    const before = page.url();
    await page.keyboard.press('ArrowDown');
    await page.waitForTimeout(500);
    expect(page.url()).toBe(before);
    await page.close();
  });

  it('reaches every control of the search page, each with a name', async () => {
    const page = await site.browser.newPage({ viewport: { width: 375, height: 812 } });
    await page.goto(`${site.served.url}search/?q=${encodeURIComponent('政务公开')}`);
    await searched(page);
    await page.$eval('[data-filter-panel]', (d) => ((d as HTMLDetailsElement).open = true));
    const unnamed = await page.$$eval('input, select, button, summary, a[href]', (els) =>
      els
        .filter((e) => (e as HTMLElement).offsetParent !== null || e.tagName === 'SUMMARY')
        .filter((e) => {
          const id = e.id;
          const label = id ? document.querySelector(`label[for="${id}"]`)?.textContent?.trim() : '';
          return !(e.getAttribute('aria-label') || label || e.textContent?.trim() || e.querySelector('img[alt]')?.getAttribute('alt'));
        })
        .map((e) => e.outerHTML.slice(0, 80)),
    );
    expect(unnamed).toEqual([]);
    await page.close();
  });
});
