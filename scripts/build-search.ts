/**
 * Builds the 一网通查 search bundle into <out>/search/ (docs/search.md has the format and why the
 * index is the project's own):
 *   search/engine.js                      the query engine (src/search/engine.ts, bundled)
 *   search/manifest.json                  format and version, languages, layout constants, 文号
 *                                         bucket counts, agencies, and `bundle`: the directory
 *                                         below (short cache: it says which build is current)
 *   search/sites.json                     this site (id, name, level, region, url, documents,
 *                                         languages, build time) and its federation peers
 *   search/pagefind/<generation>/         everything else (long cache): posting chunks, their
 *                                         directory, filter page lists, sort, 文号 named by a hash
 *                                         of their bytes; fragments and text sections by page id
 *
 * Records are tokenized with src/lib/search (overlapping Han bigrams; Mongolian folded with
 * src/lib/mongolian/fold.ts) and inverted here, in Node, by scripts/lib/search-index/: parts of
 * at most --shard-size records are inverted in memory and written as word-sorted runs to temp
 * files, then a streaming k-way merge writes ONE index per language. Pagefind is not used (it
 * stays the benchmark baseline, scripts/bench/). With a cache directory (--cache-dir, else
 * $PORTAL_CACHE_DIR, else node_modules/.astro, as astro.config.mjs) the index is updated in
 * place: unchanged documents are not tokenized again, only files their changes touch are
 * written (docs/search.md). --full or PORTAL_FULL_BUILD=1 rebuilds everything. `astro build`
 * builds the index itself (src/integrations/search-index.ts); this CLI is for record files
 * (--records) and benchmarks.
 *
 * Usage: node scripts/build-search.ts [--out DIR] [--records FILE.jsonl] [--shard-size N]
 *        [--cap N] [--chunk-size N] [--cache-dir DIR | --no-cache] [--full] [--no-engine] [--quiet]
 *   out: --out, else $PORTAL_OUT_DIR, else dist. Records: --records (SearchRecord or corpus
 *   JSON lines), else loadSearchRecords() from src/content/records.ts. --shard-size: records
 *   per in-memory part (default 2000; memory grows with it, time barely changes).
 */
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { SearchRecord } from '../src/lib/search/record.ts';
import { buildSearch, type BuildOptions } from './lib/search-index/build.ts';

export { buildSearch, bundleEngine, type BuildOptions, type BuildResult } from './lib/search-index/build.ts';

async function main() {
  const { values } = parseArgs({
    options: {
      out: { type: 'string' },
      records: { type: 'string' },
      'shard-size': { type: 'string' },
      cap: { type: 'string' },
      'chunk-size': { type: 'string' },
      'no-engine': { type: 'boolean' },
      'cache-dir': { type: 'string' },
      'no-cache': { type: 'boolean' },
      full: { type: 'boolean' },
      quiet: { type: 'boolean' },
    },
  });
  const out = resolve(values.out ?? process.env.PORTAL_OUT_DIR ?? 'dist');
  let records: SearchRecord[];
  let site: BuildOptions['site'];
  if (values.records) {
    const { readRecords } = await import('./bench/corpus-records.ts');
    records = await readRecords(values.records);
  } else {
    ({ records, site } = await (await import('./lib/search-index/site-records.ts')).siteRecords());
  }
  const log = values.quiet ? () => {} : (s: string) => console.log(s);
  log(`search: indexing ${records.length} records into ${join(out, 'search')}`);
  const cacheDir = values['no-cache'] ? undefined : resolve(values['cache-dir'] ?? defaultCacheDir());
  const r = await buildSearch({
    out,
    records,
    log,
    engine: !values['no-engine'],
    full: values.full || process.env.PORTAL_FULL_BUILD === '1',
    ...(cacheDir ? { cacheDir } : {}),
    ...(site ? { site } : {}),
    ...(values['shard-size'] ? { shardSize: count('--shard-size', values['shard-size']) } : {}),
    ...(values.cap ? { cap: count('--cap', values.cap) } : {}),
    ...(values['chunk-size'] ? { chunkSize: count('--chunk-size', values['chunk-size']) } : {}),
  });
  log(`search: ${r.pages} records, ${r.shards} language index(es), ${(dirBytes(join(out, 'search')) / 1048576).toFixed(1)} MiB, ${r.seconds.toFixed(1)} s`);
}

/** Bytes of the files under `dir` (the CLI's summary; the build itself does not walk the bundle). */
function dirBytes(dir: string): number {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) if (e.isFile()) n += statSync(join(e.parentPath, e.name)).size;
  return n;
}

/** The build cache astro.config.mjs uses (PORTAL_CACHE_DIR, else node_modules/.astro). */
export const defaultCacheDir = (): string => process.env.PORTAL_CACHE_DIR || 'node_modules/.astro';

/** A positive whole number given for `name`, else an error naming it. */
function count(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`${name} ${JSON.stringify(value)}: expected a whole number ≥ 1`);
  return n;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e) => {
    console.error(`search: ${e instanceof Error ? e.message : e}`);
    process.exit(1);
  });
}
