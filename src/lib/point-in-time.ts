/**
 * Point in time (时点查询): a document's 有效性 and version as of any date, computed at build as a
 * short timeline of change points so the library page's script only looks a date up (no rules in
 * the browser). Status rules are validity.ts deriveStatus with the date for "today"; the version is
 * versions.ts versionOn. Pure.
 *
 * A status the library declares without evidence (e.g. 已废止 by a document outside the site) is
 * known only from the build date on: before it, the status is `null` (unknown), not guessed.
 */
import type { IsoDate, PolicyView, Status } from './model.ts';
import { deriveStatus } from './validity.ts';
import { hasVersions, versionOn, versionStart } from './versions.ts';
import type { Timeline, TimelineEntry } from './timeline.ts';

export type { Timeline, TimelineEntry };

type Library = ReadonlyMap<string, PolicyView>;

/** The day after `iso`. */
export function dayAfter(iso: IsoDate): IsoDate {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function start(p: Pick<PolicyView, 'effective' | 'published'>): IsoDate {
  return p.effective ?? p.published;
}

/** The day the document was first published: its earliest version's. */
export function firstPublished(p: Pick<PolicyView, 'versions' | 'published'>): IsoDate {
  return p.versions?.[0]?.date ?? p.published;
}

/** The document's dates as they stood on `date`: those of the version then published. */
function asOf(p: PolicyView, date: IsoDate): PolicyView {
  if (!hasVersions(p)) return p;
  const v = versionOn(p, date) ?? p.versions![0]!;
  if (v.latest) return p;
  const { effective: _e, ...rest } = p;
  return v.effective ? { ...rest, published: v.date, effective: v.effective } : { ...rest, published: v.date };
}

/** 有效性 on `date` (null: unknown), or undefined when the document was not yet published then. */
export function statusOn(p: PolicyView, byId: Library, date: IsoDate, today: IsoDate): Status | null | undefined {
  if (firstPublished(p) > date) return undefined;
  const relations = { repealedBy: new Map([[p.id, p.repealedBy]]), amendedBy: new Map([[p.id, p.amendedBy]]) };
  const derived = deriveStatus(asOf(p, date), relations, byId, date);
  // the build's status differs from what the library's evidence says: a declaration without dates
  const declared = p.status !== deriveStatus(p, relations, byId, today).status;
  if (!declared) return derived.status;
  if (date >= today) return p.status;
  return derived.kind === undefined || derived.status === '已修改' ? null : derived.status;
}

/** Every date on which the status or the version can change. */
function changeDates(p: PolicyView, byId: Library, today: IsoDate): IsoDate[] {
  const dates = new Set<IsoDate>([firstPublished(p), p.published, today]);
  if (p.effective) dates.add(p.effective);
  if (p.expires) dates.add(dayAfter(p.expires));
  for (const v of p.versions ?? []) dates.add(v.date).add(versionStart(v));
  for (const id of [...p.repealedBy, ...p.amendedBy]) {
    const other = byId.get(id);
    if (other) dates.add(start(other));
  }
  return [...dates].filter((d) => d && d >= firstPublished(p)).sort();
}

export function policyTimeline(p: PolicyView, byId: Library, today: IsoDate): Timeline {
  const out: Timeline = [];
  for (const from of changeDates(p, byId, today)) {
    const entry: TimelineEntry = { from, status: statusOn(p, byId, from, today) ?? null };
    if (hasVersions(p)) {
      // published but not yet in force: the first text is the one there is
      const v = versionOn(p, from) ?? (from < versionStart(p.versions![0]!) ? p.versions![0] : undefined);
      if (v) entry.version = v.date;
    }
    const last = out.at(-1);
    if (last && last.status === entry.status && last.version === entry.version) continue;
    out.push(entry);
  }
  return out;
}

