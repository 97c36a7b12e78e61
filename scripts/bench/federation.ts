/**
 * npm run bench:federation -- [--sites 20] [--per-site 2500] [--single .bench/out-50000] [--reuse]
 *
 * Federated search at scale (issue 9): the 50,000 recombined-real documents of
 * `npm run bench -- --sizes 50000` (.bench/corpus-md-50000, seed 42) are dealt round-robin to
 * 20 sites of 2,500 (one 自治区, 11 盟市, 8 旗县), each built on its own like an office's CI
 * (`astro build` + the search index, under its own base /site-NN/); site 00 names the other 19
 * as peers. Against the same 50,000 documents built as ONE site (--single, the kept output of
 * `npm run bench -- --sizes 50000 --keep`) it measures:
 *   - build time and peak memory per site;
 *   - bytes a first query downloads (Node, fresh engine, every file counted once);
 *   - time to the first result in Chromium (fresh browser context: nothing cached), with the
 *     20 sites served from one local server under their own paths;
 *   - how far the federated top 10 agrees with the one-site top 10 (same documents, so a fair
 *     global ranking should give the same list).
 * Writes the figures into BENCHMARKS.md under "## Federation".
 */
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, copyFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { execFileSync } from 'node:child_process';
import { gib, measure, mib, writeBenchmarkSection } from './measure.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const WORK = join(ROOT, '.bench');
const { values } = parseArgs({
  options: {
    sites: { type: 'string', default: '20' },
    'per-site': { type: 'string', default: '2500' },
    single: { type: 'string', default: join(WORK, 'out-50000') },
    reuse: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log('usage: npm run bench:federation -- [--sites 20] [--per-site 2500] [--single .bench/out-50000] [--reuse]');
  process.exit(0);
}
const N = Number(values.sites);
const PER = Number(values['per-site']);
const TOTAL = N * PER;
const node = process.execPath;
const FED = join(WORK, `fed-${N}x${PER}`);
const corpus = join(WORK, `corpus-md-${Math.max(TOTAL, 50000)}`);
const QUERIES = ['政务公开', '银发〔2015〕305号', '反洗钱', '个人信息保护', '金融机构', '存款保险', '征信', '支付结算'];

/** 盟市 codes of Inner Mongolia; 旗县 codes are illustrative */
const LEAGUES = ['150100', '150200', '150300', '150400', '150500', '150600', '150700', '150800', '150900', '152200', '152500', '152900'];
const pad = (n: number) => String(n).padStart(2, '0');
function siteOf(k: number) {
  const level = k === 0 ? '自治区' : k <= 11 ? '盟市' : '旗县';
  const region = k === 0 ? '150000' : k <= 11 ? LEAGUES[k - 1]! : `1502${pad(k)}`;
  return { id: `site-${pad(k)}`, siteCode: `${region}${String(k).padStart(4, '0')}`, level, region, name: `基准测试站点 ${pad(k)}（${level}）`, base: `/site-${pad(k)}/` };
}

function ensureCorpus(): void {
  if (existsSync(join(corpus, 'site.yaml'))) return;
  console.log(`生成 ${TOTAL} 篇… generating`);
  execFileSync(node, ['scripts/bench/generate.ts', '--count', String(Math.max(TOTAL, 50000)), '--out', corpus, '--format', 'md', '--seed', '42'], { cwd: ROOT, stdio: 'inherit' });
}

/** Site k's content: hard links to every N-th policy (and its interpretation). */
function splitCorpus(): void {
  const marker = join(FED, 'content', '.done');
  if (existsSync(marker)) return;
  rmSync(join(FED, 'content'), { recursive: true, force: true });
  const policies = readdirSync(join(corpus, 'policies')).filter((f) => f.endsWith('.md')).sort().slice(0, TOTAL);
  const interp = new Set(readdirSync(join(corpus, 'interpretations')));
  for (let k = 0; k < N; k++) {
    const s = siteOf(k);
    const dir = join(FED, 'content', s.id);
    mkdirSync(join(dir, 'policies'), { recursive: true });
    mkdirSync(join(dir, 'interpretations'), { recursive: true });
    for (const f of ['organizations.yaml', 'topics.yaml']) copyFileSync(join(corpus, f), join(dir, f));
    const peers =
      k === 0
        ? `federation:\n${Array.from({ length: N - 1 }, (_, i) => siteOf(i + 1))
            .map((p) => `  - { id: "${p.siteCode}", name: "${p.name}", level: ${p.level}, region: "${p.region}", url: ${p.base} }`)
            .join('\n')}\n`
        : '';
    writeFileSync(join(dir, 'site.yaml'), `name: "${s.name}"\nregion: "${s.region}"\nlevel: ${s.level}\nsiteCode: "${s.siteCode}"\norganizer: 基准测试\ncontacts: {}\npageSize: 20\n${peers}`);
  }
  policies.forEach((f, i) => {
    const dir = join(FED, 'content', siteOf(i % N).id);
    linkSync(join(corpus, 'policies', f), join(dir, 'policies', f));
    const jd = f.replace(/\.md$/, '-jd.md');
    if (interp.has(jd)) linkSync(join(corpus, 'interpretations', jd), join(dir, 'interpretations', jd));
  });
  writeFileSync(marker, '');
}

function dirSize(dir: string): number {
  if (!existsSync(dir)) return 0;
  let total = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) if (e.isFile()) total += statSync(join(e.parentPath, e.name)).size;
  return total;
}

interface Built {
  id: string;
  seconds: number;
  peak: number;
  index: number;
}

async function buildSites(): Promise<Built[]> {
  const file = join(FED, 'builds.json');
  const old: Built[] = values.reuse && existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : [];
  const out: Built[] = [];
  for (let k = 0; k < N; k++) {
    const s = siteOf(k);
    const dist = join(FED, 'out', s.id);
    const prev = old.find((b) => b.id === s.id);
    if (prev && existsSync(join(dist, 'search', 'sites.json'))) {
      out.push(prev);
      continue;
    }
    rmSync(dist, { recursive: true, force: true });
    // one full build per site (astro build writes the search index too); its own cache, so the
    // 20 sites' different contents never share one
    const env = { ...process.env, PORTAL_CONTENT: join(FED, 'content', s.id), PORTAL_OUT_DIR: dist, PORTAL_BASE: s.base, PORTAL_LENIENT: '0', PORTAL_CACHE_DIR: `${dist}.cache`, PORTAL_FULL_BUILD: '1' };
    const m = await measure(node, ['node_modules/astro/bin/astro.mjs', 'build', '--silent'], env);
    if (m.exitCode !== 0) throw new Error(`${s.id}: astro build failed:\n${m.output.slice(-3000)}`);
    const { seconds, peakBytes: peak } = m;
    const b = { id: s.id, seconds, peak, index: dirSize(join(dist, 'search')) - statSync(join(dist, 'search', 'index.html')).size };
    console.log(`  ${s.id}: ${seconds.toFixed(1)} s, ${gib(peak)}`);
    out.push(b);
    writeFileSync(file, JSON.stringify(out));
  }
  return out;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const idOf = (url: string) => /policies\/([^/]+)\//.exec(url)?.[1] ?? url;

async function nodeQueries(): Promise<{ fed: number[]; single: number[]; agree: number[]; notices: number }> {
  const { loadEngine, installFileFetch } = await import('../../test/search/helpers.ts');
  const log = installFileFetch();
  const peers = Array.from({ length: N - 1 }, (_, i) => {
    const p = siteOf(i + 1);
    return { id: p.siteCode, name: { zh: p.name }, level: p.level, region: p.region, url: pathToFileURL(join(FED, 'out', p.id) + '/').href };
  });
  const fed: number[] = [];
  const single: number[] = [];
  const agree: number[] = [];
  let notices = 0;
  const home = join(FED, 'out', siteOf(0).id);
  for (const q of QUERIES) {
    const e = await loadEngine(home);
    await e.options({ basePath: pathToFileURL(join(home, 'search/')).href, baseUrl: '/site-00/', peers, timeout: 60_000 });
    log.reset();
    const r = await e.search(q, { limit: 10 });
    // engine.js is imported, not fetched: count it as a browser downloads it
    fed.push(log.bytes() + statSync(join(home, 'search/engine.js')).size);
    notices += r.notices.length;
    if (existsSync(values.single!)) {
      const s = await loadEngine(values.single!);
      log.reset();
      const rs = await s.search(q, { limit: 10 });
      single.push(log.bytes() + statSync(join(values.single!, 'search/engine.js')).size);
      const a = new Set(r.results.map((x) => idOf(x.url)));
      agree.push(rs.results.length ? rs.results.filter((x) => a.has(idOf(x.url))).length / rs.results.length : 1);
    }
  }
  return { fed, single, agree, notices };
}

async function browserQueries(): Promise<{ fed: number[]; single: number[]; notices: number } | null> {
  const { chromiumAvailable, launchChromium } = await import('../../test/helpers/browser.ts');
  if (!chromiumAvailable) return null;
  const { serveMany } = await import('../../test/helpers/serve.ts');
  const mounts = Array.from({ length: N }, (_, k) => ({ dir: join(FED, 'out', siteOf(k).id), base: siteOf(k).base }));
  const hasSingle = existsSync(values.single!);
  if (hasSingle) mounts.push({ dir: values.single!, base: '/' });
  const served = await serveMany(mounts);
  const origin = new URL(served.url).origin;
  const browser = await launchChromium();
  const time = async (path: string, q: string) => {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await page.goto(`${origin}${path}search/?q=${encodeURIComponent(q)}`);
    await page.waitForSelector('[data-search-total]', { state: 'attached', timeout: 120_000 });
    const ms = await page.evaluate(() => performance.now());
    const n = await page.$$eval('[data-search-notices] li', (l) => l.length);
    await ctx.close();
    return { ms, n };
  };
  const fed: number[] = [];
  const single: number[] = [];
  let notices = 0;
  for (const q of QUERIES) {
    const f = await time('/site-00/', q);
    fed.push(f.ms);
    notices += f.n;
    if (hasSingle) single.push((await time('/', q)).ms);
  }
  await browser.close();
  await served.close();
  return { fed, single, notices };
}

ensureCorpus();
splitCorpus();
console.log(`构建 building ${N} sites × ${PER}…`);
const builds = await buildSites();
// queries run with the engine of the current source (builds may be reused from an earlier run)
const { bundleEngine } = await import('../build-search.ts');
for (const dir of [join(FED, 'out', siteOf(0).id), ...(existsSync(values.single!) ? [values.single!] : [])]) await bundleEngine(join(dir, 'search', 'engine.js'));
console.log('查询 querying…');
const nq = await nodeQueries();
const bq = await browserQueries();
const kib = (b: number) => `${(b / 1024).toFixed(0)} KiB`;
const ms = (x: number) => `${(x / 1000).toFixed(2)} s`;
const secs = builds.map((b) => b.seconds);
const single = existsSync(values.single!);
const lines = [
  '## Federation',
  '',
  `Command: \`npm run bench:federation -- --sites ${N} --per-site ${PER}\` · machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'cpu'}), ${(totalmem() / 1024 ** 3).toFixed(0)} GiB RAM, Node ${process.version} · ${new Date().toISOString().slice(0, 10)}`,
  '',
  `${TOTAL.toLocaleString('en')} recombined-real documents (the ${Math.max(TOTAL, 50000).toLocaleString('en')} of the build benchmark, seed 42) dealt round-robin to ${N} sites of ${PER.toLocaleString('en')}, each built on its own; site 00 searches the other ${N - 1} as peers. "One site" is the same documents built as a single portal (${single ? '`npm run bench -- --sizes 50000 --keep`' : 'not available in this run'}). Queries: ${QUERIES.join('、')}.`,
  '',
  `| | ${N} sites × ${PER.toLocaleString('en')} (federated) | one site × ${TOTAL.toLocaleString('en')} |`,
  '|---|---|---|',
  `| first query downloads, median / max (Node, fresh engine) | ${kib(median(nq.fed))} / ${kib(Math.max(...nq.fed))} | ${single ? `${kib(median(nq.single))} / ${kib(Math.max(...nq.single))}` : '–'} |`,
  `| time to first result in Chromium, median / max (cold cache, local server) | ${bq ? `${ms(median(bq.fed))} / ${ms(Math.max(...bq.fed))}` : 'no Chromium'} | ${bq && single ? `${ms(median(bq.single))} / ${ms(Math.max(...bq.single))}` : '–'} |`,
  `| build time per site, median / max | ${secs.length ? `${median(secs).toFixed(1)} s / ${Math.max(...secs).toFixed(1)} s` : '–'} | see ## Build (50,000 row) |`,
  `| peak memory per site, max | ${gib(Math.max(...builds.map((b) => b.peak)))} | see ## Build |`,
  `| index size per site, median | ${mib(median(builds.map((b) => b.index)))} | see ## Build |`,
  `| federated top 10 ∩ one-site top 10, mean | ${single ? `${Math.round((100 * nq.agree.reduce((a, b) => a + b, 0)) / Math.max(1, nq.agree.length))}%` : '–'} | – |`,
  `| peers skipped (notices) over all queries | Node ${nq.notices}${bq ? `, Chromium ${bq.notices}` : ''} | – |`,
  '',
];
writeBenchmarkSection(join(ROOT, 'BENCHMARKS.md'), 'Federation', lines);
console.log(lines.join('\n'));
