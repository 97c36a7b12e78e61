/**
 * Fetching a search bundle's files under a query's budget (src/lib/search/peer-budget.ts), each
 * decoded and checked against its shape (src/lib/search/validate-index.ts); a peer's bad data
 * trips its budget. Shared by the posting index (site-index.ts) and the page files (page-files.ts).
 */
import { decodeCbor } from '../lib/search/cbor.ts';
import type { PeerBudget } from '../lib/search/peer-budget.ts';
import { NO_LIMITS, PeerError, type Check } from '../lib/search/validate.ts';

/** A bundle file's bytes (inflated when gzipped); a missing file is an error. */
export async function bytesOf(net: PeerBudget, url: string, what: string): Promise<Uint8Array> {
  const r = await net.fetch(url);
  if (!r.ok) throw new Error(`${what}: HTTP ${r.status}`);
  return r.bytes;
}

/** A peer's bad data trips its budget (the peer is skipped even where a caller falls back);
 * this site's own just throws. */
export function bad(net: PeerBudget, e: unknown): unknown {
  return e instanceof PeerError && net.limits !== NO_LIMITS ? net.trip(e.problem, e.message) : e;
}

/** `c(x)`, tripping a peer's budget when it fails. */
export function checked<T>(c: Check<T>, x: unknown, what: string, net: PeerBudget): T {
  try {
    return c(x, what);
  } catch (e) {
    throw bad(net, e);
  }
}

/** A CBOR file, decoded within bounds and checked. */
export async function cborFile<T>(net: PeerBudget, url: string, c: Check<T>, what: string): Promise<T> {
  const bytes = await bytesOf(net, url, what);
  let x: unknown;
  try {
    x = decodeCbor(bytes);
  } catch (e) {
    throw bad(net, new PeerError('invalid', `${what}: ${(e as Error).message}`));
  }
  return checked(c, x, what, net);
}

/** A JSON file (after a `prefix` it may start with), parsed and checked. */
export async function fetchJson<T>(net: PeerBudget, url: string, c: Check<T>, what: string, prefix = ''): Promise<T> {
  let bytes = await bytesOf(net, url, what);
  if (prefix && String.fromCharCode(...bytes.subarray(0, prefix.length)) === prefix) bytes = bytes.subarray(prefix.length);
  let x: unknown;
  try {
    x = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw bad(net, new PeerError('broken', `${what}: not JSON`));
  }
  return checked(c, x, what, net);
}

/** `load()` once per key; a failed load is forgotten, so the next call tries again. */
export function cached<T>(cache: Map<string, Promise<unknown>>, key: string, load: () => Promise<T>): Promise<T> {
  let p = cache.get(key) as Promise<T> | undefined;
  if (!p) {
    p = load();
    p.catch(() => cache.delete(key));
    cache.set(key, p);
  }
  return p;
}
