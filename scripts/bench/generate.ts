/**
 * Benchmark corpus generator: builds N synthetic policy documents by recombining REAL paragraphs
 * from ../shared/corpus/policies.jsonl (never lorem ipsum).
 *
 *   node scripts/bench/generate.ts --count 10000 --out .bench/corpus-10k [--format md|jsonl] [--seed 42]
 *                                  [--corpus ../shared/corpus/policies.jsonl] [--versions 0.1]
 *
 * Every generated document gets
 *  - a real title pattern: a real "X关于…的<文种>" title (from the corpus titles and the titles the
 *    bodies cite in 《》) with X replaced by the generated issuer and 4-digit years by the
 *    generated year;
 *  - a real-looking 文号: a real agency prefix (机关代字) seen in the corpus, either in a docNumber
 *    field or cited in a body as 《X关于…》（代字〔年〕号）, paired with the issuer X it belongs to,
 *    plus the document's year and a serial; unique across the output and never equal to a real
 *    corpus 文号 (compared by src/lib/docnumber.ts keys);
 *  - real issuer names (joint issuance where the corpus has it);
 *  - dates spread over 2000–2026 (written ≤ published);
 *  - a body of real paragraphs taken in runs from several source documents, with a target length
 *    drawn from the corpus's own body-length distribution (median ≈ 4,471 chars, mean ≈ 5,500 chars
 *    ≈ 16.5 KB UTF-8), capped at 60,000 chars.
 *
 * Output is streamed (one document in memory at a time); the corpus is held once.
 * `--format jsonl` writes DIR/policies.jsonl in the corpus shape {id, title, docNumber, issuer,
 * written, published, topic, body}; `--format md` writes a content directory: site.yaml,
 * topics.yaml, organizations.yaml, policies/<id>.md, interpretations/<id>.md.
 * Deterministic for a given seed and corpus.
 */
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_CORPUS, loadCorpus, ROOT, type Corpus } from './source-corpus.ts';
import { Generator, isoOf, pad, type GeneratedDoc } from './recombine.ts';
import { amendmentLine, VersionMaker } from './versions.ts';

export { DEFAULT_CORPUS, loadCorpus, MAX_BODY, type Corpus } from './source-corpus.ts';
export { Generator, makeRng, type GeneratedDoc } from './recombine.ts';

// ---------- writers ----------
async function write(ws: WriteStream, s: string): Promise<void> {
  if (!ws.write(s)) await once(ws, 'drain');
}
async function close(ws: WriteStream): Promise<void> {
  ws.end();
  await once(ws, 'finish');
}

const q = (s: string) => JSON.stringify(s); // JSON strings are valid YAML double-quoted scalars

export interface Options {
  count: number;
  out: string;
  format: 'md' | 'jsonl';
  seed: number;
  corpus?: string;
  /** fraction of documents (md format) given 2–3 历史版本 (versions.ts); default 0 */
  versions?: number;
}

type Written = { count: number; files: number; bytes: number };

async function writeJsonl(gen: Generator, opts: Options): Promise<Written> {
  const ws = createWriteStream(path.join(opts.out, 'policies.jsonl'));
  let bytes = 0;
  for (let i = 0; i < opts.count; i++) {
    const d = gen.next();
    const line = JSON.stringify({
      id: d.id, title: d.title, docNumber: d.docNumber, issuer: d.issuer.join(' '),
      written: d.written, published: d.published, topic: d.topic.name, body: d.paras.join('\n'),
    }) + '\n';
    bytes += Buffer.byteLength(line);
    await write(ws, line);
  }
  await close(ws);
  return { count: opts.count, files: 1, bytes };
}

interface Orgs {
  id: Map<string, string>;
  code: Map<string, string>;
}

/** organizations.yaml (the corpus's issuers), topics.yaml and site.yaml (the project's when present). */
function writeSiteFiles(out: string, corpus: Corpus): Orgs {
  const orgNames = [...new Set(corpus.agencies.flatMap((a) => a.issuers))].sort();
  const orgs: Orgs = { id: new Map(orgNames.map((n, i) => [n, `org-${pad(i + 1, 4)}`])), code: new Map(orgNames.map((n, i) => [n, Generator.orgCode(i + 1)])) };
  writeFileSync(path.join(out, 'organizations.yaml'),
    '# 生成的基准测试数据：机关名称取自真实语料，机构代码为示意值（统一社会信用代码格式）。\n' +
    orgNames.map((n) => `- { id: ${orgs.id.get(n)}, name: ${q(n)}, code: "${orgs.code.get(n)}" }`).join('\n') + '\n');
  const topicsFile = path.join(ROOT, 'content/topics.yaml');
  writeFileSync(path.join(out, 'topics.yaml'), existsSync(topicsFile)
    ? readFileSync(topicsFile, 'utf8')
    : corpus.topics.map((t) => `- { id: ${t.id}, name: ${q(t.name)} }`).join('\n') + '\n');
  const siteFile = path.join(ROOT, 'content/site.yaml');
  writeFileSync(path.join(out, 'site.yaml'), existsSync(siteFile)
    ? readFileSync(siteFile, 'utf8')
    : 'name: { zh: 基准测试站点 }\nregion: "150000"\nlevel: 自治区\nsiteCode: "1500000001"\norganizer: 基准测试\ncontacts: {}\npageSize: 20\n');
  return orgs;
}

function policyText(d: GeneratedDoc, gen: Generator, orgs: Orgs, extra: string[] = []): string {
  const fm = [
    '---',
    `title: ${q(d.title)}`,
    `docNumber: ${q(d.docNumber)}`,
    `issuers: [${d.issuer.map((n) => orgs.id.get(n)!).join(', ')}]`,
    `indexNumber: ${q(gen.indexNumber(orgs.code.get(d.issuer[0]!)!, d.written.slice(0, 4)))}`,
    `topic: ${d.topic.id}`,
    `docType: ${d.docType}`,
    `category: ${d.category}`,
    `written: ${d.written}`,
    `published: ${d.published}`,
    'openness: 主动公开',
    ...extra,
    '---',
    '',
  ].join('\n');
  return fm + d.paras.join('\n\n') + '\n';
}

/** A small interpretation (title, date, 3 paragraphs) of document `d`, the i-th generated. */
function interpretationText(d: GeneratedDoc, i: number): string {
  const pub = isoOf(Date.parse(d.published) + (1 + (i % 3)) * 86_400_000);
  return [
    '---',
    `title: ${q(`《${d.title}》解读`)}`,
    `interprets: [${d.id}]`,
    `published: ${pub}`,
    'form: 文字',
    `interpreter: { org: ${q(d.issuer[0]!)} }`,
    '---',
    '',
    d.paras.slice(0, 3).join('\n\n'),
    '',
  ].join('\n');
}

/** A content directory; a few interpretations for evenly spaced documents. */
function writeContentDir(gen: Generator, corpus: Corpus, opts: Options): Written {
  const pdir = path.join(opts.out, 'policies');
  const idir = path.join(opts.out, 'interpretations');
  mkdirSync(pdir, { recursive: true });
  mkdirSync(idir, { recursive: true });
  const orgs = writeSiteFiles(opts.out, corpus);
  const nInterp = Math.min(50, Math.max(3, Math.floor(opts.count / 1000)));
  const every = Math.max(1, Math.floor(opts.count / nInterp));
  let files = 3;
  let bytes = 0;
  let interp = 0;
  const versions = new VersionMaker(opts.versions ?? 0, opts.seed);
  for (let i = 0; i < opts.count; i++) {
    const d = gen.next();
    const plan = versions.plan(d);
    const text = policyText(d, gen, orgs, plan ? [amendmentLine(plan)] : []);
    if (plan) {
      bytes += versions.write(pdir, d, plan);
      files += plan.dates.length;
    }
    bytes += Buffer.byteLength(text);
    writeFileSync(path.join(pdir, `${d.id}.md`), text);
    files++;
    if (i % every === 0 && interp < nInterp) {
      interp++;
      writeFileSync(path.join(idir, `${d.id}-jd.md`), interpretationText(d, i));
      files++;
    }
  }
  return { count: opts.count, files, bytes };
}

export async function generate(opts: Options, corpusIn?: Corpus): Promise<Written> {
  const corpus = corpusIn ?? (await loadCorpus(opts.corpus ?? DEFAULT_CORPUS));
  const gen = new Generator(corpus, opts.seed, opts.count);
  mkdirSync(opts.out, { recursive: true });
  return opts.format === 'jsonl' ? writeJsonl(gen, opts) : writeContentDir(gen, corpus, opts);
}

// ---------- CLI ----------
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      count: { type: 'string', default: '1000' },
      out: { type: 'string' },
      format: { type: 'string', default: 'md' },
      seed: { type: 'string', default: '42' },
      corpus: { type: 'string' },
      versions: { type: 'string', default: '0' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const usage = 'usage: node scripts/bench/generate.ts --count N --out DIR [--format md|jsonl] [--seed 42] [--corpus FILE] [--versions 0.1]';
  if (values.help) { console.log(usage); return; }
  const count = Number(values.count);
  const seed = Number(values.seed);
  const versions = Number(values.versions);
  if (!(versions >= 0 && versions <= 1) || (versions > 0 && values.format !== 'md')) {
    console.error(`--versions must be a fraction 0–1 (md format only), got ${values.versions}\n${usage}`);
    process.exit(2);
  }
  if (!values.out || !Number.isInteger(count) || count < 1 || !Number.isInteger(seed) || (values.format !== 'md' && values.format !== 'jsonl')) {
    console.error(usage);
    process.exit(2);
  }
  const corpus = path.resolve(values.corpus ?? DEFAULT_CORPUS);
  if (!existsSync(corpus)) {
    console.error(`找不到真实语料 / real corpus not found: ${corpus}\n` +
      '生成器只用真实段落重组文档，需要项目旁的 ../shared/corpus/policies.jsonl（或用 --corpus 指定）。' +
      '\nThe generator recombines real paragraphs and needs ../shared/corpus/policies.jsonl next to the repository (or --corpus FILE).');
    process.exit(2);
  }
  const t0 = performance.now();
  const c = await loadCorpus(corpus);
  const t1 = performance.now();
  const r = await generate({ count, out: path.resolve(values.out), format: values.format as 'md' | 'jsonl', seed, corpus, versions }, c);
  const t2 = performance.now();
  console.log(`generated ${r.count} documents (${values.format}) into ${values.out}: ${r.files} files, ${(r.bytes / 1e6).toFixed(1)} MB; ` +
    `corpus load ${((t1 - t0) / 1000).toFixed(1)} s, generation ${((t2 - t1) / 1000).toFixed(1)} s; ` +
    `${c.docs.length} source documents, ${c.agencies.length} agencies, ${c.titleTails.length} title patterns`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
