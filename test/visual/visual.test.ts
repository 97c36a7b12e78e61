/**
 * Visual regression: one page of each type, Chinese and Mongolian, at desktop (1280 × 900) and
 * phone (375 × 812) width, compared with the goldens in test/visual/golden/ (at most 0.3 % of the
 * pixels may differ; a failure leaves the actual image and a diff in test-results/visual/).
 * After an intended change: `npm run test:visual:update` rewrites the goldens; review and commit.
 *
 * Deterministic: the site is built with PORTAL_TODAY fixed and the browser clock and time zone
 * fixed to the same day (consultation status), animations and the caret are off, screenshots
 * wait for web fonts. Chinese needs the system CJK font (.ci/run installs fonts-noto-cjk): without
 * it the comparison is skipped, saying why.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../helpers/build-site.ts';
import { ARTIFACTS, chromiumAvailable } from '../helpers/browser.ts';
import { siteInBrowser } from '../helpers/site-browser.ts';
import { compare, decode, encode, reduce } from './images.ts';

const TODAY = '2025-06-01';
const GOLDEN = join(import.meta.dirname, 'golden');
const OUT = join(ARTIFACTS, 'visual');
const UPDATE = process.env.UPDATE_GOLDENS === '1';
const TOLERANCE = 0.003;
const cjkFont = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' }).stdout?.includes('Noto Sans CJK') ?? false;

/** page type → path (without the /mn/ prefix) */
const PAGES: Record<string, string> = {
  home: '',
  library: 'policies/',
  document: 'policies/nmg-2009-zwgk-yaodian/',
  search: `search/?q=${encodeURIComponent('政务公开')}`,
  catalog: 'open/catalog/jiuye/',
  consultation: 'consultations/yishenqing-guifan-2024/',
  notfound: '404.html',
  // 政务公开 pages whose Chinese content is a horizontal block on the Mongolian page (ZhBlock)
  report: 'open/reports/2024/',
  guide: 'open/guide/',
  apply: 'open/apply/',
};
const MN_SEARCH = `search/?q=${encodeURIComponent('ᠵᠠᠰᠠᠭ')}`;
const WIDTHS = { desktop: { width: 1280, height: 900 }, phone: { width: 375, height: 812 } };

describe.skipIf(!chromiumAvailable || !cjkFont)('visual regression of each page type (Chromium and Noto Sans CJK; skipped when absent)', () => {
  const site = siteInBrowser(() => buildSite({ today: TODAY }));
  beforeAll(() => {
    mkdirSync(OUT, { recursive: true });
  });

  for (const lang of ['zh', 'mn'] as const) {
    for (const [type, path] of Object.entries(PAGES)) {
      for (const [device, viewport] of Object.entries(WIDTHS)) {
        const name = `${lang}-${type}-${device}`;
        it(`${name} looks as it did`, async () => {
          const context = await site.browser.newContext({ viewport, timezoneId: 'Asia/Shanghai', locale: 'zh-CN', reducedMotion: 'reduce' });
          await context.clock.setFixedTime(new Date(`${TODAY}T10:00:00+08:00`));
          const page = await context.newPage();
          const p = lang === 'mn' ? `mn/${type === 'search' ? MN_SEARCH : path}` : path;
          const res = await page.goto(site.served.url + p, { waitUntil: 'load' });
          expect(res?.ok(), `${p} is served`).toBe(true);
          if (type === 'search') await page.waitForFunction(() => document.activeElement?.id === 'results-heading', undefined, { timeout: 20_000 });
          await page.evaluate(() => document.fonts.ready);
          const shot = reduce(await page.screenshot({ animations: 'disabled', caret: 'hide', scale: 'css' }));
          await context.close();
          const file = join(GOLDEN, `${name}.png`);
          if (UPDATE || !existsSync(file)) {
            writeFileSync(file, encode(shot));
            if (!UPDATE) throw new Error(`${name}: no golden yet; wrote ${file} (run npm run test:visual:update, check and commit it)`);
            return;
          }
          const { ratio, diff } = compare(shot, decode(readFileSync(file)));
          if (ratio > TOLERANCE) {
            writeFileSync(join(OUT, `${name}.actual.png`), encode(shot));
            if (diff) writeFileSync(join(OUT, `${name}.diff.png`), encode(diff));
          }
          expect(ratio, `${name}: ${(ratio * 100).toFixed(2)} % of pixels differ (see ${OUT})`).toBeLessThanOrEqual(TOLERANCE);
        });
      }
    }
  }
});
