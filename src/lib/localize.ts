/**
 * The site as one language sees it. Chinese: everything. Mongolian: only documents that have a
 * translation in content/mn/, with translated title, summary, keywords and body, and Mongolian
 * names for organizations and topics (the loader requires them for translated documents).
 * 文号, dates, issuers and relations always come from the Chinese original.
 */
import type { Interpretation, PolicyView, SiteData, Translation } from './model.ts';
import type { Locale } from '../i18n/locales.ts';

export interface LocalizedSite extends SiteData {
  locale: Locale;
  /** the whole library in Chinese, for relations to untranslated documents */
  original: SiteData;
  /** the site's name in this language */
  siteName: string;
  /** ids that have a page in this locale */
  policyIds: Set<string>;
  interpretationIds: Set<string>;
}

function applyTranslation<T extends { title: string; body: string; bodyFormat: 'markdown' | 'text'; summary?: string }>(doc: T, tr: Translation): T {
  const out = { ...doc, title: tr.title, body: tr.body, bodyFormat: tr.bodyFormat };
  if (tr.summary !== undefined) out.summary = tr.summary;
  else delete out.summary;
  return out;
}

export function localize(data: SiteData, locale: Locale): LocalizedSite {
  if (locale === 'zh-CN') {
    return {
      ...data,
      locale,
      original: data,
      siteName: data.site.name.zh,
      policyIds: new Set(data.policies.map((p) => p.id)),
      interpretationIds: new Set(data.interpretations.map((i) => i.id)),
    };
  }
  const tp = data.translations.policies;
  const ti = data.translations.interpretations;
  const policies: PolicyView[] = data.policies.flatMap((p) => {
    const tr = tp[p.id];
    if (!tr) return [];
    const out = applyTranslation(p, tr);
    out.keywords = tr.keywords.length ? tr.keywords : [];
    // earlier versions with a translation (content/mn/policies/<path>/versions/); the others stay Chinese
    const tv = data.translations.policyVersions?.[p.id];
    if (out.versions && tv) out.versions = out.versions.map((v) => (tv[v.date] ? { ...applyTranslation(v, tv[v.date]!), translated: true } : v));
    return [out];
  });
  const interpretations: Interpretation[] = data.interpretations.flatMap((i) => {
    const tr = ti[i.id];
    return tr ? [applyTranslation(i, tr)] : [];
  });
  return {
    ...data,
    locale,
    original: data,
    siteName: data.site.name.mn ?? data.site.name.zh,
    policies,
    interpretations,
    organizations: data.organizations.map((o) => ({ ...o, name: o.nameMn ?? o.name })),
    topics: data.topics.map((t) => ({ ...t, name: t.nameMn ?? t.name })),
    policyIds: new Set(policies.map((p) => p.id)),
    interpretationIds: new Set(interpretations.map((i) => i.id)),
  };
}
