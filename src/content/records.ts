/**
 * Search records for every published document: the input of scripts/build-search.ts.
 * Every policy and interpretation in SiteData becomes exactly one record (the build test
 * checks that against the pages in dist/).
 */
import type { SiteData } from '../lib/model.ts';
import type { SearchRecord } from '../lib/search/record.ts';
import { bodyToText } from '../lib/body.ts';
import { routes } from '../lib/paths.ts';
import { topicPath } from '../lib/listing.ts';
import { getSite } from './site.ts';

export const KIND_POLICY = '政策文件';
export const KIND_INTERPRETATION = '政策解读';

export function siteToRecords(data: SiteData): SearchRecord[] {
  const orgName = new Map(data.organizations.map((o) => [o.id, o.name]));
  const records: SearchRecord[] = [];
  for (const p of data.policies) {
    const record: SearchRecord = {
      path: routes.policy(p.id),
      language: 'zh',
      title: p.title,
      body: bodyToText(p.body, p.bodyFormat),
      filters: {
        kind: [KIND_POLICY],
        issuer: p.issuers.map((id) => orgName.get(id) ?? id),
        topic: [topicPath(data.topics, p.topic)],
        ...(p.year ? { year: [String(p.year)] } : {}),
        status: [p.status],
        level: [data.site.level],
        ...(p.docType ? { docType: [p.docType] } : {}),
      },
    };
    if (p.published) record.published = p.published;
    if (p.docNumber) record.docNumber = p.docNumber;
    records.push(record);
  }
  const policyById = new Map(data.policies.map((p) => [p.id, p]));
  for (const i of data.interpretations) {
    const targets = i.interprets.map((id) => policyById.get(id)).filter((p) => p !== undefined);
    records.push({
      path: routes.interpretation(i.id),
      language: 'zh',
      title: i.title,
      published: i.published,
      body: bodyToText(i.body, i.bodyFormat),
      filters: {
        kind: [KIND_INTERPRETATION],
        issuer: [...new Set(targets.flatMap((p) => p.issuers.map((id) => orgName.get(id) ?? id)))],
        topic: [...new Set(targets.map((p) => topicPath(data.topics, p.topic)))],
        year: [i.published.slice(0, 4)],
        level: [data.site.level],
      },
    });
  }
  return records;
}

export async function loadSearchRecords(): Promise<SearchRecord[]> {
  return siteToRecords(await getSite());
}
