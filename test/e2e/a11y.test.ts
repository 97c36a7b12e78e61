/**
 * Accessibility and privacy gates over every page of the built sample portal, Chinese and
 * Mongolian: axe-core's default rule set (WCAG A/AA and best practice) finds no serious or
 * critical violation, no page contacts a host other than its own, no CSP violation is reported;
 * the same with 高对比度 and the largest text on one page of each type (elderly.test.ts). Plus the skip link, the 适老化 font-size
 * control persisting across pages, and the print stylesheet (信息表 and body, a header with the
 * site name and the page's address, no navigation). Search and filters by keyboard alone:
 * keyboard.test.ts; targets of at least 44 px: elderly.test.ts.
 */
import { relative } from 'node:path';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ConsoleMessage, Page, Request } from 'playwright-core';
import { buildSite } from '../helpers/build-site.ts';
import { htmlFiles } from '../helpers/links.ts';
import { ARTIFACTS, chromiumAvailable } from '../helpers/browser.ts';
import { siteInBrowser, visitInTabs, type SiteInBrowser } from '../helpers/site-browser.ts';
import { axeViolations } from '../helpers/axe.ts';

let site: SiteInBrowser;
let pages: string[];

/** Records what `page` asks of hosts other than its own and the CSP errors it reports, until `stop`. */
function listen(page: Page): { external: string[]; cspErrors: string[]; stop(): void } {
  const external: string[] = [];
  const cspErrors: string[] = [];
  const onRequest = (r: Request) => {
    if (!r.url().startsWith('http://127.0.0.1') && !r.url().startsWith('data:')) external.push(r.url());
  };
  const onConsole = (m: ConsoleMessage) => {
    if (/Content Security Policy/i.test(m.text())) cspErrors.push(m.text());
  };
  page.on('request', onRequest);
  page.on('console', onConsole);
  return { external, cspErrors, stop: () => void page.off('request', onRequest).off('console', onConsole) };
}

async function open(path: string): Promise<{ page: Page; external: string[]; cspErrors: string[] }> {
  // a context per page: preferences set by one test must not leak into the next
  const context = await site.browser.newContext();
  const page = await context.newPage();
  page.on('close', () => context.close().catch(() => {}));
  const { external, cspErrors } = listen(page);
  await page.goto(site.served.url + path, { waitUntil: 'networkidle' });
  return { page, external, cspErrors };
}

/** Everything wrong with `path`, visited in `page` (a tab reused from page to page). */
async function problemsOf(page: Page, path: string): Promise<string[]> {
  const found: string[] = [];
  const heard = listen(page);
  try {
    // after the network is idle: redirect pages (eli/) have navigated on by then
    await page.goto(site.served.url + path, { waitUntil: 'networkidle' });
    for (const v of await axeViolations(page)) {
      if (v.impact === 'serious' || v.impact === 'critical') {
        found.push(`${path || '/'}: ${v.id} (${v.impact}) ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
      }
    }
  } finally {
    heard.stop();
  }
  for (const u of heard.external) found.push(`${path}: third-party request ${u}`);
  for (const c of heard.cspErrors) found.push(`${path}: ${c}`);
  return found;
}

describe.skipIf(!chromiumAvailable)('accessibility and privacy of every page (Chromium; skipped when absent)', () => {
  site = siteInBrowser(() => buildSite());
  beforeAll(() => {
    pages = htmlFiles(site.outDir)
      .map((f) => relative(site.outDir, f).replace(/index\.html$/, ''))
      .filter((p) => !p.startsWith('search/') || p === 'search/')
      .sort();
  });

  it('has no serious or critical axe violation, no third-party request and no CSP error on any page', async () => {
    expect(pages.length).toBeGreaterThan(10);
    expect(pages.some((p) => p.startsWith('mn/'))).toBe(true);
    // five tabs: most of a visit's time is waiting for the network to stay idle (500 ms), which
    // leaves the cores free (233 pages: 2 tabs 126 s, 3 tabs 84 s, 5 tabs 68 s, the same CPU time)
    const problems = await visitInTabs(site.browser, pages, 5, problemsOf);
    expect(problems).toEqual([]);
  }, 600_000);

  it('offers a skip link as the first thing the keyboard reaches', async () => {
    const { page } = await open('policies/');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => ({ text: document.activeElement?.textContent, href: document.activeElement?.getAttribute('href') }));
    expect(focused).toEqual({ text: '跳到正文', href: '#main' });
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => location.hash)).toBe('#main');
    await page.close();
  });

  it('keeps the chosen font size and contrast on the next page', async () => {
    const { page } = await open('');
    const base = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    await page.click('button[data-font-size="large"]');
    await page.click('[data-contrast-toggle]');
    await page.goto(site.served.url + 'policies/');
    const state = await page.evaluate(() => ({
      size: parseFloat(getComputedStyle(document.documentElement).fontSize),
      contrast: document.documentElement.dataset.contrast,
      pressed: document.querySelector('button[data-font-size="large"]')?.getAttribute('aria-pressed'),
    }));
    expect(state.size).toBeGreaterThan(base * 1.2);
    expect(state).toMatchObject({ contrast: 'high', pressed: 'true' });
    await page.screenshot({ path: join(ARTIFACTS, 'prefs-large-contrast.png') });
    await page.close();
  });

  it('prints a document with its 信息表 and body but no navigation', async () => {
    const doc = pages.find((p) => /^policies\/[^/]+\/$/.test(p) && !/^policies\/(page|year|issuer|topic|status)\//.test(p))!;
    const { page } = await open(doc);
    await page.emulateMedia({ media: 'print' });
    const visible = await page.evaluate(() => {
      const shown = (sel: string) => {
        const el = document.querySelector(sel);
        return !!el && getComputedStyle(el).display !== 'none';
      };
      return { nav: shown('.site-nav'), header: shown('.site-header'), footer: shown('.site-footer'), table: shown('.info-table'), body: shown('.doc-body'), printHeader: shown('.print-header') };
    });
    expect(visible).toEqual({ nav: false, header: false, footer: false, table: true, body: true, printHeader: true });
    // the printed page names the site and its own address
    const printed = await page.textContent('.print-header');
    expect(printed).toContain('内蒙古自治区人民政府办公厅');
    expect(printed).toContain(`/${doc}`);
    await page.pdf({ path: join(ARTIFACTS, 'policy-print.pdf') });
    await page.close();
  });
});
