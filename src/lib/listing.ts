/**
 * Listing rules for the 政策文件库: sort order, pagination and the browse facets
 * (年份, 发文机关, 主题分类, 有效性) that work without JavaScript.
 */
import type { Organization, PolicyView, Status, Topic } from './model.ts';
import { STATUSES } from './model.ts';

/** Newest first; ties broken by 文号 serial then id so the order is stable between builds. */
export function byPublishedDesc(a: PolicyView, b: PolicyView): number {
  if (a.published !== b.published) return a.published < b.published ? 1 : -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export interface Page<T> {
  items: T[];
  /** 1-based */
  current: number;
  last: number;
  total: number;
}

export function paginate<T>(items: readonly T[], pageSize: number): Page<T>[] {
  if (pageSize < 1) throw new Error(`pageSize must be ≥ 1, got ${pageSize}`);
  const last = Math.max(1, Math.ceil(items.length / pageSize));
  const pages: Page<T>[] = [];
  for (let i = 0; i < last; i++) {
    pages.push({ items: items.slice(i * pageSize, (i + 1) * pageSize), current: i + 1, last, total: items.length });
  }
  return pages;
}

/**
 * Page numbers to show around the current page, with null for a gap:
 * 1 … 4 5 [6] 7 8 … 20. Keeps the control short on a 2,500-page library.
 */
export function pageWindow(current: number, last: number, radius = 2): (number | null)[] {
  const out: (number | null)[] = [];
  for (let n = 1; n <= last; n++) {
    if (n === 1 || n === last || Math.abs(n - current) <= radius) out.push(n);
    else if (out[out.length - 1] !== null) out.push(null);
  }
  return out;
}

export interface FacetValue {
  value: string;
  label: string;
  count: number;
}

/** Group policies by a key function; a policy may fall under several values (joint issuance). */
export function groupBy(policies: readonly PolicyView[], keys: (p: PolicyView) => string[]): Map<string, PolicyView[]> {
  const groups = new Map<string, PolicyView[]>();
  for (const p of policies) {
    for (const k of keys(p)) {
      const list = groups.get(k);
      if (list) list.push(p);
      else groups.set(k, [p]);
    }
  }
  return groups;
}

/** URL slugs for 有效性, so facet URLs stay ASCII. */
export const STATUS_SLUGS: Record<Status, string> = {
  现行有效: 'current',
  已修改: 'amended',
  已废止: 'repealed',
  已失效: 'expired',
  尚未生效: 'pending',
};

export function statusFromSlug(slug: string): Status | undefined {
  return STATUSES.find((s) => STATUS_SLUGS[s] === slug);
}

/** A topic's display path: 一级\二级, as gov.cn shows 主题分类. */
export function topicPath(topics: readonly Topic[], id: string): string {
  const t = topics.find((x) => x.id === id);
  if (!t) return id;
  const parent = t.parent ? topics.find((x) => x.id === t.parent) : undefined;
  return parent ? `${parent.name}\\${t.name}` : t.name;
}

/** 发文机关 id → display name (the id itself when unknown; ids were validated at load). */
export function orgNamer(organizations: readonly Organization[]): (id: string) => string {
  const names = new Map(organizations.map((o) => [o.id, o.name]));
  return (id) => names.get(id) ?? id;
}
