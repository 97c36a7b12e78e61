/**
 * 意见征集 status from its dates and the build date (a static site shows the status as of the
 * build, so the page also prints the dates; rebuild daily to keep it current).
 *   today < opens            未开始
 *   opens ≤ today ≤ closes   征集中 (the closing day is still open)
 *   closes < today           已结束
 * Pure: ISO `YYYY-MM-DD` strings compare correctly as strings.
 */
import type { IsoDate } from '../model.ts';
import type { ConsultationStatus } from './model.ts';

export function consultationStatus(opens: IsoDate, closes: IsoDate, today: IsoDate): ConsultationStatus {
  if (today < opens) return '未开始';
  if (today > closes) return '已结束';
  return '征集中';
}

/** Calendar days of the period, both ends included. */
export function periodDays(opens: IsoDate, closes: IsoDate): number {
  const ms = Date.parse(`${closes}T00:00:00Z`) - Date.parse(`${opens}T00:00:00Z`);
  return Math.round(ms / 86_400_000) + 1;
}

/** Status order for listings: open first, then upcoming, then closed. */
export const STATUS_ORDER: Record<ConsultationStatus, number> = { 征集中: 0, 未开始: 1, 已结束: 2 };
