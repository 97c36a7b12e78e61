/**
 * Writes the search bundle into <out>/search/ (docs/search.md has the format):
 *   engine.js, manifest.json, sites.json (stable names, short cache), and
 *   pagefind/<build hash>/ (named by the format, the writer, the options and every record; long
 *   cache): index/, dir/, filter/, fragment/, text/, sort/, docnum/.
 * The directory keeps the name `pagefind/` from when Pagefind built the postings: deployments
 * cache it by that path (docs/deployment.md). Nothing here reads or runs Pagefind.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SearchRecord } from '../../../src/lib/search/record.ts';
import { DEFAULT_POSITION_CAP, SECTION_TOKENS, TITLE_SLOT, type SearchManifest } from '../../../src/lib/search/layout.ts';
import { SITES_FILE, sitesFile, type SiteInfo } from '../../../src/lib/search/federation.ts';
import { DIR_GROUP, THIN_CAP, THIN_UNITS } from '../../../src/lib/search/postings.ts';
import { INDEX_FORMAT, INDEX_VERSION, WRITER_REVISION } from '../../../src/lib/search/format.ts';
import { DocnumIndex } from './docnum.ts';
import { indexLanguage, type LanguageIndex } from './language.ts';

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
}

export interface BuildResult {
  /** language indexes written */
  shards: number;
  pages: number;
  seconds: number;
  bytes: number;
}

/** What manifest.json holds: SearchManifest plus the format name (src/lib/search/format.ts). */
export type WrittenManifest = SearchManifest & { format: string; agencies: string[] };

/** Default records per part: ~0.5 GiB of postings in memory at most (BENCHMARKS.md). */
export const DEFAULT_PART_SIZE = 2000;

export async function buildSearch(opts: BuildOptions): Promise<BuildResult> {
  const t0 = Date.now();
  const log = opts.log ?? (() => {});
  const cap = opts.cap ?? DEFAULT_POSITION_CAP;
  const chunkSize = opts.chunkSize ?? 8000;
  const dirGroup = opts.dirGroup ?? DIR_GROUP;
  const thinUnits = opts.thinUnits ?? THIN_UNITS;
  const partSize = opts.shardSize ?? DEFAULT_PART_SIZE;
  for (const [name, n] of Object.entries({ shardSize: partSize, cap, chunkSize, dirGroup, thinUnits })) {
    if (!Number.isSafeInteger(n) || n < 1) throw new Error(`search index: ${name} ${n}: expected a whole number ≥ 1`);
  }
  const searchDir = join(opts.out, 'search');
  // every file a query fetches by a page id or chunk number lives under a directory named by
  // the format, the writer, the options and the whole content, so a long-cached file of another
  // build (or of another writer) is never read as this one's
  const build = contentHash(opts.records, `${cap}|${chunkSize}|${thinUnits}|${THIN_CAP}|${dirGroup}`);
  const bundle = join(searchDir, 'pagefind', build);
  prepareDirs(searchDir, bundle);
  const tmp = join(opts.out, `.search-runs-${process.pid}`);
  const docnums = new DocnumIndex();
  const languages: WrittenManifest['languages'] = {};
  const common: LanguageIndex['common'][] = [];
  const salt = parseInt(build.slice(0, 6), 16).toString(36).padStart(2, '0').slice(-2);
  try {
    for (const [lang, recs] of byLanguage(opts.records)) {
      const ix = indexLanguage(lang, recs, { bundle, tmp, salt, partSize, cap, sectionTokens: SECTION_TOKENS, chunkSize, dirGroup, thinUnits, docnums, log });
      languages[lang] = { shards: [ix.shard], pages: recs.length };
      common.push(ix.common);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  const dn = docnums.write(bundle);
  const manifest: WrittenManifest = {
    format: INDEX_FORMAT,
    version: INDEX_VERSION,
    titleSlot: TITLE_SLOT,
    sectionTokens: SECTION_TOKENS,
    positionCap: cap,
    bundle: `pagefind/${build}/`,
    languages,
    docnum: { buckets: dn.buckets, dir: `pagefind/${build}/docnum/`, yearBuckets: dn.yearBuckets },
    common: commonBigrams(common),
    agencies: dn.agencies,
  };
  writeFileSync(join(searchDir, 'manifest.json'), JSON.stringify(manifest));
  if (opts.site) {
    const documents = Object.fromEntries(Object.entries(languages).map(([l, x]) => [l, x.pages]));
    writeFileSync(join(searchDir, SITES_FILE), JSON.stringify(sitesFile(opts.site.info, documents, opts.site.peers, new Date()), null, 1));
  }
  if (opts.engine !== false) await bundleEngine(join(searchDir, 'engine.js'));
  return { shards: Object.keys(languages).length, pages: opts.records.length, seconds: (Date.now() - t0) / 1000, bytes: dirSize(searchDir) };
}

/** Removes what an earlier build wrote (search/ also holds the search page: only ours). */
function prepareDirs(searchDir: string, bundle: string): void {
  for (const generated of ['pagefind', 'docnum', 'text', 'sort', 'engine.js', 'manifest.json', SITES_FILE]) {
    rmSync(join(searchDir, generated), { recursive: true, force: true });
  }
  for (const sub of ['index', 'dir', 'filter', 'fragment', 'text', 'sort', 'docnum']) mkdirSync(join(bundle, sub), { recursive: true });
}

/** Records by language, in first-seen language order. */
function byLanguage(records: readonly SearchRecord[]): Map<string, SearchRecord[]> {
  const m = new Map<string, SearchRecord[]>();
  for (const r of records) {
    const l = m.get(r.language);
    if (l) l.push(r);
    else m.set(r.language, [r]);
  }
  return m;
}

/** Han bigrams whose postings fill a chunk of their own (queries route around them when they
 * can): the 1,500 largest over all languages, concatenated in code unit order. */
export function commonBigrams(perLanguage: readonly Map<string, number>[]): string {
  const sum = new Map<string, number>();
  for (const m of perLanguage) for (const [w, n] of m) sum.set(w, (sum.get(w) ?? 0) + n);
  return [...sum].sort((a, b) => b[1] - a[1]).slice(0, 1500).map(([w]) => w).sort().join('');
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

function dirSize(dir: string): number {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) if (e.isFile()) n += statSync(join(e.parentPath, e.name)).size;
  return n;
}
