/**
 * The 政策文件库's browse facets (年份, 发文机关, 主题分类, 有效性): their values, labels, counts
 * and member documents, computed once per build from SiteData.
 */
import type { PolicyView, SiteData } from './model.ts';
import { STATUSES } from './model.ts';
import type { FacetName } from './paths.ts';
import { byPublishedDesc, groupBy, orgNamer, STATUS_SLUGS, topicPath } from './listing.ts';

/** How the library labels documents whose source gave no date. */
export const UNDATED_LABEL = '日期未注明';

export interface FacetEntry {
  value: string;
  label: string;
  policies: PolicyView[];
}

export interface Facet {
  name: FacetName;
  entries: FacetEntry[];
}

/** A facet as the browse navigation shows it: values, labels and counts, without the member
 * documents. Listing pages take this as props: their incremental-build key hashes the props, and
 * the members of every value made each key the size of the whole library (38 MB at 1,000). */
export interface FacetSummary {
  name: FacetName;
  entries: { value: string; label: string; count: number }[];
}

export function summarizeFacets(facets: readonly Facet[]): FacetSummary[] {
  return facets.map((f) => ({ name: f.name, entries: f.entries.map((e) => ({ value: e.value, label: e.label, count: e.policies.length })) }));
}

export function buildFacets(data: SiteData): Facet[] {
  const sorted = [...data.policies].sort(byPublishedDesc);
  const orgName = orgNamer(data.organizations);

  const years = groupBy(sorted, (p) => [String(p.year)]);
  const issuers = groupBy(sorted, (p) => p.issuers);
  const topics = groupBy(sorted, (p) => [p.topic]);
  const statuses = groupBy(sorted, (p) => [STATUS_SLUGS[p.status]]);

  return [
    {
      name: 'year',
      entries: [...years]
        .sort(([a], [b]) => Number(b) - Number(a))
        // year 0: legacy rows with no date at all (lenient corpus imports) sort last
        .map(([value, policies]) => ({ value: value === '0' ? 'undated' : value, label: value === '0' ? UNDATED_LABEL : value, policies })),
    },
    {
      name: 'issuer',
      entries: [...issuers]
        .map(([value, policies]) => ({ value, label: orgName(value), policies }))
        .sort((a, b) => b.policies.length - a.policies.length || a.label.localeCompare(b.label, 'zh-CN')),
    },
    {
      name: 'topic',
      entries: [...topics]
        .map(([value, policies]) => ({ value, label: topicPath(data.topics, value), policies }))
        .sort((a, b) => a.label.localeCompare(b.label, 'zh-CN')),
    },
    {
      name: 'status',
      entries: STATUSES.filter((s) => statuses.has(STATUS_SLUGS[s])).map((s) => ({
        value: STATUS_SLUGS[s],
        label: s,
        policies: statuses.get(STATUS_SLUGS[s])!,
      })),
    },
  ];
}
