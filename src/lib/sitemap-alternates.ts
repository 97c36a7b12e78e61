/**
 * hreflang alternates for sitemap entries: /X/ (zh-CN) and /mn/X/ (mn-Mong) name each other when
 * both exist. @astrojs/sitemap's own i18n option scans every URL for every URL (quadratic: ~30 s of
 * a 50,000-document build); one set lookup per entry does the same.
 */
export const SITEMAP_LOCALES = { zh: 'zh-CN', mn: 'mn-Mong' } as const;

export interface SitemapLink {
  url: string;
  lang: string;
}

/** The pair of a page path (relative to the site root, no leading slash): `mn/x/` ⇄ `x/`. */
export function localePair(path: string): { zh: string; mn: string } {
  const p = path.replace(/^\/+/, '');
  return p === 'mn/' || p.startsWith('mn/') ? { zh: p.slice(3), mn: p } : { zh: p, mn: `mn/${p}` };
}

/**
 * Alternates of `url` (absolute, under `siteRoot`), given the set of built page paths (relative to
 * the site root, as Astro reports them); undefined when the page has no other-language version.
 */
export function alternatesFor(url: string, siteRoot: string, paths: ReadonlySet<string>): SitemapLink[] | undefined {
  if (!url.startsWith(siteRoot)) return undefined;
  const pair = localePair(url.slice(siteRoot.length));
  if (!paths.has(pair.zh) || !paths.has(pair.mn)) return undefined;
  return [
    { url: siteRoot + pair.zh, lang: SITEMAP_LOCALES.zh },
    { url: siteRoot + pair.mn, lang: SITEMAP_LOCALES.mn },
  ];
}
