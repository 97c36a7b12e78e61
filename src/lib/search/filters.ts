/**
 * Search filters as the engine takes them (a value, a list meaning any of, or Pagefind's
 * { any | all | none | not } forms) and as the posting index reads them; and the check of a
 * document's own filter values (a 文号 hit, found outside the index's filter lists).
 */
export type FilterValue = string | string[] | { any?: string[]; all?: string[]; none?: string[]; not?: string | string[] };
type FilterObject = { any?: string[]; all?: string[]; none?: string[]; not?: string | string[] };

/** Index filter object from ours (a bare string or list becomes an any-of list); `site` and,
 * for sites whose level is known, `level` are not index filters but choose sites. */
export function pfFilters(f: Record<string, FilterValue | undefined> | undefined, levelKnown = false): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(f ?? {})) {
    if (k === 'site' || (k === 'level' && levelKnown)) continue;
    if (v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    out[k] = typeof v === 'string' ? v : Array.isArray(v) ? { any: v } : v;
  }
  return out;
}

/** Whether a document with these filter values passes index filters (pfFilters' output). */
export function fragmentPasses(frag: { filters?: Record<string, string[]> }, filters: Record<string, unknown>): boolean {
  for (const [k, v] of Object.entries(filters)) {
    const have = frag.filters?.[k] ?? [];
    const list = (x: unknown) => (x === undefined ? [] : Array.isArray(x) ? x : [x]) as string[];
    if (typeof v === 'string') {
      if (!have.includes(v)) return false;
      continue;
    }
    const o = v as FilterObject;
    if (o.any && !list(o.any).some((x) => have.includes(x))) return false;
    if (o.all && !list(o.all).every((x) => have.includes(x))) return false;
    if (o.none && list(o.none).some((x) => have.includes(x))) return false;
    if (o.not && list(o.not).some((x) => have.includes(x))) return false;
  }
  return true;
}

/** 历史版本 (#18): a document's earlier texts are records of their own carrying version=历史版本. */
export const HISTORICAL_VERSION = '历史版本';

/** A search leaves earlier texts out unless it names `version`: 'all' includes them, another
 * value (历史版本) asks for exactly that. */
export function withVersionDefault(f: Record<string, FilterValue | undefined> | undefined): Record<string, FilterValue | undefined> {
  const { version, ...rest } = f ?? {};
  if (version === 'all') return rest;
  if (version === undefined || version === '') return { ...rest, version: { none: [HISTORICAL_VERSION] } };
  return { ...rest, version };
}
