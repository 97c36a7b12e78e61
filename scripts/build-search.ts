/**
 * Builds the 一网通查 search bundle into <out>/search/:
 *   search/engine.js                      the query engine (src/search/engine.ts, bundled)
 *   search/manifest.json                  shards, layout constants, 文号 bucket count, agencies
 *   search/pagefind/pagefind.js, wasm.unknown.pagefind, pagefind-entry.json (all shards)
 *   search/pagefind/pagefind.<shard>_<hash>.pf_meta, index/, filter/, fragment/
 *   search/docnum/<n>.json                exact 文号 lookup, hashed by 机关代字+序号
 *
 * Records are tokenized into overlapping bigrams (src/lib/search) and indexed by Pagefind as
 * custom records under a non-segmenting language code, one Pagefind index per shard of at
 * most --shard-size records (sorted by publication date), each built and closed before the next
 * so memory stays bounded. Fragments are rewritten to hold the original text (readable
 * excerpts) instead of the bigram stream.
 *
 * Usage: node scripts/build-search.ts [--out DIR] [--records FILE.jsonl] [--shard-size N]
 *        [--cap N] [--no-engine] [--quiet]
 *   out: --out, else $PORTAL_OUT_DIR, else dist. Records: --records (SearchRecord or corpus
 *   JSON lines), else loadSearchRecords() from src/content/records.ts.
 */
import { mkdir, readdir, readFile, rename, rm, writeFile, copyFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import type { SearchRecord } from '../src/lib/search/record.ts';
import { DEFAULT_POSITION_CAP, TITLE_SLOT, SECTION_TOKENS, bodySections, docnumBucket, fnv1a, indexContent, shardLanguage, type SearchManifest } from '../src/lib/search/layout.ts';
import { docNumberKey, parseDocNumber } from '../src/lib/docnumber.ts';
import { decodeCbor, encodeCbor, type Cbor } from '../src/lib/search/cbor.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SIG = Buffer.from('pagefind_dcd');

export interface BuildOptions {
  out: string;
  records: SearchRecord[];
  shardSize?: number;
  cap?: number;
  engine?: boolean;
  log?: (s: string) => void;
  /** Pagefind index chunk size (postings per chunk); smaller = less per query, bigger meta */
  chunkSize?: number;
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
  const shardSize = opts.shardSize ?? 4000;
  const cap = opts.cap ?? DEFAULT_POSITION_CAP;
  const chunkSize = opts.chunkSize ?? 8000;
  process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = String(chunkSize);
  const units = new Map<string, number>();
  const searchDir = join(opts.out, 'search');
  const bundle = join(searchDir, 'pagefind');
  // search/ also holds the search page (search/index.html): remove only what this script writes.
  for (const generated of ['pagefind', 'docnum', 'text', 'sort', 'engine.js', 'manifest.json']) {
    await rm(join(searchDir, generated), { recursive: true, force: true });
  }
  await mkdir(bundle, { recursive: true });
  const pagefind = await import('pagefind');

  const entry: { version: string; languages: Record<string, { hash: string; wasm: string | null; page_count: number }>; include_characters: string[] } = {
    version: '',
    languages: {},
    include_characters: [],
  };
  const manifest: SearchManifest & { agencies: string[] } = {
    version: 1,
    titleSlot: TITLE_SLOT,
    sectionTokens: SECTION_TOKENS,
    positionCap: cap,
    bundle: 'pagefind/',
    languages: {},
    docnum: { buckets: 1, dir: 'docnum/' },
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
  for (const [lang, recs] of byLang) {
    // date order: shards cover date ranges, so a date-sorted search walks shards in order
    recs.sort((a, b) => (a.published ?? '').localeCompare(b.published ?? '') || a.path.localeCompare(b.path));
    const n = Math.max(1, Math.ceil(recs.length / shardSize));
    const per = Math.ceil(recs.length / n);
    manifest.languages[lang] = { shards: [], pages: recs.length };
    for (let s = 0; s < n; s++) {
      const part = recs.slice(s * per, (s + 1) * per);
      const code = shardLanguage(lang, s);
      const ts = Date.now();
      const tmp = join(opts.out, `.search-shard-${code}`);
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

      // move this shard's files into the shared bundle directory
      const shardEntry = JSON.parse(await readFile(join(tmp, 'pagefind-entry.json'), 'utf8'));
      entry.version = shardEntry.version;
      const le = shardEntry.languages[code];
      if (!le) throw new Error(`pagefind wrote no index for ${code}`);
      entry.languages[code] = le;
      if (s === 0 && !existsSync(join(bundle, 'pagefind.js'))) {
        await copyFile(join(tmp, 'pagefind.js'), join(bundle, 'pagefind.js'));
        await copyFile(join(tmp, 'wasm.unknown.pagefind'), join(bundle, 'wasm.unknown.pagefind'));
      }
      // Rewrite Pagefind's metadata with short ids (its content hashes are most of the bytes
      // every first query loads): pages `<tag><n>`, index chunks and filters `<tag>i<n>` /
      // `<tag>f<n>`, tag = shard number + 2 characters of the shard's content hash (cache safety
      // across deploys); word counts rounded to ~6 % (BM25 length normalization only).
      const metaRaw = gunzipSync(await readFile(join(tmp, `pagefind.${le.hash}.pf_meta`))).subarray(SIG.length);
      const meta = decodeCbor(metaRaw) as Cbor[][];
      const tag = `${s.toString(36)}${le.hash.replace(/^.*_/, '').slice(0, 2)}`;
      const pageIds = new Map<string, string>();
      (meta[1] as Cbor[][]).forEach((pg, i) => {
        const id = `${tag}${i.toString(36)}`;
        pageIds.set(pg[0] as string, id);
        pg[0] = id;
        pg[1] = roundCount(pg[1] as number);
      });
      const renames: [string, string][] = [];
      (meta[2] as Cbor[][]).forEach((ch, i) => {
        const id = `${tag}i${i.toString(36)}`;
        renames.push([join('index', `${ch[2]}.pf_index`), join('index', `${id}.pf_index`)]);
        ch[2] = id;
      });
      (meta[3] as Cbor[][]).forEach((f, i) => {
        const id = `${tag}f${i.toString(36)}`;
        renames.push([join('filter', `${f[1]}.pf_filter`), join('filter', `${id}.pf_filter`)]);
        f[1] = id;
      });
      // the publication-date order moves to its own file, loaded only to sort (8 KB per 4,000
      // pages less in every first query)
      const sorts = meta[4] as Cbor[][];
      const order = (sorts.find((x) => x[0] === 'published')?.[1] ?? []) as number[];
      const pageList = meta[1] as Cbor[][];
      await mkdir(join(searchDir, 'sort'), { recursive: true });
      await writeFile(join(searchDir, 'sort', `${code}.json`), JSON.stringify(order.map((i) => pageList[i]![0])));
      meta[4] = [];
      const metaBytes = Buffer.concat([SIG, Buffer.from(encodeCbor(meta as Cbor))]);
      const metaHash = `${code}_${fnv1a(metaBytes.toString('latin1')).toString(16)}`;
      await writeFile(join(bundle, `pagefind.${metaHash}.pf_meta`), gzipSync(metaBytes, { level: 9 }));
      entry.languages[code] = { ...le, hash: metaHash };
      for (const sub of ['index', 'filter', 'fragment']) await mkdir(join(bundle, sub), { recursive: true });
      await mkdir(join(searchDir, 'text'), { recursive: true });
      for (const [from, to] of renames) {
        if (from.startsWith('index')) await writeFile(join(bundle, to), slimChunk(await readFile(join(tmp, from))));
        else await rename(join(tmp, from), join(bundle, to));
      }
      for (const f of await readdir(join(tmp, 'fragment'))) {
        const old = f.replace(/\.pf_fragment$/, '');
        const id = pageIds.get(old);
        if (!id) throw new Error(`fragment ${f} is not in the metadata`);
        const frag = JSON.parse(gunzipSync(await readFile(join(tmp, 'fragment', f))).subarray(SIG.length).toString('utf8'));
        const r = byUrl.get(frag.url);
        if (!r) throw new Error(`fragment ${f}: unknown url ${frag.url}`);
        const meta: Record<string, string> = { title: r.title };
        if (r.docNumber) meta.docNumber = r.docNumber;
        if (r.published) meta.published = r.published;
        // the body in sections of SECTION_TOKENS index positions: the fragment holds the first,
        // search/text/<id>.<k> the others (a result's excerpt needs only the section it matched in)
        const sections = bodySections(r.body, SECTION_TOKENS, r.language);
        const slim = { url: frag.url, content: sections[0] ?? '', sections: sections.length, filters: frag.filters, meta };
        await writeFile(join(bundle, 'fragment', `${id}.pf_fragment`), gzipSync(Buffer.concat([SIG, Buffer.from(JSON.stringify(slim))]), { level: 9 }));
        for (let k = 1; k < sections.length; k++) await writeFile(join(searchDir, 'text', `${id}.${k}`), gzipSync(Buffer.from(sections[k]!), { level: 9 }));
        if (r.docNumber) {
          const key = docNumberKey(r.docNumber);
          if (key) {
            docnums.push({ key, id, docNumber: r.docNumber, language: r.language });
            agencies.add(parseDocNumber(r.docNumber)!.agency);
          }
        }
      }
      await rm(tmp, { recursive: true, force: true });
      manifest.languages[lang]!.shards.push({ language: code, pages: part.length, from: part[0]?.published, to: part.at(-1)?.published });
      log(`  shard ${code}: ${part.length} records in ${((Date.now() - ts) / 1000).toFixed(1)} s`);
    }
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
    .slice(0, 4000)
    .map(([t]) => t)
    .sort()
    .join('');
  await mkdir(join(searchDir, 'docnum'), { recursive: true });
  for (let i = 0; i < buckets; i++) await writeFile(join(searchDir, 'docnum', `${i}.json`), JSON.stringify(files[i]));
  for (let i = 0; i < yearBuckets; i++) await writeFile(join(searchDir, 'docnum', `y${i}.json`), JSON.stringify(yfiles[i]));
  await writeFile(join(bundle, 'pagefind-entry.json'), JSON.stringify(entry));
  await writeFile(join(searchDir, 'manifest.json'), JSON.stringify(manifest));
  if (opts.engine !== false) await bundleEngine(join(searchDir, 'engine.js'));
  return { shards: Object.keys(entry.languages).length, pages: opts.records.length, seconds: (Date.now() - t0) / 1000, bytes: await dirSize(searchDir) };
}

/**
 * An index chunk without what custom records never use: the leading weight marker of every
 * page's positions (-25 → weight 24; without it pagefind_web uses 25 for every word alike,
 * so BM25 order is unchanged) and the empty meta-position list (optional in the decoder).
 * About a quarter of the chunk bytes every query token loads.
 */
function slimChunk(gz: Buffer): Buffer {
  const c = decodeCbor(gunzipSync(gz).subarray(SIG.length)) as Cbor[][];
  for (const w of c[0] as Cbor[][]) {
    for (const pages of [w[1] as Cbor[][], ...((w[2] as Cbor[][] | undefined) ?? []).map((v) => v[1] as Cbor[][])]) {
      for (let i = 0; i < pages.length; i++) {
        const p = pages[i]!;
        const locs = p[1] as number[];
        if (locs[0] === -25 && !locs.slice(1).some((x) => x < 0)) locs.shift();
        if (p.length === 3 && (p[2] as Cbor[]).length === 0) p.pop();
      }
    }
  }
  return gzipSync(Buffer.concat([SIG, Buffer.from(encodeCbor(c as Cbor))]), { level: 9 });
}

/** a word count rounded to its 4 leading bits (~6 %): compresses, BM25 barely notices */
function roundCount(n: number): number {
  if (n < 32) return n;
  const shift = Math.floor(Math.log2(n)) - 4;
  return Math.round(n / 2 ** shift) * 2 ** shift;
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
  if (values.records) {
    const { readRecords } = await import('./bench/corpus-records.ts');
    records = await readRecords(values.records);
  } else {
    const mod = (await import('../src/content/records.ts')) as { loadSearchRecords: () => Promise<SearchRecord[]> };
    records = await mod.loadSearchRecords();
  }
  const log = values.quiet ? () => {} : (s: string) => console.log(s);
  log(`search: indexing ${records.length} records into ${join(out, 'search')}`);
  const r = await buildSearch({
    out,
    records,
    log,
    engine: !values['no-engine'],
    ...(values['shard-size'] ? { shardSize: Number(values['shard-size']) } : {}),
    ...(values.cap ? { cap: Number(values.cap) } : {}),
    ...(values['chunk-size'] ? { chunkSize: Number(values['chunk-size']) } : {}),
  });
  log(`search: ${r.pages} records, ${r.shards} shard(s), ${(r.bytes / 1048576).toFixed(1)} MiB, ${r.seconds.toFixed(1)} s`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e) => {
    console.error(`search: ${e instanceof Error ? e.message : e}`);
    process.exit(1);
  });
}
