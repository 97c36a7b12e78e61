/**
 * Search records for every published document in every language: the input of
 * scripts/build-search.ts. Each policy and interpretation becomes exactly one record per
 * language it is published in (the build test checks that against the pages in dist/).
 * Enum filter values (kind, status, docType) stay in Chinese in every index, so filters are
 * language-independent keys; the search page shows them translated.
 */
import type { LocalizedSite } from '../lib/localize.ts';
import type { SearchRecord } from '../lib/search/record.ts';
import { bodyToText } from '../lib/body.ts';
import { routes } from '../lib/paths.ts';
import { orgNamer, topicPath } from '../lib/listing.ts';
import { LOCALE_INFO, LOCALES } from '../i18n/locales.ts';
import { getLocalizedSite } from './site.ts';
import { getOpenData } from './open-data.ts';
import { openDataToRecords } from './open-records.ts';
import { mnPageRecords } from './mn-page-records.ts';
import { withVersions } from './version-records.ts';
import { buildDate } from '../lib/validity.ts';

export const KIND_POLICY = '政策文件';
export const KIND_INTERPRETATION = '政策解读';

export function siteToRecords(site: LocalizedSite): SearchRecord[] {
  const info = LOCALE_INFO[site.locale];
  const language = info.searchLanguage;
  const orgName = orgNamer(site.organizations);
  const records: SearchRecord[] = [];
  const library = new Map(site.original.policies.map((p) => [p.id, p]));
  const today = buildDate();
  for (const p of site.policies) {
    const record: SearchRecord = {
      path: info.prefix + routes.policy(p.id),
      language,
      title: p.title,
      body: bodyToText(p.body, p.bodyFormat),
      filters: {
        kind: [KIND_POLICY],
        issuer: p.issuers.map(orgName),
        topic: [topicPath(site.topics, p.topic)],
        ...(p.year ? { year: [String(p.year)] } : {}),
        status: [p.status],
        level: [site.site.level],
        ...(p.docType ? { docType: [p.docType] } : {}),
      },
    };
    if (p.published) record.published = p.published;
    if (p.docNumber) record.docNumber = p.docNumber.raw;
    records.push(record, ...withVersions(p, record, library, today, site.locale === 'zh-CN'));
  }
  const policyById = new Map(site.original.policies.map((p) => [p.id, p]));
  const topics = new Map(site.topics.map((t) => [t.id, t]));
  for (const i of site.interpretations) {
    const targets = i.interprets.map((id) => policyById.get(id)).filter((p) => p !== undefined);
    records.push({
      path: info.prefix + routes.interpretation(i.id),
      language,
      title: i.title,
      published: i.published,
      body: bodyToText(i.body, i.bodyFormat),
      filters: {
        kind: [KIND_INTERPRETATION],
        issuer: [...new Set(targets.flatMap((p) => p.issuers.map(orgName)))],
        topic: [...new Set(targets.filter((p) => topics.has(p.topic)).map((p) => topicPath(site.topics, p.topic)))],
        year: [i.published.slice(0, 4)],
        level: [site.site.level],
      },
    });
  }
  return records;
}

/** Records of every language, Chinese first. */
export async function loadSearchRecords(): Promise<SearchRecord[]> {
  const sites = await Promise.all(LOCALES.map((l) => getLocalizedSite(l)));
  const open = await getOpenData();
  return sites.flatMap((site) => [...siteToRecords(site), ...openDataToRecords(site, open), ...mnPageRecords(site, sites[0]!, open)]);
}
