/**
 * npm run bench -- [--sizes 1000,10000] [--baseline-sizes 1000,10000] [--no-baseline] [--no-browser] [--keep]
 *
 * Build benchmark on recombined-real corpora (scripts/bench/generate.ts, paragraphs of
 * ../shared/corpus), beside the bare Astro + Pagefind baseline (scripts/bench/baseline.ts) in
 * the same run. Per size: our `npm run build` three times (full, nothing changed, one document
 * edited: scripts/bench/edit.ts, then checked searchable), the baseline's full build, sizes, the
 * bytes a first query downloads, and the time to the first result in Chromium
 * (scripts/bench/first-result.ts). Writes the tables into BENCHMARKS.md under "## Build".
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gib, measure, writeBenchmarkSection, type Measurement, type Phase } from './measure.ts';
import { writeBaselineProject } from './baseline.ts';
import { buildSection, type BaselineFigures, type OursFigures, type SizeRow } from './build-table.ts';
import { editOneDocument, editRank } from './edit.ts';
import { firstResults } from './first-result.ts';
import { median } from './stats.ts';
import type { Role } from './proc.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const WORK = join(ROOT, '.bench');
const SOURCE = join(ROOT, '../shared/corpus/policies.jsonl');
const QUERIES = ['政务公开', '银发〔2015〕305号', '反洗钱', '个人信息保护', '金融机构', '存款保险', '征信', '支付结算'];
const node = process.execPath;

const USAGE = `usage: npm run bench -- [options]
  --sizes 1000,10000           documents per corpus (default 1000,10000; 50000 is supported)
  --baseline-sizes 1000,10000  sizes at which the bare Astro + Pagefind baseline also builds (default: all);
                               its memory grows ~1.4 MB per document, so skip it at 50,000
  --no-baseline                ours only
  --no-browser                 skip the Chromium time-to-first-result (the Node first-query bytes remain)
  --keep                       keep .bench/out-N and .bench/baseline-out-N (the edited document is restored
                               and the site rebuilt to match the corpus)
  --help                       this text
Corpora are generated once into .bench/corpus-md-N (seed 42) and reused. Writes "## Build" in BENCHMARKS.md.`;

const ROLES_OURS: Role[] = [
  { name: 'astro', match: /\bastro(\.m?js)? build\b/ },
  { name: 'index', match: /scripts\/build-search\.ts/ },
];

/** the index built inside astro (src/integrations/search-index.ts) logs under its integration name */
const PHASES_OURS: Phase[] = [{ name: 'index', marker: /\[portal:search-index\]/ }];

function options() {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '1000,10000' },
      'baseline-sizes': { type: 'string' },
      'no-baseline': { type: 'boolean', default: false },
      'no-browser': { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const list = (s: string, flag: string) =>
    s.split(',').map((x) => {
      const n = Number(x);
      if (!Number.isInteger(n) || n < 1) throw new Error(`${flag}: "${x}" is not a document count (a positive integer, e.g. 1000,10000)`);
      return n;
    });
  const sizes = list(values.sizes, '--sizes');
  const baselineSizes = values['baseline-sizes'] ? list(values['baseline-sizes'], '--baseline-sizes') : sizes;
  return { sizes, baselineSizes: values['no-baseline'] ? [] : baselineSizes, noBaseline: values['no-baseline'], browser: !values['no-browser'], keep: values.keep };
}
type Options = ReturnType<typeof options>;

function dirSize(dir: string): number {
  if (!existsSync(dir)) return 0;
  let total = 0;
  for (const name of readdirSync(dir)) {
    const s = statSync(join(dir, name));
    total += s.isDirectory() ? dirSize(join(dir, name)) : s.size;
  }
  return total;
}

/** Our index lives in <out>/search/ beside the search page, which is left out of the figure. */
const indexSize = (outDir: string) => dirSize(join(outDir, 'search')) - statSync(join(outDir, 'search/index.html')).size;

function ensureCorpus(size: number): string {
  const corpus = join(WORK, `corpus-md-${size}`);
  if (!existsSync(join(corpus, 'site.yaml'))) {
    console.log(`生成 ${size} 篇… generating ${size} documents`);
    execFileSync(node, ['scripts/bench/generate.ts', '--count', String(size), '--out', corpus, '--format', 'md', '--seed', '42'], { cwd: ROOT, stdio: 'inherit' });
  }
  return corpus;
}

/** Awaits a measured step, keeps its output in .bench/logs/<log>.log and fails on a non-zero exit. */
async function checked(label: string, m: Promise<Measurement>, log: string): Promise<Measurement> {
  const r = await m;
  mkdirSync(join(WORK, 'logs'), { recursive: true });
  writeFileSync(join(WORK, 'logs', `${log}.log`), r.output);
  if (r.exitCode !== 0) throw new Error(`${label} failed (exit ${r.exitCode}):\n${r.output.slice(-4000)}`);
  const parts = [...Object.entries(r.roles), ...Object.entries(r.phases).map(([n, f]) => [`phase ${n}`, f] as const)];
  console.log(`  ${label}: ${r.seconds.toFixed(1)} s, ${gib(r.peakBytes)} (tree); ${parts.map(([n, f]) => `${n} ${f.seconds.toFixed(1)} s ${gib(f.peakBytes)}`).join(', ')}`);
  return r;
}

/** Bytes a fresh engine downloads for a first query, engine.js included (median and max over the queries). */
async function firstQueryBytes(outDir: string): Promise<{ median: number; max: number }> {
  const { loadEngine, installFileFetch } = await import('../../test/search/helpers.ts');
  const log = installFileFetch();
  const bytes: number[] = [];
  for (const q of QUERIES) {
    const engine = await loadEngine(outDir);
    log.reset();
    await engine.search(q, { limit: 10 });
    // engine.js is imported, not fetched: count it as a browser downloads it
    bytes.push(log.bytes() + statSync(join(outDir, 'search/engine.js')).size);
  }
  return { median: median(bytes), max: Math.max(...bytes) };
}

async function oursAt(size: number, corpus: string, opts: Options): Promise<OursFigures> {
  const out = join(WORK, `out-${size}`);
  const cache = join(WORK, `cache-${size}`);
  rmSync(out, { recursive: true, force: true });
  rmSync(cache, { recursive: true, force: true });
  const env = { ...process.env, PORTAL_CONTENT: corpus, PORTAL_OUT_DIR: out, PORTAL_CACHE_DIR: cache, PORTAL_LENIENT: '0' };
  let n = 0;
  const build = (label: string) =>
    checked(label, measure('npm', ['run', 'build', '--silent'], env, { cwd: ROOT, roles: ROLES_OURS, phases: PHASES_OURS }), `ours-${size}-${++n}`);
  console.log(`构建 building ${size} (ours: npm run build)…`);
  const full = await build('full build');
  const dist = dirSize(out);
  const index = indexSize(out);
  const firstQuery = await firstQueryBytes(out);
  const browser = opts.browser ? await firstResults(out, 'ours', QUERIES) : null;
  const noChange = await build('rebuild, nothing changed');
  const edited = await editOneDocument(corpus, SOURCE);
  let edit: Measurement;
  let rank: number;
  try {
    edit = await build(`rebuild, ${edited.id} edited`);
    rank = await editRank(out, edited);
    console.log(`  「${edited.phrase}」 → ${edited.id} at rank ${rank + 1} (${edited.others} other documents hold it)`);
  } finally {
    edited.restore();
  }
  if (opts.keep) await build('rebuild, edit reverted (--keep)');
  else rmSync(out, { recursive: true, force: true });
  return { full, noChange, edit, editRank: rank, editOthers: edited.others, dist, index, firstQuery, browser };
}

async function baselineAt(size: number, corpus: string, opts: Options): Promise<BaselineFigures> {
  const baseDir = writeBaselineProject(join(WORK, 'baseline'), corpus);
  const out = join(WORK, `baseline-out-${size}`);
  rmSync(out, { recursive: true, force: true });
  console.log(`构建 building ${size} (bare Astro + Pagefind)…`);
  const env = { ...process.env, BASELINE_OUT: out };
  const astro = await checked('baseline astro build', measure(node, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--silent', '--root', baseDir], env), `baseline-${size}-astro`);
  const pagefind = await checked('baseline pagefind', measure(node, [join(ROOT, 'node_modules/pagefind/lib/runner/bin.cjs'), '--site', out], env), `baseline-${size}-pagefind`);
  const figures: BaselineFigures = { astro, pagefind, index: dirSize(join(out, 'pagefind')), browser: null };
  if (opts.browser) {
    // the baseline's UI is Pagefind's: a failure there is reported, not fatal to our figures
    figures.browser = await firstResults(out, 'baseline', QUERIES).catch((e: Error) => {
      console.error(`  baseline in Chromium failed: ${e.message}`);
      figures.browserError = e.message.slice(0, 120);
      return null;
    });
  }
  if (!opts.keep) rmSync(out, { recursive: true, force: true });
  return figures;
}

async function sizeRow(size: number, opts: Options): Promise<SizeRow> {
  const corpus = ensureCorpus(size);
  const row: SizeRow = { size, ours: await oursAt(size, corpus, opts) };
  if (opts.noBaseline) row.baseNote = 'not run (--no-baseline)';
  else if (!opts.baselineSizes.includes(size)) row.baseNote = 'not run';
  else {
    row.base = await baselineAt(size, corpus, opts).catch((e: Error) => {
      console.error(`  baseline failed: ${e.message.slice(0, 2000)}`);
      return undefined;
    });
    if (!row.base) row.baseNote = 'failed';
  }
  return row;
}

function command(opts: Options): string {
  const base = opts.noBaseline ? ' --no-baseline' : opts.baselineSizes.join() !== opts.sizes.join() ? ` --baseline-sizes ${opts.baselineSizes.join(',')}` : '';
  return `npm run bench -- --sizes ${opts.sizes.join(',')}${base}${opts.browser ? '' : ' --no-browser'}`;
}

async function main(): Promise<void> {
  const opts = options();
  if (!existsSync(SOURCE)) {
    console.error(`需要 ${SOURCE}（benchmark needs ../shared/corpus/policies.jsonl: the generator recombines its paragraphs）`);
    process.exit(2);
  }
  mkdirSync(WORK, { recursive: true });
  const rows: SizeRow[] = [];
  const loadAtStart = loadavg()[0]!;
  for (const size of opts.sizes) rows.push(await sizeRow(size, opts));
  // the machine may be shared: wall times mean little without the load they ran under
  const load = `load average ${loadAtStart.toFixed(1)} at start, ${loadavg()[0]!.toFixed(1)} at end`;
  const machine = `${cpus().length} cores (${cpus()[0]?.model ?? 'cpu'}), ${(totalmem() / 1024 ** 3).toFixed(0)} GiB RAM, Node ${process.version}, ${load}`;
  const lines = buildSection(rows, command(opts), machine, new Date().toISOString().slice(0, 10), QUERIES);
  writeBenchmarkSection(join(ROOT, 'BENCHMARKS.md'), 'Build', lines);
  console.log(lines.join('\n'));
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
