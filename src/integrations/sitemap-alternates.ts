/**
 * Feeds src/lib/sitemap-alternates.ts the set of built pages: listed before @astrojs/sitemap, its
 * astro:build:done hook runs first, and the sitemap's `serialize` then adds hreflang links.
 */
import type { AstroIntegration } from 'astro';
import type { SitemapItem } from '@astrojs/sitemap';
import { alternatesFor } from '../lib/sitemap-alternates.ts';

export function sitemapAlternates(): { integration: AstroIntegration; serialize: (item: SitemapItem) => SitemapItem } {
  const paths = new Set<string>();
  let siteRoot = '';
  const integration: AstroIntegration = {
    name: 'portal:sitemap-alternates',
    hooks: {
      'astro:config:done': ({ config }) => {
        siteRoot = config.site ? new URL(config.base, config.site).href : '';
        if (!siteRoot.endsWith('/')) siteRoot += '/';
      },
      'astro:build:done': ({ pages }) => {
        for (const p of pages) paths.add(p.pathname.replace(/^\/+/, ''));
      },
    },
  };
  const serialize = (item: SitemapItem): SitemapItem => {
    const links = alternatesFor(item.url, siteRoot, paths);
    return links ? { ...item, links } : item;
  };
  return { integration, serialize };
}
