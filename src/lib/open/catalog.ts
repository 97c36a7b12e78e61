/**
 * The 标准目录 filter model: which filters an area's table offers, their static URLs (so
 * filtering works without JavaScript: /open/catalog/<area>/<facet>/<slug>/) and the rows each
 * keeps. Also the 一级事项 groups (anchors on the full table). Pure.
 */
import { AUDIENCES, CATALOG_LEVELS, MODES, type CatalogItem } from './model.ts';

export const CATALOG_FACETS = ['mode', 'audience', 'level'] as const;
export type CatalogFacet = (typeof CATALOG_FACETS)[number];

/** ASCII slugs for filter values (URL segments). */
export const FACET_SLUGS: Record<CatalogFacet, Record<string, string>> = {
  mode: { 主动: 'zhudong', 依申请: 'yishenqing' },
  audience: { 全社会: 'quan-shehui', 特定群众: 'teding-qunzhong' },
  level: { 县级: 'xianji', 乡级: 'xiangji' },
};

const FACET_VALUES: Record<CatalogFacet, readonly string[]> = { mode: MODES, audience: AUDIENCES, level: CATALOG_LEVELS };

function valuesOf(item: CatalogItem, facet: CatalogFacet): string[] {
  if (facet === 'mode') return [item.mode];
  if (facet === 'audience') return [item.audience];
  return item.levels;
}

export interface FacetValue {
  value: string;
  slug: string;
  count: number;
}

export interface FacetModel {
  facet: CatalogFacet;
  values: FacetValue[];
}

/** Filters worth offering: every facet value present in the items (in vocabulary order). */
export function catalogFacets(items: readonly CatalogItem[]): FacetModel[] {
  return CATALOG_FACETS.map((facet) => ({
    facet,
    values: FACET_VALUES[facet]
      .map((value) => ({ value, slug: FACET_SLUGS[facet][value]!, count: items.filter((i) => valuesOf(i, facet).includes(value)).length }))
      .filter((v) => v.count > 0),
  })).filter((f) => f.values.length > 0);
}

/** Rows kept by one filter; an unknown slug keeps nothing. */
export function filterCatalog(items: readonly CatalogItem[], facet: CatalogFacet, slug: string): CatalogItem[] {
  const value = Object.entries(FACET_SLUGS[facet]).find(([, s]) => s === slug)?.[0];
  if (value === undefined) return [];
  return items.filter((i) => valuesOf(i, facet).includes(value));
}

export function facetValueOf(facet: CatalogFacet, slug: string): string | undefined {
  return Object.entries(FACET_SLUGS[facet]).find(([, s]) => s === slug)?.[0];
}

/** Every static filter page of an area: [facet, slug]. */
export function catalogFilterPaths(items: readonly CatalogItem[]): { facet: CatalogFacet; slug: string; value: string }[] {
  return catalogFacets(items).flatMap((f) => f.values.map((v) => ({ facet: f.facet, slug: v.slug, value: v.value })));
}

export interface CatalogGroup {
  /** anchor id on the page */
  anchor: string;
  name: string;
  items: CatalogItem[];
}

/** 一级事项 groups in order of first appearance. */
export function catalogGroups(items: readonly CatalogItem[]): CatalogGroup[] {
  const groups = new Map<string, CatalogItem[]>();
  for (const i of items) {
    const list = groups.get(i.group);
    if (list) list.push(i);
    else groups.set(i.group, [i]);
  }
  return [...groups].map(([name, list], n) => ({ anchor: `g${n + 1}`, name, items: list }));
}

/** Path of an area page or one of its filter pages (site-relative, no locale prefix). */
export function catalogPath(area: string, facet?: CatalogFacet, slug?: string): string {
  return facet && slug ? `open/catalog/${area}/${facet}/${slug}/` : `open/catalog/${area}/`;
}
