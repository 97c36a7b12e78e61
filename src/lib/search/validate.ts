/**
 * Structural checks for every file the search engine reads from a site's search bundle
 * (src/search/site-index.ts): a federated peer is untrusted, so its manifest, directory, chunk,
 * filter, fragment, text, 文号 and sort files are checked for types, list lengths, string
 * lengths and number ranges before use. Hand-written rather than zod: a small zod/mini schema
 * alone bundles to ~20 KB minified (full zod ~450 KB) in engine.js, which every search page
 * downloads; these checks and the file shapes (validate-index.ts) are ~4 KB (2 KB gzipped).
 *
 * Bounds come from `Limits`: a peer gets PEER_LIMITS (docs/federation.md lists them); this
 * site gets NO_LIMITS (same shapes, no size bounds: its own build is trusted to be big).
 * A value of the wrong type or form is `invalid`; one over a bound is `limit`.
 */
import type { PeerProblem } from './federation.ts';

/** A peer file that must not be used: why, as the search page reports it. */
export class PeerError extends Error {
  readonly problem: PeerProblem;
  constructor(problem: PeerProblem, message: string) {
    super(message);
    this.problem = problem;
    this.name = 'PeerError';
  }
}

export interface Limits {
  /** requests per peer per query */
  requests: number;
  /** bytes received per peer per query (a server's own Content-Encoding counts inflated) */
  bytes: number;
  /** bytes after gunzip per peer per query */
  inflated: number;
  /** one file as received, and after gunzip */
  fileBytes: number;
  fileInflated: number;
  /** requests in flight per peer (the rest wait: a browser allows 6 per host) */
  parallel: number;
  /** index chunks loaded for one query term */
  termChunks: number;
  /** declared in a manifest: index shards per language, directory groups, chunks per
   * group, pages per index, 文号 buckets, languages, 机关代字 */
  shards: number;
  groups: number;
  groupSize: number;
  pages: number;
  buckets: number;
  languages: number;
  agencies: number;
  /** characters of a fragment's first section and of a text section (excerpts tokenize it) */
  text: number;
  /** characters of a short field (an index word, title, 文号, filter value, site name), and
   * values per filter in a fragment */
  field: number;
  /** entries of one directory, filter-value, 文号 or sort list; federation peers in sites.json */
  entries: number;
  peers: number;
}

/** Bounds for a peer, far above what a 50,000-document site needs for a query (its first
 * query loads ~336 KiB in a few dozen requests); docs/federation.md lists them. */
export const PEER_LIMITS: Limits = {
  requests: 600,
  bytes: 8 * 2 ** 20,
  inflated: 16 * 2 ** 20,
  fileBytes: 4 * 2 ** 20,
  fileInflated: 4 * 2 ** 20,
  parallel: 6,
  termChunks: 32,
  shards: 8,
  groups: 2048,
  groupSize: 1024,
  pages: 200_000,
  buckets: 100_000,
  languages: 8,
  agencies: 50_000,
  text: 16_384,
  field: 1024,
  entries: 50_000,
  peers: 256,
};

/** This site: shapes checked, sizes not. */
export const NO_LIMITS: Limits = Object.fromEntries(Object.keys(PEER_LIMITS).map((k) => [k, Infinity])) as unknown as Limits;

export type Check<T> = (x: unknown, at: string) => T;

export const invalid = (at: string, what: string): never => {
  throw new PeerError('invalid', `${at}: ${what}`);
};
const over = (at: string, what: string): never => {
  throw new PeerError('limit', `${at}: ${what}`);
};

export const str =
  (max: number, form?: RegExp): Check<string> =>
  (x, at) => {
    if (typeof x !== 'string') return invalid(at, 'not a string');
    if (x.length > max) return over(at, `longer than ${max}`);
    if (form && !form.test(x)) return invalid(at, 'not of the expected form');
    return x;
  };

export const int =
  (min: number, max: number): Check<number> =>
  (x, at) => {
    if (typeof x !== 'number' || !Number.isSafeInteger(x) || x < min) return invalid(at, `not an integer ≥ ${min}`);
    if (x > max) return over(at, `more than ${max}`);
    return x;
  };

export const num =
  (min: number, max: number): Check<number> =>
  (x, at) => {
    if (typeof x !== 'number' || !Number.isFinite(x) || x < min) return invalid(at, `not a number ≥ ${min}`);
    if (x > max) return over(at, `more than ${max}`);
    return x;
  };

export const literal =
  <T extends string | number>(v: T): Check<T> =>
  (x, at) =>
    x === v ? v : invalid(at, `not ${v}`);

export const opt =
  <T>(c: Check<T>): Check<T | undefined> =>
  (x, at) =>
    x === undefined ? undefined : c(x, at);

/** A list of at most `max` items (checked before any item); items are checked in place. */
export const list =
  <T>(item: Check<T>, max: number, min = 0): Check<T[]> =>
  (x, at) => {
    if (!Array.isArray(x)) return invalid(at, 'not a list');
    if (x.length > max) return over(at, `more than ${max} entries`);
    if (x.length < min) return invalid(at, `fewer than ${min} entries`);
    for (let i = 0; i < x.length; i++) item(x[i], `${at}[]`);
    return x as T[];
  };

/** A fixed-form list: `items` in order, the ones after `required` optional. */
export const tuple =
  <T extends unknown[]>(items: { [K in keyof T]: Check<T[K]> }, required = items.length): Check<T> =>
  (x, at) => {
    if (!Array.isArray(x) || x.length < required || x.length > items.length) return invalid(at, `not a list of ${required}–${items.length}`);
    x.forEach((v, i) => items[i]!(v, `${at}[${i}]`));
    return x as T;
  };

const isPlain = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

type Shape<T> = { [K in keyof T]-?: Check<T[K]> };
/** An object: a fresh copy holding only the keys of `shape` (unknown keys are dropped). */
export const obj =
  <T>(shape: Shape<T>): Check<T> =>
  (x, at) => {
    if (!isPlain(x)) return invalid(at, 'not an object');
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(shape) as (keyof T & string)[]) {
      const v = shape[k](x[k], `${at}.${k}`);
      if (v !== undefined) out[k] = v;
    }
    return out as T;
  };

/** A map of at most `max` keys of the form `key`. */
export const dict =
  <T>(key: Check<string>, value: Check<T>, max: number): Check<Record<string, T>> =>
  (x, at) => {
    if (!isPlain(x)) return invalid(at, 'not an object');
    const names = Object.keys(x);
    if (names.length > max) return over(at, `more than ${max} keys`);
    const out: Record<string, T> = {};
    for (const k of names) {
      if (k === '__proto__') return invalid(at, 'key __proto__');
      out[key(k, at)] = value(x[k], `${at}.${k}`);
    }
    return out;
  };

/** The first of two forms that fits (an `invalid` first form tries the second). */
export const either =
  <A, B>(a: Check<A>, b: Check<B>): Check<A | B> =>
  (x, at) => {
    try {
      return a(x, at);
    } catch (e) {
      if (e instanceof PeerError && e.problem === 'invalid') return b(x, at);
      throw e;
    }
  };
