/**
 * The site's search records and identity, from the content every build already parsed
 * (src/content/records.ts reads through the process-wide parse cache, src/content/process-cache.ts):
 * shared by the Astro integration (src/integrations/search-index.ts) and the CLI.
 */
import type { SearchRecord } from '../../../src/lib/search/record.ts';
import type { BuildOptions } from './build.ts';

export async function siteRecords(): Promise<{ records: SearchRecord[]; site: NonNullable<BuildOptions['site']> }> {
  const { loadSearchRecords } = await import('../../../src/content/records.ts');
  const { getSite } = await import('../../../src/content/site.ts');
  const records = await loadSearchRecords();
  const config = (await getSite()).site;
  // the site's public root: PORTAL_SITE_URL (as astro.config.mjs) + PORTAL_BASE
  const root = new URL((process.env.PORTAL_BASE || '/').replace(/^\/*/, '/'), process.env.PORTAL_SITE_URL || 'https://www.example.gov.cn').href;
  return {
    records,
    site: { info: { id: config.siteCode, name: config.name, level: config.level, region: config.region, url: root }, peers: config.federation ?? [] },
  };
}
