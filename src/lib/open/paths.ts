/**
 * URLs of the 政府信息公开 platform (DESIGN.md URL contract): site-relative, without locale
 * prefix or base; pages pass them through Astro.locals.href().
 */
import { LOCALE_INFO } from '../../i18n/locales.ts';
import type { LocalizedSite } from '../localize.ts';
import { routes } from '../paths.ts';
import type { DocLink } from '../policy-page.ts';
import { catalogPath } from './catalog.ts';

export const openRoutes = {
  open: () => 'open/',
  guide: () => 'open/guide/',
  rules: () => 'open/rules/',
  catalogIndex: () => 'open/catalog/',
  catalog: catalogPath,
  powers: () => 'open/powers/',
  power: (dept: string) => `open/powers/${dept}/`,
  reports: () => 'open/reports/',
  report: (year: number) => `open/reports/${year}/`,
  apply: () => 'open/apply/',
  applyForm: () => 'open/apply/form/',
  gazette: () => 'gazette/',
  gazetteIssue: (year: number, number: number) => `gazette/${year}/${number}/`,
  consultations: () => 'consultations/',
  consultation: (id: string) => `consultations/${id}/`,
  specials: () => 'special/',
  special: (id: string) => `special/${id}/`,
  sitemap: () => 'sitemap/',
};

/**
 * A link to a policy from an open-platform page: this language's page when the policy is
 * published in it, else the Chinese page (lang="zh-CN"); undefined for an unknown id.
 */
export function policyLink(site: LocalizedSite, id: string): DocLink | undefined {
  const local = site.policies.find((p) => p.id === id);
  if (local) return { title: local.title, path: LOCALE_INFO[site.locale].prefix + routes.policy(id), docNumber: local.docNumber?.raw };
  const p = site.original.policies.find((x) => x.id === id);
  if (!p) return undefined;
  return { title: p.title, path: LOCALE_INFO['zh-CN'].prefix + routes.policy(id), docNumber: p.docNumber?.raw, lang: LOCALE_INFO['zh-CN'].lang };
}
