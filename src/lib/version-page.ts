/**
 * What the 版本 box, a version page and a comparison page show, resolved to titles and URLs so
 * the components only present: every version with its dates and amending document (linked
 * when it is in the library), which one is in force on the build date, and the comparisons.
 */
import type { IsoDate, PolicyView } from './model.ts';
import type { DocIndex } from './policy-page.ts';
import { LOCALE_INFO } from '../i18n/locales.ts';
import { routes } from './paths.ts';
import { allVersions, comparisonPairs, currentVersion, versionStart, type PolicyVersion } from './versions.ts';

/** URLs of versions and comparisons (DESIGN.md URL contract, docs/versions.md). */
export const versionRoutes = {
  version: (id: string, date: string) => `policies/${id}/v/${date}/`,
  compare: (id: string, from: string, to: string) => `policies/${id}/compare/${from}/${to}/`,
};

export interface AmendmentLink {
  /** the title, else the 文号 */
  title: string;
  docNumber?: string;
  /** site-relative path of its Chinese page, when the document is in the library */
  path?: string;
}

export interface VersionRow {
  date: IsoDate;
  /** first day in force (施行日期, else 公布日期) and the day before the next version's */
  from: IsoDate;
  until?: IsoDate;
  title: string;
  docNumber?: string;
  amendment?: AmendmentLink;
  path: string;
  latest: boolean;
  original: boolean;
  /** the version in force on the build date */
  inForce: boolean;
}

export interface ComparisonLink {
  from: IsoDate;
  to: IsoDate;
  path: string;
  /** original vs latest, not adjacent */
  whole: boolean;
}

export interface VersionBoxModel {
  policyId: string;
  rows: VersionRow[];
  comparisons: ComparisonLink[];
  /** the version shown on the document page: in force today, else the latest */
  shown: PolicyVersion;
  /** a later version published but not yet in force */
  pending?: VersionRow;
}

/** The day before `iso` (YYYY-MM-DD). */
export function dayBefore(iso: IsoDate): IsoDate {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** The amending document in Chinese words (the 版本 box is Chinese on every page, as versions are). */
function amendmentLink(v: PolicyVersion, index: DocIndex): AmendmentLink | undefined {
  const a = v.amendment;
  if (!a) return undefined;
  if ('id' in a) {
    const p = index.originalPolicies.get(a.id);
    if (!p) throw new Error(`修改依据 ${a.id} 不存在（amendments were validated; this is a bug）`);
    const link: AmendmentLink = { title: p.title, path: LOCALE_INFO['zh-CN'].prefix + routes.policy(p.id) };
    if (p.docNumber) link.docNumber = p.docNumber.raw;
    return link;
  }
  const link: AmendmentLink = { title: a.title ?? a.docNumber!.raw };
  if (a.docNumber && a.title) link.docNumber = a.docNumber.raw;
  return link;
}

/** `prefix`: the language of the version pages linked (LOCALE_INFO prefix; /mn/ has them for translated documents). */
export function versionBoxModel(policy: PolicyView, today: IsoDate, index: DocIndex, prefix = LOCALE_INFO['zh-CN'].prefix): VersionBoxModel | undefined {
  if (!policy.versions?.length) return undefined;
  const all = allVersions(policy);
  const shown = currentVersion(policy, today);
  const rows = all.map((v, i): VersionRow => {
    const next = all[i + 1];
    const row: VersionRow = {
      date: v.date, from: versionStart(v), title: v.title, path: prefix + versionRoutes.version(policy.id, v.date),
      latest: i === all.length - 1, original: i === 0, inForce: v.date === shown.date && versionStart(v) <= today,
    };
    if (next) row.until = dayBefore(versionStart(next));
    if (v.docNumber) row.docNumber = v.docNumber.raw;
    const amendment = amendmentLink(v, index);
    if (amendment) row.amendment = amendment;
    return row;
  });
  const dates = all.map((v) => v.date);
  const comparisons = comparisonPairs(policy).map(([a, b]) => ({ from: a.date, to: b.date, path: prefix + versionRoutes.compare(policy.id, a.date, b.date), whole: dates.indexOf(b.date) - dates.indexOf(a.date) > 1 }));
  const model: VersionBoxModel = { policyId: policy.id, rows, comparisons, shown };
  const pending = rows.find((r) => r.from > today && r.date > shown.date);
  if (pending) model.pending = pending;
  return model;
}
