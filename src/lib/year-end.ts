/**
 * 时点查询 without JavaScript (#18): the library as it stood at the end of each past year, one
 * static listing per year from the earliest 施行/公布 year in the library to the year before the
 * build year (today's library is the library page itself). A year's page lists the documents
 * whose 有效性 or version on its last day differs from today's, and counts the others published by
 * then, whose answer is today's: a listing of every document for every year would grow with
 * documents × years (~7,000 extra pages at 10,000 documents), while the differing ones are the
 * amended, repealed and not yet effective. Each row is read from the same timeline the library
 * page's script looks dates up in (point-in-time.ts), so the static pages and the date form give
 * one answer. Pure.
 */
import { STATUSES, type IsoDate, type PolicyView, type Status } from './model.ts';
import { policyTimeline } from './point-in-time.ts';
import { entryOn, type Timeline } from './timeline.ts';
import { versionByDate } from './versions.ts';

/** One document as it stood on the page's day: only what the row shows (the page's cache key hashes it). */
export interface YearEndRow {
  id: string;
  /** title and 文号 of the version then (on /mn/ its translated title, else the document's) */
  title: string;
  docNumber?: string;
  issuers: string[];
  /** 公布日期 of the text then in force */
  published: IsoDate;
  /** 有效性 then; null: unknown (declared without dates, point-in-time.ts) */
  status: Status | null;
  /** the version then (key of /policies/<id>/v/<date>/), for documents with versions */
  version?: IsoDate;
}

const year = (iso: IsoDate) => Number(iso.slice(0, 4));

/** Every year from the earliest 公布 or 施行 date in the library to the year before the build year, oldest first. */
export function yearEndYears(library: readonly PolicyView[], today: IsoDate): number[] {
  const last = year(today) - 1;
  let first = last + 1;
  for (const p of library) {
    for (const d of [p.published, p.effective, ...(p.versions ?? []).flatMap((v) => [v.date, v.effective])]) {
      if (d) first = Math.min(first, year(d));
    }
  }
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/** The day a year's page shows: its 31 December. */
export function yearEndDate(y: number): IsoDate {
  return `${String(y).padStart(4, '0')}-12-31`;
}

function asStatus(s: string | null, id: string): Status | null {
  if (s === null || (STATUSES as readonly string[]).includes(s)) return s as Status | null;
  throw new Error(`时点查询：文件 ${id} 的有效性 "${s}" 不是已知值（allowed: ${STATUSES.join('、')}）`);
}

/**
 * The row of `p` (as the page's language shows it) on `date`, or undefined before it was
 * published. On /mn/ an earlier version without a translation shows the document's translated title.
 */
function rowOn(p: PolicyView, translated: boolean, timeline: Timeline, date: IsoDate): YearEndRow | undefined {
  const entry = entryOn(timeline, date);
  if (!entry) return undefined;
  const v = entry.version === undefined ? undefined : versionByDate(p, entry.version);
  if (entry.version !== undefined && !v) throw new Error(`时点查询：文件 ${p.id} 没有 ${entry.version} 版本（timeline and versions disagree; this is a bug）`);
  const earlier = v && !v.latest;
  const row: YearEndRow = { id: p.id, title: earlier && (!translated || v.translated) ? v.title : p.title, issuers: p.issuers, published: v ? v.date : p.published, status: asStatus(entry.status, p.id) };
  const docNumber = earlier ? v.docNumber : p.docNumber;
  if (docNumber) row.docNumber = docNumber.raw;
  if (v) row.version = v.date;
  return row;
}

function byRowDesc(a: YearEndRow, b: YearEndRow): number {
  if (a.published !== b.published) return a.published < b.published ? 1 : -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** A year's page: the documents that differ from today (rows) and how many published by then do not. */
export interface YearEndListing {
  year: number;
  date: IsoDate;
  rows: YearEndRow[];
  /** published by `date`, with the same 有效性 and version then as today */
  same: number;
}

const differs = (then: YearEndRow, now: YearEndRow | undefined) => !now || then.status !== now.status || then.version !== now.version;

/**
 * For each past year, the documents published by its last day whose 有效性 or version then
 * differs from today's, latest publication first, and the count of the others; documents not yet
 * published are left out. `policies` are the page language's documents; `library` the Chinese
 * originals, whose dates and relations decide.
 */
export function yearEndListings(policies: readonly PolicyView[], library: readonly PolicyView[], today: IsoDate): YearEndListing[] {
  const byId = new Map(library.map((p) => [p.id, p]));
  const docs = policies.map((p) => {
    const original = byId.get(p.id) ?? p;
    const translated = original !== p;
    const timeline = policyTimeline(original, byId, today);
    return { p, translated, timeline, now: rowOn(p, translated, timeline, today) };
  });
  return yearEndYears(library, today).map((y) => {
    const date = yearEndDate(y);
    const rows: YearEndRow[] = [];
    let same = 0;
    for (const d of docs) {
      const then = rowOn(d.p, d.translated, d.timeline, date);
      if (then && differs(then, d.now)) rows.push(then);
      else if (then) same++;
    }
    return { year: y, date, rows: rows.sort(byRowDesc), same };
  });
}

/** /policies/asof/<year>/, page n at /policies/asof/<year>/<n>/ (like the facet listings). */
export const yearEndRoutes = {
  page: (y: number, n: number) => (n <= 1 ? `policies/asof/${y}/` : `policies/asof/${y}/${n}/`),
};

const yearsMemo = new WeakMap<readonly PolicyView[], Map<IsoDate, number[]>>();

/** yearEndYears, once per library and build date (every library page links every year). */
export function yearEndYearsOf(library: readonly PolicyView[], today: IsoDate): number[] {
  let byDay = yearsMemo.get(library);
  if (!byDay) yearsMemo.set(library, (byDay = new Map()));
  let years = byDay.get(today);
  if (!years) byDay.set(today, (years = yearEndYears(library, today)));
  return years;
}
