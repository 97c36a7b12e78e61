/**
 * npm run bench -- [--sizes 1000,10000] [--baseline-sizes 1000,10000] [--no-baseline] [--keep]
 *
 * Full-build benchmark on recombined-real corpora (scripts/bench/generate.ts, paragraphs of
 * ../shared/corpus): for each size, our `npm run build` (astro build + search index) and the
 * bare Astro + Pagefind baseline (scripts/bench/baseline.ts) in the same run. Reports wall
 * time, peak memory of the whole process tree, dist size, index size and the bytes a first
 * query downloads; writes the table into BENCHMARKS.md under "## Build".
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { gib, measure, mib, writeBenchmarkSection, type Measurement } from './measure.ts';
import { writeBaselineProject } from './baseline.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const WORK = join(ROOT, '.bench');
const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
if (args.includes('--help')) {
  console.log('usage: npm run bench -- [--sizes 1000,10000] [--baseline-sizes 1000,10000] [--no-baseline] [--keep]');
  process.exit(0);
}
const sizes = (opt('--sizes') ?? '1000,10000').split(',').map(Number);
const withBaseline = !args.includes('--no-baseline');
// bare Pagefind's memory grows ~1.4 MB per document (killed at 22 GB near 16,000 on this
// machine), so large sizes can skip it rather than take the machine down
const baselineSizes = opt('--baseline-sizes')?.split(',').map(Number);
const node = process.execPath;

if (!existsSync(join(ROOT, '../shared/corpus/policies.jsonl'))) {
  console.error('需要 ../shared/corpus/policies.jsonl（benchmark needs ../shared/corpus）');
  process.exit(2);
}

function dirSize(dir: string): number {
  if (!existsSync(dir)) return 0;
  let total = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const s = statSync(p);
    total += s.isDirectory() ? dirSize(p) : s.size;
  }
  return total;
}

/** Our index lives in <out>/search/ (beside the search page, which is left out of the figure). */
function indexSize(outDir: string): number {
  const dir = join(outDir, 'search');
  return readdirSync(dir)
    .filter((n) => n !== 'index.html')
    .reduce((sum, n) => sum + (statSync(join(dir, n)).isDirectory() ? dirSize(join(dir, n)) : statSync(join(dir, n)).size), 0);
}

async function run(label: string, steps: [string, string[]][], env: NodeJS.ProcessEnv): Promise<Measurement> {
  let seconds = 0;
  let peak = 0;
  for (const [cmd, a] of steps) {
    const m = await measure(cmd, a, env);
    if (m.exitCode !== 0) throw new Error(`${label}: ${cmd} ${a.join(' ')} failed:\n${m.output.slice(-4000)}`);
    seconds += m.seconds;
    peak = Math.max(peak, m.peakBytes);
  }
  return { seconds, peakBytes: peak, exitCode: 0, output: '' };
}

/** Bytes a fresh engine downloads for a first query, engine.js included (median and max over typical queries). */
async function firstQueryBytes(outDir: string, queries: string[]): Promise<{ median: number; max: number }> {
  const { loadEngine, installFileFetch } = await import('../../test/search/helpers.ts');
  const log = installFileFetch();
  const bytes: number[] = [];
  for (const q of queries) {
    const engine = await loadEngine(outDir);
    log.reset();
    await engine.search(q, { limit: 10 });
    // engine.js is imported, not fetched: count it as a browser downloads it
    bytes.push(log.bytes() + statSync(join(outDir, 'search/engine.js')).size);
  }
  bytes.sort((a, b) => a - b);
  return { median: bytes[Math.floor(bytes.length / 2)]!, max: bytes[bytes.length - 1]! };
}

interface Row {
  size: number;
  ours: Measurement;
  oursDist: number;
  oursIndex: number;
  fq: { median: number; max: number };
  base?: Measurement;
  baseIndex?: number;
  /** why the baseline has no figure at this size */
  baseNote?: string;
}

const rows: Row[] = [];
mkdirSync(WORK, { recursive: true });
for (const size of sizes) {
  const corpus = join(WORK, `corpus-md-${size}`);
  if (!existsSync(join(corpus, 'site.yaml'))) {
    console.log(`生成 ${size} 篇… generating ${size} documents`);
    execFileSync(node, ['scripts/bench/generate.ts', '--count', String(size), '--out', corpus, '--format', 'md', '--seed', '42'], { cwd: ROOT, stdio: 'inherit' });
  }
  const out = join(WORK, `out-${size}`);
  rmSync(out, { recursive: true, force: true });
  console.log(`构建 building ${size} (ours)…`);
  const env = { ...process.env, PORTAL_CONTENT: corpus, PORTAL_OUT_DIR: out, PORTAL_LENIENT: '0' };
  const ours = await run('ours', [[node, ['node_modules/astro/bin/astro.mjs', 'build', '--silent']], [node, ['scripts/build-search.ts', '--out', out]]], env);
  const queries = ['政务公开', '银发〔2015〕305号', '反洗钱', '个人信息保护', '金融机构', '存款保险', '征信', '支付结算'];
  const row: Row = { size, ours, oursDist: dirSize(out), oursIndex: indexSize(out), fq: await firstQueryBytes(out, queries) };
  console.log(`  ours: ${ours.seconds.toFixed(1)} s, ${gib(ours.peakBytes)}, first query ${(row.fq.median / 1024).toFixed(0)} KiB`);
  if (withBaseline && baselineSizes && !baselineSizes.includes(size)) row.baseNote = 'not run';
  else if (withBaseline) {
    const baseDir = writeBaselineProject(join(WORK, 'baseline'), corpus);
    const baseOut = join(WORK, `baseline-out-${size}`);
    rmSync(baseOut, { recursive: true, force: true });
    console.log(`构建 building ${size} (bare Astro + Pagefind)…`);
    const base = await run(
      'baseline',
      [
        [node, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--silent', '--root', baseDir]],
        [node, [join(ROOT, 'node_modules/pagefind/lib/runner/bin.cjs'), '--site', baseOut]],
      ],
      { ...process.env, BASELINE_OUT: baseOut },
    ).catch((e: Error) => {
      console.error(`  baseline failed: ${e.message.slice(0, 2000)}`);
      return undefined;
    });
    if (base) {
      row.base = base;
      row.baseIndex = dirSize(join(baseOut, 'pagefind'));
      console.log(`  baseline: ${base.seconds.toFixed(1)} s, ${gib(base.peakBytes)}`);
    } else row.baseNote = 'failed';
    if (!args.includes('--keep')) rmSync(baseOut, { recursive: true, force: true });
  }
  if (!args.includes('--keep')) rmSync(out, { recursive: true, force: true });
  rows.push(row);
}

const machine = `${cpus().length} cores (${cpus()[0]?.model ?? 'cpu'}), ${(totalmem() / 1024 ** 3).toFixed(0)} GiB RAM, Node ${process.version}`;
const cmd = `npm run bench -- --sizes ${sizes.join(',')}${baselineSizes ? ` --baseline-sizes ${baselineSizes.join(',')}` : ''}${withBaseline ? '' : ' --no-baseline'}`;
const lines = [
  '## Build',
  '',
  `Command: \`${cmd}\` · machine: ${machine} · ${new Date().toISOString().slice(0, 10)}`,
  '',
  'Documents are recombined real paragraphs (scripts/bench/generate.ts, seed 42). Peak memory is the sum of',
  'resident memory over the whole process tree (astro, esbuild, pagefind), sampled every 250 ms.',
  '',
  '| documents | ours: build | ours: peak memory | baseline: build | baseline: peak memory | time ratio | dist size | index size (ours / baseline) | first query (median / max) |',
  '|---|---|---|---|---|---|---|---|---|',
  ...rows.map((r) =>
    [
      r.size.toLocaleString('en'),
      `${r.ours.seconds.toFixed(1)} s`,
      gib(r.ours.peakBytes),
      r.base ? `${r.base.seconds.toFixed(1)} s` : (r.baseNote ?? '–'),
      r.base ? gib(r.base.peakBytes) : '–',
      r.base ? `${(r.ours.seconds / r.base.seconds).toFixed(2)}×` : '–',
      mib(r.oursDist),
      `${mib(r.oursIndex)} / ${r.baseIndex !== undefined ? mib(r.baseIndex) : '–'}`,
      `${(r.fq.median / 1024).toFixed(0)} KiB / ${(r.fq.max / 1024).toFixed(0)} KiB`,
    ].join(' | ').replace(/^/, '| ').replace(/$/, ' |'),
  ),
  '',
];
writeBenchmarkSection(join(ROOT, 'BENCHMARKS.md'), 'Build', lines);
console.log(lines.join('\n'));
