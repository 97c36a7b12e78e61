/**
 * Versions of one document among separately exported rows (a JSON-lines export lists each
 * version of a regulation as its own row with the same title): rows with the same issuers and
 * the same title — ignoring a trailing （…文号…） or （YYYY年修正/修订/修改） and spacing — and
 * different 发布日期 become one document, its latest row the document and the others its
 * `versions`. Each later version's amending document is the row's own 文号, else its title (the
 * export does not say more). Rows without a date, and groups where two rows share a date or a
 * 文号 (the same document exported twice, not two versions), are left as they are. Pure.
 */
import type { Policy } from './model.ts';
import type { PolicyVersion } from '../schemas/version.ts';
import type { Amendment } from '../schemas/fields/amendment.ts';
import { planVersionGroups } from './version-grouping.ts';

export { baseTitle, versionGroupKey } from './version-grouping.ts';

function amendmentOf(p: Policy): Amendment {
  return p.docNumber ? { docNumber: p.docNumber } : { title: p.title };
}

function asVersion(p: Policy, first: boolean): PolicyVersion {
  const v: PolicyVersion = { date: p.published, title: p.title, body: p.body, bodyFormat: p.bodyFormat, source: p.source };
  if (p.docNumber) v.docNumber = p.docNumber;
  if (p.written) v.written = p.written;
  if (p.effective) v.effective = p.effective;
  if (!first) v.amendment = p.amendment ?? amendmentOf(p);
  return v;
}

export interface GroupResult {
  policies: Policy[];
  /** row id → the id of the document it became a version of */
  merged: Map<string, string>;
}

export function groupVersions(policies: readonly Policy[]): GroupResult {
  const candidates = policies.filter((p) => !p.undated && p.published && !p.versions);
  // conflicts (two rows with one date or one 文号: the same document exported twice) stay apart
  const { groups } = planVersionGroups(candidates, (p) => ({ title: p.title, issuers: p.issuers, date: p.published, docNumber: p.docNumber?.key }));
  const merged = new Map<string, string>();
  const replaced = new Map<string, Policy>();
  for (const sorted of groups) {
    if (sorted.length < 2) continue;
    const latest = sorted[sorted.length - 1]!;
    const doc: Policy = { ...latest, amendment: latest.amendment ?? amendmentOf(latest), versions: sorted.slice(0, -1).map((r, i) => asVersion(r, i === 0)) };
    replaced.set(latest.id, doc);
    for (const r of sorted.slice(0, -1)) merged.set(r.id, latest.id);
  }
  return { policies: policies.filter((p) => !merged.has(p.id)).map((p) => replaced.get(p.id) ?? p), merged };
}
