import { describe, expect, it } from 'vitest';
import { formatIndexNumber, indexCode, nextIndexNumber, parseIndexNumber } from '../../src/lib/index-number.ts';

describe('索引号', () => {
  it('parses and formats <code>/<YYYY>-<5 digits>', () => {
    expect(parseIndexNumber('000014349/2018-00222')).toEqual({ code: '000014349', year: 2018, serial: 222 });
    expect(parseIndexNumber('11150000011460213X/2016-00005')).toEqual({ code: '11150000011460213X', year: 2016, serial: 5 });
    expect(parseIndexNumber('not an index')).toBeNull();
    expect(formatIndexNumber('000014349', 2018, 223)).toBe('000014349/2018-00223');
  });
  it('is max existing serial + 1 for the same code and year', () => {
    const existing = ['A/2024-00003', 'A/2024-00012', 'A/2023-00099', 'B/2024-00500', 'weird', 'A/2024-7'];
    expect(nextIndexNumber(existing, 'A', 2024)).toBe('A/2024-00013');
    expect(nextIndexNumber(existing, 'A', 2023)).toBe('A/2023-00100');
    expect(nextIndexNumber(existing, 'A', 2025)).toBe('A/2025-00001');
    expect(nextIndexNumber([], 'C', 2025)).toBe('C/2025-00001');
    expect(nextIndexNumber(['A/2024-99999'], 'A', 2024)).toBe('A/2024-100000');
  });
  it('uses the organization code, else its id', () => {
    expect(indexCode({ id: 'sl-zfb', code: '111501020000000001' })).toBe('111501020000000001');
    expect(indexCode({ id: 'sl-czj' })).toBe('sl-czj');
  });
});
