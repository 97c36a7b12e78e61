import { describe, expect, it } from 'vitest';
import { fillDatePattern, formatMongolianDate, MN_DATE_PATTERN, ordinal, ordinalIsFront, ordinalSuffix, ORDINAL_BACK, ORDINAL_FRONT, verticalRuns } from '../../src/lib/mongolian/numbers.ts';
import { formatDateWith } from '../../src/lib/format.ts';
import { useTranslations } from '../../src/i18n/index.ts';

describe('ordinal suffix by the last numeral word (MONGOLIAN-TERMS.md §E)', () => {
  it('every last digit: 1, 4, 9 front (ᠳ᠋ᠦᠭᠡᠷ), 2, 3, 5, 6, 7, 8 back (ᠳ᠋ᠤᠭᠠᠷ)', () => {
    const front = new Set([1, 4, 9]);
    for (let d = 1; d <= 9; d++) {
      for (const n of [d, 10 + d, 20 + d, 100 + d, 2020 + d]) {
        expect(ordinalSuffix(n), String(n)).toBe(front.has(d) ? ORDINAL_FRONT : ORDINAL_BACK);
      }
    }
  });
  it('numbers ending in 0 follow the tens (40, 90 front) or the hundreds/thousands/万 word', () => {
    const cases: [number, boolean][] = [[10, false], [20, false], [30, false], [40, true], [50, false], [60, false], [70, false], [80, false], [90, true], [140, true], [100, false], [200, false], [1000, false], [2000, false], [10000, true], [30000, true], [0, false]];
    for (const [n, f] of cases) expect(ordinalIsFront(n), String(n)).toBe(f);
  });
  it('the attested page forms, with FVS1 after ᠳ', () => {
    expect(ordinal(19)).toBe('19 ᠳ\u180Bᠦᠭᠡᠷ');
    expect(ordinal(213)).toBe('213 ᠳ\u180Bᠤᠭᠠᠷ');
    expect(ordinal(8)).toBe('8 ᠳ\u180Bᠤᠭᠠᠷ');
    expect(ordinal(9)).toBe('9 ᠳ\u180Bᠦᠭᠡᠷ');
  });
  it('refuses what is not a whole number ≥ 0', () => {
    for (const n of [-1, 1.5, NaN, Infinity]) expect(() => ordinalSuffix(n)).toThrow(/whole number/);
  });
});

describe('Mongolian dates', () => {
  it('2023-05-17 → 2023 ᠣᠨ ᠤ 5 ᠳ᠋ᠤᠭᠠᠷ ᠰᠠᠷ᠎ᠠ ᠶᠢᠨ 17 (U+202F before suffixes, MVS in ᠰᠠᠷ᠎ᠠ)', () => {
    expect(formatMongolianDate('2023-05-17')).toBe('2023 ᠣᠨ\u202Fᠤ 5 ᠳ\u180Bᠤᠭᠠᠷ ᠰᠠᠷ\u180Eᠠ\u202Fᠶᠢᠨ 17');
    const plain = (s: string) => s.replace(/[\u202F]/g, ' ').replace(/[\u180B\u180E]/g, '');
    expect(plain(formatMongolianDate('2023-05-17'))).toBe('2023 ᠣᠨ ᠤ 5 ᠳᠤᠭᠠᠷ ᠰᠠᠷᠠ ᠶᠢᠨ 17');
  });
  it('every month takes its own ordinal suffix', () => {
    for (let m = 1; m <= 12; m++) {
      const iso = `2024-${String(m).padStart(2, '0')}-03`;
      expect(formatMongolianDate(iso)).toContain(` ${m} ${[1, 4, 9].includes(m % 10) ? ORDINAL_FRONT : ORDINAL_BACK} ᠰᠠᠷ`);
    }
  });
  it('absent and non-ISO dates, and the Chinese pattern, as before', () => {
    expect(formatMongolianDate(undefined)).toBe('');
    expect(formatMongolianDate('2024')).toBe('2024');
    expect(fillDatePattern('2024-03-05', '{y}年{m}月{d}日')).toBe('2024年3月5日');
    expect(formatDateWith('2024-03-05', '{y}年{m}月{d}日')).toBe('2024年3月5日');
  });
  it('the /mn/ pages and the search page use the same pattern (format.date)', () => {
    const t = useTranslations('mn-Mong');
    expect(t('format.date')).toBe(MN_DATE_PATTERN);
    expect(formatDateWith('2021-04-09', t('format.date'))).toBe(formatMongolianDate('2021-04-09'));
    expect(formatDateWith('2021-04-09', t('format.date'))).toContain(`4 ${ORDINAL_FRONT}`);
  });
});

describe('verticalRuns: short digit runs upright, long ones sideways', () => {
  it('splits a date', () => {
    expect(verticalRuns(formatMongolianDate('2023-05-17')).filter((r) => r.tcy).map((r) => r.text)).toEqual(['5', '17']);
    expect(verticalRuns('2023 A4 3.5 12').filter((r) => r.tcy).map((r) => r.text)).toEqual(['12']);
    expect(verticalRuns('ᠠ 7').map((r) => r.text).join('')).toBe('ᠠ 7');
    expect(verticalRuns('')).toEqual([]);
  });
});
