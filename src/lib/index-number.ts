/**
 * 索引号 / index numbers `<机构代码>/<年份>-<5 位流水号>` (gov.cn style, e.g. 000014349/2018-00222).
 * The next number for an organization and year is the largest serial already used with that
 * code and year, plus one. Index numbers in other formats are ignored (they never collide with
 * the generated form). Pure.
 */
import type { Organization } from './model.ts';

export interface ParsedIndexNumber {
  code: string;
  year: number;
  serial: number;
}

const PATTERN = /^(?<code>[^/\s]+)\/(?<year>\d{4})-(?<serial>\d+)$/;

export function parseIndexNumber(s: string): ParsedIndexNumber | null {
  const m = PATTERN.exec(s.trim());
  if (!m?.groups) return null;
  return { code: m.groups.code!, year: Number(m.groups.year), serial: Number(m.groups.serial) };
}

export function formatIndexNumber(code: string, year: number, serial: number): string {
  return `${code}/${String(year).padStart(4, '0')}-${String(serial).padStart(5, '0')}`;
}

/** The code an organization's index numbers start with: its `code`, else its id. */
export function indexCode(org: Pick<Organization, 'id' | 'code'>): string {
  return org.code ?? org.id;
}

/** Next 索引号 for `code` and `year` given every index number already used. */
export function nextIndexNumber(existing: Iterable<string>, code: string, year: number): string {
  let max = 0;
  for (const s of existing) {
    const p = parseIndexNumber(s);
    if (p && p.code === code && p.year === year && p.serial > max) max = p.serial;
  }
  return formatIndexNumber(code, year, max + 1);
}
