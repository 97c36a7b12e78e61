/**
 * Time to the first result in headless Chromium (test/helpers/browser.ts, Debian's chromium) on
 * a built site served from 127.0.0.1 (test/helpers/serve.ts). Per query a fresh browser context
 * (empty cache) opens the search page, types the query and submits it; the time runs from the
 * key press to the first result element entering the DOM (a MutationObserver installed before
 * any page script), with the requests and response bytes the browser made in between.
 *  - ours: /search/, #search-q, Enter → the results render in place (the address becomes
 *    /search/?q=…; without JavaScript the GET form would load it) → ol[data-search-results] > li;
 *  - baseline: Pagefind's default UI (scripts/bench/baseline.ts) on /search/, which searches as
 *    the text is typed (no Enter): from the input event to the first .pagefind-ui__result.
 */
import type { BrowserContext, Request } from 'playwright-core';
import { median } from './stats.ts';

export type SiteKind = 'ours' | 'baseline';

export interface FirstResult {
  /** per query, in the order given */
  ms: number[];
  requests: number[];
  /** of those, requests for the search index (ours: files under /search/; baseline: /pagefind/) */
  indexRequests: number[];
  bytes: number[];
}

export interface FirstResultSummary {
  medianMs: number;
  maxMs: number;
  medianRequests: number;
  medianIndexRequests: number;
  medianBytes: number;
}

const RESULT = { ours: 'ol[data-search-results] > li', baseline: '.pagefind-ui__result' } as const;
const INPUT = { ours: '#search-q', baseline: '.pagefind-ui__search-input' } as const;
const INDEX = { ours: '/search/', baseline: '/pagefind/' } as const;

export function summarize(r: FirstResult): FirstResultSummary {
  return { medianMs: median(r.ms), maxMs: Math.max(...r.ms), medianRequests: median(r.requests), medianIndexRequests: median(r.indexRequests), medianBytes: median(r.bytes) };
}

/** Installed before any page script: stamps the wall-clock time the first result appears. */
function observeFirstResult(selector: string): void {
  const w = window as unknown as { __firstResultAt?: number };
  const mark = () => {
    if (w.__firstResultAt === undefined && document.querySelector(selector)) w.__firstResultAt = performance.timeOrigin + performance.now();
  };
  new MutationObserver(mark).observe(document, { childList: true, subtree: true });
}

async function bodyBytes(req: Request): Promise<number> {
  const timeout = new Promise<number>((r) => setTimeout(() => r(0), 10_000));
  return Promise.race([req.sizes().then((s) => s.responseBodySize + s.responseHeadersSize, () => 0), timeout]);
}

async function timeOne(ctx: BrowserContext, url: string, kind: SiteKind, query: string): Promise<{ ms: number; requests: number; indexRequests: number; bytes: number }> {
  const page = await ctx.newPage();
  await page.addInitScript(observeFirstResult, RESULT[kind]);
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForSelector(INPUT[kind], { timeout: 30_000 });
  const seen: { at: number; req: Request }[] = [];
  ctx.on('request', (req) => seen.push({ at: Date.now(), req }));
  let start: number;
  if (kind === 'ours') {
    await page.fill(INPUT.ours, query);
    start = Date.now();
    await page.press(INPUT.ours, 'Enter');
  } else {
    // Pagefind's UI searches on the input event that fill() dispatches
    start = Date.now();
    await page.fill(INPUT.baseline, query);
  }
  const handle = await page.waitForFunction(() => (window as unknown as { __firstResultAt?: number }).__firstResultAt, undefined, { timeout: 120_000 });
  const at = (await handle.jsonValue()) as number;
  const during = seen.filter((s) => s.at <= at);
  const bytes = (await Promise.all(during.map((s) => bodyBytes(s.req)))).reduce((a, b) => a + b, 0);
  const index = during.filter((s) => s.req.resourceType() !== 'document' && new URL(s.req.url()).pathname.startsWith(INDEX[kind]));
  return { ms: at - start, requests: during.length, indexRequests: index.length, bytes };
}

/** Null when Chromium is not installed (the table says so). */
export async function firstResults(outDir: string, kind: SiteKind, queries: string[]): Promise<FirstResult | null> {
  const { chromiumAvailable, launchChromium } = await import('../../test/helpers/browser.ts');
  if (!chromiumAvailable) return null;
  const { serveDist } = await import('../../test/helpers/serve.ts');
  const served = await serveDist(outDir, '/');
  const browser = await launchChromium();
  const out: FirstResult = { ms: [], requests: [], indexRequests: [], bytes: [] };
  try {
    for (const q of queries) {
      const ctx = await browser.newContext();
      try {
        const r = await timeOne(ctx, `${served.url}search/`, kind, q);
        out.ms.push(r.ms);
        out.requests.push(r.requests);
        out.indexRequests.push(r.indexRequests);
        out.bytes.push(r.bytes);
      } catch (e) {
        throw new Error(`${kind}: no result in Chromium for ${q} (${served.url}search/): ${(e as Error).message.split('\n')[0]}`);
      } finally {
        await ctx.close();
      }
    }
  } finally {
    await browser.close();
    await served.close();
  }
  return out;
}
