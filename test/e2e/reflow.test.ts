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
import { siteInBrowser, type SiteInBrowser } from '../helpers/site-browser.ts';

const SIZES = ['small', 'medium', 'large', 'xlarge'] as const;
const CASES: { width: number; sizes: readonly string[] }[] = [
  { width: 320, sizes: SIZES },
  { width: 375, sizes: SIZES },
  { width: 640, sizes: ['medium'] },
];

let site: SiteInBrowser;
let pages: string[];

/** What is wrong with `path` at the page's width in each text `size` (nothing, mostly). The size
 * is switched the way the site's control does it (html[data-font-size]), without reloading. */
async function check(page: Page, path: string, sizes: readonly string[]): Promise<string[]> {
  await page.goto(site.served.url + path, { waitUntil: 'load' });
  if (path.includes('search/?')) await page.waitForSelector('[data-search-total]', { state: 'attached', timeout: 20_000 });
  await page.evaluate(() => document.fonts.ready);
  const out: string[] = [];
  for (const size of sizes) {
    const m = await page.evaluate((s) => {
      const root = document.documentElement;
      root.dataset.fontSize = s;
      const vertical = root.dataset.writingMode === 'vertical-lr';
      return { vertical, over: vertical ? root.scrollHeight - innerHeight : root.scrollWidth - innerWidth };
    }, size);
    if (m.over > 0) out.push(`${path || '/'} (${size}): ${m.vertical ? 'scrolls down' : 'scrolls sideways'} by ${m.over} px`);
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

  for (const { width, sizes } of CASES) {
    it(`no page scrolls along its lines at ${width} px, text sizes ${sizes.join(', ')}`, async () => {
      expect(pages.length).toBeGreaterThan(20);
      const context = await site.browser.newContext({ viewport: { width, height: 740 } });
      const problems: string[] = [];
      // two tabs at a time: part of each visit is waiting
      const queue = [...pages];
      await Promise.all(
        [0, 1].map(async () => {
          const page = await context.newPage();
          for (let path = queue.shift(); path !== undefined; path = queue.shift()) problems.push(...(await check(page, path, sizes)));
        }),
      );
      await context.close();
      expect(problems.sort()).toEqual([]);
    }, 600_000);
  }
});
