/**
 * The one place pages get their data from. The corpus build (scripts/build-corpus.ts) sets
 * PORTAL_CONTENT to a JSON-lines file and PORTAL_LENIENT=1 for legacy exports.
 */
import type { SiteData } from '../lib/model.ts';
import { LOCALES, localeParams, type Locale } from '../i18n/locales.ts';
import { localize, type LocalizedSite } from '../lib/localize.ts';
import { loadSite } from './load.ts';
import { digest, pageKey } from '../lib/page-key.ts';

export function getSite(): Promise<SiteData> {
  return loadSite({ lenient: process.env.PORTAL_LENIENT === '1' });
}

const localized = new Map<Locale, Promise<LocalizedSite>>();

/** The site as one language sees it (memoized per build). */
export function getLocalizedSite(locale: Locale): Promise<LocalizedSite> {
  let p = localized.get(locale);
  if (!p) {
    p = getSite().then((data) => localize(data, locale));
    localized.set(locale, p);
  }
  return p;
}

/**
 * getStaticPaths over the languages: `build` returns one language's paths from its site (all
 * sites, in LOCALES order, are there for language alternates); in localeParams() order.
 */
export async function pathsPerLocale<T extends { props?: unknown }>(build: (site: LocalizedSite, lang: string | undefined, sites: readonly LocalizedSite[]) => T[]): Promise<(T & { cacheKey: string })[]> {
  const sites = await Promise.all(LOCALES.map((l) => getLocalizedSite(l)));
  return localeParams().flatMap(({ lang, locale }) => {
    const site = sites[LOCALES.indexOf(locale)]!;
    const shell = shellDigest(site);
    // incremental builds re-render a page only when what it shows changed (src/lib/page-key.ts)
    return build(site, lang, sites).map((item) => ({ ...item, cacheKey: pageKey(shell, locale, item.props ?? null) }));
  });
}

/** What every page of a language shows besides its props: site identity, organizations, topics. */
function shellDigest(site: LocalizedSite): string {
  return digest({ site: site.site, siteName: site.siteName, organizations: site.organizations, topics: site.topics });
}
