/**
 * 适老化 (工信部 互联网网站适老化通用设计规范, GB/T 37668) in Chromium, on one page of each type,
 * Chinese and Mongolian: the site's own text-size control reaches 150 %; with the largest text
 * and 高对比度 axe still finds no serious violation; on a phone the header stays compact and the
 * site name never leaves one character on a line; buttons, form controls and every link that is not
 * inside running text (link-targets.ts says which) are at least 44 px across their line and 44 px
 * long or a full line, at the smallest, default and largest text. Reflow: test/e2e/reflow.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { buildSite } from '../helpers/build-site.ts';
import { chromiumAvailable } from '../helpers/browser.ts';
import { measureLinkTargets } from './link-targets.ts';
import { siteInBrowser, visitInTabs, type SiteInBrowser } from '../helpers/site-browser.ts';
import { axeViolations } from '../helpers/axe.ts';

let site: SiteInBrowser;
/** tabs at a time: a visit is partly waiting (network, fonts) */
const TABS = 3;
const q = encodeURIComponent('政务公开');
const PAGES = [
  '',
  'policies/',
  'policies/nmg-2016-zwgk-yaodian/',
  'mn/policies/nmg-2009-zwgk-yaodian/',
  'policies/year/2016/',
  'interpretations/nmg-2016-zwgk-yaodian-wenda/',
  `search/?q=${q}`,
  'open/',
  'open/catalog/jiuye/',
  'open/apply/form/',
  'open/reports/2024/',
  'consultations/',
  'gazette/',
  'gazette/2016/12/',
  'open/catalog/',
  'sitemap/',
  'open/apply/',
  'policies/pbc-zhengquan-duanqi-rongziquan-banfa/',
  '404.html',
  'mn/',
  'mn/policies/',
  'mn/gazette/',
  'mn/gazette/2016/12/',
  'mn/open/catalog/',
  'mn/sitemap/',
  'mn/open/apply/',
  `mn/search/?q=${encodeURIComponent('ᠵᠠᠰᠠᠭ')}`,
  'mn/open/catalog/jiuye/',
  'mn/404.html',
];
/** The 44 px targets are checked on one page of every other page type too. */
const TARGET_PAGES = [
  ...PAGES,
  'policies/issuer/pbc/',
  'policies/pbc-zhengquan-duanqi-rongziquan-banfa/v/2004-10-18/',
  'policies/pbc-zhengquan-duanqi-rongziquan-banfa/compare/2004-10-18/2021-07-23/',
  'interpretations/',
  'consultations/zwgk-biaozhun-mulu-2026/',
  'open/catalog/jiuye/mode/zhudong/',
  'open/guide/',
  'open/rules/',
  'open/compliance/',
  'open/powers/',
  'open/powers/minzheng/',
  'open/reports/',
  'special/',
  'special/jiuye/',
  'mn/policies/year/2009/',
  'mn/interpretations/',
  'mn/interpretations/nmg-2020-jczwgk-shishi-yijian-wenda/',
  'mn/consultations/',
  'mn/consultations/yishenqing-guifan-2024/',
  'mn/open/',
  'mn/open/catalog/jiuye/mode/zhudong/',
  'mn/open/apply/form/',
  'mn/open/guide/',
  'mn/open/rules/',
  'mn/open/powers/minzheng/',
  'mn/open/reports/',
  'mn/open/reports/2024/',
  'mn/special/',
  'mn/special/jiuye/',
];
/** Controls that must be 44 × 44 (links: measureLinkTargets), and the navigation links, listed
 * so they stay checked whatever text sits beside them. */
const TARGETS = [
  'button:not([hidden])',
  'input:not([type=hidden]):not([type=checkbox])',
  'select',
  'summary',
  '.site-nav a',
  '.lang-switch a',
  '.breadcrumbs a',
  '.pagination a',
  '.facets li a',
  '.filter-bar a',
  '.chip',
  '.inline-list a',
  '.best-bets a',
  '.site-footer__report',
].join(', ');

/** Loads `path` into `page` (at the page's width) and waits for what the checks measure: the
 * search results the engine renders after load, and the fonts. */
async function load(page: Page, path: string): Promise<void> {
  const res = await page.goto(site.served.url + path, { waitUntil: 'load' });
  if (!res?.ok()) throw new Error(`${path}: HTTP ${res?.status()}`);
  if (path.includes('search/?')) await page.waitForSelector('[data-search-total]', { state: 'attached', timeout: 20_000 });
  await page.evaluate(() => document.fonts.ready);
}

/** Every page of a context starts from the stored preferences `prefs` (public/preferences.js reads
 * them before the first paint), set again before each document's own scripts run. */
const startFrom = (prefs: Record<string, string>) => async (context: BrowserContext) => {
  await context.addInitScript((p) => localStorage.setItem('portal-prefs', JSON.stringify(p)), prefs);
};

async function open(path: string, width: number, prefs: Record<string, string>): Promise<Page> {
  const context = await site.browser.newContext({ viewport: { width, height: 812 } });
  await startFrom(prefs)(context);
  const page = await context.newPage();
  page.on('close', () => context.close().catch(() => {}));
  await load(page, path);
  return page;
}

/** Each case loads afresh at its width, `tabs` tabs at a time; a tab keeps its context and
 * renderer from case to case (test/helpers/site-browser.ts visitInTabs). */
function visitCases(cases: { path: string; width: number }[], prefs: Record<string, string>, visit: (page: Page, path: string, width: number) => Promise<string[]>): Promise<string[]> {
  return visitInTabs(
    site.browser,
    cases,
    TABS,
    async (page, { path, width }) => {
      if (page.viewportSize()?.width !== width) await page.setViewportSize({ width, height: 812 });
      await load(page, path);
      return visit(page, path, width);
    },
    {},
    startFrom(prefs),
  );
}

/**
 * Runs in the page: switches to text size `fontSize` as the site's control does it
 * (html[data-font-size], public/preferences.js), without reloading; opens the folded phone header
 * (a click on each visible closed toggle) and every <details>, so what they hold is measured too;
 * returns the `targets` smaller than 44 × 44.
 */
function measureControls({ fontSize, targets }: { fontSize: string; targets: string }): string[] {
  document.documentElement.dataset.fontSize = fontSize;
  for (const b of document.querySelectorAll<HTMLElement>('[data-header-toggle][aria-expanded="false"]')) {
    const r = b.getBoundingClientRect();
    if (r.width > 0 && r.height > 0 && getComputedStyle(b).visibility !== 'hidden') b.click();
  }
  document.querySelectorAll('details').forEach((d) => (d.open = true));
  return [...document.querySelectorAll(targets)].flatMap((e) => {
    const r = e.getBoundingClientRect();
    if (r.width === 0 || getComputedStyle(e).visibility === 'hidden') return [];
    return r.width < 43.5 || r.height < 43.5 ? [`${e.tagName.toLowerCase()}.${e.className} "${e.textContent?.trim().slice(0, 12)}" ${Math.round(r.width)}×${Math.round(r.height)}`] : [];
  });
}

describe.skipIf(!chromiumAvailable)('适老化: large text, high contrast, compact header, 44 px targets (Chromium; skipped when absent)', () => {
  site = siteInBrowser(() => buildSite());

  it('offers text at 150 % of the default from its own control', async () => {
    const page = await open('', 1280, {});
    const size = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    const normal = await size();
    await page.click('button[data-font-size="xlarge"]');
    expect((await size()) / normal).toBeGreaterThanOrEqual(1.5);
    expect(await page.getAttribute('button[data-font-size="xlarge"]', 'aria-pressed')).toBe('true');
    await page.close();
  });

  it('passes axe with the largest text and 高对比度 on every page type', async () => {
    const cases = [375, 1280].flatMap((width) => PAGES.map((path) => ({ path, width })));
    const problems = await visitCases(cases, { fontSize: 'xlarge', contrast: 'high' }, async (page, path, width) => {
      // the stored preferences took effect (a tab is reused from page to page)
      const state = await page.evaluate(() => `${document.documentElement.dataset.fontSize} ${document.documentElement.dataset.contrast}`);
      if (state !== 'xlarge high') return [`${path || '/'} @${width}: shown as ${state}, not xlarge high`];
      // axe's default rule set, as before (.options() replaced the tags given to withTags)
      const violations = await axeViolations(page);
      return violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${path || '/'} @${width}: ${v.id} ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
    });
    expect(problems).toEqual([]);
  }, 600_000);

  it('keeps the phone header within a quarter of the screen, the site name in even lines', async () => {
    const cases = ['', 'policies/', 'open/catalog/jiuye/'].map((path) => ({ path, width: 375 }));
    const problems = await visitCases(cases, { contrast: 'high' }, async (page, path) => {
      const found: string[] = [];
      for (const fontSize of ['medium', 'large', 'xlarge']) {
        // the size switched as the site's control does it (html[data-font-size]), without reloading
        const m = await page.evaluate((fontSize) => {
          document.documentElement.dataset.fontSize = fontSize;
          const name = document.querySelector('.site-header__name')!;
          const node = name.firstChild!;
          const perLine = new Map<number, number>();
          for (let i = 0; i < node.textContent!.length; i++) {
            const r = document.createRange();
            r.setStart(node, i);
            r.setEnd(node, i + 1);
            const top = Math.round(r.getBoundingClientRect().top);
            perLine.set(top, (perLine.get(top) ?? 0) + 1);
          }
          return { header: document.querySelector('.site-header')!.getBoundingClientRect().height, lines: [...perLine.values()], contrast: document.documentElement.dataset.contrast };
        }, fontSize);
        if (m.contrast !== 'high') found.push(`${path || '/'} ${fontSize}: not in 高对比度`);
        if (m.header > 812 / 4) found.push(`${path || '/'} ${fontSize}: header ${Math.round(m.header)} px of 812`);
        if (Math.min(...m.lines) < 2) found.push(`${path || '/'} ${fontSize}: site name lines ${m.lines.join('/')}`);
      }
      return found;
    });
    expect(problems).toEqual([]);
  });

  it('makes every button, control and link outside running text a 44 px target, at the smallest, default and largest text', async () => {
    const cases = [375, 1280].flatMap((width) => TARGET_PAGES.map((path) => ({ path, width })));
    const problems = await visitCases(cases, { fontSize: 'small' }, async (page, path, width) => {
      const found: string[] = [];
      for (const fontSize of ['small', 'medium', 'xlarge']) {
        const small = await page.evaluate(measureControls, { fontSize, targets: TARGETS });
        const links = (await page.evaluate(measureLinkTargets))
          .filter((l) => l.block < 43.5 || (l.inline < 43.5 && !l.fullLine))
          .map((l) => `${l.desc} ${Math.round(l.block)} across × ${Math.round(l.inline)} along`);
        found.push(...[...small, ...links].map((x) => `${path || '/'} @${width} ${fontSize}: ${x}`));
      }
      return found;
    });
    expect(problems).toEqual([]);
  }, 600_000);
});
