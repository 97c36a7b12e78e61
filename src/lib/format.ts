/** Dates and numbers for display. The date pattern comes from the UI dictionary (format.date). */
import type { Translate } from '../i18n/index.ts';

/**
 * 2024-03-05 with a date pattern such as `{y}年{m}月{d}日` (zh) or the Mongolian one: month and
 * day without leading zeros. Pure, for pages and for client scripts that get the pattern from
 * the page. '' for an absent date; anything that is not YYYY-MM-DD is returned as it is.
 */
export function formatDateWith(iso: string | undefined, pattern: string): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const parts: Record<string, string> = { y: m[1]!, m: String(Number(m[2])), d: String(Number(m[3])) };
  return pattern.replace(/\{([ymd])\}/g, (_, k: string) => parts[k]!);
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
