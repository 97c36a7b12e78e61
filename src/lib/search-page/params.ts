/**
 * The search page's state in its URL (/search/?q=…&kind=…&sort=…&mn=1): read, written without
 * empty parameters, and one filter taken out (the removable chips). Pure: the page script and
 * the unit tests share it.
 */

/** Filter parameters in the order they are written (DESIGN.md search contract). */
export const FILTER_NAMES = ['kind', 'issuer', 'topic', 'year', 'status', 'docType', 'site', 'level', 'version'] as const;
export type FilterName = (typeof FILTER_NAMES)[number];
export const SORTS = ['published-desc', 'published-asc'] as const;
export type Sort = (typeof SORTS)[number] | '';

export interface SearchState {
  q: string;
  filters: Partial<Record<FilterName, string>>;
  sort: Sort;
  /** also search the Mongolian pages (a Chinese page of a site that has them) */
  mn: boolean;
}

/** The state in `params`; filters not in `allowed` (site and level on a single site) are ignored. */
export function readSearchState(params: URLSearchParams, allowed: readonly string[] = FILTER_NAMES): SearchState {
  const filters: SearchState['filters'] = {};
  for (const name of FILTER_NAMES) {
    const v = params.get(name)?.trim();
    if (v && allowed.includes(name)) filters[name] = v;
  }
  const sort = params.get('sort') ?? '';
  return {
    q: (params.get('q') ?? '').trim(),
    filters,
    sort: (SORTS as readonly string[]).includes(sort) ? (sort as Sort) : '',
    mn: params.get('mn') === '1',
  };
}

/** The query string for `state` (without `?`): no empty parameter, always in the same order. */
export function searchQueryString(state: SearchState): string {
  const p = new URLSearchParams();
  if (state.q) p.set('q', state.q);
  for (const name of FILTER_NAMES) {
    const v = state.filters[name];
    if (v) p.set(name, v);
  }
  if (state.sort) p.set('sort', state.sort);
  if (state.mn) p.set('mn', '1');
  return p.toString();
}

/** The same search without one filter. */
export function withoutFilter(state: SearchState, name: FilterName): SearchState {
  const filters = { ...state.filters };
  delete filters[name];
  return { ...state, filters };
}

/** The same search without any filter (the query, sort and language option stay). */
export function withoutFilters(state: SearchState): SearchState {
  return { ...state, filters: {} };
}

/** Form entries without the empty ones (a select left at 不限, an empty box): a clean URL. */
export function withoutEmpty(entries: Iterable<[string, string]>): [string, string][] {
  return [...entries].filter(([, v]) => v.trim() !== '');
}

/** Whether there is anything to search for (a query or at least one filter). */
export function hasSearch(state: SearchState): boolean {
  return state.q !== '' || Object.keys(state.filters).length > 0;
}
