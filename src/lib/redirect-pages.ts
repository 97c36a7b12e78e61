/**
 * Every static redirect page of the site: the permanent identifiers (src/lib/eli.ts) and the
 * old addresses of content/redirects.yaml, each with the page it leads to and that page's title.
 */
import type { SiteData } from './model.ts';
import { eliIndex } from './eli.ts';
import { routes } from './paths.ts';
import { versionRoutes } from './version-page.ts';

export interface RedirectPage {
  /** site path of the redirect, no leading slash, ending in / */
  path: string;
  /** site path it leads to */
  to: string;
  /** title of the page it leads to ('' when it is not a document) */
  title: string;
}

function titles(data: SiteData): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of data.policies) {
    out.set(routes.policy(p.id), p.title);
    out.set(`mn/${routes.policy(p.id)}`, data.translations.policies[p.id]?.title ?? p.title);
    for (const v of p.versions ?? []) out.set(versionRoutes.version(p.id, v.date), v.title);
    if (p.versions?.length) out.set(versionRoutes.version(p.id, p.published), p.title);
  }
  for (const i of data.interpretations) out.set(routes.interpretation(i.id), i.title);
  return out;
}

export function redirectPages(data: SiteData, lenient: boolean): RedirectPage[] {
  const eli = eliIndex(data.policies, { lenient }).targets.map((t) => ({
    path: t.path,
    to: t.version ? versionRoutes.version(t.policyId, t.version) : routes.policy(t.policyId),
    title: t.title,
  }));
  const known = titles(data);
  const content = (data.redirects ?? []).map((r) => ({ path: r.from, to: r.to, title: known.get(r.to) ?? '' }));
  return [...eli, ...content];
}
