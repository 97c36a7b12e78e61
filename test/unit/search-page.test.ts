/**
 * The search page's rules (src/lib/search-page/): its URL state without empty parameters, the
 * chips that each remove one filter, and what a result says besides its title. (Undated
 * documents last in date order: the engine's, test/unit/search-engine.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { hasSearch, readSearchState, searchQueryString, withoutEmpty, withoutFilter, withoutFilters } from '../../src/lib/search-page/params.ts';
import { resultMeta } from '../../src/lib/search-page/result-meta.ts';
import { formatDateWith, localIsoDate } from '../../src/lib/format.ts';

const state = (qs: string) => readSearchState(new URLSearchParams(qs));

describe('search page: URL state', () => {
  it('writes no empty parameter (a form sent with every select at 不限)', () => {
    const s = state('q=%E6%94%BF%E5%8A%A1&kind=&issuer=&topic=&year=&status=&docType=&sort=');
    expect(searchQueryString(s)).toBe('q=%E6%94%BF%E5%8A%A1');
  });
  it('writes the parameters in one order, whatever order they came in', () => {
    expect(searchQueryString(state('sort=published-desc&year=2016&q=a&kind=%E6%94%BF%E7%AD%96%E6%96%87%E4%BB%B6'))).toBe('q=a&kind=%E6%94%BF%E7%AD%96%E6%96%87%E4%BB%B6&year=2016&sort=published-desc');
  });
  it('ignores an unknown sort and filters this site does not offer', () => {
    const s = readSearchState(new URLSearchParams('q=a&sort=random&site=x&level=y'), ['kind', 'year']);
    expect(s).toEqual({ q: 'a', filters: {}, sort: '', mn: false });
  });
  it('removes one filter for a chip and keeps the rest', () => {
    const s = state('q=a&year=2016&status=%E7%8E%B0%E8%A1%8C%E6%9C%89%E6%95%88&mn=1');
    expect(searchQueryString(withoutFilter(s, 'year'))).toBe('q=a&status=%E7%8E%B0%E8%A1%8C%E6%9C%89%E6%95%88&mn=1');
    expect(searchQueryString(withoutFilters(s))).toBe('q=a&mn=1');
  });
  it('drops empty form entries', () => {
    expect(withoutEmpty([['q', 'a'], ['kind', ''], ['year', ' ']])).toEqual([['q', 'a']]);
  });
  it('knows when there is nothing to search for', () => {
    expect(hasSearch(state('sort=published-asc'))).toBe(false);
    expect(hasSearch(state('year=2016'))).toBe(true);
  });
});

describe('search page: what a result says', () => {
  const labels = { kinds: { 政策解读: '政策解读', 年度报告: '年度报告' }, statuses: { 已废止: '已废止' }, datePattern: '{y}年{m}月{d}日' };
  it('gives the type, 有效性, 文号 and the date as the page writes dates', () => {
    expect(resultMeta({ kind: '政策解读', status: '已废止', docNumber: '内政办发〔2016〕5号', published: '2024-05-07' }, labels)).toEqual({
      kind: { value: '政策解读', label: '政策解读' },
      status: { value: '已废止', label: '已废止' },
      docNumber: '内政办发〔2016〕5号',
      date: { iso: '2024-05-07', text: '2024年5月7日' },
    });
  });
  it('writes a Mongolian date with the Mongolian pattern', () => {
    expect(resultMeta({ published: '2023-05-17' }, { ...labels, datePattern: '{y} ᠣᠨ\u202Fᠤ {m} ᠰᠠᠷ\u180Eᠠ\u202Fᠶᠢᠨ {d}' }).date?.text).toBe('2023 ᠣᠨ\u202Fᠤ 5 ᠰᠠᠷ\u180Eᠠ\u202Fᠶᠢᠨ 17');
  });
  it('says nothing it does not know', () => {
    expect(resultMeta({}, labels)).toEqual({});
  });
});

describe('dates', () => {
  it('keeps a value that is not a full date as it is', () => {
    expect(formatDateWith('2024', '{y}年{m}月{d}日')).toBe('2024');
    expect(formatDateWith(undefined, '{y}')).toBe('');
  });
  it("takes the reader's calendar date", () => {
    expect(localIsoDate(new Date(2025, 0, 9, 23, 59))).toBe('2025-01-09');
  });
});
