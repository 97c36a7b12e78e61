/**
 * The shapes of the search bundle's files (scripts/build-search.ts writes them, the engine
 * reads them, src/lib/search/validate.ts checks them): what a peer may send. Every string
 * that becomes part of a URL (bundle directories, index tags, page ids) is restricted to
 * path-safe characters, and a result path must be a path on the peer's own site.
 */
import type { DocnumList, IndexShard, SearchManifest } from './layout.ts';
import type { SiteInfo, SitesFile } from './federation.ts';
import { dict, either, int, invalid, list, literal, num, obj, opt, PeerError, str, tuple, type Check, type Limits } from './validate.ts';
import { assertIndexFormat } from './format.ts';

/** a directory below the search bundle: `a/b/`, no `..`, no scheme, no leading `/` */
const DIR = /^(?:(?!\.\.?\/)[\w.-]+\/)+$/;
/** index tags and page ids: `<salt>[_<lang>]<base 36>` */
export const PAGE_ID = /^\w{1,40}$/;
/** content-addressed file names (hash of the bytes) */
export const FILE_NAME = /^[\w-]{1,40}$/;
/** a result path on the site: starts with one `/`, no control characters or backslashes */
const SITE_PATH = /^\/(?!\/)[^\\\0-\x1f\x7f]*$/;
/** a peer's root: http(s), or a path on this host (docs/federation.md); no control characters */
const SITE_ROOT = /^(?:https?:\/\/[^\s\\/?#]+\/|\/(?![/\\]))[^\\\0-\x1f\x7f]*$/i;

export type Manifest = SearchManifest & { agencies: string[] };
export interface FragmentData {
  url: string;
  content: string;
  sections?: number;
  filters: Record<string, string[]>;
  meta: { title?: string; docNumber?: string; published?: string };
}
export type SortData = string[] | { ids: string[]; dates?: [string, number][] };
/** [first word, last word, gzipped bytes, file name] of each chunk of a directory group */
export type DirEntry = [string, string, number, string];

export interface IndexChecks {
  manifest: Check<Manifest>;
  sites: Check<SitesFile>;
  dir: Check<DirEntry[]>;
  chunk: Check<[[string, number[]][]]>;
  /** name → [[value, pages, file name of its page list], …] */
  filterValues: Check<Record<string, [string, number, string][]>>;
  filterPages: Check<number[]>;
  fragment: Check<FragmentData>;
  text: Check<string>;
  bucket: Check<Record<string, string[][]>>;
  docnumList: Check<DocnumList>;
  sort: Check<SortData>;
}

function manifestCheck(L: Limits): Check<Manifest> {
  const shard: Check<IndexShard> = obj<IndexShard>({
    language: str(32, /^[\w-]+$/),
    pages: int(0, L.pages),
    from: opt(str(32)),
    to: opt(str(32)),
    tag: str(24, PAGE_ID),
    avgLength: num(0, 1e9),
    groupSize: int(1, L.groupSize),
    groups: list(str(L.field), L.groups),
    dirs: list(str(40, FILE_NAME), L.groups),
    filters: str(40, FILE_NAME),
    sort: str(40, FILE_NAME),
  });
  const language = obj<{ shards: IndexShard[]; pages: number }>({ shards: list(shard, L.shards), pages: int(0, L.pages * L.shards) });
  const m = obj<SearchManifest>({
    version: literal(3),
    titleSlot: int(1, 1 << 16),
    positionCap: int(0, 1e6),
    sectionTokens: int(0, 1e7),
    bundle: str(256, DIR),
    languages: dict(str(16, /^[a-z]{2,3}(?:-\w{1,8})*$/), language, L.languages),
    docnum: obj<SearchManifest['docnum']>({ buckets: int(1, L.buckets), dir: str(256, DIR), yearBuckets: int(1, L.buckets), list: str(40, FILE_NAME) }),
    common: opt(str(Math.min(L.text * 4, 1e9))),
    agencies: opt(list(str(L.field), L.agencies)),
  });
  return (x, at) => {
    // another format or version is unreadable rather than malformed (docs/search.md, docs/federation.md)
    assertIndexFormat(x, at);
    const out = m(x, at);
    for (const [lang, l] of Object.entries(out.languages)) {
      for (const s of l.shards) if (s.dirs.length !== s.groups.length) invalid(`${at}.languages.${lang}`, 'a directory file per group');
    }
    return { ...out, agencies: out.agencies ?? [] };
  };
}

function sitesCheck(L: Limits): Check<SitesFile> {
  const info = {
    id: str(64, /^[\w-]+$/),
    name: obj<SiteInfo['name']>({ zh: str(L.field), mn: opt(str(L.field)) }),
    level: str(32),
    region: str(16),
    url: str(2048, SITE_ROOT),
  };
  const site = obj<SitesFile['site']>({ ...info, documents: dict(str(16), int(0, 1e9), 16), languages: list(str(16), 16), built: str(64) });
  const peer = obj<SiteInfo>(info);
  // a peer entry that is not of the form is left out, the others still searched
  const peers: Check<SiteInfo[]> = (x, at) =>
    list((v) => v, L.peers)(x, at).flatMap((p) => {
      try {
        return [peer(p, `${at}[]`)];
      } catch (e) {
        if (e instanceof PeerError) return [];
        throw e;
      }
    });
  return obj<SitesFile>({ version: literal(1), site, peers });
}

/** A word's flat postings (postings.ts): integers, each negative one (a page start, or the
 * thinned-word marker) followed by a non-negative one, so decodePostings never reads past the end. */
const flatPostings: Check<number[]> = (x, at) => {
  if (!Array.isArray(x)) return invalid(at, 'not a list');
  for (let i = 0; i < x.length; i++) {
    const v: unknown = x[i];
    const next: unknown = x[i + 1];
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < -100_000) return invalid(at, 'not an integer ≥ -100000');
    if (v < 0 && !(typeof next === 'number' && next >= 0)) return invalid(at, 'a page start without a page');
    if (i === 0 && v >= 0) return invalid(at, 'a position before any page');
  }
  return x as number[];
};

const cache = new Map<Limits, IndexChecks>();

/** The checks for one set of bounds (made once per bounds object). */
export function indexChecks(L: Limits): IndexChecks {
  const hit = cache.get(L);
  if (hit) return hit;
  const word = str(L.field);
  const id = str(40, PAGE_ID);
  const value = str(L.field);
  const checks: IndexChecks = {
    manifest: manifestCheck(L),
    sites: sitesCheck(L),
    dir: list(tuple<DirEntry>([word, word, int(0, 1e10), str(40, FILE_NAME)]), L.groupSize),
    chunk: tuple<[[string, number[]][]]>([list(tuple<[string, number[]]>([word, flatPostings]), L.entries)]),
    filterValues: dict(str(64), list(tuple<[string, number, string]>([value, int(0, 1e9), str(40, FILE_NAME)]), L.entries), 64),
    filterPages: list(int(0, 1e9), L.pages),
    fragment: obj<FragmentData>({
      url: str(2048, SITE_PATH),
      content: str(L.text),
      sections: opt(int(0, 1e6)),
      filters: (x, at) => (x === undefined ? {} : dict(str(64), list(value, L.field), 32)(x, at)),
      meta: obj<FragmentData['meta']>({ title: opt(str(L.field)), docNumber: opt(str(L.field)), published: opt(str(32)) }),
    }),
    text: str(L.text),
    bucket: dict(value, list(list(value, 4, 2), L.entries), L.entries),
    docnumList: obj<DocnumList>({ files: list(str(40, FILE_NAME), L.buckets), yearFiles: list(str(40, FILE_NAME), L.buckets) }),
    sort: either(list(id, L.pages), obj<{ ids: string[]; dates?: [string, number][] }>({ ids: list(id, L.pages), dates: opt(list(tuple<[string, number]>([str(32), int(0, 1e9)]), L.pages)) })),
  };
  cache.set(L, checks);
  return checks;
}
