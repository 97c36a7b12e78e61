/**
 * Working days (工作日) of the official holiday calendar, with 调休 (weekend days worked in
 * lieu, e.g. Sunday 2024-09-29 before National Day). The one place that knows where holidays
 * come from: the chinese-days package (国务院办公厅 holiday notices, 2004 onwards). Swap the
 * source by passing another `WorkdayCalendar` to the functions here and in compliance.ts.
 *
 * Dates are ISO `YYYY-MM-DD` strings; arithmetic is done on UTC calendar days, so the build
 * machine's time zone never shifts a day.
 */
import chineseDays from 'chinese-days';
import type { IsoDate } from './model.ts';

export interface WorkdayCalendar {
  /** shown in reports, e.g. `chinese-days` */
  name: string;
  isWorkday(date: IsoDate): boolean;
  /** true when the source has the holiday notice of that year (else only weekends are known) */
  covers(year: number): boolean;
}

const coverage = new Map<number, boolean>();
/** chinese-days answers through dayjs (~20 µs a day): a library's deadlines ask the same days
 * tens of thousands of times */
const workdays = new Map<IsoDate, boolean>();

export const chineseDaysCalendar: WorkdayCalendar = {
  name: 'chinese-days',
  isWorkday(date) {
    let w = workdays.get(date);
    if (w === undefined) {
      // chinese-days parses `YYYY/MM/DD` as a local date and reads local fields: consistent in any zone
      w = chineseDays.isWorkday(date.replace(/-/g, '/'));
      workdays.set(date, w);
    }
    return w;
  },
  covers(year) {
    let c = coverage.get(year);
    if (c === undefined) {
      c = chineseDays.getHolidaysInRange(`${year}/01/01`, `${year}/12/31`, false).length > 0;
      coverage.set(year, c);
    }
    return c;
  },
};

const DAY = 86_400_000;

function toUtc(date: IsoDate): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y!, m! - 1, d!);
}

function fromUtc(t: number): IsoDate {
  return new Date(t).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, n: number): IsoDate {
  return fromUtc(toUtc(date) + n * DAY);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function calendarDaysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY);
}

/**
 * Working days taken from `from` to `to`: the working days d with from < d ≤ to (the day of the
 * event itself does not count, as in 条例 time limits). 0 when `to` ≤ `from`.
 */
export function workingDaysBetween(from: IsoDate, to: IsoDate, calendar: WorkdayCalendar = chineseDaysCalendar): number {
  let n = 0;
  for (let t = toUtc(from) + DAY, end = toUtc(to); t <= end; t += DAY) if (calendar.isWorkday(fromUtc(t))) n++;
  return n;
}

/** The `n`th working day after `from` (n ≥ 1): the last day of an "n working days" time limit. */
export function addWorkingDays(from: IsoDate, n: number, calendar: WorkdayCalendar = chineseDaysCalendar): IsoDate {
  let t = toUtc(from);
  for (let left = n; left > 0; ) {
    t += DAY;
    if (calendar.isWorkday(fromUtc(t))) left--;
  }
  return fromUtc(t);
}

/** Years between two dates (inclusive) that the calendar has no holiday notice for. */
export function uncoveredYears(dates: Iterable<IsoDate>, calendar: WorkdayCalendar = chineseDaysCalendar): number[] {
  const years = new Set<number>();
  for (const d of dates) if (d) years.add(Number(d.slice(0, 4)));
  return [...years].filter((y) => !calendar.covers(y)).sort((a, b) => a - b);
}
