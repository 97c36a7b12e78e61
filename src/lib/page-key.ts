/**
 * Cache keys for Astro's incremental build (experimental.incrementalBuild): a page is re-rendered
 * only when its key changes. The key covers everything the page shows: the page's own props (a
 * document page's model holds the document and what it shows of related documents) and the
 * shell every page shares (site identity, organizations, topics: header, footer, metadata).
 * Astro adds the hash of the page's code.
 */
import { createHash } from 'node:crypto';

/**
 * Digests of library documents met inside props. A document appears in the props of many pages
 * (its own, the listings, related documents' pages): its JSON is hashed once per build and stands
 * in every key as its digest, instead of being serialized and hashed on every page (5 of the 26 s
 * of a no-change rebuild at 10,000 documents). The digest is of the content, so keys stay equal
 * across builds.
 */
const documentDigests = new WeakMap<object, string>();

/** A document of the library: the shape every PolicyView / InterpretationView has. */
function isDocument(v: object): boolean {
  const o = v as Record<string, unknown>;
  return typeof o.id === 'string' && typeof o.source === 'string' && typeof o.title === 'string';
}

/** JSON with Map and Set contents (plain JSON.stringify writes them as {}), keys in insertion order. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (k, v: unknown) => {
    if (v instanceof Map) return { __map: [...v.entries()] };
    if (v instanceof Set) return { __set: [...v.values()] };
    if (typeof v === 'function') return undefined;
    // the root itself is serialized (that is how a document's own digest is made)
    if (k !== '' && typeof v === 'object' && v !== null && !Array.isArray(v) && isDocument(v)) return `\u0000doc:${documentDigest(v)}`;
    return v;
  });
}

function documentDigest(doc: object): string {
  let d = documentDigests.get(doc);
  if (d === undefined) documentDigests.set(doc, (d = digest(doc)));
  return d;
}

export function digest(value: unknown): string {
  return createHash('sha256').update(stableJson(value)).digest('base64url').slice(0, 22);
}

/** The key of one page: shell digest, locale and the page's props. */
export function pageKey(shell: string, locale: string, props: unknown): string {
  return digest([shell, locale, props]);
}
