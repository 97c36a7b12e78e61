/**
 * Redirect pages (src/pages/[...redirect].astro) are not pages to index: the sitemap leaves out
 * the permanent identifiers under eli/ and the old addresses listed in content/redirects.yaml.
 * The list is read when the sitemap is written (the content check has validated it by then).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

function contentRedirects(): Set<string> {
  const dir = path.resolve(process.env.PORTAL_CONTENT ?? 'content');
  const file = path.join(dir, 'redirects.yaml');
  if (!existsSync(dir) || !statSync(dir).isDirectory() || !existsSync(file)) return new Set();
  const list: unknown = parse(readFileSync(file, 'utf8'));
  const froms = Array.isArray(list) ? list.map((r) => (r && typeof r === 'object' ? (r as { from?: unknown }).from : undefined)) : [];
  return new Set(froms.filter((f): f is string => typeof f === 'string').map((f) => f.trim()));
}

/** `(pageUrl) => true` for a redirect page; `base` is the site's base path. */
export function redirectPageFilter(base: string): (page: string) => boolean {
  let froms: Set<string> | undefined;
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return (page) => {
    const pathname = decodeURIComponent(new URL(page).pathname);
    const rel = pathname.startsWith(prefix) ? pathname.slice(prefix.length) : pathname.replace(/^\//, '');
    froms ??= contentRedirects();
    return rel.startsWith('eli/') || froms.has(rel);
  };
}
