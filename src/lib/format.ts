/** Dates and numbers for display. The date pattern comes from the UI dictionary (format.date). */
import type { Translate } from '../i18n/index.ts';

/** 2024-03-05 → 2024年3月5日 (zh) or the Mongolian pattern; '' for an absent date. */
export function formatDate(iso: string | undefined, t: Translate): string {
  if (!iso) return '';
  const [y, m, d] = iso.split('-').map(Number);
  return t('format.date', { y: y!, m: m!, d: d! });
}

const zhNumber = new Intl.NumberFormat('zh-CN');

export function formatCount(n: number): string {
  return zhNumber.format(n);
}
