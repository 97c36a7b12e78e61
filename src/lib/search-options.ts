/** Values offered in the search page's filter controls, taken from the library itself. */
import { DOC_TYPES, STATUSES, type SiteData } from './model.ts';
import { orgNamer, topicPath } from './listing.ts';

export type FilterName = 'kind' | 'issuer' | 'topic' | 'year' | 'status' | 'docType';

export interface FilterOptions {
  name: FilterName;
  values: string[];
}

/** `extraKinds`: kinds of other records in the index (政府公报, 意见征集 …), in display order. */
export function searchFilterOptions(data: SiteData, extraKinds: string[] = []): FilterOptions[] {
  const orgName = orgNamer(data.organizations);
  const issuers = new Set(data.policies.flatMap((p) => p.issuers.map(orgName)));
  const topics = new Set(data.policies.map((p) => topicPath(data.topics, p.topic)));
  const years = new Set(data.policies.filter((p) => p.year > 0).map((p) => String(p.year)));
  const statuses = new Set(data.policies.map((p) => p.status));
  const docTypes = new Set(data.policies.flatMap((p) => (p.docType ? [p.docType] : [])));
  const kinds = ['政策文件', ...(data.interpretations.length ? ['政策解读'] : []), ...new Set(extraKinds)];
  const zh = (a: string, b: string) => a.localeCompare(b, 'zh-CN');
  return [
    { name: 'kind', values: kinds },
    { name: 'issuer', values: [...issuers].sort(zh) },
    { name: 'topic', values: [...topics].sort(zh) },
    { name: 'year', values: [...years].sort((a, b) => Number(b) - Number(a)) },
    { name: 'status', values: STATUSES.filter((s) => statuses.has(s)) },
    { name: 'docType', values: DOC_TYPES.filter((d) => docTypes.has(d)) },
  ];
}
