/**
 * What every browser suite over a built site sets up: the site (shared per run, see
 * build-site.ts) served on 127.0.0.1 under its base, and a connection to the run's Chromium,
 * both closed after the suite. Call inside the suite's `describe`, so a skipped suite builds
 * and starts nothing.
 */
import { afterAll, beforeAll } from 'vitest';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import type { BuiltSite } from './build-site.ts';
import { launchChromium } from './browser.ts';
import { serveDist, type Served } from './serve.ts';

export interface SiteInBrowser {
  browser: Browser;
  served: Served;
  outDir: string;
  base: string;
}

/** Registers the suite's beforeAll/afterAll; the returned object is filled in by beforeAll. */
export function siteInBrowser(build: () => BuiltSite): SiteInBrowser {
  const site = {} as SiteInBrowser;
  beforeAll(async () => {
    const { outDir, base } = build();
    Object.assign(site, { outDir, base, served: await serveDist(outDir, base) });
    site.browser = await launchChromium();
  });
  afterAll(async () => {
    await site.browser?.close();
    await site.served?.close();
  });
  return site;
}

/**
 * Runs `visit` over `items`, `tabs` at a time (a page visit is partly waiting for the network and
 * fonts, so two or more tabs keep both cores busy); returns everything the visits report, sorted.
 * Each of the `tabs` workers keeps one page, in a browser context of its own, and navigates it
 * from item to item: a fresh context and page per visit costs a new renderer,
 * often more than the visit itself. For checks that do not change the page's stored preferences;
 * `prepare` runs once on each context before its first visit (an init script that sets the
 * preferences every page of the visit starts from, say).
 */
export async function visitInTabs<T>(
  browser: Browser,
  items: readonly T[],
  tabs: number,
  visit: (page: Page, item: T) => Promise<string[]>,
  contextOptions: BrowserContextOptions = {},
  prepare?: (context: BrowserContext) => Promise<void>,
): Promise<string[]> {
  const queue = [...items];
  const found: string[] = [];
  const worker = async () => {
    const context = await browser.newContext(contextOptions);
    try {
      await prepare?.(context);
      const page = await context.newPage();
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) found.push(...(await visit(page, item)));
    } finally {
      await context.close();
    }
  };
  await Promise.all(Array.from({ length: tabs }, worker));
  return found.sort();
}
