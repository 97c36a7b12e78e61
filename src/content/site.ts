/**
 * The one place pages get their data from. The corpus build (scripts/build-corpus.ts) sets
 * PORTAL_CONTENT to a JSON-lines file and PORTAL_LENIENT=1 for legacy exports.
 */
import type { SiteData } from '../lib/model.ts';
import { LOCALES, localeParams, type Locale } from '../i18n/locales.ts';
import { localize, type LocalizedSite } from '../lib/localize.ts';
import { loadSite } from './load.ts';

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
export async function pathsPerLocale<T>(build: (site: LocalizedSite, lang: string | undefined, sites: readonly LocalizedSite[]) => T[]): Promise<T[]> {
  const sites = await Promise.all(LOCALES.map((l) => getLocalizedSite(l)));
  return localeParams().flatMap(({ lang, locale }) => build(sites[LOCALES.indexOf(locale)]!, lang, sites));
}
