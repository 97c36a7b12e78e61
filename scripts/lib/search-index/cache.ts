/**
 * The search index's build cache (docs/deployment.md), under <cache dir>/search-index/:
 *   tokens/<digest>  per document, its index words and section cuts (gzipped JSON), keyed by a
 *                    digest of the record, the writer and the options: an unchanged document
 *                    is not tokenized again, and a deleted one's words are known;
 *   state-<out>.json what the index in <out>/search/ holds (page numbers, chunk list, common
 *                    bigrams per language), so the next build updates it in place.
 * A state that does not match the options, the writer, or the files in <out> is not used:
 * the build is then a full one. Files are written to a temporary name and renamed.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { SearchRecord } from '../../../src/lib/search/record.ts';
import { INDEX_FORMAT, INDEX_VERSION, WRITER_REVISION } from '../../../src/lib/search/format.ts';
import { BadCacheEntry, MAX_STATE_BYTES, MAX_TOKEN_ENTRY_BYTES, parseState, parseTokenEntry, writerDigest } from './cache-check.ts';

/** A document's index words (word i at position i) and where its body sections start. */
export interface DocTokens {
  words: string[];
  cuts: number[];
}

/** One page of an index: its stable number and what the next build compares. */
export interface PageState {
  path: string;
  page: number;
  digest: string;
  /** words (BM25 length) */
  length: number;
  /** body text sections (fragment + text/<id>.1 …) */
  sections: number;
  published?: string;
}

/** [first word, last word, gzipped bytes, file name, posting units] of one chunk */
export type ChunkSpan = [string, string, number, string, number];

export interface LanguageState {
  tag: string;
  /** the next page number to give (numbers are never reused within a generation) */
  next: number;
  pages: PageState[];
  chunks: ChunkSpan[];
  /** Han bigrams whose body postings exceed a chunk, with that count (merge.ts) */
  common: [string, number][];
}

export interface BuildState {
  /** the options and writer this state was written with (optionsKey) */
  key: string;
  /** the bundle directory's name: a new one at every full build */
  gen: string;
  salt: string;
  /** SHA-1 of the manifest.json written with this state */
  manifest: string;
  /** incremental builds since the last full one */
  updates: number;
  languages: Record<string, LanguageState>;
}

/** What the cached files depend on besides a record: format, writer (revision and source) and options. */
export const optionsKey = (options: string): string => `${INDEX_FORMAT} ${INDEX_VERSION}|${WRITER_REVISION}|${writerDigest()}|${options}`;

/** A record's digest under `key` (optionsKey): its token cache entry and change marker. */
export function recordDigest(r: SearchRecord, key: string): string {
  return createHash('sha1').update(key).update('\n').update(JSON.stringify(r)).digest('base64url').slice(0, 22);
}

export const sha1 = (s: string): string => createHash('sha1').update(s).digest('hex');

const FIELD = '\u001f';

function writeAtomic(file: string, bytes: Uint8Array | string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, bytes);
  renameSync(tmp, file);
}

/** Per-document tokens by record digest; without a directory nothing is kept. */
export class TokenCache {
  private dir: string | undefined;
  hits = 0;
  misses = 0;
  constructor(cacheDir: string | undefined) {
    this.dir = cacheDir ? join(cacheDir, 'search-index', 'tokens') : undefined;
    if (this.dir) mkdirSync(this.dir, { recursive: true });
  }

  /** Entries that were present but not used (cache-check.ts), with the reason. */
  rejected: string[] = [];

  /** The cached tokens of the record with `digest`, if an entry computed for it is there. */
  get(digest: string): DocTokens | undefined {
    if (!this.dir) return undefined;
    let raw: Buffer;
    try {
      raw = readFileSync(join(this.dir, digest));
    } catch {
      this.misses++;
      return undefined;
    }
    try {
      const t = parseTokenEntry(gunzipSync(raw, { maxOutputLength: MAX_TOKEN_ENTRY_BYTES }).toString('utf8'), digest);
      this.hits++;
      return t;
    } catch (e) {
      this.reject(digest, e instanceof BadCacheEntry ? e.message : 'not gzip or over the size limit');
      return undefined;
    }
  }

  /** Counts an entry that is present but unusable as a miss, with the reason. */
  reject(digest: string, why: string): void {
    this.misses++;
    this.rejected.push(`${digest}: ${why}`);
  }

  put(digest: string, t: DocTokens): void {
    if (!this.dir) return;
    writeAtomic(join(this.dir, digest), gzipSync(JSON.stringify({ d: digest, w: t.words.join(FIELD), c: t.cuts }), { level: 1 }));
  }

  /** Removes the entries of `old` documents that are not `live` any more. */
  remove(old: ReadonlySet<string>, live: ReadonlySet<string>): void {
    if (!this.dir) return;
    for (const d of old) if (!live.has(d)) rmSync(join(this.dir, d), { force: true });
  }
}

/** The state file of the index in `out` (one per output directory, however its path is written). */
export const stateFile = (cacheDir: string, out: string): string => join(cacheDir, 'search-index', `state-${sha1(resolve(out)).slice(0, 12)}.json`);

/** The index state of `out`, if there is a valid one; `log` says why one present is not used. */
export function loadState(cacheDir: string, out: string, log: (s: string) => void = () => {}): BuildState | undefined {
  const f = stateFile(cacheDir, out);
  if (!existsSync(f)) return undefined;
  try {
    if (statSync(f).size > MAX_STATE_BYTES) throw new BadCacheEntry(`larger than ${MAX_STATE_BYTES} bytes`);
    return parseState(readFileSync(f, 'utf8'));
  } catch (e) {
    log(`search: cached index state ${f} not used: ${e instanceof Error ? e.message : String(e)}`);
    return undefined;
  }
}

export function saveState(cacheDir: string, out: string, s: BuildState): void {
  mkdirSync(join(cacheDir, 'search-index'), { recursive: true });
  writeAtomic(stateFile(cacheDir, out), JSON.stringify(s));
}
