/**
 * A document's permanent identifier as the site serves it (/eli/…/ redirect pages,
 * src/lib/redirect-pages.ts): the eliIndex target naming the whole document, absent when the
 * identifier was withheld (two documents claiming it). One index per library, computed once.
 */
import type { Policy } from './model.ts';
import { eliIndex } from './eli.ts';

const cache = new WeakMap<readonly Policy[], Map<string, string>>();

export function servedEli(policies: readonly Policy[], id: string, lenient: boolean): string | undefined {
  let byId = cache.get(policies);
  if (!byId) {
    byId = new Map();
    for (const t of eliIndex(policies, { lenient }).targets) if (!t.version && !byId.has(t.policyId)) byId.set(t.policyId, t.path);
    cache.set(policies, byId);
  }
  return byId.get(id);
}
