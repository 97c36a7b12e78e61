/**
 * Cache keys for Astro's incremental build (experimental.incrementalBuild): a page is re-rendered
 * only when its key changes. The key covers everything the page shows: the page's own props (a
 * document page's model holds the document and what it shows of related documents) and the
 * shell every page shares (site identity, organizations, topics: header, footer, metadata).
 * Astro adds the hash of the page's code.
 */
import { createHash } from 'node:crypto';

/** JSON with Map and Set contents (plain JSON.stringify writes them as {}), keys in insertion order. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (v instanceof Map) return { __map: [...v.entries()] };
    if (v instanceof Set) return { __set: [...v.values()] };
    if (typeof v === 'function') return undefined;
    return v;
  });
}

export function digest(value: unknown): string {
  return createHash('sha256').update(stableJson(value)).digest('base64url').slice(0, 22);
}

/** The key of one page: shell digest, locale and the page's props. */
export function pageKey(shell: string, locale: string, props: unknown): string {
  return digest([shell, locale, props]);
}
