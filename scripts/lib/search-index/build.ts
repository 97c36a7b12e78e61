/**
 * Writes the search bundle into <out>/search/ (docs/search.md has the format):
 *   engine.js, manifest.json, sites.json (stable names, short cache), and
 *   pagefind/<generation>/ (long cache): index/, dir/, filter/, sort/, docnum/ named by a hash
 *   of their bytes, fragment/ and text/ by page id.
 * With a cache directory the index is updated in place (./update.ts): only what the changed
 * documents touch is written, unreferenced files are pruned. The first build, a build with
 * `full`, one whose cache does not match the options, the writer or the files in <out>, and
 * every MAX_UPDATES-th build are full ones (./language.ts), in a new generation directory.
 * The directory keeps the name `pagefind/` from when Pagefind built the postings: deployments
 * cache it by that path (docs/deployment.md). Nothing here reads or runs Pagefind.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SearchRecord } from '../../../src/lib/search/record.ts';
import { DEFAULT_POSITION_CAP, SECTION_TOKENS } from '../../../src/lib/search/layout.ts';
import { SITES_FILE, sitesFile, type SiteInfo } from '../../../src/lib/search/federation.ts';
import { DIR_GROUP, THIN_CAP, THIN_UNITS, indexFiles, pageId } from '../../../src/lib/search/postings.ts';
import { INDEX_FORMAT, INDEX_VERSION, WRITER_REVISION } from '../../../src/lib/search/format.ts';
import { TokenCache, loadState, optionsKey, recordDigest, saveState, sha1, type BuildState, type LanguageState } from './cache.ts';
import { NeedsFullBuild } from './chunks.ts';
import { indexLanguage, indexTag, type Doc, type PageOptions } from './language.ts';
import { updateLanguage } from './update.ts';
import { BundleStore } from './store.ts';
import { writeManifest } from './manifest.ts';

export type { WrittenManifest } from './manifest.ts';
export { commonBigrams } from './manifest.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

export interface BuildOptions {
  out: string;
  records: SearchRecord[];
  /** records inverted in memory at a time (one sorted run each); bounds the build's memory */
  shardSize?: number;
  cap?: number;
  engine?: boolean;
  log?: (s: string) => void;
  /** index chunk size (posting units per chunk: positions + 2 per page) */
  chunkSize?: number;
  /** index chunks per directory file (tests use small groups) */
  dirGroup?: number;
  /** posting units above which a word keeps only THIN_CAP body positions per page */
  thinUnits?: number;
  /** writes search/sites.json: this site and the peers it searches with (issue 9) */
  site?: { info: SiteInfo; peers: SiteInfo[] };
  /** the build cache (token cache and index state); without it every build is a full one */
  cacheDir?: string;
  /** rebuild everything even when the cache could be used */
  full?: boolean;
}

export interface BuildResult {
  /** language indexes written */
  shards: number;
  pages: number;
  seconds: number;
  mode: 'full' | 'incremental';
  /** bundle files written, already present (unchanged), removed */
  written: number;
  kept: number;
  pruned: number;
  /** documents tokenized (not found in the token cache) */
  tokenized: number;
}

/** Default records per part: ~0.5 GiB of postings in memory at most (BENCHMARKS.md). */
export const DEFAULT_PART_SIZE = 2000;
/** incremental builds after which the next one is full (repacks chunks split by updates) */
export const MAX_UPDATES = 200;

interface Resolved extends PageOptions {
  out: string;
  searchDir: string;
  partSize: number;
  dirGroup: number;
  key: string;
  options: string;
}

function resolveOptions(opts: BuildOptions, log: (s: string) => void): Omit<Resolved, 'store' | 'tokens'> {
  const cap = opts.cap ?? DEFAULT_POSITION_CAP;
  const chunkSize = opts.chunkSize ?? 8000;
  const dirGroup = opts.dirGroup ?? DIR_GROUP;
  const thinUnits = opts.thinUnits ?? THIN_UNITS;
  const partSize = opts.shardSize ?? DEFAULT_PART_SIZE;
  for (const [name, n] of Object.entries({ shardSize: partSize, cap, chunkSize, dirGroup, thinUnits })) {
    if (!Number.isSafeInteger(n) || n < 1) throw new Error(`search index: ${name} ${n}: expected a whole number ≥ 1`);
  }
  const options = `${cap}|${chunkSize}|${thinUnits}|${THIN_CAP}|${dirGroup}|${SECTION_TOKENS}`;
  return { out: opts.out, searchDir: join(opts.out, 'search'), cap, chunkSize, dirGroup, thinUnits, partSize, sectionTokens: SECTION_TOKENS, log, options, key: optionsKey(options) };
}

export async function buildSearch(opts: BuildOptions): Promise<BuildResult> {
  const t0 = Date.now();
  const log = opts.log ?? (() => {});
  const base = resolveOptions(opts, log);
  const docs = documents(opts.records, base.key);
  const tokens = new TokenCache(opts.cacheDir);
  const prev = opts.cacheDir && !opts.full ? loadState(opts.cacheDir, opts.out, log) : undefined;
  const why = prev ? unusable(prev, base, docs) : opts.full ? 'full build asked for' : 'no cache';
  let built: Built | undefined;
  if (prev && !why) built = tryUpdate(prev, docs, { ...base, tokens, store: new BundleStore(join(base.searchDir, 'pagefind', prev.gen)) });
  else log(`search: full index build (${why})`);
  built ??= fullBuild(opts.records, docs, { ...base, tokens });
  const state = writeManifest(built, docs, base);
  if (opts.site) {
    const documents = Object.fromEntries([...docs].map(([l, d]) => [l, d.length]));
    writeFileSync(join(base.searchDir, SITES_FILE), JSON.stringify(sitesFile(opts.site.info, documents, opts.site.peers, new Date()), null, 1));
  }
  if (opts.engine !== false) await bundleEngine(join(base.searchDir, 'engine.js'));
  const pruned = built.store.prune(built.mode === 'incremental' && prev ? pageFilesOf(prev) : undefined);
  if (opts.cacheDir) {
    saveState(opts.cacheDir, opts.out, state);
    // only this output's dropped documents: other outputs may share the cache
    if (prev) tokens.remove(digestsOf(prev), digestsOf(state));
  }
  for (const r of tokens.rejected) log(`search: token cache entry not used, recomputed: ${r}`);
  log(`search: ${built.mode} build, ${built.store.written} files written, ${built.store.kept} unchanged, ${pruned} pruned; tokens ${tokens.hits} cached, ${tokens.misses} new`);
  return { shards: docs.size, pages: opts.records.length, seconds: (Date.now() - t0) / 1000, mode: built.mode, written: built.store.written, kept: built.store.kept, pruned, tokenized: tokens.misses };
}

/** The fragment and text files of every page of a state. */
function* pageFilesOf(s: BuildState): Generator<string> {
  for (const l of Object.values(s.languages)) {
    for (const p of l.pages) {
      const id = pageId(l.tag, p.page);
      yield indexFiles.fragment(id);
      for (let k = 1; k < p.sections; k++) yield indexFiles.text(id, k);
    }
  }
}

const digestsOf = (s: BuildState): Set<string> => new Set(Object.values(s.languages).flatMap((l) => l.pages.map((p) => p.digest)));

/** What a build made: the bundle's files and each language's state. */
export interface Built {
  mode: 'full' | 'incremental';
  store: BundleStore;
  gen: string;
  salt: string;
  updates: number;
  languages: Record<string, LanguageState>;
}

/** Records by language (first-seen order) with their digests; a path twice in a language is an error. */
function documents(records: readonly SearchRecord[], key: string): Map<string, Doc[]> {
  const m = new Map<string, Doc[]>();
  const seen = new Set<string>();
  for (const record of records) {
    const id = `${record.language}\n${record.path}`;
    if (seen.has(id)) throw new Error(`search index: record ${record.path} (${record.language}) appears twice; each page is indexed once`);
    seen.add(id);
    const d = { record, digest: recordDigest(record, key) };
    const l = m.get(record.language);
    if (l) l.push(d);
    else m.set(record.language, [d]);
  }
  return m;
}

/** Why the cached state cannot be updated in place ('' when it can). */
function unusable(prev: BuildState, o: Omit<Resolved, 'store' | 'tokens'>, docs: Map<string, Doc[]>): string {
  if (prev.key !== o.key) return 'writer or options changed';
  if (prev.updates >= MAX_UPDATES) return `${MAX_UPDATES} incremental builds since the last full one`;
  const langs = Object.keys(prev.languages);
  if (langs.length !== docs.size || !langs.every((l) => docs.has(l))) return 'languages changed';
  const manifest = join(o.searchDir, 'manifest.json');
  if (!existsSync(manifest) || sha1(readFileSync(manifest, 'utf8')) !== prev.manifest) return 'the index in the output directory is not the cached one';
  const bundle = join(o.searchDir, 'pagefind', prev.gen);
  for (const l of Object.values(prev.languages)) for (const c of l.chunks) if (!existsSync(join(bundle, 'index', `${c[3]}.pf_index`))) return 'index files missing';
  return '';
}

function tryUpdate(prev: BuildState, docs: Map<string, Doc[]>, o: Resolved): Built | undefined {
  const languages: Record<string, LanguageState> = {};
  try {
    for (const [lang, d] of docs) {
      const t = Date.now();
      const u = updateLanguage(d, prev.languages[lang]!, o);
      languages[lang] = u.state;
      o.log(`  ${lang}: ${u.added} page(s) added, ${u.removed} removed, ${u.rewritten} chunk(s) repacked in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    }
  } catch (e) {
    if (!(e instanceof NeedsFullBuild)) throw e;
    o.log(`search: full index build (${e.message})`);
    return undefined;
  }
  return { mode: 'incremental', store: o.store, gen: prev.gen, salt: prev.salt, updates: prev.updates + 1, languages };
}

function fullBuild(records: readonly SearchRecord[], docs: Map<string, Doc[]>, o: Omit<Resolved, 'store'>): Built {
  // a new generation directory: page ids restart, so no file of an earlier build may be read as this one's
  const gen = contentHash(records, o.options);
  const salt = parseInt(gen.slice(0, 6), 16).toString(36).padStart(2, '0').slice(-2);
  for (const generated of ['pagefind', 'docnum', 'text', 'sort', 'engine.js', 'manifest.json', SITES_FILE]) rmSync(join(o.searchDir, generated), { recursive: true, force: true });
  const store = new BundleStore(join(o.searchDir, 'pagefind', gen));
  const tmp = join(o.out, `.search-runs-${process.pid}`);
  const languages: Record<string, LanguageState> = {};
  try {
    for (const [lang, d] of docs) languages[lang] = indexLanguage(lang, d, indexTag(salt, lang), { ...o, store, tmp });
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return { mode: 'full', store, gen, salt, updates: 0, languages };
}

/** Hash of the format, the writer, the options that shape the files and every record (16 hex digits). */
export function contentHash(records: readonly SearchRecord[], options: string): string {
  const h = createHash('sha1');
  h.update(`${INDEX_FORMAT} ${INDEX_VERSION}|${WRITER_REVISION}|${options}\n`);
  for (const r of records) h.update(JSON.stringify(r) + '\n');
  return h.digest('hex').slice(0, 16);
}

/** Bundles src/search/engine.ts into one ES module (search/engine.js). */
export async function bundleEngine(outfile: string): Promise<void> {
  const esbuild = await import('esbuild');
  await esbuild.build({
    entryPoints: [join(ROOT, 'src/search/engine.ts')],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    minify: true,
    outfile,
    legalComments: 'none',
    logLevel: 'warning',
  });
}
