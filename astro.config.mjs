// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { contentCheck } from './src/integrations/content-check.ts';
import { sitemapAlternates } from './src/integrations/sitemap-alternates.ts';
import { pruneStale } from './src/integrations/prune-stale.ts';
import { localized404 } from './src/integrations/localized-404.ts';
import { searchIndex } from './src/integrations/search-index.ts';
import { redirectPageFilter } from './src/integrations/redirect-paths.ts';
import { redirectCollisionCheck } from './src/integrations/redirect-collisions.ts';

const alternates = sitemapAlternates();

// Incremental builds (docs/deployment.md): unchanged pages keep their output in dist/ (keys from
// src/lib/page-key.ts), dist/ is not emptied, stale pages and assets are pruned afterwards.
// PORTAL_FULL_BUILD=1 (or `astro build --force`) renders everything.
const fullBuild = process.env.PORTAL_FULL_BUILD === '1';
// Astro's cache (incremental build manifest and page copies); CI keeps it between runs (docs/ci-example.yml)
const cacheDir = process.env.PORTAL_CACHE_DIR || './node_modules/.astro';

// Operators deploy dist/ anywhere, including under a sub-path: PORTAL_BASE=/gov/ npm run build.
const base = process.env.PORTAL_BASE || '/';
const outDir = process.env.PORTAL_OUT_DIR || './dist';
// Static files copied into dist/ as is (checked first by src/content/file-safety.ts).
const publicDir = process.env.PORTAL_PUBLIC_DIR || './public';
const isRedirectPage = redirectPageFilter(base);

export default defineConfig({
  output: 'static',
  base,
  outDir,
  cacheDir,
  publicDir,
  site: process.env.PORTAL_SITE_URL || 'https://www.example.gov.cn',
  trailingSlash: 'always',
  // Stylesheets stay external files: the CSP (src/lib/csp.ts) forbids inline styles.
  build: { format: 'directory', inlineStylesheets: 'never' },
  integrations: [
    contentCheck(),
    pruneStale(),
    localized404(),
    searchIndex(),
    redirectCollisionCheck(),
    mdx(),
    alternates.integration,
    sitemap({
      // hreflang pairs come from a set lookup: the plugin's own i18n option is quadratic
      serialize: alternates.serialize,
      // redirect pages (permanent identifiers, old addresses) are not indexed
      filter: (page) => !page.endsWith('/404/') && !isRedirectPage(page),
    }),
  ],
  // No third-party requests at run time: nothing is fetched from a CDN, and Astro's
  // dev toolbar (which loads remote content) is off.
  devToolbar: { enabled: false },
  experimental: { incrementalBuild: !fullBuild },
  vite: {
    build: { assetsInlineLimit: 0, emptyOutDir: fullBuild },
  },
});
