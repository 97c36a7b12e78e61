/**
 * Search quality and cost benchmark (npm run bench:search).
 *
 * Builds the corpus index twice — our design (scripts/build-search.ts) and bare Pagefind on
 * the same records (one HTML page per document, lang="zh-CN", 文号 as weighted meta, queries as
 * typed; scripts/bench/quality-searchers.ts) — each in a child process whose whole process tree
 * is sampled for peak RSS (scripts/bench/measure.ts), then runs ../shared/corpus/queries-dev.jsonl
 * and N random Han substrings of bodies (fixed seed; scripts/bench/quality-eval.ts) through
 * engine.js in Node (fetch reading file: URLs) and prints per-kind quality, build time, peak
 * memory, index size and first-query bytes; writes the table into BENCHMARKS.md under
 * "## Search quality".
 *
 *   node scripts/bench/search-quality.ts [--corpus FILE] [--queries FILE] [--substrings 300]
 *       [--seed 7] [--no-bare] [--no-write] [--shard-size N] [--chunk-size N]
 *   node scripts/bench/search-quality.ts --scale 10000|50000 [--seed 7]   (build cost only)
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import os from 'node:os';
import { corpusToRecord, type CorpusDoc } from './corpus-records.ts';
import { measure } from './measure.ts';
import { evaluate, makeSubstrings, type Query, type Row } from './quality-eval.ts';
import { bareBuild, bareSearcher, firstQueryBytes, ourSearcher } from './quality-searchers.ts';

export { evaluate, makeSubstrings, mulberry32 } from './quality-eval.ts';
export { ourSearcher } from './quality-searchers.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const NODE = process.execPath;
const USAGE = `usage: npm run bench:search -- [--corpus FILE] [--queries FILE] [--substrings 300] [--seed 7] [--no-bare]
       [--no-write] [--shard-size N] [--chunk-size N]
       npm run bench:search -- --scale 10000|50000 [--seed 7]   (ours only: build cost and first-query bytes)`;

/** Runs a Node script, returning wall seconds and the peak RSS of its whole process tree. */
export async function runMeasured(args: string[], env: Record<string, string> = {}): Promise<{ seconds: number; peak: number; stdout: string }> {
  const m = await measure(NODE, args, { ...process.env, ...env }, { cwd: ROOT, intervalMs: 200 });
  if (m.exitCode !== 0) throw new Error(`${args.join(' ')} exited ${m.exitCode}:\n${m.output.slice(-4000)}`);
  return { seconds: m.seconds, peak: m.peakBytes, stdout: m.output };
}

function dirBytes(dir: string): number {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) if (e.isFile()) n += statSync(join(e.parentPath, e.name)).size;
  return n;
}

const kib = (n: number) => `${(n / 1024).toFixed(0)} KiB`;
const gib = (n: number) => `${(n / 1024 ** 3).toFixed(2)} GiB`;
const pct = (a: number, n: number) => (n ? `${((100 * a) / n).toFixed(0)}%` : '–');

function options() {
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
      help: { type: 'boolean' },
    },
  });
  return values;
}
type Options = ReturnType<typeof options>;

const buildArgs = (o: Options, recs: string, out: string) => [
  join(ROOT, 'scripts/build-search.ts'), '--records', recs, '--out', out, '--quiet',
  ...(o['shard-size'] ? ['--shard-size', o['shard-size']] : []),
  ...(o['chunk-size'] ? ['--chunk-size', o['chunk-size']] : []),
];

const freshOurs = (out: string) => async () => {
  const { loadEngine } = await import('../../test/search/helpers.ts');
  const e = await loadEngine(out);
  return { search: (q: string) => e.search(q, { limit: 10 }) };
};

// ---------- scale mode ----------
/** n generated documents (scripts/bench/generate.ts, JSON lines), generated once per size and seed. */
async function scaleCorpus(n: number, seed: number, work: string): Promise<string> {
  const dir = join(work, `gen-${n}-${seed}`);
  if (!existsSync(join(dir, 'policies.jsonl'))) await runMeasured([join(ROOT, 'scripts/bench/generate.ts'), '--count', String(n), '--out', dir, '--format', 'jsonl', '--seed', String(seed)]);
  return join(dir, 'policies.jsonl');
}

async function runScale(o: Options, work: string): Promise<void> {
  const n = Number(o.scale);
  const f = await scaleCorpus(n, Number(o.seed), work);
  const out = join(work, `scale-${n}`);
  const b = await runMeasured(buildArgs(o, f, out));
  const qs = ['银发〔2015〕305号', '个人住房贷款', '反洗钱', '最低生活保障标准', '物业专项维修资金'];
  const fq = await firstQueryBytes(qs, freshOurs(out), statSync(join(out, 'search/engine.js')).size);
  const line = `| ${n.toLocaleString('en')} | ${b.seconds.toFixed(0)} s | ${gib(b.peak)} | ${(dirBytes(join(out, 'search')) / 1024 ** 2).toFixed(0)} MiB | ${kib(fq.median)} (max ${kib(fq.max)}) |`;
  console.log(`scale ${n}: build ${b.seconds.toFixed(0)} s, peak ${gib(b.peak)}, first query median ${kib(fq.median)} max ${kib(fq.max)}`);
  writeFileSync(join(work, `scale-${n}.md`), line + '\n');
}

// ---------- quality mode ----------
type Side = { b: { seconds: number; peak: number }; q: { rows: Row[]; misses: string[] }; fq: { median: number; max: number }; size: number };

async function runOurs(o: Options, recFile: string, work: string, all: Query[], fqQueries: string[]): Promise<Side & { msPerQuery: number }> {
  const ours = join(work, 'ours');
  console.log('building ours…');
  const b = await runMeasured(buildArgs(o, recFile, ours));
  console.log(`  ${b.seconds.toFixed(1)} s, peak ${gib(b.peak)}`);
  const searcher = await ourSearcher(ours);
  const t0 = Date.now();
  const q = await evaluate(searcher, all);
  const msPerQuery = (Date.now() - t0) / all.length;
  const fq = await firstQueryBytes(fqQueries, freshOurs(ours), statSync(join(ours, 'search/engine.js')).size);
  return { b, q, fq, size: dirBytes(join(ours, 'search')), msPerQuery };
}

async function runBare(recFile: string, work: string, all: Query[], fqQueries: string[]): Promise<Side> {
  const bdir = join(work, 'bare');
  console.log('building bare Pagefind…');
  const b = await runMeasured([fileURLToPath(import.meta.url), '--bare-build', recFile, '--out', bdir]);
  console.log(`  ${b.seconds.toFixed(1)} s, peak ${gib(b.peak)}`);
  const bs = await bareSearcher(bdir);
  const q = await evaluate(bs, all);
  const fq = await firstQueryBytes(fqQueries, () => bs.fresh(), statSync(join(bdir, 'pagefind/pagefind.js')).size);
  return { b, q, fq, size: dirBytes(join(bdir, 'pagefind')) };
}

function qualityTable(ours: Side & { msPerQuery: number }, bare: Side | null, substrings: number, seed: number, fqCount: number): string {
  const get = (rows: Row[], k: string) => rows.find((r) => r.kind === k) ?? { kind: k, n: 0, p1: 0, hit5: 0, r10: 0, found: 0, top10: 0 };
  const t: string[] = ['| metric | goal | ours | bare Pagefind |', '|---|---|---|---|'];
  const both = (f: (rows: Row[]) => string) => `${f(ours.q.rows)} | ${bare ? f(bare.q.rows) : '–'}`;
  const kindRow = (k: string, label: string, goal: string, f: (r: Row) => string) => t.push(`| ${label} (${get(ours.q.rows, k).n}) | ${goal} | ${both((rows) => f(get(rows, k)))} |`);
  const sub = (f: (r: Row) => number) => (rows: Row[]) => pct(f(get(rows, 'substring')), get(rows, 'substring').n);
  kindRow('docNumber', '文号 P@1', '100%', (r) => pct(r.p1, r.n));
  kindRow('phrase', 'phrase P@1', '≥ 95%', (r) => pct(r.p1, r.n));
  kindRow('topic', 'topic hit@5', '≥ 95%', (r) => pct(r.hit5, r.n));
  kindRow('docNumber', '文号 recall@10', '–', (r) => pct(r.r10, r.n));
  kindRow('phrase', 'phrase recall@10', '–', (r) => pct(r.r10, r.n));
  kindRow('topic', 'topic P@1 / recall@10', '–', (r) => `${pct(r.p1, r.n)} / ${pct(r.r10, r.n)}`);
  t.push(`| substring found anywhere (${substrings}, seed ${seed}) | 100% | ${both(sub((r) => r.found))} |`);
  t.push(`| substring in top 10¹ | ≥ 95% | ${both(sub((r) => r.top10))} |`);
  t.push(`| substring P@1 (top result contains it) | – | ${both(sub((r) => r.p1))} |`);
  t.push(`| build time | – | ${ours.b.seconds.toFixed(0)} s | ${bare ? bare.b.seconds.toFixed(0) + ' s' : '–'} |`);
  t.push(`| build peak RSS (process tree) | – | ${gib(ours.b.peak)} | ${bare ? gib(bare.b.peak) : '–'} |`);
  t.push(`| index size on disk | – | ${(ours.size / 1024 ** 2).toFixed(0)} MiB | ${bare ? (bare.size / 1024 ** 2).toFixed(0) + ' MiB' : '–'} |`);
  t.push(`| first query, median (max) of ${fqCount}² | ≤ 300 KB | ${kib(ours.fq.median)} (${kib(ours.fq.max)}) | ${bare ? `${kib(bare.fq.median)} (${kib(bare.fq.max)})` : '–'} |`);
  t.push(`| warm query time (Node, mean) | – | ${ours.msPerQuery.toFixed(0)} ms | – |`);
  return t.join('\n');
}

async function runQuality(o: Options, work: string): Promise<void> {
  const seed = Number(o.seed);
  const corpusDocs: CorpusDoc[] = readFileSync(o.corpus!, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  const machine = `${os.cpus().length} cores (${os.cpus()[0]?.model}), ${(os.totalmem() / 1024 ** 3).toFixed(0)} GiB RAM, Node ${process.version}, load average ${os.loadavg()[0]!.toFixed(1)} at start (other builds were running: times are wall-clock)`;
  const recFile = join(work, 'corpus-records.jsonl');
  writeFileSync(recFile, corpusDocs.map((d) => JSON.stringify(corpusToRecord(d))).join('\n') + '\n');
  const dev: Query[] = readFileSync(o.queries!, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  const subs = makeSubstrings(corpusDocs, Number(o.substrings), seed);
  const all = [...dev, ...subs];
  const fqQueries = [...dev.map((q) => q.query), ...subs.slice(0, 20).map((q) => q.query)];
  const ours = await runOurs(o, recFile, work, all, fqQueries);
  const bare = o['no-bare'] ? null : await runBare(recFile, work, all, fqQueries);
  const text = qualityTable(ours, bare, subs.length, seed, fqQueries.length);
  console.log('\n' + text + '\n');
  console.log('misses (ours):\n  ' + ours.q.misses.join('\n  '));
  writeFileSync(join(work, 'last-run.md'), `${text}\n\nmisses (ours):\n${ours.q.misses.join('\n')}\n\nmisses (bare):\n${bare?.q.misses.join('\n') ?? ''}\n`);
  if (!o['no-write']) writeBenchmarks(text, machine, process.argv.slice(2).join(' '));
}

async function main(): Promise<void> {
  const o = options();
  if (o.help) return console.log(USAGE);
  if (o['bare-build']) return bareBuild(o['bare-build'], o.out!);
  const work = join(ROOT, '.bench/search');
  mkdirSync(work, { recursive: true });
  return o.scale ? runScale(o, work) : runQuality(o, work);
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
