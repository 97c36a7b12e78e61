/**
 * 历史版本 / versions of a policy. A policy's own fields are its latest text; earlier texts are
 * `policy.versions` (oldest first, content/policies/<id>/versions/<YYYY-MM-DD>.md). Pure.
 *
 *   allVersions(p)          every version, oldest first, the latest marked `latest`
 *   versionOn(p, date)      the version whose text applied on `date`, or undefined
 *   currentVersion(p, today) the version in force today, else (nothing in force yet) the latest
 *
 * A version applies from its 施行日期 (else its 公布日期) until the next version applies, and not
 * after the document's 有效期至. Repeal by another document is a library-level fact
 * (PolicyView.status / repealedBy) and is not looked at here.
 */
import type { IsoDate, Policy } from './model.ts';
import type { PolicyVersion } from '../schemas/version.ts';

export type { PolicyVersion };
export type { Amendment } from '../schemas/fields/amendment.ts';

type Versioned = Pick<Policy, 'title' | 'docNumber' | 'written' | 'published' | 'effective' | 'amendment' | 'body' | 'bodyFormat' | 'source' | 'versions' | 'expires'>;

/** The latest version: the document's own fields. */
export function latestVersion(p: Versioned): PolicyVersion {
  const v: PolicyVersion = { date: p.published, title: p.title, body: p.body, bodyFormat: p.bodyFormat, source: p.source, latest: true };
  if (p.docNumber) v.docNumber = p.docNumber;
  if (p.written) v.written = p.written;
  if (p.effective) v.effective = p.effective;
  if (p.amendment) v.amendment = p.amendment;
  return v;
}

export function allVersions(p: Versioned): PolicyVersion[] {
  return [...(p.versions ?? []), latestVersion(p)];
}

/** The first day a version's text applies. */
export function versionStart(v: Pick<PolicyVersion, 'date' | 'effective'>): IsoDate {
  return v.effective ?? v.date;
}

export function versionOn(p: Versioned, date: IsoDate): PolicyVersion | undefined {
  if (p.expires && p.expires < date) return undefined;
  let found: PolicyVersion | undefined;
  for (const v of allVersions(p)) if (versionStart(v) <= date) found = v;
  return found;
}

export function currentVersion(p: Versioned, today: IsoDate): PolicyVersion {
  return versionOn(p, today) ?? latestVersion(p);
}

/** Whether a version's text exists in the page's language: every one in Chinese; on /mn/ the latest (the document's translation) and translated earlier ones. */
export function versionInLanguage(v: Pick<PolicyVersion, 'latest' | 'translated'>, zh: boolean): boolean {
  return zh || !!v.latest || !!v.translated;
}

export function hasVersions(p: Pick<Policy, 'versions'>): boolean {
  return (p.versions?.length ?? 0) > 0;
}

/** The version with this date, if any. */
export function versionByDate(p: Versioned, date: string): PolicyVersion | undefined {
  return allVersions(p).find((v) => v.date === date);
}

/** Pairs shown as comparisons: each pair of adjacent versions, and the earliest against the latest. */
export function comparisonPairs(p: Versioned): [PolicyVersion, PolicyVersion][] {
  const all = allVersions(p);
  const pairs: [PolicyVersion, PolicyVersion][] = [];
  for (let i = 1; i < all.length; i++) pairs.push([all[i - 1]!, all[i]!]);
  if (all.length > 2) pairs.push([all[0]!, all[all.length - 1]!]);
  return pairs;
}
