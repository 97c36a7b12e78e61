/**
 * 历史版本 in the Mongolian search records (#18 item 2), from the versions-mn fixture: a translated
 * earlier version is a record at its /mn/ dated URL (filtered as 历史版本); an untranslated one is
 * not (its /mn/ page shows the Chinese text, which the Chinese index holds once).
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clearSiteCache, loadSite } from '../../src/content/load.ts';
import { siteToRecords } from '../../src/content/records.ts';
import { localize } from '../../src/lib/localize.ts';
import { HISTORICAL_VERSION } from '../../src/lib/search/filters.ts';
import type { SearchRecord } from '../../src/lib/search/record.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const today = '2025-06-01';
let mn: SearchRecord[];
let zh: SearchRecord[];

beforeAll(async () => {
  clearSiteCache();
  process.env.PORTAL_TODAY = today;
  const data = await loadSite({ root, source: 'test/fixtures/content/versions-mn', today });
  mn = siteToRecords(localize(data, 'mn-Mong'));
  zh = siteToRecords(localize(data, 'zh-CN'));
});
afterAll(() => {
  delete process.env.PORTAL_TODAY;
});

describe('search records of versions on /mn/', () => {
  it('the translated 2012 version is a record of its own; the untranslated 2004 one is not', () => {
    const banfa = mn.filter((r) => r.path.startsWith('mn/policies/banfa/'));
    expect(banfa.map((r) => r.path).sort()).toEqual(['mn/policies/banfa/', 'mn/policies/banfa/v/2012-03-01/']);
    const v2012 = banfa.find((r) => r.path.includes('/v/'))!;
    expect(v2012.filters.version).toEqual([HISTORICAL_VERSION]);
    expect(v2012.body).toContain('ᠰᠦᠯᠵᠢᠶᠡᠨ');
    expect(banfa.find((r) => r.path === 'mn/policies/banfa/')!.body).toContain('ᠵᠠᠰᠠᠭ ᠤᠨ ᠬᠡᠷᠡᠭ ᠢ ᠢᠯᠡ ᠪᠣᠯᠭᠠᠬᠤ᠃');
  });

  it('the Chinese index keeps every earlier version', () => {
    expect(zh.filter((r) => r.path.startsWith('policies/banfa/v/')).map((r) => r.path).sort()).toEqual(['policies/banfa/v/2004-10-18/', 'policies/banfa/v/2012-03-01/']);
  });
});
