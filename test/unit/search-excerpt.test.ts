import { describe, expect, it } from 'vitest';
import { buildExcerpt, highlight, matchRanges } from '../../src/lib/search/excerpt.ts';
import { queryTokens } from '../../src/lib/search/tokenize.ts';

const TEXT = '第一条 为了规范物业专项维修资金的管理，制定本办法。\n第二条 业主应当按照规定交存物业专项维修资金。';
const strip = (h: string) => h.replace(/<\/?mark>/g, '').replace(/…/g, '');

describe('excerpts', () => {
  it('are the original text: no inserted spaces, no doubled characters', () => {
    const e = buildExcerpt(TEXT, queryTokens('专项维修资金'), 40);
    expect(strip(e)).not.toMatch(/专专|项项|维维|资资|金金/);
    expect(TEXT.replace(/\n/g, ' ')).toContain(strip(e));
  });
  it('mark the matched phrase as one span', () => {
    const e = buildExcerpt(TEXT, queryTokens('专项维修资金'), 80);
    expect(e).toContain('<mark>专项维修资金</mark>');
    expect(e).not.toContain('</mark><mark>');
  });
  it('mark each found part when the phrase is not there', () => {
    const { ranges, phrase } = matchRanges(TEXT, queryTokens('维修办法'));
    expect(phrase).toBe(0);
    expect(highlight(TEXT, ranges)).toContain('<mark>维修</mark>');
    expect(highlight(TEXT, ranges)).toContain('<mark>办法</mark>');
  });
  it('a single character is marked alone', () => {
    expect(buildExcerpt('甲乙丙', queryTokens('丙'))).toBe('甲乙<mark>丙</mark>');
  });
  it('escape HTML', () => {
    expect(buildExcerpt('a<b>规定', queryTokens('规定'))).toBe('a&lt;b&gt;<mark>规定</mark>');
  });
});
