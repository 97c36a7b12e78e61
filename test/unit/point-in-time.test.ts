import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { clearSiteCache, loadSite } from '../../src/content/load.ts';
import type { PolicyView } from '../../src/lib/model.ts';
import { dayAfter, firstPublished, policyTimeline, statusOn } from '../../src/lib/point-in-time.ts';
import { decodeTimeline, encodeTimeline, entryOn, parseDay } from '../../src/lib/timeline.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const today = '2025-06-01';

beforeEach(() => clearSiteCache());

function view(id: string, over: Partial<PolicyView> = {}): PolicyView {
  return {
    id, title: id, issuers: ['o'], indexNumber: '', topic: 't', category: '', published: '2010-01-01', body: '', bodyFormat: 'text',
    source: `${id}.md`, repeals: [], amends: [], keywords: [], attachments: [], status: '现行有效', repealedBy: [], amendedBy: [],
    interpretations: [], year: 2010, ...over,
  } as PolicyView;
}

describe('point in time: status on a date (validity.ts rules with the date as today)', () => {
  const repealer = view('r', { published: '2015-03-01', effective: '2015-04-01', repeals: ['a'] });
  const a = view('a', { effective: '2010-02-01', expires: '2030-12-31', repealedBy: ['r'], status: '已废止' });
  const byId = new Map([a, repealer].map((p) => [p.id, p]));

  it('not yet published, then 尚未生效, 现行有效, and 已废止 once the repealing document takes effect', () => {
    expect(statusOn(a, byId, '2009-12-31', today)).toBeUndefined();
    expect(statusOn(a, byId, '2010-01-15', today)).toBe('尚未生效');
    expect(statusOn(a, byId, '2015-03-31', today)).toBe('现行有效');
    expect(statusOn(a, byId, '2015-04-01', today)).toBe('已废止');
  });

  it('the timeline holds only the change points, and entryOn reads it back', () => {
    const t = policyTimeline(a, byId, today);
    expect(t).toEqual([
      { from: '2010-01-01', status: '尚未生效' },
      { from: '2010-02-01', status: '现行有效' },
      { from: '2015-04-01', status: '已废止' },
    ]);
    expect(entryOn(t, '2009-01-01')).toBeUndefined();
    expect(entryOn(t, '2012-06-30')?.status).toBe('现行有效');
    expect(entryOn(decodeTimeline(encodeTimeline(t)), '2020-01-01')?.status).toBe('已废止');
  });

  it('expires: 已失效 from the day after 有效期至', () => {
    const e = view('e', { expires: '2012-12-31', status: '已失效' });
    const t = policyTimeline(e, new Map([['e', e]]), today);
    expect(t).toEqual([{ from: '2010-01-01', status: '现行有效' }, { from: '2013-01-01', status: '已失效' }]);
    expect(dayAfter('2012-12-31')).toBe('2013-01-01');
    expect(dayAfter('2024-02-28')).toBe('2024-02-29');
  });

  it('a status declared without evidence in the library is unknown before the build date, not guessed', () => {
    const d = view('d', { status: '已废止' });
    const byD = new Map([['d', d]]);
    expect(statusOn(d, byD, '2012-01-01', today)).toBeNull();
    expect(statusOn(d, byD, today, today)).toBe('已废止');
    expect(policyTimeline(d, byD, today)).toEqual([{ from: '2010-01-01', status: null }, { from: today, status: '已废止' }]);
  });
});

describe('point in time: versions (content fixture versions-ok)', () => {
  it('each date maps to the version then in force; the document counts as published from its first version', async () => {
    const data = await loadSite({ root, source: 'test/fixtures/content/versions-ok', today });
    const banfa = data.policies.find((p) => p.id === 'banfa')!;
    const byId = new Map(data.policies.map((p) => [p.id, p]));
    expect(firstPublished(banfa)).toBe('2004-10-18');
    const t = policyTimeline(banfa, byId, today);
    expect(entryOn(t, '2004-10-17')).toBeUndefined();
    // published 2004-10-18, in force from 2004-11-01 (its own 施行日期, not the latest text's)
    expect(entryOn(t, '2004-10-20')).toEqual({ from: '2004-10-18', status: '尚未生效', version: '2004-10-18' });
    expect(entryOn(t, '2005-01-01')).toEqual({ from: '2004-11-01', status: '现行有效', version: '2004-10-18' });
    expect(entryOn(t, '2012-03-01')?.version).toBe('2012-03-01');
    // the 2021 text is published 2021-07-20 but applies from 2021-09-01
    expect(entryOn(t, '2021-08-31')?.version).toBe('2012-03-01');
    expect(entryOn(t, '2021-09-01')?.version).toBe('2021-07-20');
    expect(entryOn(t, today)?.status).toBe(banfa.status);
    const single = data.policies.find((p) => p.id === 'single')!;
    expect(policyTimeline(single, byId, today).every((e) => e.version === undefined)).toBe(true);
  });
});

describe('timeline encoding and dates typed by the reader', () => {
  it('round-trips, and a malformed attribute is an error', () => {
    const t = [{ from: '2001-01-01', status: null }, { from: '2002-01-01', status: '现行有效', version: '2001-01-01' }];
    expect(decodeTimeline(encodeTimeline(t))).toEqual(t);
    expect(() => decodeTimeline('{"a":1}')).toThrow(/not a list/);
    expect(() => decodeTimeline('[[1,2]]')).toThrow(/bad timeline entry/);
  });

  it('parseDay accepts real calendar dates only', () => {
    expect(parseDay('2024-02-29')).toBe('2024-02-29');
    expect(parseDay('2023-02-29')).toBeUndefined();
    expect(parseDay('2023-2-1')).toBeUndefined();
    expect(parseDay('')).toBeUndefined();
  });
});
