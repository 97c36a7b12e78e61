/** Dates and numbers for display go through Intl, never string concatenation. */
const zhDate = new Intl.DateTimeFormat('zh-CN', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
const zhNumber = new Intl.NumberFormat('zh-CN');

/** 2024-03-05 → 2024年3月5日 */
export function formatDateZh(iso: string | undefined): string {
  if (!iso) return '';
  const [y, m, d] = iso.split('-').map(Number);
  return zhDate.format(new Date(Date.UTC(y!, (m ?? 1) - 1, d ?? 1)));
}

export function formatCount(n: number): string {
  return zhNumber.format(n);
}
