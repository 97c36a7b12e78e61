/**
 * The content loader: reads a content directory (site.yaml, organizations.yaml, topics.yaml,
 * policies/**\/*.md, interpretations/**\/*.md, and their Mongolian translations under
 * mn/policies/ and mn/interpretations/ at the same relative path) or a JSON-lines export, validates everything with
 * the schemas in src/schemas and the cross-file rules in src/lib/validity.ts, and either returns
 * SiteData or throws ONE ContentError listing every problem (file:line field（标签）: reason).
 *
 *   loadSite()                                     // ./content, today's date in Asia/Shanghai
 *   loadSite({ source: '../shared/corpus/policies.jsonl', lenient: true })
 *
 * PORTAL_CONTENT overrides the default source; PORTAL_SITE_DIR is where a JSON-lines import
 * takes site.yaml from (default `content`). Results are memoized per (root, source, lenient,
 * today); clearSiteCache() forgets them (dev server, tests).
 *
 * The parts live in src/content/load/: directory.ts (a content directory), documents.ts
 * (policy and interpretation files), translations.ts (Mongolian), jsonl.ts and jsonl-row.ts
 * (JSON-lines), finish.ts (cross-file rules and the result).
 */
import type { SiteData } from '../lib/model.ts';
import { ContentError } from '../lib/errors.ts';
import { processCache, traceLoad } from './process-cache.ts';
import { loadDirectory } from './load/directory.ts';
import { loadJsonl } from './load/jsonl.ts';
import { resolveOptions, type LoadOptions, type LoadResult } from './load/options.ts';

export type { LoadOptions, LoadResult } from './load/options.ts';
export { inferDocType, nameSlug, UNKNOWN_ISSUER } from './load/jsonl-names.ts';

const collected = processCache<LoadResult>('site-collected');
const loaded = processCache<SiteData>('site-loaded');

/**
 * collectSite, once per process for the same options: the build's content check, its pages,
 * search records and exports all share the one parse.
 */
export function collectSiteOnce(options: LoadOptions = {}): Promise<LoadResult> {
  const key = JSON.stringify(resolveOptions(options));
  let promise = collected.get(key);
  if (!promise) {
    promise = collectSite(options);
    promise.catch(() => collected.delete(key));
    collected.set(key, promise);
  }
  return promise;
}

/** Load, validate and return the site; throws ContentError listing all problems if any is an error. */
export function loadSite(options: LoadOptions = {}): Promise<SiteData> {
  const key = JSON.stringify(resolveOptions(options));
  let promise = loaded.get(key);
  if (!promise) {
    promise = collectSiteOnce(options).then((result) => {
      if (!result.data || result.problems.some((p) => p.severity === 'error')) throw new ContentError(result.problems);
      return result.data;
    });
    promise.catch(() => loaded.delete(key));
    loaded.set(key, promise);
  }
  return promise;
}

export function clearSiteCache(): void {
  collected.clear();
  loaded.clear();
}

/** Like loadSite but never throws for content problems: returns them all (not memoized). */
export async function collectSite(options: LoadOptions = {}): Promise<LoadResult> {
  const o = resolveOptions(options);
  traceLoad('site', o.source);
  return o.source.endsWith('.jsonl') ? loadJsonl(o) : loadDirectory(o);
}
