/**
 * What a search result says besides its title: its type (文件, 解读, 年报 …), its 有效性, its
 * 文号 and its date written the way the page's language writes dates. Pure: the page script
 * renders these, the unit tests check them.
 */
import { formatDateWith } from '../format.ts';
import { STATUSES } from '../model.ts';

export interface ResultFacts {
  kind?: string | undefined;
  /** 有效性 (policies only) */
  status?: string | undefined;
  docNumber?: string | undefined;
  /** YYYY-MM-DD */
  published?: string | undefined;
}

export interface ResultLabels {
  /** reader's label per kind value (信息类别) */
  kinds: Record<string, string>;
  /** reader's label per 有效性 value */
  statuses: Record<string, string>;
  /** the page's date pattern, e.g. `{y}年{m}月{d}日` */
  datePattern: string;
}

export interface ResultMeta {
  kind?: { value: string; label: string };
  status?: { value: string; label: string };
  docNumber?: string;
  date?: { iso: string; text: string };
}

export function resultMeta(r: ResultFacts, labels: ResultLabels): ResultMeta {
  const out: ResultMeta = {};
  if (r.kind) out.kind = { value: r.kind, label: labels.kinds[r.kind] ?? r.kind };
  if (r.status) out.status = { value: r.status, label: labels.statuses[r.status] ?? r.status };
  if (r.docNumber) out.docNumber = r.docNumber;
  if (r.published) out.date = { iso: r.published, text: formatDateWith(r.published, labels.datePattern) };
  return out;
}

/** The badge's class for a 有效性 value: a modifier only for one of the statuses (a peer's result
 * is data: its status text never adds classes, e.g. one that hides or restyles the badge). */
export function badgeClass(status: string): string {
  return (STATUSES as readonly string[]).includes(status) ? `badge badge--${status}` : 'badge';
}
