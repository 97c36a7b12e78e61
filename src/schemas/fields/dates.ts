/**
 * 日期 / dates: `YYYY-MM-DD` strings (calendar dates in China Standard Time).
 * YAML parsers that turn `2024-01-05` into a Date (js-yaml, used by Astro) are accepted and
 * converted back to the string; impossible dates such as 2023-02-30 are rejected.
 */
import { z } from 'zod';

export const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `s` is `YYYY-MM-DD` and names a real calendar day. */
export function isIsoDate(s: string): boolean {
  const m = DATE_PATTERN.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= days[mo - 1]!;
}

/** A Date (from a YAML parser) as a calendar date: UTC midnight → that UTC day; else the day in Asia/Shanghai. */
export function dateToIso(d: Date): string | undefined {
  if (Number.isNaN(d.getTime())) return undefined;
  if (d.getUTCHours() === 0 && d.getUTCMinutes() === 0 && d.getUTCSeconds() === 0) return d.toISOString().slice(0, 10);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
}

/** 日期 / date `YYYY-MM-DD`. */
export const isoDateSchema = z.preprocess(
  (v) => (v instanceof Date ? (dateToIso(v) ?? v) : typeof v === 'string' ? v.trim() : v),
  z.string().superRefine((s, ctx) => {
    if (!DATE_PATTERN.test(s)) {
      ctx.addIssue({
        code: 'custom',
        message: `日期格式错误 "${s}"，应为 YYYY-MM-DD（invalid date format）`,
        params: { allowed: ['YYYY-MM-DD，如 2024-03-15'] },
      });
    } else if (!isIsoDate(s)) {
      ctx.addIssue({ code: 'custom', message: `日期不存在 "${s}"（invalid calendar date）` });
    }
  }),
);
