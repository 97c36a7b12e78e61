/**
 * Filters as the engine passes them to an index (src/lib/search/filters.ts), the check of a
 * 文号 hit against them, and the 文号 keys tried for a typed 机关代字 (engine/docnum.ts).
 */
import { describe, expect, it } from 'vitest';
import { fragmentPasses, pfFilters } from '../../src/lib/search/filters.ts';
import { keyCandidates } from '../../src/search/engine/docnum.ts';

describe('pfFilters', () => {
  it('turns a list into any-of, keeps a value and the object forms, drops empty ones', () => {
    expect(pfFilters({ kind: '政策文件', year: ['2016', '2018'], status: { none: ['已废止'] }, topic: '', issuer: [], docType: undefined })).toEqual({
      kind: '政策文件',
      year: { any: ['2016', '2018'] },
      status: { none: ['已废止'] },
    });
  });
  it('leaves site to the site choice, and level too where the site says its level', () => {
    expect(pfFilters({ site: 'a', level: '旗县', kind: 'x' })).toEqual({ level: '旗县', kind: 'x' });
    expect(pfFilters({ site: 'a', level: '旗县', kind: 'x' }, true)).toEqual({ kind: 'x' });
    expect(pfFilters(undefined)).toEqual({});
  });
});

describe('fragmentPasses', () => {
  const doc = { filters: { kind: ['政策文件'], year: ['2016'], topic: ['金融', '财政'] } };
  it('checks a value and each object form against the document’s values', () => {
    expect(fragmentPasses(doc, { kind: '政策文件' })).toBe(true);
    expect(fragmentPasses(doc, { kind: '政策解读' })).toBe(false);
    expect(fragmentPasses(doc, { year: { any: ['2015', '2016'] } })).toBe(true);
    expect(fragmentPasses(doc, { topic: { all: ['金融', '财政'] } })).toBe(true);
    expect(fragmentPasses(doc, { topic: { all: ['金融', '教育'] } })).toBe(false);
    expect(fragmentPasses(doc, { year: { none: ['2016'] } })).toBe(false);
    expect(fragmentPasses(doc, { year: { not: '2015' } })).toBe(true);
  });
  it('every filter must pass; a document without the field passes only none/not', () => {
    expect(fragmentPasses(doc, { kind: '政策文件', year: '2017' })).toBe(false);
    expect(fragmentPasses({}, { status: { none: ['已废止'] } })).toBe(true);
    expect(fragmentPasses({}, { status: '现行有效' })).toBe(false);
  });
});

describe('keyCandidates', () => {
  it('keeps a known 机关代字, or finds the known one it ends with', () => {
    expect(keyCandidates('银发|2016|261', ['银发', '银办发'])).toEqual(['银发|2016|261']);
    expect(keyCandidates('人民银发|2016|261', ['银发'])).toEqual(['银发|2016|261']);
    expect(keyCandidates('京政发|2016|1', ['银发'])).toEqual(['京政发|2016|1']);
    expect(keyCandidates('京政发|2016|1', [])).toEqual(['京政发|2016|1']);
  });
});
