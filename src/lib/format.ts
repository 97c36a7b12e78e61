/** Dates and numbers for display. The date pattern comes from the UI dictionary (format.date). */
import type { Translate } from '../i18n/index.ts';
import { fillDatePattern } from './mongolian/numbers.ts';

/**
 * 2024-03-05 with a date pattern such as `{y}年{m}月{d}日` (zh) or the Mongolian one
 * (src/lib/mongolian/numbers.ts: `{m:ord}` is the month's ordinal suffix, ᠳ᠋ᠤᠭᠠᠷ or ᠳ᠋ᠦᠭᠡᠷ): month
 * and day without leading zeros. Pure, for pages and for client scripts that get the pattern
 * from the page. '' for an absent date; anything that is not YYYY-MM-DD is returned as it is.
 */
export function formatDateWith(iso: string | undefined, pattern: string): string {
  return fillDatePattern(iso, pattern);
}

/** 2024-03-05 → 2024年3月5日 (zh) or the Mongolian pattern; '' for an absent date. */
export function formatDate(iso: string | undefined, t: Translate): string {
  return formatDateWith(iso, t('format.date'));
}

/** The calendar date of `d` where the reader is (their clock and time zone), as YYYY-MM-DD. */
export function localIsoDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

const zhNumber = new Intl.NumberFormat('zh-CN');

export function formatCount(n: number): string {
  return zhNumber.format(n);
}
