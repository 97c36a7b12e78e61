import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../src/lib/search/query.ts';
import { expandSynonyms } from '../../src/lib/search/synonyms.ts';

describe('query parser', () => {
  it.each([
    ['银发〔2021〕237号', '银发|2021|237'],
    ['法释(2024)1号', '法释|2024|1'],
    ['银发【2012】234号', '银发|2012|234'],
    ['法释〔2022〕2', '法释|2022|2'],
    ['国务院令第656号', '国务院令||656'],
    ['银发 〔2018〕 162 号', '银发|2018|162'],
    ['中国人民银行令2025第9号', '中国人民银行令|2025|9'],
  ])('recognizes the 文号 %s', (q, key) => {
    const p = parseQuery(q);
    expect(p.docNumbers).toEqual([key]);
    expect(p.rest).toBe('');
  });
  it('keeps words next to a 文号', () => {
    const p = parseQuery('反洗钱 银发[2014]344号');
    expect(p.docNumbers).toContain('银发|2014|344');
    expect(p.rest).toBe('反洗钱');
  });
  it('does not take plain words or numbers for a 文号', () => {
    expect(parseQuery('农村低保标准').docNumbers).toEqual([]);
    expect(parseQuery('2015').docNumbers).toEqual([]);
  });
  it('quoted queries ask for the exact phrase', () => {
    expect(parseQuery('“法官申请辞职”')).toMatchObject({ exact: true, raw: '法官申请辞职' });
  });
});

describe('synonyms', () => {
  it('expands abbreviations to the formal terms, original first', () => {
    expect(expandSynonyms('农村低保标准')).toEqual(['农村低保标准', '农村最低生活保障标准']);
    expect(expandSynonyms('网约车管理')).toContain('网络预约出租汽车管理');
    expect(expandSynonyms('小微企业减税').some((v) => v.includes('小型微利企业'))).toBe(true);
  });
  it('never shortens formal terms and leaves other queries alone', () => {
    expect(expandSynonyms('中国人民银行')).toEqual(['中国人民银行']);
    expect(expandSynonyms('法官申请辞职')).toEqual(['法官申请辞职']);
  });
});
