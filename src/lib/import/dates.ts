/**
 * Chinese dates as written in official documents → ISO `YYYY-MM-DD`:
 *   2016年5月18日 · 2016 年 5 月 18 日 · 二〇一六年五月十八日 · 二○一六年五月十八日 · ２０１６年５月１８日
 * Pure; returns undefined for impossible dates.
 */
import { isIsoDate } from '../../schemas/fields/dates.ts';

const DIGIT: Record<string, number> = {
  '〇': 0, '○': 0, '零': 0, 'Ｏ': 0, 'O': 0, '０': 0,
  '一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9,
};

const NUM = '[0-9０-９〇○零ＯO一二三四五六七八九十]';
/** A date anywhere in a string (year 4 digits / 4 Chinese numerals). */
export const CHINESE_DATE_SOURCE = `(${NUM}{4})\\s*年\\s*(${NUM}{1,3})\\s*月\\s*(${NUM}{1,3})\\s*日`;

/** 五 → 5, 十 → 10, 十八 → 18, 二十 → 20, 三十一 → 31, 18 → 18, １８ → 18 */
export function chineseNumber(s: string): number | undefined {
  const t = s.normalize('NFKC').trim();
  if (/^\d+$/.test(t)) return Number(t);
  if (!/^[〇○零ＯO一二三四五六七八九十]+$/.test(t)) return undefined;
  const i = t.indexOf('十');
  if (i === -1) {
    let n = 0;
    for (const ch of t) n = n * 10 + DIGIT[ch]!;
    return n;
  }
  if (t.indexOf('十', i + 1) !== -1) return undefined;
  const tens = i === 0 ? 1 : DIGIT[t.slice(0, i)];
  const ones = i === t.length - 1 ? 0 : DIGIT[t.slice(i + 1)];
  if (tens === undefined || ones === undefined) return undefined;
  return tens * 10 + ones;
}

/** Year written digit by digit: 二〇一六 → 2016, ２０１６ → 2016. */
function yearOf(s: string): number | undefined {
  const t = s.normalize('NFKC');
  if (/^\d{4}$/.test(t)) return Number(t);
  let n = 0;
  for (const ch of s) {
    const d = DIGIT[ch] ?? (/\d/.test(ch.normalize('NFKC')) ? Number(ch.normalize('NFKC')) : undefined);
    if (d === undefined) return undefined;
    n = n * 10 + d;
  }
  return n;
}

export function parseChineseDate(s: string): string | undefined {
  const m = new RegExp(CHINESE_DATE_SOURCE, 'u').exec(s);
  if (!m) return undefined;
  const y = yearOf(m[1]!);
  const mo = chineseNumber(m[2]!);
  const d = chineseNumber(m[3]!);
  if (y === undefined || mo === undefined || d === undefined) return undefined;
  const iso = `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : undefined;
}

/** True when the whole line is one date, optionally in （） or ( ) as some 落款 are written. */
export function isDateLine(line: string): boolean {
  return new RegExp(`^[（(]?\\s*${CHINESE_DATE_SOURCE}\\s*[）)]?$`, 'u').test(line.trim());
}
