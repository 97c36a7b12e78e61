/**
 * 适老化 reflow (WCAG 1.4.10, GB/T 37668): every built page, Chinese and Mongolian, at phone widths
 * (320 and 375 px) and at every size of the site's own text-size control (93.75 % … 150 %), plus
 * 640 px (a 1280 px screen at 200 % browser zoom), never scrolls along the lines: a Chinese page
 * never sideways (scrollWidth ≤ innerWidth), a vertical Mongolian page, whose lines run down and
 * which scrolls sideways by design, never downwards (scrollHeight ≤ innerHeight). Wide tables
 * scroll inside their own box. The search page is checked with results shown.
 */
import { relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { buildSite } from '../helpers/build-site.ts';
import { htmlFiles } from '../helpers/links.ts';
import { chromiumAvailable } from '../helpers/browser.ts';
import { siteInBrowser, visitInTabs, type SiteInBrowser } from '../helpers/site-browser.ts';

const SIZES = ['small', 'medium', 'large', 'xlarge'] as const;
const CASES: { width: number; sizes: readonly string[] }[] = [
  { width: 320, sizes: SIZES },
  { width: 375, sizes: SIZES },
  { width: 640, sizes: ['medium'] },
];
const HEIGHT = 740;
/** tabs at a time: part of each visit is waiting */
const TABS = 2;

let site: SiteInBrowser;
let pages: string[];

/**
 * What is wrong with `path` (nothing, mostly), loaded once and checked at each width of CASES:
 * the page is loaded at the width the tab has (the last one checked) and resized to the others, as
 * a phone turned or a window narrowed does. Every width is below 60rem, the only width the site's
 * scripts look at on load (filter-panel.ts and search/page.ts open the 筛选 panel from there on), so
 * a load at any of them gives the same page, which CSS then lays out for the width it has. At each
 * width the text size is switched the way the site's control does it (html[data-font-size]).
 */
async function check(page: Page, path: string): Promise<string[]> {
  await page.goto(site.served.url + path, { waitUntil: 'load' });
  if (path.includes('search/?')) await page.waitForSelector('[data-search-total]', { state: 'attached', timeout: 20_000 });
  await page.evaluate(() => document.fonts.ready);
  // the width the page was loaded at first: no resize before it
  const first = Math.max(0, CASES.findIndex((c) => c.width === page.viewportSize()?.width));
  const out: string[] = [];
  for (const { width, sizes } of [...CASES.slice(first), ...CASES.slice(0, first)]) {
    if (page.viewportSize()?.width !== width) await page.setViewportSize({ width, height: HEIGHT });
    const found = await page.evaluate((sizes) => {
      const root = document.documentElement;
      return sizes.map((size) => {
        root.dataset.fontSize = size;
        const vertical = root.dataset.writingMode === 'vertical-lr';
        return { size, vertical, over: vertical ? root.scrollHeight - innerHeight : root.scrollWidth - innerWidth };
      });
    }, sizes);
    for (const m of found) if (m.over > 0) out.push(`${path || '/'} @${width} (${m.size}): ${m.vertical ? 'scrolls down' : 'scrolls sideways'} by ${m.over} px`);
  }
  return out;
}

describe.skipIf(!chromiumAvailable)('reflow at phone widths and every text size (Chromium; skipped when absent)', () => {
  site = siteInBrowser(() => buildSite());
  beforeAll(() => {
    pages = htmlFiles(site.outDir)
      .map((f) => relative(site.outDir, f).replace(/index\.html$/, ''))
      // eli/ pages are redirects (src/pages/[...redirect].astro): they leave at once
      .filter((p) => !p.startsWith('search/') && !p.startsWith('mn/search/') && !p.startsWith('eli/'))
      .sort();
    // the search pages with results (the engine renders them after load)
    pages.push(`search/?q=${encodeURIComponent('政务公开')}`, `mn/search/?q=${encodeURIComponent('ᠵᠠᠰᠠᠭ')}`);
  });

  it(`no page scrolls along its lines at ${CASES.map((c) => `${c.width} px (text sizes ${c.sizes.join(', ')})`).join(', ')}`, async () => {
    expect(pages.length).toBeGreaterThan(20);
    expect(Math.max(...CASES.map((c) => c.width))).toBeLessThan(60 * 16);
    const problems = await visitInTabs(site.browser, pages, TABS, check, { viewport: { width: CASES[0]!.width, height: HEIGHT } });
    expect(problems).toEqual([]);
  }, 600_000);
});
