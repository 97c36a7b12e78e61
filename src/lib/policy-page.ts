/**
 * The document page's model: 信息表 rows, validity banner and relations, resolved to titles
 * and URLs so the page component only presents.
 */
import type { Interpretation, PolicyView, SiteData } from './model.ts';
import { topicPath } from './listing.ts';
import { routes } from './paths.ts';

export interface DocLink {
  title: string;
  path: string;
  docNumber?: string | undefined;
}

export interface PolicyPageModel {
  policy: PolicyView;
  issuerNames: string[];
  topicLabel: string;
  repeals: DocLink[];
  repealedBy: DocLink[];
  amends: DocLink[];
  amendedBy: DocLink[];
  interpretations: DocLink[];
}

export function policyIndex(data: SiteData): Map<string, PolicyView> {
  return new Map(data.policies.map((p) => [p.id, p]));
}

export function policyPageModel(data: SiteData, policy: PolicyView, byId = policyIndex(data)): PolicyPageModel {
  const orgName = new Map(data.organizations.map((o) => [o.id, o.name]));
  const interpById = new Map(data.interpretations.map((i) => [i.id, i]));
  const link = (id: string): DocLink => {
    const p = byId.get(id);
    if (!p) throw new Error(`${policy.source}: 关联文件 ${id} 不存在（relations were validated; this is a bug）`);
    return { title: p.title, path: routes.policy(p.id), docNumber: p.docNumber };
  };
  const interp = (id: string): DocLink => {
    const i = interpById.get(id);
    if (!i) throw new Error(`${policy.source}: 解读 ${id} 不存在`);
    return { title: i.title, path: routes.interpretation(i.id) };
  };
  return {
    policy,
    issuerNames: policy.issuers.map((id) => orgName.get(id) ?? id),
    topicLabel: topicPath(data.topics, policy.topic),
    repeals: policy.repeals.map(link),
    repealedBy: policy.repealedBy.map(link),
    amends: policy.amends.map(link),
    amendedBy: policy.amendedBy.map(link),
    interpretations: policy.interpretations.map(interp),
  };
}

export function interpretedPolicies(data: SiteData, interpretation: Interpretation, byId = policyIndex(data)): DocLink[] {
  return interpretation.interprets.flatMap((id) => {
    const p = byId.get(id);
    return p ? [{ title: p.title, path: routes.policy(p.id), docNumber: p.docNumber }] : [];
  });
}
