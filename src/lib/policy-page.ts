/**
 * The document page's model: 信息表 rows, validity banner and relations, resolved to titles
 * and URLs so the page component only presents. On the Mongolian site a related document
 * without a translation links to its Chinese page (marked lang="zh-CN").
 */
import type { Interpretation, PolicyView } from './model.ts';
import type { LocalizedSite } from './localize.ts';
import { LOCALE_INFO } from '../i18n/locales.ts';
import { orgNamer, topicPath } from './listing.ts';
import { routes } from './paths.ts';

export interface DocLink {
  title: string;
  /** site-relative path including the locale prefix */
  path: string;
  docNumber?: string | undefined;
  /** set when the link leads to another language's page */
  lang?: string;
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

export interface DocIndex {
  policies: Map<string, PolicyView>;
  originalPolicies: Map<string, PolicyView>;
  interpretations: Map<string, Interpretation>;
  originalInterpretations: Map<string, Interpretation>;
}

export function docIndex(site: LocalizedSite): DocIndex {
  return {
    policies: new Map(site.policies.map((p) => [p.id, p])),
    originalPolicies: new Map(site.original.policies.map((p) => [p.id, p])),
    interpretations: new Map(site.interpretations.map((i) => [i.id, i])),
    originalInterpretations: new Map(site.original.interpretations.map((i) => [i.id, i])),
  };
}

function resolver(site: LocalizedSite, index: DocIndex) {
  const prefix = LOCALE_INFO[site.locale].prefix;
  const fallback = LOCALE_INFO['zh-CN'];
  const policy = (id: string): DocLink => {
    const local = index.policies.get(id);
    if (local) return { title: local.title, path: prefix + routes.policy(id), docNumber: local.docNumber?.raw };
    const p = index.originalPolicies.get(id);
    if (!p) throw new Error(`关联文件 ${id} 不存在（relations were validated; this is a bug）`);
    return { title: p.title, path: fallback.prefix + routes.policy(id), docNumber: p.docNumber?.raw, lang: fallback.lang };
  };
  const interpretation = (id: string): DocLink => {
    const local = index.interpretations.get(id);
    if (local) return { title: local.title, path: prefix + routes.interpretation(id) };
    const i = index.originalInterpretations.get(id);
    if (!i) throw new Error(`解读 ${id} 不存在（this is a bug）`);
    return { title: i.title, path: fallback.prefix + routes.interpretation(id), lang: fallback.lang };
  };
  return { policy, interpretation };
}

export function policyPageModel(site: LocalizedSite, policy: PolicyView, index = docIndex(site)): PolicyPageModel {
  const orgName = orgNamer(site.organizations);
  const link = resolver(site, index);
  return {
    policy,
    issuerNames: policy.issuers.map(orgName),
    topicLabel: topicPath(site.topics, policy.topic),
    repeals: policy.repeals.map(link.policy),
    repealedBy: policy.repealedBy.map(link.policy),
    amends: policy.amends.map(link.policy),
    amendedBy: policy.amendedBy.map(link.policy),
    interpretations: policy.interpretations.map(link.interpretation),
  };
}

export function interpretedPolicies(site: LocalizedSite, interpretation: Interpretation, index = docIndex(site)): DocLink[] {
  const link = resolver(site, index);
  return interpretation.interprets.map(link.policy);
}
