/**
 * Static paths for the 政策文件库 listings: page 1 at /policies/, page n at /policies/page/n/,
 * facet pages at /policies/<facet>/<value>/ and /policies/<facet>/<value>/<n>/.
 */
import type { SiteData } from './model.ts';
import { buildFacets } from './facets.ts';
import { byPublishedDesc, paginate } from './listing.ts';

export function allListingPages(data: SiteData) {
  const sorted = [...data.policies].sort(byPublishedDesc);
  return paginate(sorted, data.site.pageSize);
}

export function facetListingPages(data: SiteData) {
  const facets = buildFacets(data);
  return facets.flatMap((facet) =>
    facet.entries.flatMap((entry) =>
      paginate(entry.policies, data.site.pageSize).map((page) => ({ facet, entry, page })),
    ),
  );
}
