/**
 * Search quality and cost benchmark (npm run bench:search).
 *
 * Builds the corpus index twice — our design (scripts/build-search.ts) and bare Pagefind on
 * the same records (one HTML page per document, lang="zh-CN", 文号 as weighted meta, queries as
 * typed) — each in a child process whose whole process tree is polled for peak RSS, then runs
 * ../shared/corpus/queries-dev.jsonl and N random Han substrings of bodies (fixed seed)
 * through engine.js in Node (fetch reading file: URLs) and prints per-kind quality, build
 * time, peak memory, index size and first-query bytes; writes the table into BENCHMARKS.md
 * under "## Search quality".
 *
 *   node scripts/bench/search-quality.ts [--corpus FILE] [--queries FILE] [--substrings 300]
 *       [--seed 7] [--no-bare] [--no-write] [--shard-size N] [--chunk-size N]
 *   node scripts/bench/search-quality.ts --scale 10000|50000 [--seed 7]   (build cost only)
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import os from 'node:os';
import { readRecords, corpusToRecord, type CorpusDoc } from './corpus-records.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const NODE = process.execPath;

// ---------- helpers ----------
export function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function treeRss(pid: number): number {
  let total = 0;
  const walk = (p: number) => {
    try {
      const st = readFileSync(`/proc/${p}/status`, 'utf8');
      const m = /VmRSS:\s+(\d+)/.exec(st);
      if (m) total += Number(m[1]) * 1024;
      for (const t of readdirSync(`/proc/${p}/task`)) {
        const ch = readFileSync(`/proc/${p}/task/${t}/children`, 'utf8').trim();
        if (ch) for (const c of ch.split(/\s+/)) walk(Number(c));
      }
    } catch {
      /* gone */
    }
  };
  walk(pid);
  return total;
}

/** Runs a command, returning wall seconds and the peak RSS of its whole process tree. */
export function runMeasured(args: string[], env: Record<string, string> = {}): Promise<{ seconds: number; peak: number; stdout: string }> {
  return new Promise((res, rej) => {
    const t0 = Date.now();
    const child = spawn(NODE, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    let peak = 0;
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    const timer = setInterval(() => (peak = Math.max(peak, treeRss(child.pid!))), 200);
    child.on('exit', (code) => {
      clearInterval(timer);
      if (code !== 0) rej(new Error(`${args.join(' ')} exited ${code}`));
      else res({ seconds: (Date.now() - t0) / 1000, peak, stdout: out });
    });
  });
}

function dirBytes(dir: string): number {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) if (e.isFile()) n += statSync(join(e.parentPath, e.name)).size;
  return n;
}

/** fragment id → url, read from a bundle's fragment files */
function fragmentUrls(bundle: string): Map<string, string> {
  const m = new Map<string, string>();
  const dir = join(bundle, 'fragment');
  for (const f of readdirSync(dir)) {
    const j = JSON.parse(gunzipSync(readFileSync(join(dir, f))).subarray(12).toString('utf8'));
    m.set(f.replace(/\.pf_fragment$/, ''), j.url);
  }
  return m;
}
const idOfUrl = (u: string) => /policies\/([^/]+)\/?$/.exec(u)?.[1] ?? u;

// ---------- bare Pagefind ----------
function esc(s: string) {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}
async function bareBuild(recordsFile: string, out: string) {
  const records = await readRecords(recordsFile);
  const pagefind = await import('pagefind');
  const { index } = await pagefind.createIndex({});
  if (!index) throw new Error('createIndex failed');
  const B = 32;
  for (let i = 0; i < records.length; i += B) {
    await Promise.all(
      records.slice(i, i + B).map((r) => {
        const filters = Object.entries(r.filters).flatMap(([k, vs]) => (vs ?? []).map((v) => `<span data-pagefind-filter="${k}">${esc(v)}</span>`)).join('');
        const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(r.title)}</title></head><body><main data-pagefind-body>
<h1>${esc(r.title)}</h1>${r.docNumber ? `<p data-pagefind-weight="5" data-pagefind-meta="docNumber">${esc(r.docNumber)}</p>` : ''}
${r.published ? `<span data-pagefind-sort="published" data-pagefind-meta="published">${r.published}</span>` : ''}<div hidden>${filters}</div>
${r.body.split('\n').map((p) => `<p>${esc(p)}</p>`).join('\n')}</main></body></html>`;
        return index.addHTMLFile({ url: '/' + r.path, content: html });
      }),
    );
  }
  await index.writeFiles({ outputPath: join(out, 'pagefind') });
  await pagefind.close();
}

// ---------- fetch counting (file: URLs) ----------
async function withCounting() {
  const { installFileFetch } = await import('../../test/search/helpers.ts');
  return installFileFetch();
}

function withDocLang<T>(lang: string, fn: () => T): T {
  Object.defineProperty(globalThis, 'document', {
    configurable: true,
    writable: true,
    value: { querySelector: (s: string) => (s === 'html' ? { getAttribute: () => lang } : null) },
  });
  try {
    return fn();
  } finally {
    delete (globalThis as { document?: unknown }).document;
  }
}

interface Query {
  query: string;
  kind: string;
  expect: string[];
  /** substring: the document it was cut from */
  source?: string;
}

interface Searcher {
  /** ranked document ids (all) and a first-query byte count when fresh */
  run(q: string): Promise<string[]>;
}

export async function ourSearcher(out: string): Promise<Searcher> {
  const { loadEngine, bundleDir } = await import('../../test/search/helpers.ts');
  const e = await loadEngine(out);
  const urls = fragmentUrls(bundleDir(out));
  return {
    async run(q) {
      const r = await e.search(q, { limit: 10, debug: true });
      return (r.ids ?? []).map((id) => idOfUrl(urls.get(id) ?? id));
    },
  };
}

async function bareSearcher(out: string): Promise<Searcher & { fresh(): Promise<{ search(q: string): Promise<unknown> }> }> {
  const urls = fragmentUrls(join(out, 'pagefind'));
  const base = pathToFileURL(join(out, 'pagefind') + '/').href;
  const pf = await import(base + 'pagefind.js');
  const make = () => withDocLang('zh-cn', () => pf.createInstance({ basePath: base, noWorker: true }));
  const inst = make();
  await inst.init();
  return {
    async run(q) {
      const r = await inst.search(q, {});
      return r.results.map((x: { id: string }) => idOfUrl(urls.get(x.id) ?? x.id));
    },
    async fresh() {
      const i = make();
      await i.init();
      return {
        async search(q: string) {
          const r = await i.search(q, {});
          await Promise.all(r.results.slice(0, 10).map((x: { data: () => Promise<unknown> }) => x.data()));
          return r;
        },
      };
    },
  };
}

export function makeSubstrings(docs: CorpusDoc[], n: number, seed: number): Query[] {
  const rnd = mulberry32(seed);
  const out: Query[] = [];
  const han = /^\p{Script=Han}+$/u;
  while (out.length < n) {
    const d = docs[Math.floor(rnd() * docs.length)]!;
    const len = 2 + Math.floor(rnd() * 7);
    const chars = [...d.body];
    if (chars.length < len) continue;
    const at = Math.floor(rnd() * (chars.length - len));
    const s = chars.slice(at, at + len).join('');
    if (!han.test(s)) continue;
    const expect = docs.filter((x) => x.body.includes(s) || x.title.includes(s)).map((x) => x.id);
    out.push({ query: s, kind: 'substring', expect, source: d.id });
  }
  return out;
}

interface Row {
  kind: string;
  n: number;
  p1: number;
  hit5: number;
  r10: number;
  found: number;
  top10: number;
}

export async function evaluate(s: Searcher, queries: Query[]): Promise<{ rows: Row[]; misses: string[] }> {
  const by = new Map<string, Row>();
  const misses: string[] = [];
  for (const q of queries) {
    const ids = await s.run(q.query);
    const row = by.get(q.kind) ?? { kind: q.kind, n: 0, p1: 0, hit5: 0, r10: 0, found: 0, top10: 0 };
    by.set(q.kind, row);
    row.n++;
    const exp = new Set(q.expect);
    const top = ids.slice(0, 10);
    if (q.kind === 'substring') {
      const found = ids.includes(q.source!);
      const want = Math.min(10, exp.size);
      const ok10 = top.includes(q.source!) || top.slice(0, want).filter((id) => exp.has(id)).length === want;
      if (found) row.found++;
      if (ok10) row.top10++;
      if (!found || !ok10) misses.push(`substring ${q.query} (${q.source}, ${exp.size} docs): found=${found} top10=${ok10}`);
      if (exp.has(ids[0]!)) row.p1++;
      continue;
    }
    if (exp.has(ids[0]!)) row.p1++;
    else misses.push(`${q.kind} ${q.query}: top1 ${ids[0]} expected ${q.expect.slice(0, 3).join(',')}`);
    if (ids.slice(0, 5).some((id) => exp.has(id))) row.hit5++;
    if (ids.some((id) => exp.has(id))) row.found++;
    row.r10 += top.filter((id) => exp.has(id)).length / Math.min(10, exp.size);
  }
  return { rows: [...by.values()], misses };
}

async function firstQueryBytes(queries: string[], fresh: () => Promise<{ search(q: string): Promise<unknown> }>, staticBytes: number) {
  const log = await withCounting();
  const sizes: number[] = [];
  for (const q of queries) {
    const e = await (async () => {
      log.reset();
      return fresh();
    })();
    await e.search(q);
    sizes.push(log.bytes() + staticBytes);
  }
  sizes.sort((a, b) => a - b);
  return { median: sizes[Math.floor(sizes.length / 2)]!, max: sizes.at(-1)!, min: sizes[0]! };
}

const kib = (n: number) => `${(n / 1024).toFixed(0)} KiB`;
const gib = (n: number) => `${(n / 1024 ** 3).toFixed(2)} GiB`;
const pct = (a: number, n: number) => (n ? `${((100 * a) / n).toFixed(0)}%` : '–');

// ---------- scale mode ----------
async function scaleCorpus(docs: CorpusDoc[], n: number, seed: number, file: string) {
  const gen = join(ROOT, 'scripts/bench/generate.ts');
  if (existsSync(gen)) {
    const dir = join(dirname(file), `gen-${n}-${seed}`);
    if (!existsSync(join(dir, 'policies.jsonl'))) await runMeasured([gen, '--count', String(n), '--out', dir, '--format', 'jsonl', '--seed', String(seed)]);
    return join(dir, 'policies.jsonl');
  }
  // minimal recombiner: documents of real paragraphs, sized like corpus documents
  const rnd = mulberry32(seed);
  const paras = docs.flatMap((d) => d.body.split('\n').filter((p) => p.length > 20));
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const model = docs[Math.floor(rnd() * docs.length)]!;
    let body = '';
    while (body.length < model.body.length) body += (body ? '\n' : '') + paras[Math.floor(rnd() * paras.length)];
    const r = corpusToRecord({ ...model, id: `gen-${i}`, body, docNumber: model.docNumber ? model.docNumber.replace(/\d+号/, `${i}号`) : null });
    lines.push(JSON.stringify(r));
  }
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

async function main() {
  const { values } = parseArgs({
    options: {
      corpus: { type: 'string', default: resolve(ROOT, '../shared/corpus/policies.jsonl') },
      queries: { type: 'string', default: resolve(ROOT, '../shared/corpus/queries-dev.jsonl') },
      substrings: { type: 'string', default: '300' },
      seed: { type: 'string', default: '7' },
      'no-bare': { type: 'boolean' },
      'no-write': { type: 'boolean' },
      scale: { type: 'string' },
      'shard-size': { type: 'string' },
      'chunk-size': { type: 'string' },
      'bare-build': { type: 'string' },
      out: { type: 'string' },
    },
  });
  if (values['bare-build']) return bareBuild(values['bare-build'], values.out!);
  const work = join(ROOT, '.bench/search');
  mkdirSync(work, { recursive: true });
  const seed = Number(values.seed);
  const corpusDocs: CorpusDoc[] = readFileSync(values.corpus!, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  const buildArgs = (recs: string, out: string) => [
    join(ROOT, 'scripts/build-search.ts'), '--records', recs, '--out', out, '--quiet',
    ...(values['shard-size'] ? ['--shard-size', values['shard-size']] : []),
    ...(values['chunk-size'] ? ['--chunk-size', values['chunk-size']] : []),
  ];
  const machine = `${os.cpus().length} cores (${os.cpus()[0]?.model}), ${(os.totalmem() / 1024 ** 3).toFixed(0)} GiB RAM, Node ${process.version}, load average ${os.loadavg()[0]!.toFixed(1)} at start (other builds were running: times are wall-clock)`;

  if (values.scale) {
    const n = Number(values.scale);
    const recFile = join(work, `scale-${n}.jsonl`);
    const f = await scaleCorpus(corpusDocs, n, seed, recFile);
    const out = join(work, `scale-${n}`);
    const b = await runMeasured(buildArgs(f, out));
    const engineBytes = statSync(join(out, 'search/engine.js')).size;
    const { loadEngine } = await import('../../test/search/helpers.ts');
    const qs = ['银发〔2015〕305号', '个人住房贷款', '反洗钱', '最低生活保障标准', '物业专项维修资金'];
    const fq = await firstQueryBytes(qs, async () => {
      const e = await loadEngine(out);
      return { search: (q: string) => e.search(q, { limit: 10 }) };
    }, engineBytes);
    const line = `| ${n.toLocaleString('en')} | ${b.seconds.toFixed(0)} s | ${gib(b.peak)} | ${(dirBytes(join(out, 'search')) / 1024 ** 2).toFixed(0)} MiB | ${kib(fq.median)} (max ${kib(fq.max)}) |`;
    console.log(`scale ${n}: build ${b.seconds.toFixed(0)} s, peak ${gib(b.peak)}, first query median ${kib(fq.median)} max ${kib(fq.max)}`);
    writeFileSync(join(work, `scale-${n}.md`), line + '\n');
    return;
  }

  const recFile = join(work, 'corpus-records.jsonl');
  writeFileSync(recFile, corpusDocs.map((d) => JSON.stringify(corpusToRecord(d))).join('\n') + '\n');
  const dev: Query[] = readFileSync(values.queries!, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  const subs = makeSubstrings(corpusDocs, Number(values.substrings), seed);
  const all = [...dev, ...subs];

  const ours = join(work, 'ours');
  console.log(`building ours over ${corpusDocs.length} documents…`);
  const ob = await runMeasured(buildArgs(recFile, ours));
  console.log(`  ${ob.seconds.toFixed(1)} s, peak ${gib(ob.peak)}`);
  const os_ = await ourSearcher(ours);
  const t0 = Date.now();
  const oq = await evaluate(os_, all);
  const oMs = (Date.now() - t0) / all.length;
  const { loadEngine } = await import('../../test/search/helpers.ts');
  const ourStatic = statSync(join(ours, 'search/engine.js')).size;
  const fqQueries = [...dev.map((q) => q.query), ...subs.slice(0, 20).map((q) => q.query)];
  const ofq = await firstQueryBytes(fqQueries, async () => {
    const e = await loadEngine(ours);
    return { search: (q: string) => e.search(q, { limit: 10 }) };
  }, ourStatic);

  let bare: { b: { seconds: number; peak: number }; q: { rows: Row[]; misses: string[] }; fq: { median: number; max: number }; size: number } | null = null;
  if (!values['no-bare']) {
    const bdir = join(work, 'bare');
    console.log('building bare Pagefind…');
    const bb = await runMeasured([fileURLToPath(import.meta.url), '--bare-build', recFile, '--out', bdir]);
    console.log(`  ${bb.seconds.toFixed(1)} s, peak ${gib(bb.peak)}`);
    const bs = await bareSearcher(bdir);
    const bq = await evaluate(bs, all);
    const bfq = await firstQueryBytes(fqQueries, () => bs.fresh(), statSync(join(bdir, 'pagefind/pagefind.js')).size);
    bare = { b: bb, q: bq, fq: bfq, size: dirBytes(join(bdir, 'pagefind')) };
  }

  const get = (rows: Row[], k: string) => rows.find((r) => r.kind === k) ?? { kind: k, n: 0, p1: 0, hit5: 0, r10: 0, found: 0, top10: 0 };
  const table: string[] = [];
  table.push(`| metric | goal | ours | bare Pagefind |`, `|---|---|---|---|`);
  const both = (f: (rows: Row[]) => string) => `${f(oq.rows)} | ${bare ? f(bare.q.rows) : '–'}`;
  const kindRow = (k: string, label: string, goal: string, f: (r: Row) => string) => table.push(`| ${label} (${get(oq.rows, k).n}) | ${goal} | ${both((rows) => f(get(rows, k)))} |`);
  kindRow('docNumber', '文号 P@1', '100%', (r) => pct(r.p1, r.n));
  kindRow('phrase', 'phrase P@1', '≥ 95%', (r) => pct(r.p1, r.n));
  kindRow('topic', 'topic hit@5', '≥ 95%', (r) => pct(r.hit5, r.n));
  kindRow('docNumber', '文号 recall@10', '–', (r) => pct(r.r10, r.n));
  kindRow('phrase', 'phrase recall@10', '–', (r) => pct(r.r10, r.n));
  kindRow('topic', 'topic P@1 / recall@10', '–', (r) => `${pct(r.p1, r.n)} / ${pct(r.r10, r.n)}`);
  table.push(`| substring found anywhere (${subs.length}, seed ${seed}) | 100% | ${both((r) => pct(get(r, 'substring').found, get(r, 'substring').n))} |`);
  table.push(`| substring in top 10¹ | ≥ 95% | ${both((r) => pct(get(r, 'substring').top10, get(r, 'substring').n))} |`);
  table.push(`| substring P@1 (top result contains it) | – | ${both((r) => pct(get(r, 'substring').p1, get(r, 'substring').n))} |`);
  table.push(`| build time | – | ${ob.seconds.toFixed(0)} s | ${bare ? bare.b.seconds.toFixed(0) + ' s' : '–'} |`);
  table.push(`| build peak RSS (process tree) | – | ${gib(ob.peak)} | ${bare ? gib(bare.b.peak) : '–'} |`);
  table.push(`| index size on disk | – | ${(dirBytes(join(ours, 'search')) / 1024 ** 2).toFixed(0)} MiB | ${bare ? (bare.size / 1024 ** 2).toFixed(0) + ' MiB' : '–'} |`);
  table.push(`| first query, median (max) of ${fqQueries.length}² | ≤ 300 KB | ${kib(ofq.median)} (${kib(ofq.max)}) | ${bare ? `${kib(bare.fq.median)} (${kib(bare.fq.max)})` : '–'} |`);
  table.push(`| warm query time (Node, mean) | – | ${oMs.toFixed(0)} ms | – |`);
  const text = table.join('\n');
  console.log('\n' + text + '\n');
  console.log('misses (ours):\n  ' + oq.misses.join('\n  '));
  writeFileSync(join(work, 'last-run.md'), `${text}\n\nmisses (ours):\n${oq.misses.join('\n')}\n\nmisses (bare):\n${bare?.q.misses.join('\n') ?? ''}\n`);
  if (!values['no-write']) writeBenchmarks(text, machine, process.argv.slice(2).join(' '));
}

const NOTES = `Design (ours): overlapping Han bigrams (+ the run-final character), inverted by the project's own
writer (scripts/lib/search-index/, no Pagefind at build or query time; docs/search.md); title + 文号 at word positions 0–127, body from 128, at most 48 positions per
token and document (the cap costs little: 22.3 M posting units at cap 12, ~25 M at 48, 26.4 M uncapped, and a
low cap made phrases unverifiable: both earlier misses); each query token searched on its own and combined in
engine.js: tiers 文号 > title phrase > phrase > all words in title > BM25 + 4 × title IDF + phrase bonus,
times coverage²; a token that reached the cap in a document is a wildcard for phrase checks. The writer inverts
parts of ≤ 2,000 records into word-sorted runs (memory bound); a streaming k-way merge of the runs writes ONE
index per language in our own layout (src/lib/search/postings.ts), which engine.js reads without pagefind.js or
WebAssembly: posting chunks (per page a length code, page and position deltas), found through a two-level
directory (the manifest holds the first word of every 128 chunks, a small directory file per group), page ids
computed from page numbers, one page list per filter value. A query therefore loads no table of all pages and
chunks (Pagefind's own metadata was 356 KB of a 756 KiB first query at 50,000 documents). Scoring replicates
pagefind_web's BM25 (k1 1.4, b 0.75, per-word IDF, extension length bonus). A word with more than 150,000
posting units (none at 4,000 documents; 323 at 50,000, such as 机构 and 信息) keeps its count, its title positions
and two body positions per page; a phrase check places it where those positions suffice and otherwise only needs
it present (as for the 48-position cap), which took 个人信息保护 from 1.5 MB to 0.6 MB at 50,000. 文号 decoration
(第, 号) is not looked up. No query loads pagefind.js or WebAssembly, so a warm query takes ~14 ms instead of ~150. The body is stored in 600-token
sections (the fragment holds the first) so a result loads only the section it matched in. 文号 lookups in
hashed bucket files; Mongolian pages in their own index, folded with src/lib/mongolian/fold.ts on both sides.

Bare Pagefind: the same records as one HTML page each (lang="zh-CN", 文号 as a weighted meta paragraph),
queries exactly as typed, Pagefind's own segmentation and ranking.
`;

function writeBenchmarks(table: string, machine: string, args: string) {
  const file = join(ROOT, 'BENCHMARKS.md');
  let doc = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const work = join(ROOT, '.bench/search');
  const scale = [10000, 50000].map((n) => join(work, `scale-${n}.md`)).filter((f) => existsSync(f)).map((f) => readFileSync(f, 'utf8').trim());
  const scaleTable = scale.length
    ? `\nLarger libraries (scripts/bench/generate.ts --format jsonl, real paragraphs recombined; ours only; \`npm run bench:search -- --scale N\`):\n\n| documents | build | peak RSS (tree) | index size | first query median (max) of 5 |\n|---|---|---|---|---|\n${scale.join('\n')}\n`
    : '';
  const section = `## Search quality\n\nCommand: \`npm run bench:search${args ? ' -- ' + args : ''}\` on ${machine}, ${new Date().toISOString().slice(0, 10)}. Both columns are measured in the same run on the same records.\n\n${table}\n\n¹ the source document in the top 10, or the top 10 all contain the substring (when more than 10 documents do).\n² bytes of every file fetched for one query in a fresh engine: engine.js, manifest, index directory files and chunks, filter lists, 文号 bucket, the fragments (and text sections) of the first 10 results; bare Pagefind: pagefind.js, wasm, entry, meta, chunks and its 10 fragments.\n${scaleTable}\n${NOTES}`;
  const re = /## Search quality\n[\s\S]*?(?=\n## |$)/;
  doc = re.test(doc) ? doc.replace(re, section.trimEnd() + '\n') : doc.trimEnd() + '\n\n' + section;
  writeFileSync(file, doc);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
