/**
 * Federated 一网通查 (issue 9): what a site publishes about itself in `<base>search/sites.json`,
 * and the pure rules the engine applies across sites: which sites a query goes to, how the
 * same document published by two sites is recognized, and how peer URLs resolve.
 * Shared by scripts/build-search.ts (writes sites.json) and src/search/engine.ts (reads it).
 */
import { docNumberKey } from '../docnumber.ts';

export const SITES_FILE = 'sites.json';

/** A site as listed by itself (sites.json `site`) or by a peer's configuration. */
export interface SiteInfo {
  id: string;
  name: { zh: string; mn?: string };
  /** 行政层级: 国家 | 自治区 | 盟市 | 旗县 | 苏木乡镇 */
  level: string;
  /** 6-digit 行政区划代码 */
  region: string;
  /** site root: absolute URL, or a path on the same host; ends in / */
  url: string;
}

export interface SitesFile {
  version: 1;
  /** this site */
  site: SiteInfo & {
    /** search records per index language, e.g. { zh: 1200, mn: 80 } */
    documents: Record<string, number>;
    languages: string[];
    /** ISO time of the build */
    built: string;
  };
  /** the peers this site searches together with its own index (content/site.yaml federation) */
  peers: SiteInfo[];
}

/** The site description written at build time. */
export function sitesFile(site: SiteInfo, documents: Record<string, number>, peers: SiteInfo[], built: Date): SitesFile {
  return {
    version: 1,
    site: { ...site, url: withSlash(site.url), documents, languages: Object.keys(documents).sort(), built: built.toISOString() },
    peers: peers.map((p) => ({ id: p.id, name: p.name, level: p.level, region: p.region, url: withSlash(p.url) })),
  };
}

function withSlash(u: string): string {
  return u.endsWith('/') ? u : `${u}/`;
}

/** Absolute URL of a site root: `url` may be a path on the host `against` belongs to. */
export function resolveSiteUrl(url: string, against: string): string {
  return withSlash(new URL(url, against).href);
}

/** Does the value match a filter given as a value, a list (any of) or Pagefind's object forms? */
export function matchesFilter(value: string, f: unknown): boolean {
  if (f === undefined || f === '' || (Array.isArray(f) && f.length === 0)) return true;
  if (typeof f === 'string') return value === f;
  if (Array.isArray(f)) return f.includes(value);
  const o = f as { any?: string[]; all?: string[]; none?: string[]; not?: string | string[] };
  const list = (x: string | string[] | undefined) => (x === undefined ? [] : Array.isArray(x) ? x : [x]);
  if (o.any && !list(o.any).includes(value)) return false;
  if (o.all && list(o.all).some((x) => x !== value)) return false;
  if (o.none && list(o.none).includes(value)) return false;
  if (o.not && list(o.not).includes(value)) return false;
  return true;
}

/** The sites a query goes to: the `site` (id) and `level` filters choose among them. */
export function selectSites<T extends { id: string; level: string }>(sites: T[], filters: Record<string, unknown> = {}): T[] {
  return sites.filter((s) => matchesFilter(s.id, filters.site) && matchesFilter(s.level, filters.level));
}

/**
 * Two results are the same document when they have the same 文号 (compared as 机关代字+年+序号,
 * whatever the brackets) and the same issuers. Documents without a 文号 are never merged: a
 * shared title alone is too weak (every 旗县 has its own 关于做好…工作的通知).
 */
export function duplicateKey(docNumber: string | undefined, issuers: string[] | undefined): string | undefined {
  if (!docNumber) return undefined;
  const key = docNumberKey(docNumber);
  if (!key) return undefined;
  return `${key}#${[...new Set(issuers ?? [])].sort().join('、')}`;
}

/** Why a peer gave no results, for the notice the search page shows: `limit` when it went over
 * a bound of src/lib/search/validate.ts (too many requests, bytes or declared shards/pages),
 * `invalid` when a file did not have the expected shape. */
export type PeerProblem = 'unreachable' | 'timeout' | 'broken' | 'no-language' | 'limit' | 'invalid';

/**
 * A URL a result may link to: http(s), or a path on this host (not `//host`). Never
 * javascript:, data: or anything else a peer might slip in. `file:` only where the caller
 * allows it (the engine in Node reading built sites from disk).
 */
export function isSafeUrl(url: string, allowFile = false): boolean {
  if (/[\u0000-\u001f\u007f\\]/.test(url)) return false;
  if (/^\/(?!\/)/.test(url)) return true;
  return /^https?:\/\/[^/]/i.test(url) || (allowFile && /^file:\/\//i.test(url));
}
