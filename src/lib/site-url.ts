/** The public URL of the site root (Astro `site` + `base`), for feeds, sitemaps and open data. */
export function siteUrl(site: URL | undefined, base: string): string {
  const origin = site?.href ?? 'http://localhost/';
  return new URL(base.replace(/^\/?/, ''), origin.endsWith('/') ? origin : `${origin}/`).href;
}
