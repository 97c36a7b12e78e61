/** The library at each year's end (src/lib/year-end.ts): 时点查询 without JavaScript. */
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { clearSiteCache, loadSite } from '../../src/content/load.ts';
import type { PolicyView } from '../../src/lib/model.ts';
import { localize } from '../../src/lib/localize.ts';
import { yearEndDate, yearEndListings, yearEndRoutes, yearEndYears, yearEndYearsOf } from '../../src/lib/year-end.ts';

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

describe('year-end listings: which years and which day', () => {
  it('years run from the earliest 公布 or 施行 date (versions included) to the year before the build year', () => {
    const a = view('a', { published: '2012-05-01', effective: '2011-12-01' });
    const b = view('b', { published: '2020-01-01', versions: [{ date: '2009-03-01', title: 'b', body: '', bodyFormat: 'text', source: 'v.md' }] } as Partial<PolicyView>);
    expect(yearEndYears([a], today)).toEqual([2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024]);
    expect(yearEndYears([a, b], today)[0]).toBe(2009);
    // a library that starts in the build year has no past year-end
    expect(yearEndYears([view('c', { published: '2025-02-01' })], today)).toEqual([]);
    expect(yearEndYearsOf([a], today)).toEqual(yearEndYears([a], today));
  });

  it('a year ends on 31 December', () => {
    expect(yearEndDate(2010)).toBe('2010-12-31');
    expect(yearEndRoutes.page(2010, 1)).toBe('policies/asof/2010/');
    expect(yearEndRoutes.page(2010, 3)).toBe('policies/asof/2010/3/');
  });

  it('repeal by a library document shows from its 施行 on; a document not yet published is left out; what is as today is counted, not listed', () => {
    const r = view('r', { published: '2015-03-01', effective: '2015-04-01', repeals: ['a'] });
    const a = view('a', { effective: '2010-02-01', repealedBy: ['r'], status: '已废止' });
    const years = yearEndListings([a, r], [a, r], today);
    const y = (n: number) => years.find((l) => l.year === n)!;
    // 2010: a was in force then (repealed today); r not yet published
    expect(y(2010).rows.map((row) => [row.id, row.status])).toEqual([['a', '现行有效']]);
    expect(y(2010).same).toBe(0);
    // 2015: both as today
    expect(y(2015).rows).toEqual([]);
    expect(y(2015).same).toBe(2);
  });

  it('a document published but not yet in force at a year end is listed with that status', () => {
    const n = view('n', { published: '2019-12-20', effective: '2020-02-01' });
    const years = yearEndListings([n], [n], today);
    expect(years.find((l) => l.year === 2019)!.rows.map((row) => [row.id, row.status])).toEqual([['n', '尚未生效']]);
    expect(years.find((l) => l.year === 2020)!.same).toBe(1);
  });
});

describe('year-end listings: versions (content fixture versions-ok)', () => {
  it('each year shows the version then in force with its own title and 文号', async () => {
    const data = await loadSite({ root, source: 'test/fixtures/content/versions-ok', today });
    const years = yearEndListings(data.policies, data.policies, today);
    expect(years[0]!.year).toBe(2004);
    const banfa = (n: number) => years.find((l) => l.year === n)!.rows.find((row) => row.id === 'banfa');
    expect(banfa(2004)).toMatchObject({ version: '2004-10-18', published: '2004-10-18', docNumber: '示政发〔2004〕12号', status: '现行有效' });
    expect(banfa(2012)).toMatchObject({ version: '2012-03-01', title: '示例旗政务公开办法（2012年修正）' });
    expect(banfa(2012)!.docNumber).toBeUndefined();
    // from 2021 on the current version: as today, counted and not listed
    expect(banfa(2021)).toBeUndefined();
    const y2021 = years.find((l) => l.year === 2021)!;
    const y2019 = years.find((l) => l.year === 2019)!;
    // single.md was published in 2020, in force ever since: counted from 2020 on, never listed
    expect(y2019.rows.map((row) => row.id)).not.toContain('single');
    expect(years.find((l) => l.year === 2020)!.rows.map((row) => row.id)).not.toContain('single');
    // every document published by a year end is listed or counted, once
    const firstDate = (p: PolicyView) => [p.published, ...(p.versions ?? []).map((v) => v.date)].sort()[0]!;
    for (const l of [y2019, y2021]) {
      expect(l.rows.length + l.same).toBe(data.policies.filter((p) => firstDate(p) <= l.date).length);
    }
    expect(y2021.same).toBeGreaterThan(y2019.same);
    // Mongolian: only translated documents, with their translated title; the version and dates are the original's
    const mn = localize(data, 'mn-Mong');
    const mnRow = yearEndListings(mn.policies, data.policies, today).find((l) => l.year === 2012)!.rows;
    expect(mnRow.map((row) => row.id)).toEqual(['banfa']);
    expect(mnRow[0]).toMatchObject({ version: '2012-03-01', title: mn.policies[0]!.title });
    expect(mnRow[0]!.title).toMatch(/[\u1820-\u18AF]/);
    // with a translation of the 2012 version (versions-mn), that version's own translated title
    const withTr = await loadSite({ root, source: 'test/fixtures/content/versions-mn', today });
    const mn2 = localize(withTr, 'mn-Mong');
    const row2012 = yearEndListings(mn2.policies, withTr.policies, today).find((l) => l.year === 2012)!.rows[0]!;
    expect(row2012.title).toBe(withTr.translations.policyVersions!.banfa!['2012-03-01']!.title);
    expect(row2012.title).not.toBe(mn2.policies[0]!.title);
  });
});
