/**
 * A document's timeline as the browser reads it (src/scripts/point-in-time.ts): change points
 * computed at build by point-in-time.ts, looked up by date. No imports, so the page script
 * carries no library rules. Pure.
 */

/** From `from` on (until the next entry): the 有效性 (null = unknown) and the version's date key. */
export interface TimelineEntry {
  from: string;
  status: string | null;
  /** the version in force (its 公布日期, the key of /policies/<id>/v/<date>/); only for documents with versions */
  version?: string;
}

/** Entries sorted by `from`; before the first, the document was not yet published. */
export type Timeline = TimelineEntry[];

/** The entry that applies on `date` (YYYY-MM-DD), or undefined before the document was published. */
export function entryOn(timeline: readonly TimelineEntry[], date: string): TimelineEntry | undefined {
  let found: TimelineEntry | undefined;
  for (const e of timeline) if (e.from <= date) found = e;
  return found;
}

/** Compact form for a data attribute: [from, status or "", version?] per entry. */
export function encodeTimeline(t: readonly TimelineEntry[]): string {
  return JSON.stringify(t.map((e) => (e.version ? [e.from, e.status ?? '', e.version] : [e.from, e.status ?? ''])));
}

/** The inverse of encodeTimeline; a malformed attribute is an error, not an empty timeline. */
export function decodeTimeline(json: string): Timeline {
  const rows: unknown = JSON.parse(json);
  if (!Array.isArray(rows)) throw new Error(`timeline is not a list: ${json.slice(0, 80)}`);
  return rows.map((row: unknown) => {
    if (!Array.isArray(row) || typeof row[0] !== 'string' || typeof row[1] !== 'string') throw new Error(`bad timeline entry: ${JSON.stringify(row)}`);
    const e: TimelineEntry = { from: row[0], status: row[1] || null };
    if (typeof row[2] === 'string') e.version = row[2];
    return e;
  });
}

/** A valid calendar date typed as YYYY-MM-DD (what <input type=date> gives), else undefined. */
export function parseDay(value: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value ? value : undefined;
}
