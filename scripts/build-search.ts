/**
 * Builds the 一网通查 search bundle into <out>/search/:
 *   search/engine.js                      the query engine (src/search/engine.ts, bundled)
 *   search/manifest.json                  languages, layout constants, 文号 bucket counts, agencies,
 *                                         and `bundle`: the directory below (short cache: it is
 *                                         the one file that says which build is current)
 *   search/sites.json                     this site (id, name, level, region, url, documents,
 *                                         languages, build time) and its federation peers
 *   search/pagefind/<build hash>/         everything else, named by layout and content (long cache):
 *     index/, dir/, filter/, fragment/    per language: posting chunks, their directory, page lists
 *                                         per filter value, fragments (src/lib/search/postings.ts)
 *     text/<page>.<k>                     body sections 1… of a page (section 0 is in its fragment)
 *     sort/s0-<lang>.json                 {ids, dates}: page ids by ascending publication date and
 *                                         the dates as [date, count] runs (sorting, federated merges)
 *     docnum/<n>.json, y<n>.json          exact 文号 lookup (机关代字+序号), near misses (机关代字+年)
 *
 * Records are tokenized into overlapping bigrams (src/lib/search; Mongolian with
 * src/lib/mongolian/fold.ts) and indexed by Pagefind as custom records under a non-segmenting
 * language code. Memory stays bounded: Pagefind indexes parts of at most --shard-size records
 * (by publication date), each built and closed before the next; a streaming k-way merge of the
 * parts' word-sorted chunks (page numbers offset) then writes ONE index per language in our own
 * posting layout, which the engine reads without pagefind.js: a query loads the manifest, one
 * small directory file and one chunk per token, whatever the library size. Fragments hold the
 * original text (readable excerpts) instead of the bigram stream.
 *
 * Usage: node scripts/build-search.ts [--out DIR] [--records FILE.jsonl] [--shard-size N]
 *        [--cap N] [--chunk-size N] [--no-engine] [--quiet]
 *   out: --out, else $PORTAL_OUT_DIR, else dist. Records: --records (SearchRecord or corpus
 *   JSON lines), else loadSearchRecords() from src/content/records.ts.
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import { createHash } from 'node:crypto';
import type { SearchRecord } from '../src/lib/search/record.ts';
import { DEFAULT_POSITION_CAP, TITLE_SLOT, SECTION_TOKENS, bodySections, docnumBucket, fnv1a, indexContent, shardLanguage, type SearchManifest } from '../src/lib/search/layout.ts';
import { docNumberKey, parseDocNumber } from '../src/lib/docnumber.ts';
import { decodeCbor, encodeCbor, type Cbor } from '../src/lib/search/cbor.ts';
import { SITES_FILE, sitesFile, type SiteInfo } from '../src/lib/search/federation.ts';
import { DIR_GROUP, THIN_CAP, THIN_UNITS, cmpWords, encodePostings, indexFiles, pageId } from '../src/lib/search/postings.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SIG = Buffer.from('pagefind_dcd');

export interface BuildOptions {
  out: string;
  records: SearchRecord[];
  shardSize?: number;
  cap?: number;
  engine?: boolean;
  log?: (s: string) => void;
  /** index chunk size (posting units per chunk, Pagefind's measure) */
  chunkSize?: number;
  /** index chunks per directory file (tests use small groups) */
  dirGroup?: number;
  /** posting units above which a word keeps only THIN_CAP body positions per page */
  thinUnits?: number;
  /** writes search/sites.json: this site and the peers it searches with (issue 9) */
  site?: { info: SiteInfo; peers: SiteInfo[] };
}

export interface BuildResult {
  shards: number;
  pages: number;
  seconds: number;
  bytes: number;
}

export async function buildSearch(opts: BuildOptions): Promise<BuildResult> {
  const t0 = Date.now();
  const log = opts.log ?? (() => {});
  const shardSize = opts.shardSize ?? 3000;
  const cap = opts.cap ?? DEFAULT_POSITION_CAP;
  const chunkSize = opts.chunkSize ?? 8000;
  process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = String(chunkSize);
  const units = new Map<string, number>();
  const searchDir = join(opts.out, 'search');
  // every file a query fetches by a page id or chunk number lives under a directory named by
  // the index layout and the whole content, so a long-cached file of another build (or of an
  // older layout) is never read as this one's
  const dirGroup = opts.dirGroup ?? DIR_GROUP;
  const thinUnits = opts.thinUnits ?? THIN_UNITS;
  const build = contentHash(opts.records, `${cap}|${chunkSize}|${thinUnits}|${THIN_CAP}|${dirGroup}`);
  const bundle = join(searchDir, 'pagefind', build);
  // search/ also holds the search page (search/index.html): remove only what this script writes.
  for (const generated of ['pagefind', 'docnum', 'text', 'sort', 'engine.js', 'manifest.json', SITES_FILE]) {
    await rm(join(searchDir, generated), { recursive: true, force: true });
  }
  await mkdir(bundle, { recursive: true });
  const pagefind = await import('pagefind');

  const manifest: SearchManifest & { agencies: string[] } = {
    version: 2,
    titleSlot: TITLE_SLOT,
    sectionTokens: SECTION_TOKENS,
    positionCap: cap,
    bundle: `pagefind/${build}/`,
    languages: {},
    docnum: { buckets: 1, dir: `pagefind/${build}/docnum/` },
    agencies: [],
  };
  const docnums: { key: string; id: string; docNumber: string; language: string }[] = [];
  const agencies = new Set<string>();

  const byLang = new Map<string, SearchRecord[]>();
  for (const r of opts.records) {
    const l = byLang.get(r.language) ?? [];
    l.push(r);
    byLang.set(r.language, l);
  }
  const salt = parseInt(build.slice(0, 6), 16).toString(36).padStart(2, '0').slice(-2);
  await mkdir(join(bundle, 'text'), { recursive: true });
  await mkdir(join(bundle, 'sort'), { recursive: true });
  for (const sub of ['index', 'dir', 'filter', 'fragment']) await mkdir(join(bundle, sub), { recursive: true });

  for (const [lang, recs] of byLang) {
    // date order: the page numbers follow publication date, shard after shard
    recs.sort((a, b) => (a.published ?? '').localeCompare(b.published ?? '') || a.path.localeCompare(b.path));
    const n = Math.max(1, Math.ceil(recs.length / shardSize));
    const per = Math.ceil(recs.length / n);
    const code = shardLanguage(lang, 0);
    // page ids are the tag and a base-36 number; `_` keeps a Mongolian id from equalling a
    // Chinese one (mn0 is Chinese page 29,340)
    const tag = `${salt}${lang === 'zh' ? '' : `_${lang}`}`;
    const parts: ShardOutput[] = [];
    let offset = 0;
    for (let s = 0; s < n; s++) {
      const part = recs.slice(s * per, (s + 1) * per);
      const ts = Date.now();
      const tmp = join(opts.out, `.search-shard-${lang}-${s}`);
      await rm(tmp, { recursive: true, force: true });
      const { index, errors } = await pagefind.createIndex({});
      if (!index) throw new Error(`pagefind createIndex failed: ${errors.join('; ')}`);
      const byUrl = new Map<string, SearchRecord>();
      const BATCH = 64;
      for (let i = 0; i < part.length; i += BATCH) {
        await Promise.all(
          part.slice(i, i + BATCH).map(async (r) => {
            const { content } = indexContent(r, cap, units);
            const url = '/' + r.path.replace(/^\/+/, '');
            byUrl.set(url, r);
            const filters: Record<string, string[]> = {};
            for (const [k, v] of Object.entries(r.filters)) if (v && v.length) filters[k] = v;
            const res = await index.addCustomRecord({
              url,
              content,
              language: code,
              meta: {},
              filters,
              sort: { published: r.published ?? '0000-00-00' },
            });
            if (res.errors.length) throw new Error(`pagefind: ${r.path}: ${res.errors.join('; ')}`);
          }),
        );
      }
      const w = await index.writeFiles({ outputPath: tmp });
      if (w.errors.length) throw new Error(`pagefind writeFiles: ${w.errors.join('; ')}`);
      await index.deleteIndex();
      await pagefind.close();

      const shardEntry = JSON.parse(await readFile(join(tmp, 'pagefind-entry.json'), 'utf8'));
      const le = shardEntry.languages[code];
      if (!le) throw new Error(`pagefind wrote no index for ${code}`);
      const meta = decodeCbor(gunzipSync(await readFile(join(tmp, `pagefind.${le.hash}.pf_meta`))).subarray(SIG.length)) as Cbor[][];
      const pages = meta[1] as Cbor[][];
      const localIds = new Map<string, number>();
      pages.forEach((pg, i) => localIds.set(pg[0] as string, i));
      const out: ShardOutput = {
        dir: tmp,
        offset,
        pages: pages.map((pg) => pg[1] as number),
        chunks: (meta[2] as Cbor[][]).map((c) => join(tmp, 'index', `${c[2]}.pf_index`)),
        filters: [],
        order: ((meta[4] as Cbor[][]).find((x) => x[0] === 'published')?.[1] ?? []) as number[],
      };
      for (const f of meta[3] as Cbor[][]) {
        const fc = decodeCbor(gunzipSync(await readFile(join(tmp, 'filter', `${f[1]}.pf_filter`))).subarray(SIG.length)) as Cbor[];
        out.filters.push([fc[0] as string, (fc[1] as Cbor[][]).map((v) => [v[0] as string, v[1] as number[]])]);
      }
      // fragments: our own (title, 文号, date, the body's first section), under the final page id
      for (const f of await readdir(join(tmp, 'fragment'))) {
        const local = localIds.get(f.replace(/\.pf_fragment$/, ''));
        if (local === undefined) throw new Error(`fragment ${f} is not in the metadata`);
        const id = pageId(tag, offset + local);
        const frag = JSON.parse(gunzipSync(await readFile(join(tmp, 'fragment', f))).subarray(SIG.length).toString('utf8'));
        const r = byUrl.get(frag.url);
        if (!r) throw new Error(`fragment ${f}: unknown url ${frag.url}`);
        const fmeta: Record<string, string> = { title: r.title };
        if (r.docNumber) fmeta.docNumber = r.docNumber;
        if (r.published) fmeta.published = r.published;
        // the body in sections of SECTION_TOKENS index positions: the fragment holds the first,
        // search/text/<id>.<k> the others (a result's excerpt needs only the section it matched in)
        const sections = bodySections(r.body, SECTION_TOKENS, r.language);
        const slim = { url: frag.url, content: sections[0] ?? '', sections: sections.length, filters: frag.filters, meta: fmeta };
        await writeFile(join(bundle, 'fragment', `${id}.pf_fragment`), gzipSync(Buffer.concat([SIG, Buffer.from(JSON.stringify(slim))]), { level: 9 }));
        for (let k = 1; k < sections.length; k++) await writeFile(join(bundle, 'text', `${id}.${k}`), gzipSync(Buffer.from(sections[k]!), { level: 9 }));
        if (r.docNumber) {
          const key = docNumberKey(r.docNumber);
          if (key) {
            docnums.push({ key, id, docNumber: r.docNumber, language: r.language });
            agencies.add(parseDocNumber(r.docNumber)!.agency);
          }
        }
      }
      parts.push(out);
      offset += pages.length;
      log(`  ${lang} part ${s + 1}/${n}: ${part.length} records in ${((Date.now() - ts) / 1000).toFixed(1)} s`);
    }
    // one index per language: the parts' postings merged word by word (page numbers offset)
    const tm = Date.now();
    // page ids follow publication date, so the k-th id in date order has the k-th date of recs
    const dates = recs.map((r) => r.published ?? '');
    const merged = await mergeParts(parts, { bundle, code, tag, chunkSize, dates, dirGroup, thinUnits });
    for (const p of parts) await rm(p.dir, { recursive: true, force: true });
    manifest.languages[lang] = {
      shards: [{ language: code, pages: recs.length, from: recs[0]?.published, to: recs.at(-1)?.published, tag, avgLength: Math.round(merged.avgLength * 10) / 10, groupSize: dirGroup, groups: merged.groups }],
      pages: recs.length,
    };
    log(`  ${lang}: merged ${parts.length} part(s) in ${((Date.now() - tm) / 1000).toFixed(1)} s`);
  }

  // 文号 lookup buckets (~48 entries each)
  const buckets = Math.max(1, Math.ceil(docnums.length / 48));
  manifest.docnum.buckets = buckets;
  manifest.agencies = [...agencies].sort();
  const entryOf = (d: (typeof docnums)[number]): string[] => (d.language === 'zh' ? [d.id, d.docNumber] : [d.id, d.docNumber, d.language]);
  const files: Record<string, string[][]>[] = Array.from({ length: buckets }, () => ({}));
  for (const d of docnums) {
    const b = files[docnumBucket(d.key, buckets)]!;
    (b[d.key] ??= []).push(entryOf(d));
  }
  // near-miss lookup (suggestions for a 文号 with a wrong serial): the same 机关代字 and year
  const yearBuckets = Math.max(1, Math.ceil(docnums.length / 64));
  manifest.docnum.yearBuckets = yearBuckets;
  const yfiles: Record<string, string[][]>[] = Array.from({ length: yearBuckets }, () => ({}));
  for (const d of docnums) {
    const [agency, year] = d.key.split('|');
    const ay = `${agency}|${year}`;
    (yfiles[fnv1a(ay) % yearBuckets]![ay] ??= []).push([d.key.split('|')[2]!, ...entryOf(d)]);
  }
  // bigrams whose postings fill a chunk of their own: queries route around them when they can
  manifest.common = [...units]
    .filter(([t, n]) => n > chunkSize && t.length === 2 && /^\p{Script=Han}{2}$/u.test(t))
    .sort((a, b) => b[1] - a[1])
    .slice(0, 1500)
    .map(([t]) => t)
    .sort()
    .join('');
  await mkdir(join(bundle, 'docnum'), { recursive: true });
  for (let i = 0; i < buckets; i++) await writeFile(join(bundle, 'docnum', `${i}.json`), JSON.stringify(files[i]));
  for (let i = 0; i < yearBuckets; i++) await writeFile(join(bundle, 'docnum', `y${i}.json`), JSON.stringify(yfiles[i]));
  await writeFile(join(searchDir, 'manifest.json'), JSON.stringify(manifest));
  if (opts.site) {
    const documents = Object.fromEntries([...byLang].map(([l, recs]) => [l, recs.length]));
    await writeFile(join(searchDir, SITES_FILE), JSON.stringify(sitesFile(opts.site.info, documents, opts.site.peers, new Date()), null, 1));
  }
  if (opts.engine !== false) await bundleEngine(join(searchDir, 'engine.js'));
  return { shards: byLang.size, pages: opts.records.length, seconds: (Date.now() - t0) / 1000, bytes: await dirSize(searchDir) };
}

interface ShardOutput {
  dir: string;
  /** page number of the part's first page in the merged index */
  offset: number;
  /** rounded word count per local page */
  pages: number[];
  /** index chunk files in word order */
  chunks: string[];
  filters: [string, [string, number[]][]][];
  /** local page numbers by ascending publication date */
  order: number[];
}

/** Hash of the index layout, the options that shape it and every record (16 hex digits). */
function contentHash(records: SearchRecord[], options: string): string {
  const h = createHash('sha1');
  h.update(`layout 2|${options}\n`);
  for (const r of records) h.update(JSON.stringify(r) + '\n');
  return h.digest('hex').slice(0, 16);
}


type Posting = [number, number[]];
type WordEntry = { word: string; pages: Posting[]; variants: [string, Posting[]][] };

/** Words of one part in order, page numbers made absolute and offset into the merged index. */
async function* partWords(p: ShardOutput): AsyncGenerator<WordEntry> {
  const abs = (pages: Cbor[][]): Posting[] => {
    let cum = 0;
    return pages.map((pg) => {
      cum += pg[0] as number;
      // Pagefind 1.6 stores each position as the difference to the previous one; negative
      // numbers are weight markers (custom records: one leading -25 for all words alike, so
      // dropping it leaves BM25 order unchanged)
      let at = 0;
      const locs = (pg[1] as number[]).filter((x) => x >= 0).map((d) => (at += d));
      return [cum + p.offset, locs];
    });
  };
  for (const file of p.chunks) {
    const c = decodeCbor(gunzipSync(await readFile(file)).subarray(SIG.length)) as Cbor[][];
    for (const w of c[0] as Cbor[][]) {
      yield { word: w[0] as string, pages: abs(w[1] as Cbor[][]), variants: ((w[2] as Cbor[][] | undefined) ?? []).map((v) => [v[0] as string, abs(v[1] as Cbor[][])]) };
    }
  }
}

/** a word's postings with those of its variant forms (Pagefind's diacritic forms) folded in */
function withVariants(pages: Posting[], variants: Iterable<Posting[]>): Posting[] {
  const m = new Map<number, Set<number>>();
  for (const list of [pages, ...variants]) for (const [n, locs] of list) {
    const s = m.get(n) ?? new Set<number>();
    for (const x of locs) s.add(x);
    m.set(n, s);
  }
  return [...m].sort((a, b) => a[0] - b[0]).map(([n, s]) => [n, [...s].sort((a, b) => a - b)]);
}

const gz = (v: Cbor | string) => gzipSync(typeof v === 'string' ? Buffer.from(v) : Buffer.from(encodeCbor(v)), { level: 9 });

interface MergedIndex {
  /** first word of every `dirGroup` chunks */
  groups: string[];
  avgLength: number;
}

/**
 * Merges the parts (Pagefind indexes of consecutive page ranges) into the posting files the
 * engine reads (src/lib/search/postings.ts): a k-way merge of their word-sorted chunks (one
 * chunk per part in memory), re-chunked by posting units like Pagefind does; the chunk
 * directory in groups; one page list per filter value; the publication order.
 */
async function mergeParts(parts: ShardOutput[], o: { bundle: string; code: string; tag: string; chunkSize: number; dates: string[]; dirGroup: number; thinUnits: number }): Promise<MergedIndex> {
  const lengths = parts.flatMap((p) => p.pages);
  const avgLength = lengths.reduce((a, b) => a + b, 0) / Math.max(1, lengths.length);
  const iters = parts.map((p) => partWords(p));
  const heads: (WordEntry | undefined)[] = [];
  for (const it of iters) heads.push((await it.next()).value || undefined);
  const chunks: [string, string, number][] = [];
  let cur: Cbor[] = [];
  let curUnits = 0;
  let first = '';
  let lastWord = '';
  const flush = async () => {
    if (!cur.length) return;
    const bytes = gz([cur]);
    await writeFile(join(o.bundle, indexFiles.chunk(o.tag, chunks.length)), bytes);
    chunks.push([first, lastWord, bytes.length]);
    cur = [];
    curUnits = 0;
  };
  for (;;) {
    let min: string | undefined;
    for (const h of heads) if (h && (min === undefined || cmpWords(h.word, min) < 0)) min = h.word;
    if (min === undefined) break;
    const pages: Posting[] = [];
    const variants: Posting[][] = [];
    for (let i = 0; i < heads.length; i++) {
      const h = heads[i];
      if (!h || h.word !== min) continue;
      pages.push(...h.pages);
      for (const [, ps] of h.variants) variants.push(ps);
      heads[i] = (await iters[i]!.next()).value || undefined;
    }
    const merged = variants.length ? withVariants(pages, variants) : pages;
    if (!cur.length) first = min;
    lastWord = min;
    // Pagefind's own measure (positions + 2 per page), so --chunk-size means what
    // PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE means
    const units = merged.reduce((a, p) => a + p[1].length + 2, 0);
    const thin = units > o.thinUnits ? { cap: THIN_CAP, titleSlot: TITLE_SLOT } : undefined;
    cur.push([min, encodePostings(merged.map(([page, positions]) => ({ page, length: lengths[page] ?? 0, positions })), thin)]);
    curUnits += units;
    if (curUnits >= o.chunkSize) await flush();
  }
  await flush();
  const groups: string[] = [];
  for (let g = 0; g * o.dirGroup < chunks.length; g++) {
    const span = chunks.slice(g * o.dirGroup, (g + 1) * o.dirGroup);
    groups.push(span[0]![0]);
    await writeFile(join(o.bundle, indexFiles.dir(o.tag, g)), gz(JSON.stringify(span)));
  }
  // filters: values' page lists concatenated (parts are consecutive page ranges); one file
  // per value, so a filter loads only the values asked for
  const filters = new Map<string, Map<string, number[]>>();
  for (const p of parts) {
    for (const [name, values] of p.filters) {
      const m = filters.get(name) ?? new Map<string, number[]>();
      filters.set(name, m);
      for (const [value, pages] of values) m.set(value, [...(m.get(value) ?? []), ...pages.map((x) => x + p.offset)]);
    }
  }
  const counts: Record<string, [string, number][]> = {};
  [...filters.keys()].sort(cmpWords).forEach((name) => {
    counts[name] = [...filters.get(name)!].sort((a, b) => cmpWords(a[0], b[0])).map(([v, pages]) => [v, pages.length]);
  });
  let fi = 0;
  for (const name of Object.keys(counts)) {
    const values = filters.get(name)!;
    for (const [j, [v]] of counts[name]!.entries()) {
      const pages = values.get(v)!.sort((a, b) => a - b);
      await writeFile(join(o.bundle, indexFiles.filter(o.tag, fi, j)), gz(pages.map((x, k) => (k ? x - pages[k - 1]! : x))));
    }
    fi++;
  }
  await writeFile(join(o.bundle, indexFiles.filterValues(o.tag)), JSON.stringify(counts));
  // publication order (ascending): its own file, loaded only to sort
  const order = parts.flatMap((p) => p.order.map((i) => pageId(o.tag, p.offset + i)));
  const runs: [string, number][] = [];
  for (const d of o.dates) {
    const last = runs.at(-1);
    if (last && last[0] === d) last[1]++;
    else runs.push([d, 1]);
  }
  await writeFile(join(o.bundle, 'sort', `${o.code}.json`), JSON.stringify({ ids: order, dates: runs }));
  return { groups, avgLength };
}

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

async function dirSize(dir: string): Promise<number> {
  let n = 0;
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) n += (await import('node:fs')).statSync(join(e.parentPath, e.name)).size;
  }
  return n;
}

async function main() {
  const { values } = parseArgs({
    options: {
      out: { type: 'string' },
      records: { type: 'string' },
      'shard-size': { type: 'string' },
      cap: { type: 'string' },
      'chunk-size': { type: 'string' },
      'no-engine': { type: 'boolean' },
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
    const mod = (await import('../src/content/records.ts')) as { loadSearchRecords: () => Promise<SearchRecord[]> };
    records = await mod.loadSearchRecords();
    const { getSite } = await import('../src/content/site.ts');
    const config = (await getSite()).site;
    // the site's public root: PORTAL_SITE_URL (as astro.config.mjs) + PORTAL_BASE
    const root = new URL((process.env.PORTAL_BASE || '/').replace(/^\/*/, '/'), process.env.PORTAL_SITE_URL || 'https://www.example.gov.cn').href;
    site = {
      info: { id: config.siteCode, name: config.name, level: config.level, region: config.region, url: root },
      peers: config.federation ?? [],
    };
  }
  const log = values.quiet ? () => {} : (s: string) => console.log(s);
  log(`search: indexing ${records.length} records into ${join(out, 'search')}`);
  const r = await buildSearch({
    out,
    records,
    log,
    engine: !values['no-engine'],
    ...(site ? { site } : {}),
    ...(values['shard-size'] ? { shardSize: Number(values['shard-size']) } : {}),
    ...(values.cap ? { cap: Number(values.cap) } : {}),
    ...(values['chunk-size'] ? { chunkSize: Number(values['chunk-size']) } : {}),
  });
  log(`search: ${r.pages} records, ${r.shards} language index(es), ${(r.bytes / 1048576).toFixed(1)} MiB, ${r.seconds.toFixed(1)} s`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e) => {
    console.error(`search: ${e instanceof Error ? e.message : e}`);
    process.exit(1);
  });
}
