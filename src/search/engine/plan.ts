/**
 * Query planning: the parsed query, the index languages asked, the page and the order; and the
 * sites asked (`site` and `level` filters choose among the federation).
 */
import { parseQuery } from '../../lib/search/query.ts';
import { selectSites } from '../../lib/search/federation.ts';
import { searchLanguage } from '../../lib/search/language.ts';
import { withVersionDefault } from '../../lib/search/filters.ts';
import type { Fed, Plan, SearchOptions, Site } from './types.ts';

export function planQuery(fed: Fed, query: string, opts: SearchOptions): Plan {
  const parsed = parseQuery(query ?? '');
  return {
    parsed,
    listing: !parsed.raw,
    langs: [...new Set(opts.languages?.length ? opts.languages.map(searchLanguage) : [fed.lang])],
    limit: Math.max(0, opts.limit ?? 10),
    offset: Math.max(0, opts.offset ?? 0),
    sortDir: opts.sort?.published,
    // earlier texts (历史版本) only when asked for: the current version ranks
    filters: withVersionDefault(opts.filters),
  };
}

/** The sites the filters choose; this site without a sites.json has no known level: it is
 * asked too, the level filter going to its index. */
export function sitesToAsk(fed: Fed, filters: SearchOptions['filters']): Site[] {
  const chosen = selectSites(fed.sites, filters ?? {});
  const unknownLevel = fed.sites.filter((s) => !s.level && !chosen.includes(s) && selectSites([s], { site: filters?.site }).length);
  return [...chosen, ...unknownLevel];
}
